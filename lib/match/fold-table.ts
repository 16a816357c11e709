/**
 * The fold table and the cheap, algorithmic part of folding: full-width →
 * ASCII, upper → lower case, separators skipped inside names.
 *
 * Character pairs (traditional → simplified, regional variants) come in as
 * data, so this module never loads OpenCC's tables: the background folds with
 * every pair (fold.ts), while the always-on content script gets from the
 * background only the pairs its watch list can tell apart
 * (`relevantFoldPairs`) and builds an equivalent table from them here.
 */

/** Marker in a fold table: the code unit is a separator skipped inside names ("宣 城", "宣*城"). */
export const SKIP = 0xffff;

/** One character pair: source code unit → the code unit it folds to, before the algorithmic rules. */
export type FoldPair = readonly [source: number, target: number];

/**
 * The fold table: index = code unit, value = folded code unit, or `SKIP` for
 * spaces and symbols people insert inside names.
 *
 * The value of each code unit depends only on itself and its own pair (a
 * pair sets it; full-width and case rules override; then separators are
 * marked, judged on the code unit and on what it folds to), so a table built
 * from a subset of the pairs agrees with the full one on every code unit the
 * subset covers.
 */
export function buildFoldTable(pairs: Iterable<FoldPair>): Uint16Array {
  const table = new Uint16Array(0x10000);
  for (let c = 0; c < 0x10000; c++) table[c] = c;
  for (const [src, dst] of pairs) table[src] = dst;
  // Full-width ASCII (！ … ～) and the ideographic space fold to ASCII.
  for (let c = 0xff01; c <= 0xff5e; c++) table[c] = c - 0xfee0;
  table[0x3000] = 0x20;
  for (let c = 0x41; c <= 0x5a; c++) table[c] = c + 0x20;
  for (let c = 0xff21; c <= 0xff3a; c++) table[c] = c - 0xfee0 + 0x20;
  // Mark separators after folding, so that full-width ＊ and the ideographic
  // space are skipped like * and the ASCII space.
  const skippable = new Uint8Array(0x10000);
  for (const c of skippableCodeUnits()) skippable[c] = 1;
  for (let c = 0; c < 0x10000; c++) {
    if (skippable[c] || skippable[table[c] ?? c]) table[c] = SKIP;
  }
  return table;
}

/** Folds a string code unit by code unit with `table`, dropping separators (for patterns). */
export function foldWith(table: Uint16Array, text: string): number[] {
  const out: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const f = table[text.charCodeAt(i)] ?? SKIP;
    if (f !== SKIP) out.push(f);
  }
  return out;
}

/**
 * Separators skipped inside a name. Clause punctuation (，。！？；：、 and
 * their ASCII forms) is deliberately not skipped: a name never spans a
 * clause break, and skipping it would join words across sentences.
 */
function skippableCodeUnits(): number[] {
  const units: number[] = [];
  const add = (from: number, to = from): void => {
    for (let c = from; c <= to; c++) units.push(c);
  };
  add(0x09, 0x0d); // tab, newlines
  add(0x20); // space
  for (const ch of `"#$%&'()*+-./<=>@[\\]^_\`{|}~`) add(ch.charCodeAt(0));
  add(0xa0); // no-break space
  add(0xb7); // middle dot
  add(0xd7); // multiplication sign, used like *
  add(0x2000, 0x200f); // typographic spaces, zero-width space/joiners, marks
  add(0x2010, 0x2015); // hyphens and dashes
  add(0x2018, 0x201f); // curly quotes
  add(0x2022); // bullet
  add(0x2026); // ellipsis
  add(0x2028, 0x202f); // separators, embedding controls, narrow no-break space
  add(0x203b); // reference mark ※
  add(0x205f, 0x2064); // medium math space, invisible operators
  add(0x2066, 0x206f); // direction isolates and deprecated format controls
  add(0x2605, 0x2606); // stars
  add(0x25cb); // white circle
  add(0x25cf); // black circle
  add(0x3008, 0x3011); // CJK angle/corner/lenticular brackets
  add(0x3014, 0x301f); // CJK tortoise-shell brackets, wave dash, quotes
  add(0x30fb); // katakana middle dot
  add(0xfeff); // BOM / zero-width no-break space
  return units;
}
