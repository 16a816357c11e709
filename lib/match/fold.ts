/**
 * One-to-one character folding over UTF-16 code units, with OpenCC's whole
 * character tables. The only module that loads them (~55 kB): the
 * always-on content script folds with the few pairs `relevantFoldPairs`
 * picks for its watch list instead (see fold-table.ts).
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
import { watchlistForms, type WatchlistInput } from './compile.ts';
import { buildFoldTable, foldWith, SKIP, type FoldPair } from './fold-table.ts';

export { SKIP } from './fold-table.ts';

let characterPairs: Map<number, number> | undefined;
let foldTable: Uint16Array | undefined;
let ruleTable: Uint16Array | undefined;

/**
 * Every character pair of OpenCC's tables, source → target: regional
 * variants chained through the traditional → simplified table (裡 → 裏 → 里),
 * then that table itself. Built once on first use (a cache, not a side
 * effect at import time).
 */
function getCharacterPairs(): Map<number, number> {
  if (characterPairs) return characterPairs;
  const variants = new Map<number, number>();
  for (const dict of [TW_VARIANTS_REV, HK_VARIANTS_REV]) {
    for (const [src, dst] of pairsOf(dict)) variants.set(src, dst);
  }
  const ts = new Map<number, number>();
  for (const [src, dst] of pairsOf(TS_CHARACTERS)) ts.set(src, dst);
  const merged = new Map<number, number>();
  for (const [src, dst] of variants) merged.set(src, ts.get(dst) ?? dst);
  for (const [src, dst] of ts) merged.set(src, dst);
  characterPairs = merged;
  return merged;
}

/**
 * The full fold table: every OpenCC character pair plus the algorithmic
 * rules (`buildFoldTable`). Built once on first use.
 */
export function getFoldTable(): Uint16Array {
  foldTable ??= buildFoldTable(getCharacterPairs());
  return foldTable;
}

/** Folds a string with the full table, dropping separators (for patterns). */
export function foldPattern(text: string): number[] {
  return foldWith(getFoldTable(), text);
}

/**
 * The character pairs a matcher of `entries` needs: `buildFoldTable` of them
 * gives a table on which `compileWatchlistWith` finds exactly the matches of
 * `compileWatchlist` (the full table).
 *
 * The automaton only asks of a code unit whether it is a separator, which
 * pattern code unit it folds to, or neither. So a pair can be left out when
 * the full table and the rules alone agree on its source, or when both send
 * it to a code unit that is neither a separator nor in any folded pattern.
 * Every pair whose folded target occurs in a pattern is kept, and so are the
 * few whose source does while the full table folds it elsewhere.
 */
export function relevantFoldPairs(entries: readonly WatchlistInput[]): FoldPair[] {
  const full = getFoldTable();
  ruleTable ??= buildFoldTable([]);
  const rules = ruleTable;
  const used = new Set<number>([SKIP]);
  for (const entry of entries) {
    for (const [form] of watchlistForms(entry)) {
      if (typeof form === 'string') for (const u of foldWith(full, form)) used.add(u);
    }
  }
  const out: FoldPair[] = [];
  for (const [src, dst] of getCharacterPairs()) {
    const f = full[src] as number;
    const r = rules[src] as number;
    if (f !== r && (used.has(f) || used.has(r))) out.push([src, dst]);
  }
  return out;
}

function* pairsOf(dict: string): Generator<[number, number]> {
  for (const entry of dict.split('|')) {
    const [src, dst] = entry.split(' ');
    // Only single BMP code units on both sides keep offsets one to one.
    if (src?.length === 1 && dst?.length === 1) yield [src.charCodeAt(0), dst.charCodeAt(0)];
  }
}
