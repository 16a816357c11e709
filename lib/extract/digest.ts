/**
 * Evidence digests and case identity.
 *
 * The digest lets the office verify later that a captured post was not
 * altered: it is a SHA-256 over a canonical serialization (object keys
 * sorted, no insignificant whitespace), so the same capture gives the same
 * digest on every machine. The case id is derived from the canonical URL and
 * the post's own id, so two officers capturing the same post meet in one case.
 */

/** JSON with object keys sorted recursively; `undefined` members are dropped, as JSON.stringify does. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortKeys(value));
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value !== null && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    const sorted: Record<string, unknown> = {};
    for (const key of Object.keys(record).sort()) {
      if (record[key] !== undefined) sorted[key] = sortKeys(record[key]);
    }
    return sorted;
  }
  return value;
}

/** Lowercase hex SHA-256 of the UTF-8 bytes of `text` (Web Crypto: service worker, pages and Node). */
export async function sha256Hex(text: string): Promise<string> {
  const bytes = new TextEncoder().encode(text);
  const hash = await crypto.subtle.digest('SHA-256', bytes);
  return Array.from(new Uint8Array(hash), (b) => b.toString(16).padStart(2, '0')).join('');
}

/** The evidence digest of a capture: SHA-256 of its canonical JSON. */
export function digestOf(capture: unknown): Promise<string> {
  return sha256Hex(canonicalJson(capture));
}

/**
 * The stable id of the case for a post: `c-` + the first 24 hex digits of
 * SHA-256(canonical URL + "#" + post id). 96 bits keep collisions out of reach
 * for any office's lifetime of cases while staying short enough to read.
 */
export async function caseIdOf(canonicalUrl: string, postId: string): Promise<string> {
  return `c-${(await sha256Hex(`${canonicalUrl}#${postId}`)).slice(0, 24)}`;
}
