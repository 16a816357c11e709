/**
 * Post ids as the rest of the product stores them. A page may give a post
 * any id (a 10,000-character `data-pid`, a base64 blob); the message
 * protocol, the evidence id (`canonicalUrl#postId`) and the badge-state
 * lookup accept at most {@link MAX_POST_ID_LENGTH} UTF-16 code units. A
 * longer id is shortened here, once, where posts are found — so flagging,
 * capture and the states a page is shown all use the same shortened id, and
 * one over-long id no longer makes the page's whole state lookup fail.
 */

import { fnv1a32 } from '../text/fnv1a.ts';

/** Longest post id the protocol carries (UTF-16 code units). */
export const MAX_POST_ID_LENGTH = 200;

/** Characters of a long id kept in clear before its digest (so an officer can still read where it came from). */
const KEPT_PREFIX = 120;

/**
 * `id` if it fits; else its first 120 code units, `~`, and a 64-bit digest
 * (two 32-bit FNV-1a-style multiplicative hashes in hex) of the whole id —
 * deterministic, so the same post gets the same id on every visit. Ids that
 * share their first 120 code units differ by the digest. Synchronous on
 * purpose: it runs in the content script's scan, where WebCrypto's async
 * SHA-256 would split one scan in two.
 */
export function boundedPostId(id: string): string {
  if (id.length <= MAX_POST_ID_LENGTH) return id;
  // A second, differently mixed 32-bit hash beside FNV-1a makes the digest 64 bits.
  let h2 = 0x9747b28c;
  for (let i = 0; i < id.length; i++) {
    h2 = Math.imul(h2 ^ id.charCodeAt(i), 0x5bd1e995);
    h2 ^= h2 >>> 15;
  }
  const hex = (n: number) => (n >>> 0).toString(16).padStart(8, '0');
  return `${id.slice(0, KEPT_PREFIX)}~${hex(fnv1a32(id))}${hex(h2)}`;
}
