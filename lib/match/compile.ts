/**
 * Compiles a watch list into a matcher with a given fold table
 * (`compileWatchlistWith`); CONTRACT.md's `compileWatchlist` is this with
 * OpenCC's full table (compile-full.ts). Kept free of OpenCC so the
 * always-on content script can match with the small table the background
 * derives for its watch list.
 *
 * Every term, alias and context alias is folded (full-width, case,
 * traditional → simplified, separators dropped) and put in one automaton.
 * A scan keeps, after removing everything that overlaps an exclusion match,
 * the leftmost-longest non-overlapping matches: 澜江市公安局 wins over the
 * 澜江市 and 公安局 inside it.
 */
import { automatonFromClasses, buildAutomatonTables, classTableOf, type AutomatonTables } from './automaton.ts';
import { foldWith } from './fold-table.ts';

/** What `compileWatchlist` accepts: the contract's shape plus the optional watch-list fields. */
export interface WatchlistInput {
  term: string;
  kind: string;
  aliases?: readonly string[];
  contextAliases?: readonly string[];
  parent?: string;
  region?: string;
  category?: string;
}

/** How a match was reached: the canonical term, an alias, or a context-only alias. */
export type MatchVia = 'term' | 'alias' | 'context-alias';

/** One match in a scanned text. */
export interface WatchMatch {
  /** UTF-16 offset of the first matched code unit in the text as given. */
  start: number;
  /** UTF-16 offset just past the last matched code unit. */
  end: number;
  /** The entry's canonical term, whichever form matched. */
  term: string;
  /** The entry's kind. */
  kind: string;
  /** Which of the entry's forms matched. */
  via: MatchVia;
}

/**
 * Matches packed as (start, end, form) triples, in text order: what `scan`
 * reports, before any object is made for it. `start`/`end` as in
 * {@link WatchMatch}; `form` numbers the list's terms, aliases and context
 * aliases (`formTerm`, `formKind`, `formVia`). A view of a buffer the
 * matcher reuses: valid until its next scan.
 */
export type PackedMatches = Int32Array;

/** A compiled watch list. */
export interface CompiledWatchlist {
  /** Leftmost-longest, non-overlapping matches outside exclusions, in text order. */
  scan(text: string): WatchMatch[];
  /**
   * The matches of `scan`, packed (no object per match): for callers that
   * look at most matches only to decide (a page's flagging: most posts are
   * not flagged). `matchesOf` makes the objects.
   */
  scanPacked(text: string): PackedMatches;
  /**
   * Whether any form of the list, exclusions included, occurs in `text`,
   * before exclusions and overlaps are settled. An occurrence inside a part
   * of a text is one in the whole text too, so a text with none has no part
   * in which `scan` finds a match: what a page checks before looking for
   * its posts.
   */
  occursIn(text: string): boolean;
  /** The objects `scan` answers, for packed matches of this list. */
  matchesOf(packed: PackedMatches): WatchMatch[];
  /** The canonical term of a form of a packed match. */
  formTerm(form: number): string;
  /** The kind of a form's entry. */
  formKind(form: number): string;
  /** Which of its entry's forms a form is. */
  formVia(form: number): MatchVia;
  /** The entries compiled, in input order. */
  readonly entries: readonly WatchlistInput[];
  /** The enclosing regions of a region term, nearest first (empty if none or unknown). */
  ancestorsOf(term: string): string[];
  /** The entry behind a (kind, canonical term), if any. */
  entryOf(kind: string, term: string): WatchlistInput | undefined;
}

/** Thrown when a watch list cannot be compiled; `index` is the offending entry. */
export class WatchlistCompileError extends Error {
  constructor(
    message: string,
    readonly index: number,
  ) {
    super(message);
    this.name = 'WatchlistCompileError';
  }
}

/**
 * The forms of an entry that become patterns, each with how it is reached:
 * the term, its aliases, its context aliases. Values are as given (a
 * malformed entry may hold non-strings; the compiler refuses those).
 */
export function watchlistForms(entry: WatchlistInput): [string, MatchVia][] {
  return [
    [entry.term, 'term'],
    ...(entry.aliases ?? []).map((a): [string, MatchVia] => [a, 'alias']),
    ...(entry.contextAliases ?? []).map((a): [string, MatchVia] => [a, 'context-alias']),
  ];
}

/**
 * Compiles entries into a matcher that folds with `foldTable` (from
 * `buildFoldTable`; the full one is `getFoldTable()` in fold.ts). Throws
 * `WatchlistCompileError` for an entry with an empty kind, or a term or alias
 * with nothing left to match once spaces and symbols are removed.
 */
export function compileWatchlistWith(entries: readonly WatchlistInput[], foldTable: Uint16Array): CompiledWatchlist {
  const built = buildWatchlistTables(entries, foldTable);
  return watchlistMatcherOf(entries, built, classTableOf(built.automaton.alphabet, foldTable));
}

