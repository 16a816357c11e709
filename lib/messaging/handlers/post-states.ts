/** `getPostStates`: badges for posts already in the log, by case id or by page + post ids. */
import type { AppDB } from '../../db/app-db';
import { getCaseStatesByKeys, getThreadPostStates } from '../../db/repos/cases';
import { ok, type Result } from '../result';
import type { GetPostStatesRequest, PostStates } from '../schemas';

/** What the handler needs. */
export interface PostStatesDeps {
  db: AppDB;
  threadCaseIdOf: (canonicalUrl: string) => Promise<string>;
}

/**
 * The `getPostStates` handler: keyed by case id, or by post id when asked by
 * post ids. Every floor of a thread that is a case answers (the captured
 * ones with `evidence: true`), so the page shows "本帖已立案" on each.
 */
export function handleGetPostStates(deps: PostStatesDeps) {
  return async (request: GetPostStatesRequest): Promise<Result<PostStates>> => {
    if ('caseIds' in request) return ok(await getCaseStatesByKeys(deps.db, request.caseIds));
    const threadCaseId = await deps.threadCaseIdOf(request.canonicalUrl);
    return ok(await getThreadPostStates(deps.db, request.canonicalUrl, request.postIds, threadCaseId));
  };
}
