/**
 * Case and evidence identity.
 *
 * A case is one 舆情, by default one thread (forum thread, Weibo status, news
 * article, board message, Zhihu question…): its id comes from the thread's
 * canonical URL alone, so two officers capturing different floors of one
 * thread meet in one case. Each captured post is an evidence item of that
 * case, identified by the canonical URL and the post's own id.
 */
import { sha256Hex } from '../extract/digest';

/**
 * The id of the case for a thread: `t-` + the first 24 hex digits of
 * SHA-256(canonical URL). 96 bits keep collisions out of reach for any
 * office's lifetime of cases. (Version 2 cases, one per post, keep their
 * `c-` ids: the log is never rewritten.)
 */
export async function threadCaseIdOf(canonicalUrl: string): Promise<string> {
  return `t-${(await sha256Hex(canonicalUrl)).slice(0, 24)}`;
}

/**
 * The id of an evidence item: `canonicalUrl#postId`, computed synchronously
 * (it is also computed inside database upgrades, where no other promise may
 * be awaited). Canonical URLs have no fragment, so the `#` is unambiguous.
 */
export function evidenceIdOf(canonicalUrl: string, postId: string): string {
  return `${canonicalUrl}#${postId}`;
}
