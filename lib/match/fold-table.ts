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
  // Look-alikes first (Kangxi radicals, compatibility ideographs, circled digits…), so that a
  // character pair then applies to what they stand for: 裏 U+F9E7 → 裏 → 里.
  const lookAlikes = compatibilityLookAlikes();
  for (const [src, dst] of lookAlikes) table[src] = dst;
  const pairTargets = new Map<number, number>();
  for (const [src, dst] of pairs) {
    table[src] = dst;
    pairTargets.set(src, dst);
  }
  for (const [src, dst] of lookAlikes) table[src] = pairTargets.get(dst) ?? dst;
  // Full-width ASCII (！ … ～) and the ideographic space fold to ASCII.
  for (let c = 0xff01; c <= 0xff5e; c++) table[c] = c - 0xfee0;
  table[0x3000] = 0x20;
  for (let c = 0x41; c <= 0x5a; c++) table[c] = c + 0x20;
  for (let c = 0xff21; c <= 0xff3a; c++) table[c] = c - 0xfee0 + 0x20;
  // Look-alikes of capital letters (Ⓐ) fold like the letter.
  for (let c = 0; c < 0x10000; c++) {
    const f = table[c] as number;
    if (f >= 0x41 && f <= 0x5a) table[c] = f + 0x20;
  }
  // Mark separators after folding, so that full-width ＊ and the ideographic
  // space are skipped like * and the ASCII space.
  const skippable = new Uint8Array(0x10000);
  for (const c of skippableCodeUnits()) skippable[c] = 1;
  for (let c = 0; c < 0x10000; c++) {
    if (skippable[c] || skippable[table[c] ?? c]) table[c] = SKIP;
  }
  return table;
}

/**
 * High surrogates of the planes of emoji and pictographs (U+1F000–U+1FBFF):
 * marked `SKIP` in every table, and the low surrogate after one is skipped
 * with it (`isEmojiLead`), so "澜😀江市" is 澜江市. Other astral characters
 * (CJK extensions in place names) stay whole.
 */
export const EMOJI_LEAD_FIRST = 0xd83c;
export const EMOJI_LEAD_LAST = 0xd83e;

/** Whether `unit` opens an emoji's surrogate pair (its low half is skipped too). */
export function isEmojiLead(unit: number): boolean {
  return unit >= EMOJI_LEAD_FIRST && unit <= EMOJI_LEAD_LAST;
}

let lookAlikeCache: [number, number][] | undefined;

/**
 * Compatibility look-alikes that stand for one ordinary code unit, from
 * Unicode's NFKC mapping (source: the Unicode Character Database, applied by
 * `String.prototype.normalize`), restricted to the blocks people meet in
 * copied Chinese text (see corpus/reported/R08): Kangxi radicals and the CJK
 * radicals supplement (PDF extraction), CJK compatibility ideographs (input
 * methods), circled and parenthesised-free enclosed digits and letters,
 * enclosed CJK (㊀), superscript and subscript digits. Only one-to-one
 * mappings are kept (⑩ → "10" is not), so offsets stay those of the text.
 * Dingbat circled digits (❶ ➀ ➊), which Unicode gives no decomposition, are
 * added by hand.
 */
function compatibilityLookAlikes(): [number, number][] {
  if (lookAlikeCache) return lookAlikeCache;
  const out: [number, number][] = [];
  const blocks: [number, number][] = [
    [0x00b2, 0x00b3],
    [0x00b9, 0x00b9],
    [0x2070, 0x209f], // superscripts and subscripts
    [0x2460, 0x24ff], // enclosed alphanumerics: ① Ⓐ ⓐ
    [0x2e80, 0x2eff], // CJK radicals supplement
    [0x2f00, 0x2fdf], // Kangxi radicals
    [0x3200, 0x32ff], // enclosed CJK letters and months: ㊀
    [0xf900, 0xfaff], // CJK compatibility ideographs
  ];
  for (const [from, to] of blocks) {
    for (let c = from; c <= to; c++) {
      const normal = String.fromCharCode(c).normalize('NFKC');
      if (normal.length === 1 && normal.charCodeAt(0) !== c) out.push([c, normal.charCodeAt(0)]);
    }
  }
  for (const first of [0x2776, 0x2780, 0x278a]) {
    for (let d = 0; d < 9; d++) out.push([first + d, 0x31 + d]); // ❶–❾, ➀–➈, ➊–➒ → 1–9
  }
  lookAlikeCache = out;
  return out;
}

/** Folds a string code unit by code unit with `table`, dropping separators (for patterns). */
export function foldWith(table: Uint16Array, text: string): number[] {
  const out: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    const f = table[unit] ?? SKIP;
    if (f !== SKIP) out.push(f);
    else if (isEmojiLead(unit)) i++; // the emoji's low half goes with it
  }
  return out;
}

/**
 * Noise skipped inside a name: what people (and spam filters' evaders) put
 * between the characters of a name without meaning anything — spaces and
 * line breaks, ASCII and CJK symbols and brackets, dashes and dots,
 * invisible fillers and format controls (zero-width, direction marks, soft
 * hyphen, variation selectors, Hangul fillers, the braille blank), and
 * pictographs (arrows, shapes, stars, dingbats, emoji).
 *
 * Not noise, on purpose: clause and sentence punctuation (，。！？；：、 and
 * their ASCII forms). A name never spans a clause break, so a sentence end
 * stops a match: "澜江。市民说" does not name 澜江市. Digits, letters and 〇
 * are never noise: they are parts of names (12345热线, 二〇二四).
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
  add(0xad); // soft hyphen (invisible unless the line breaks there)
  add(0x034f); // combining grapheme joiner
  add(0x115f, 0x1160); // Hangul fillers: blank glyphs used to pad text
  add(0x180e); // Mongolian vowel separator (an invisible space in old fonts)
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
  add(0x20d0, 0x20ff); // combining marks for symbols (the keycap of 1️⃣)
  add(0x2190, 0x21ff); // arrows
  add(0x2300, 0x23ff); // technical symbols (⌚ ⏰)
  add(0x25a0, 0x25ff); // geometric shapes (■ □ ▲ ○ ●)
  add(0x2600, 0x2775); // miscellaneous symbols and dingbats (☀ ★ ✂ ❤), up to the circled digits
  add(0x2794, 0x27bf); // dingbats after the circled digits (➔ ➰)
  add(0x2800); // braille blank, an invisible filler
  add(0x2b00, 0x2bff); // symbols and arrows (⭐ ⬆)
  add(0x3008, 0x3011); // CJK angle/corner/lenticular brackets
  add(0x3014, 0x301f); // CJK tortoise-shell brackets, wave dash, quotes
  add(0x30fb); // katakana middle dot
  add(0x3164); // Hangul filler, an invisible filler
  add(0xfe00, 0xfe0f); // variation selectors (the emoji presentation selector)
  add(EMOJI_LEAD_FIRST, EMOJI_LEAD_LAST); // emoji (their low halves: see isEmojiLead)
  add(0xfeff); // BOM / zero-width no-break space
  add(0xffa0); // halfwidth Hangul filler
  return units;
}
