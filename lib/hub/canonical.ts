/**
 * Canonical JSON and SHA-256 for the hub's digests: keys sorted, no
 * whitespace, so the same content always gives the same digest whatever
 * order an exporter wrote its keys in. Node's crypto (the hub is Node-only).
 */
import { hash } from 'node:crypto';
import type { SyncFile } from '../sync/schema';

/**
 * JSON with object keys sorted (UTF-16 code-unit order) at every level;
 * `undefined` members dropped as JSON.stringify does: the same text as
 * lib/extract's `canonicalJson` (which lib/sync's digest is defined by),
 * made faster for the hub, which digests every file it imports (a
 * 2,000-event file is ~700 kB of JSON).
 *
 * Like lib/extract's, it copies each object with its keys inserted in
 * sorted order and lets the engine's JSON.stringify write the copy, so an
 * object with integer-like keys reads the same way (the engine lists those
 * first, in numeric order, in both). Only faster: a few keys are sorted by
 * insertion (no comparator calls) and an array holding no object is not copied.
 */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortedCopy(value)) ?? 'null';
}

/** `value` with every object's keys in sorted insertion order (see {@link canonicalJson}); arrays without objects as they are. */
function sortedCopy(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) {
    // Copied from the first object on: the items before it are kept as they are.
    let copy: unknown[] | undefined;
    for (let i = 0; i < value.length; i++) {
      const item: unknown = value[i];
      if (item !== null && typeof item === 'object') {
        copy ??= value.slice(0, i);
        copy.push(sortedCopy(item));
      } else copy?.push(item);
    }
    return copy ?? value;
  }
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record);
  for (let i = 1; i < keys.length; i++) {
    const key = keys[i]!;
    let j = i - 1;
    for (; j >= 0 && keys[j]! > key; j--) keys[j + 1] = keys[j]!;
    keys[j + 1] = key;
  }
  const sorted: Record<string, unknown> = {};
  for (const key of keys) sorted[key] = sortedCopy(record[key]);
  return sorted;
}

/**
 * A sync file's digest by Node's native SHA-256, for `parseSyncFile`'s
 * `digestOf`: lib/sync's own definition (SHA-256 over the canonical JSON of
 * the file without its `digest` member: lib/sync `syncDigestText`), so
 * exactly the value `syncDigestOf` gives, only not in pure JS and with the
 * hub's faster {@link canonicalJson} (the same text).
 */
export function syncFileDigest(file: object): string {
  const { digest: _digest, ...content } = file as SyncFile;
  return sha256Hex(canonicalJson(content));
}

/** SHA-256 as 64 lowercase hex digits, of a string (UTF-8) or bytes. */
export function sha256Hex(data: string | Uint8Array): string {
  // One-shot `crypto.hash` (Node ≥ 20.12) skips building a Hash object: the import digests every event of a file.
  return hash('sha256', data, 'hex');
}
