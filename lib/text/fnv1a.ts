/**
 * 32-bit FNV-1a over a string's UTF-16 code units: a short, stable,
 * synchronous id for text (a post without an id of its own, a selection, a
 * long page id). Not a security digest — evidence digests are SHA-256.
 */

/** FNV-1a (offset basis 0x811c9dc5, prime 0x01000193) of `text`'s code units, as an unsigned 32-bit integer. */
export function fnv1a32(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return hash >>> 0;
}
