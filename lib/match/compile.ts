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
import { automatonFromTables, buildAutomatonTables, type AutomatonTables } from './automaton.ts';
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

/** A compiled watch list. */
export interface CompiledWatchlist {
  /** Leftmost-longest, non-overlapping matches outside exclusions, in text order. */
  scan(text: string): WatchMatch[];
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

interface Pattern {
  entry: number;
  via: MatchVia;
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
  return watchlistMatcherOf(entries, built, foldTable);
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
 * The matcher over tables built (or loaded) for exactly these `entries` and
 * this fold table. Linear in the tables' size; nothing is compiled.
 */
export function watchlistMatcherOf(entries: readonly WatchlistInput[], tables: WatchlistTables, foldTable: Uint16Array): CompiledWatchlist {
  const list = entries.map((e) => ({ ...e }));
  const automaton = automatonFromTables(tables.automaton, foldTable);
  const meta: Pattern[] = Array.from(tables.patternEntry, (entry, i) => ({ entry, via: MATCH_VIA[tables.patternVia[i] as number] ?? 'term' }));
  const isExclusion = meta.map((m) => list[m.entry]?.kind === 'exclusion');
  const parents = new Map<string, string>();
  const byKey = new Map<string, WatchlistInput>();
  for (const e of list) {
    if (e.kind === 'region' && e.parent) parents.set(e.term, e.parent);
    const key = `${e.kind}\u0000${e.term}`;
    if (!byKey.has(key)) byKey.set(key, e);
  }

  return {
    entries: list,
    scan(text: string): WatchMatch[] {
      const raw = automaton.scanRaw(text);
      if (raw.length === 0) return [];
      return selectMatches(raw, isExclusion).map((i): WatchMatch => {
        const m = meta[raw[i + 2] as number] as Pattern;
        const entry = list[m.entry] as WatchlistInput;
        return { start: raw[i] as number, end: raw[i + 1] as number, term: entry.term, kind: entry.kind, via: m.via };
      });
    },
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
 * Picks, from raw (start, end, pattern) triples, the offsets of the triples
 * to report: drop every match overlapping an exclusion, then keep leftmost,
 * longest, non-overlapping ones.
 *
 * The automaton emits matches in order of their end, so their starts are
 * out of order by at most the longest pattern's length: an insertion sort
 * is linear here, where a comparison sort of 100,000 matches would cost more
 * than the scan itself.
 */
function selectMatches(raw: Int32Array, isExclusion: readonly boolean[]): number[] {
  const total = raw.length / 3;
  const candidates = new Int32Array(total);
  const exclusions = new Int32Array(total);
  let nc = 0;
  let ne = 0;
  for (let i = 0; i < raw.length; i += 3) {
    if (isExclusion[raw[i + 2] as number]) exclusions[ne++] = i;
    else candidates[nc++] = i;
  }
  insertionSort(candidates, nc, raw);
  insertionSort(exclusions, ne, raw);
  // Merge exclusions into disjoint intervals, sorted by start and by end.
  const blockStart: number[] = [];
  const blockEnd: number[] = [];
  for (let k = 0; k < ne; k++) {
    const x = exclusions[k] as number;
    const xs = raw[x] as number;
    const xe = raw[x + 1] as number;
    const last = blockEnd.length - 1;
    if (last >= 0 && xs <= (blockEnd[last] as number)) blockEnd[last] = Math.max(blockEnd[last] as number, xe);
    else {
      blockStart.push(xs);
      blockEnd.push(xe);
    }
  }
  const kept: number[] = [];
  let lastEnd = -1;
  for (let c = 0; c < nc; c++) {
    const i = candidates[c] as number;
    const start = raw[i] as number;
    const end = raw[i + 1] as number;
    if (start < lastEnd) continue;
    if (blockStart.length > 0 && overlapsBlock(blockStart, blockEnd, start, end)) continue;
    kept.push(i);
    lastEnd = end;
  }
  return kept;
}

/** Whether [start, end) overlaps one of the disjoint sorted intervals. */
function overlapsBlock(starts: readonly number[], ends: readonly number[], start: number, end: number): boolean {
  // First interval ending after `start`; it overlaps when it begins before `end`.
  let lo = 0;
  let hi = ends.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((ends[mid] as number) <= start) lo = mid + 1;
    else hi = mid;
  }
  return lo < starts.length && (starts[lo] as number) < end;
}

/** Sorts triple offsets by start, then longer first, then pattern index. */
function insertionSort(idx: Int32Array, n: number, raw: Int32Array): void {
  for (let k = 1; k < n; k++) {
    const v = idx[k] as number;
    const vs = raw[v] as number;
    const ve = raw[v + 1] as number;
    const vp = raw[v + 2] as number;
    let j = k - 1;
    while (j >= 0) {
      const u = idx[j] as number;
      const us = raw[u] as number;
      const ue = raw[u + 1] as number;
      if (us < vs || (us === vs && (ue > ve || (ue === ve && (raw[u + 2] as number) <= vp)))) break;
      idx[j + 1] = u;
      j--;
    }
    idx[j + 1] = v;
  }
}