/**
 * What a compiled watch list is made of, besides its entries: the automaton's
 * tables and, per pattern (in the automaton's pattern order), the entry it
 * belongs to and which of the entry's forms it is (0 term, 1 alias, 2
 * context alias). lib/match/packed.ts stores and loads this.
 */
export interface WatchlistTables {
  automaton: AutomatonTables;
  patternEntry: Int32Array;
  patternVia: Uint8Array;
}

/** The forms' codes in {@link WatchlistTables.patternVia}. */
export const MATCH_VIA: readonly MatchVia[] = ['term', 'alias', 'context-alias'];

/** Builds the tables of `entries` (linear in the list's size); throws `WatchlistCompileError` as {@link compileWatchlistWith}. */
export function buildWatchlistTables(entries: readonly WatchlistInput[], foldTable: Uint16Array): WatchlistTables {
  const patterns: number[][] = [];
  const patternEntry: number[] = [];
  const patternVia: number[] = [];
  entries.forEach((entry, index) => {
    if (typeof entry.kind !== 'string' || entry.kind.trim() === '') {
      throw new WatchlistCompileError(`entry ${index}: kind must be a non-empty string`, index);
    }
    for (const [form, via] of watchlistForms(entry)) {
      const folded = typeof form === 'string' ? foldWith(foldTable, form) : [];
      if (folded.length === 0) {
        throw new WatchlistCompileError(
          `entry ${index} ("${String(entry.term)}"): "${String(form)}" has no characters to match`,
          index,
        );
      }
      patterns.push(folded);
      patternEntry.push(index);
      patternVia.push(MATCH_VIA.indexOf(via));
    }
  });
  return { automaton: buildAutomatonTables(patterns), patternEntry: Int32Array.from(patternEntry), patternVia: Uint8Array.from(patternVia) };
}

/**
 * The matcher over tables built (or loaded) for exactly these `entries`,
 * with the class table (`classTableOf`) of the fold table they were built
 * with. Linear in the tables' size; nothing is compiled.
 */
export function watchlistMatcherOf(entries: readonly WatchlistInput[], tables: WatchlistTables, classOf: Uint16Array): CompiledWatchlist {
  const list = entries.map((e) => ({ ...e }));
  const automaton = automatonFromClasses(tables.automaton, classOf);
  // What each pattern reports, in flat arrays indexed by pattern: a scan reads
  // three strings per match instead of following pattern → entry objects.
  const patterns = tables.patternEntry.length;
  const termOf: string[] = [];
  const kindOf: string[] = [];
  const viaOf: MatchVia[] = [];
  const isExclusion = new Uint8Array(patterns);
  for (let p = 0; p < patterns; p++) {
    const entry = list[tables.patternEntry[p] as number] as WatchlistInput;
    termOf.push(entry.term);
    kindOf.push(entry.kind);
    viaOf.push(MATCH_VIA[tables.patternVia[p] as number] ?? 'term');
    isExclusion[p] = entry.kind === 'exclusion' ? 1 : 0;
  }
  const hasExclusions = isExclusion.includes(1);
  const parents = new Map<string, string>();
  const byKey = new Map<string, WatchlistInput>();
  for (const e of list) {
    if (e.kind === 'region' && e.parent) parents.set(e.term, e.parent);
    const key = `${e.kind}\u0000${e.term}`;
    if (!byKey.has(key)) byKey.set(key, e);
  }

  const scanPacked = (text: string): PackedMatches => {
    const raw = automaton.scanRaw(text);
    return raw.length === 0 ? raw : raw.subarray(0, selectMatches(raw, isExclusion, hasExclusions));
  };
  const matchesOf = (packed: PackedMatches): WatchMatch[] => {
    // Sized once: the kept matches are counted before any object is built.
    const out = new Array<WatchMatch>(packed.length / 3);
    for (let i = 0, j = 0; i < packed.length; i += 3, j++) {
      const p = packed[i + 2] as number;
      out[j] = new Match(packed[i] as number, packed[i + 1] as number, termOf[p] as string, kindOf[p] as string, viaOf[p] as MatchVia);
    }
    return out;
  };

  return {
    entries: list,
    scan: (text: string): WatchMatch[] => matchesOf(scanPacked(text)),
    scanPacked,
    // Raw occurrences, not `scanPacked`: an exclusion that spans the edge of a part (澜江 | 路 in two posts) hides the part's match in the whole.
    occursIn: (text: string): boolean => automaton.scanRaw(text).length > 0,
    matchesOf,
    formTerm: (form: number): string => termOf[form] as string,
    formKind: (form: number): string => kindOf[form] as string,
    formVia: (form: number): MatchVia => viaOf[form] as MatchVia,
    ancestorsOf(term: string): string[] {
      const out: string[] = [];
      const seen = new Set<string>([term]);
      let up = parents.get(term);
      while (up !== undefined && !seen.has(up)) {
        out.push(up);
        seen.add(up);
        up = parents.get(up);
      }
      return out;
    },
    entryOf(kind: string, term: string): WatchlistInput | undefined {
      return byKey.get(`${kind}\u0000${term}`);
    },
  };
}

