/** `getPostStates`: badges for posts already in the log, by case id or by page + post ids. */
import type { AppDB } from '../../db/app-db';
import { getCaseStatesByKeys } from '../../db/repos/cases';
import { ok, type Result } from '../result';
import type { GetPostStatesRequest, PostStates } from '../schemas';

/** What the handler needs. */
export interface PostStatesDeps {
  db: AppDB;
  caseIdOf: (canonicalUrl: string, postId: string) => Promise<string>;
}

/** The `getPostStates` handler: keyed by case id, or by post id when asked by post ids. */
export function handleGetPostStates(deps: PostStatesDeps) {
  return async (request: GetPostStatesRequest): Promise<Result<PostStates>> => {
    if ('caseIds' in request) return ok(await getCaseStatesByKeys(deps.db, request.caseIds));
    const pairs = await Promise.all(
      request.postIds.map(async (postId) => [postId, await deps.caseIdOf(request.canonicalUrl, postId)] as const),
    );
    const byCase = await getCaseStatesByKeys(deps.db, pairs.map(([, caseId]) => caseId));
    const byPost: PostStates = {};
    for (const [postId, caseId] of pairs) {
      const state = byCase[caseId];
      if (state) byPost[postId] = state;
    }
    return ok(byPost);
  };
}
