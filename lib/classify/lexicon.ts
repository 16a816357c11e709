/**
 * Finds every occurrence of a fixed set of words in one pass over a text,
 * overlapping ones included (卫生院 and the 卫生 inside it both count): the
 * words are indexed by their first UTF-16 unit, so each position costs one
 * map lookup plus a `startsWith` per word beginning with that unit. The
 * suggestion scans a post once instead of calling `includes` per keyword.
 */

/** Where each word of the lexicon occurs: word → ascending UTF-16 start offsets. */
export type Occurrences = ReadonlyMap<string, readonly number[]>;

/** A compiled word set. */
export interface Lexicon {
  scan(text: string): Occurrences;
}

/** Compiles `words` (empty strings ignored, duplicates merged). */
export function compileLexicon(words: Iterable<string>): Lexicon {
  const byFirst = new Map<number, string[]>();
  for (const word of new Set(words)) {
    if (word.length === 0) continue;
    const first = word.charCodeAt(0);
    const list = byFirst.get(first);
    if (list) list.push(word);
    else byFirst.set(first, [word]);
  }
  return {
    scan(text) {
      const found = new Map<string, number[]>();
      for (let i = 0; i < text.length; i++) {
        const candidates = byFirst.get(text.charCodeAt(i));
        if (!candidates) continue;
        for (const word of candidates) {
          if (!text.startsWith(word, i)) continue;
          const starts = found.get(word);
          if (starts) starts.push(i);
          else found.set(word, [i]);
        }
      }
      return found;
    },
  };
}