/**
 * A match as `scan` reports it. A class rather than object literals: a page
 * of Chinese text yields tens of thousands of matches, and V8 builds class
 * instances of one fixed shape markedly faster than literals (measured with
 * tests/bench/match.bench.ts). Plain data all the same: structured clone and
 * `toEqual` see the five fields only.
 */
class Match implements WatchMatch {
  constructor(
    readonly start: number,
    readonly end: number,
    readonly term: string,
    readonly kind: string,
    readonly via: MatchVia,
  ) {}
}

/**
 * Picks, from raw (start, end, pattern) triples in the order the automaton
 * reports them (by end; see below), the matches to report: drop every
 * match overlapping an exclusion, then keep leftmost, longest,
 * non-overlapping ones (repeatedly, the match with the smallest start, the
 * longest of those, that starts at or after the last kept one's end).
 * Moves the kept triples, in text order, to the front of `raw` (the caller
 * owns it) and answers how many numbers they take (3 per match). No
 * callback per match: the caller builds the result objects in one loop
 * over an array sized once.
 *
 * One pass, no sort: the automaton reports matches by their end (at one end,
 * longest first), so every new match ends at or after all those seen. The
 * front of `raw` holds the picks so far, a chain of non-overlapping matches
 * each the leftmost-longest of those seen that start at or after the
 * previous one's end. A new match m is placed against the first pick p that
 * ends after m starts: m replaces p (and every pick after it, which m
 * contains) when it starts at or before p, and is dropped otherwise (it
 * overlaps p, and whatever later beats p contains m); with no such pick it
 * is appended. Those picks are found from the end of the chain, and a match
 * overlaps only the last few: linear. It replaced an insertion sort by start
 * and a selecting pass (1.1–1.3 ms of 13–15 a megabyte in
 * tests/bench/match.bench.ts, CPU time).
 *
 * Exclusions first: each exclusion match, sorted by start (there are few),
 * merges into disjoint blocks; as candidates come by end, one moving index
 * counts the blocks starting before a candidate's end, and the last of them
 * reaches furthest: the candidate overlaps an exclusion when that block
 * ends after it starts. A list without exclusions skips that pass.
 */
export function selectMatches(raw: Int32Array, isExclusion: Uint8Array, hasExclusions: boolean): number {
  const blocks = hasExclusions ? exclusionBlocks(raw, isExclusion) : NO_BLOCKS;
  let block = 0;
  let kept = 0;
  for (let i = 0; i < raw.length; i += 3) {
    const pattern = raw[i + 2] as number;
    if (isExclusion[pattern] === 1) continue;
    const start = raw[i] as number;
    const end = raw[i + 1] as number;
    if (blocks.length > 0) {
      while (block < blocks.length && (blocks[block] as number) < end) block += 2;
      if (block > 0 && (blocks[block - 1] as number) > start) continue;
    }
    // The first pick ending after this start: picks end in increasing order.
    let at = kept;
    while (at > 0 && (raw[at - 2] as number) > start) at -= 3;
    if (at < kept) {
      const pickStart = raw[at] as number;
      const pickEnd = raw[at + 1] as number;
      const beats = start < pickStart || (start === pickStart && (end > pickEnd || (end === pickEnd && pattern < (raw[at + 2] as number))));
      if (!beats) continue;
    }
    // Written at or before where it was read: the front of `raw` holds only triples already passed.
    raw[at] = start;
    raw[at + 1] = end;
    raw[at + 2] = pattern;
    kept = at + 3;
  }
  return kept;
}

const NO_BLOCKS: readonly number[] = [];

/** The exclusion matches of `raw` merged into disjoint [start, end) blocks, flat, by start. */
function exclusionBlocks(raw: Int32Array, isExclusion: Uint8Array): number[] {
  const spans: [number, number][] = [];
  for (let i = 0; i < raw.length; i += 3) {
    if (isExclusion[raw[i + 2] as number] === 1) spans.push([raw[i] as number, raw[i + 1] as number]);
  }
  spans.sort((a, b) => a[0] - b[0]);
  const blocks: number[] = [];
  for (const [xs, xe] of spans) {
    const last = blocks.length - 1;
    if (last >= 1 && xs <= (blocks[last] as number)) blocks[last] = Math.max(blocks[last] as number, xe);
    else blocks.push(xs, xe);
  }
  return blocks;
}
