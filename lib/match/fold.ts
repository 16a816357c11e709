/**
 * One-to-one character folding over UTF-16 code units.
 *
 * Matching must survive full-width forms, upper case and traditional
 * characters, yet report offsets into the text as given. Converting whole
 * phrases (OpenCC's phrase tables) changes lengths, so every code unit is
 * folded to exactly one code unit instead, from OpenCC's character tables.
 * Characters whose traditional or simplified form lies outside the BMP are
 * left alone: they would not fold one to one.
 */
import TS_CHARACTERS from 'opencc-js/dict/TSCharacters';
import TW_VARIANTS_REV from 'opencc-js/dict/TWVariantsRev';
import HK_VARIANTS_REV from 'opencc-js/dict/HKVariantsRev';

/** Marker in a fold table: the code unit is a separator skipped inside names ("宣 城", "宣*城"). */
export const SKIP = 0xffff;

let foldTable: Uint16Array | undefined;

/**
 * The fold table: index = code unit, value = folded code unit, or `SKIP` for
 * spaces and symbols people insert inside names. Built once on first use
 * (a cache, not a side effect at import time).
 */
export function getFoldTable(): Uint16Array {
  if (foldTable) return foldTable;
  const table = new Uint16Array(0x10000);
  for (let c = 0; c < 0x10000; c++) table[c] = c;
  // Variants first, so that e.g. 裡 → 裏 → 里 chains through the TS table below.
  const variants = new Map<number, number>();
  for (const dict of [TW_VARIANTS_REV, HK_VARIANTS_REV]) {
    for (const [src, dst] of pairs(dict)) variants.set(src, dst);
  }
  const ts = new Map<number, number>();
  for (const [src, dst] of pairs(TS_CHARACTERS)) ts.set(src, dst);
  for (const [src, dst] of variants) table[src] = ts.get(dst) ?? dst;
  for (const [src, dst] of ts) table[src] = dst;
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
  foldTable = table;
  return table;
}

/** Folds a string code unit by code unit, dropping separators (for patterns). */
export function foldPattern(text: string): number[] {
  const table = getFoldTable();
  const out: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const f = table[text.charCodeAt(i)] ?? SKIP;
    if (f !== SKIP) out.push(f);
  }
  return out;
}

function* pairs(dict: string): Generator<[number, number]> {
  for (const entry of dict.split('|')) {
    const [src, dst] = entry.split(' ');
    // Only single BMP code units on both sides keep offsets one to one.
    if (src?.length === 1 && dst?.length === 1) yield [src.charCodeAt(0), dst.charCodeAt(0)];
  }
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
  add(0x2605, 0x2606); // stars
  add(0x25cb); // white circle
  add(0x25cf); // black circle
  add(0x3008, 0x3011); // CJK angle/corner/lenticular brackets
  add(0x3014, 0x301f); // CJK tortoise-shell brackets, wave dash, quotes
  add(0x30fb); // katakana middle dot
  add(0xfeff); // BOM / zero-width no-break space
  return units;
}
