/**
 * The profile editor's draft: an edited copy held as plain data until it is
 * saved. Edits are path updates that never touch the previous draft (the
 * form re-renders from the new one); saving validates the whole draft and
 * either stores it at once or changes nothing (see applyProfileEdit and
 * saveUserProfile).
 */

/** A path into the draft, e.g. ['deadlines', 2, 'limit']. */
export type DraftPath = readonly (string | number)[];

/** A copy of `draft` with the value at `path` replaced; containers on the path are copied, the rest shared. */
export function setAtPath<T>(draft: T, path: DraftPath, value: unknown): T {
  if (path.length === 0) return value as T;
  const [head, ...rest] = path;
  const container: unknown = draft;
  const copy = (Array.isArray(container) ? [...(container as unknown[])] : { ...(container as object) }) as Record<string | number, unknown>;
  copy[head!] = setAtPath((copy[head!] ?? (typeof rest[0] === 'number' ? [] : {})) as unknown, rest, value);
  return copy as T;
}

/** A copy of `draft` with `item` appended to the array at `path`. */
export function appendAtPath<T>(draft: T, path: DraftPath, item: unknown): T {
  const list = getAtPath(draft, path);
  return setAtPath(draft, path, [...(Array.isArray(list) ? list : []), item]);
}

/** A copy of `draft` without the element `index` of the array at `path`. */
export function removeAtPath<T>(draft: T, path: DraftPath, index: number): T {
  const list = getAtPath(draft, path);
  return setAtPath(draft, path, (Array.isArray(list) ? list : []).filter((_, i) => i !== index));
}

/** The value at `path`, or undefined. */
export function getAtPath(draft: unknown, path: DraftPath): unknown {
  let value = draft;
  for (const key of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<string | number, unknown>)[key];
  }
  return value;
}

/** Words typed as "a、b，c" or "a, b" → ['a', 'b', 'c']. */
export function splitWords(text: string): string[] {
  return text
    .split(/[、，,;；\s]+/)
    .map((word) => word.trim())
    .filter(Boolean);
}

/** A number typed in a field: empty stays undefined (an optional field), anything else a number (NaN is refused by validation). */
export function readNumber(text: string): number | undefined {
  return text.trim() === '' ? undefined : Number(text);
}
