/**
 * Canonical JSON and SHA-256 for the hub's digests: keys sorted, no
 * whitespace, so the same content always gives the same digest whatever
 * order an exporter wrote its keys in. Node's crypto (the hub is Node-only).
 */
import { hash } from 'node:crypto';
import { syncDigestText } from '../sync/digest';
import type { SyncFile } from '../sync/schema';

/**
 * JSON with object keys sorted (UTF-16 code-unit order) at every level;
 * `undefined` members dropped as JSON.stringify does.
 *
 * The hub digests every file it imports (a 2,000-event file is ~400 kB), so
 * this lets the engine's own JSON.stringify write the text and only re-orders
 * objects whose keys are not sorted already (about half the time of building
 * the text in JS). An object with integer-like keys cannot be re-ordered that
 * way (the engine always lists them first, in numeric order): such a value is
 * written by {@link canonicalJsonSlow} instead.
 */
export function canonicalJson(value: unknown): string {
  let integerKeys = false;
  const text = JSON.stringify(value, function (_key: string, member: unknown): unknown {
    if (member === null || typeof member !== 'object' || Array.isArray(member)) return member;
    const own = Object.keys(member);
    const keys = [...own].sort();
    let sorted = true;
    for (let i = 0; i < keys.length; i++) {
      if (INTEGER_KEY.test(keys[i]!)) integerKeys = true;
      if (own[i] !== keys[i]) sorted = false;
    }
    if (sorted) return member;
    const copy: Record<string, unknown> = {};
    for (const key of keys) copy[key] = (member as Record<string, unknown>)[key];
    return copy;
  }) as string | undefined;
  if (integerKeys) return canonicalJsonSlow(value);
  return text ?? 'null';
}

// Array-index-like property names, which every JS engine enumerates first in numeric order.
const INTEGER_KEY = /^(?:0|[1-9]\d*)$/;

/** {@link canonicalJson} built member by member: for values whose objects have integer-like keys. */
export function canonicalJsonSlow(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map((item) => (item === undefined ? 'null' : canonicalJsonSlow(item))).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, member]) => member !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([key, member]) => `${JSON.stringify(key)}:${canonicalJsonSlow(member)}`).join(',')}}`;
}

/**
 * A sync file's digest by Node's native SHA-256, for `parseSyncFile`'s
 * `digestOf`: lib/sync's own definition (SHA-256 over lib/extract's
 * canonical JSON of the file without its `digest` member: lib/sync
 * `syncDigestText`), so exactly the value `syncDigestOf` gives, only not in pure JS.
 */
export function syncFileDigest(file: object): string {
  return sha256Hex(syncDigestText(file as SyncFile));
}

/** SHA-256 as 64 lowercase hex digits, of a string (UTF-8) or bytes. */
export function sha256Hex(data: string | Uint8Array): string {
  // One-shot `crypto.hash` (Node ≥ 20.12) skips building a Hash object: the import digests every event of a file.
  return hash('sha256', data, 'hex');
}
