/**
 * The watch list's matcher built once per list change, not on each page.
 *
 * The background builds the matcher's tables when a page first asks after
 * the list changed (`packWatchlistMatcher`, linear in the list's size) and
 * keeps them, packed as one base64 string, under the list's key; every page
 * then only loads them (`loadWatchlistMatcher`): a base64 decode and a few
 * linear passes over typed arrays, no trie and no double-array placement,
 * and no fold table: the form carries what the scan reads of each code unit
 * (its class), for the few thousand code units that fold into a pattern or
 * are separators. Building the 65,536-entry fold table (and the Unicode
 * look-alikes in it) on every page load cost more than the first scan of
 * a 1,000-post thread.
 *
 * Layout: a sequence of integers, each zigzag-encoded as a LEB128 varint
 * (most are -1 or small, so a slot costs a few bytes, not 24): a header
 * [version, maxDepth, slots, alphabet length, pattern count], the alphabet
 * (one code unit each), then base, check, fail, dict, out, depth (`slots`
 * each, the double array cut after its last used slot), then each pattern's
 * entry index and form code, then the class table: a count, then per code
 * unit with a class (ascending) the gap from the previous one and the class
 * (0 for a separator). Loading checks the sizes and that every link and class
 * stays inside the tables; anything else is refused (the page then compiles
 * the list itself, as before).
 */
import { classTableOf, SKIP_CLASS, type AutomatonTables } from './automaton.ts';
import { buildWatchlistTables, compileWatchlistWith, MATCH_VIA, watchlistMatcherOf, type CompiledWatchlist, type WatchlistInput, type WatchlistTables } from './compile.ts';
import { buildFoldTable, type FoldPair } from './fold-table.ts';
import { fromBase64, toBase64 } from '../sync/base64.ts';

/** Bumped whenever the layout or the automaton's table meaning changes: an older packed form is then rebuilt. */
export const PACKED_MATCHER_VERSION = 2;
const SLOT_ARRAYS = 6;

/** A matcher packed for pages; `key` names the list (and fold table) it was built from. */
export interface PackedMatcher {
  format: 'yq-matcher';
  version: number;
  /** The list's key (`watchlistKeyOf`): a page uses the packed form only with the entries of that key. */
  key: string;
  /** The tables, base64 of little-endian Int32 words (see the module comment). */
  tables: string;
}

/** Builds `entries`' matcher tables and packs them; throws `WatchlistCompileError` like `compileWatchlistWith`. */
export function packWatchlistMatcher(entries: readonly WatchlistInput[], foldTable: Uint16Array, key: string): PackedMatcher {
  const { automaton, patternEntry, patternVia } = buildWatchlistTables(entries, foldTable);
  // Slots past the last used one are free (check -1): the scan treats a missing slot the same way.
  let slots = automaton.check.length;
  while (slots > 1 && automaton.check[slots - 1] === -1) slots--;
  const writer = varintWriter();
  for (const n of [PACKED_MATCHER_VERSION, automaton.maxDepth, slots, automaton.alphabet.length, patternEntry.length]) writer.put(n);
  for (const u of automaton.alphabet) writer.put(u);
  for (const array of slotArrays(automaton)) for (let i = 0; i < slots; i++) writer.put(array[i] as number);
  for (const entry of patternEntry) writer.put(entry);
  for (const via of patternVia) writer.put(via);
  const classOf = classTableOf(automaton.alphabet, foldTable);
  let classified = 0;
  for (let c = 0; c < 0x10000; c++) if (classOf[c] !== 0) classified++;
  writer.put(classified);
  for (let c = 0, previous = -1; c < 0x10000; c++) {
    const cls = classOf[c] as number;
    if (cls === 0) continue;
    writer.put(c - previous);
    writer.put(cls === SKIP_CLASS ? 0 : cls);
    previous = c;
  }
  return { format: 'yq-matcher', version: PACKED_MATCHER_VERSION, key, tables: toBase64(writer.bytes()) };
}

/**
 * The matcher of a packed form, for `entries` (those the form was built
 * from). It folds with the classes packed with it, or, when `foldTable` is
 * given, with that table (which must be the one the form was built with).
 * Linear in the packed size. Answers undefined for a form of another version
 * or whose sizes or pattern entries do not fit: the caller then compiles.
 */
export function loadWatchlistMatcher(packed: PackedMatcher, entries: readonly WatchlistInput[], foldTable?: Uint16Array): CompiledWatchlist | undefined {
  const unpacked = unpack(packed, entries.length);
  if (!unpacked) return undefined;
  const classOf = foldTable ? classTableOf(unpacked.tables.automaton.alphabet, foldTable) : unpacked.classOf;
  return watchlistMatcherOf(entries, unpacked.tables, classOf);
}

/**
 * A page's matcher: loaded from the packed form the background built for
 * this list version (no build, no fold table), compiled only when none came
 * or it does not load. `foldPairs` are those the background sent with the
 * list (the fold table is built from them only to compile).
 */
export function loadOrCompileWatchlist(entries: readonly WatchlistInput[], foldPairs: readonly FoldPair[], packed?: PackedMatcher): CompiledWatchlist {
  return (packed && loadWatchlistMatcher(packed, entries)) ?? compileWatchlistWith(entries, buildFoldTable(foldPairs));
}

function unpack(packed: PackedMatcher, entryCount: number): { tables: WatchlistTables; classOf: Uint16Array } | undefined {
  if (packed.format !== 'yq-matcher' || packed.version !== PACKED_MATCHER_VERSION || typeof packed.tables !== 'string') return undefined;
  let bytes: Uint8Array;
  try {
    bytes = fromBase64(packed.tables);
  } catch {
    return undefined;
  }
  const read = varintReader(bytes);
  const [version, maxDepth, slots, alphabetLength, patterns] = [read(), read(), read(), read(), read()];
  if (version !== PACKED_MATCHER_VERSION || !(slots >= 1) || !(maxDepth >= 0) || !(alphabetLength >= 0 && alphabetLength <= 0xffff) || !(patterns >= 0)) return undefined;
  // Each integer takes at least one byte: sizes beyond what is left are a damaged form, refused before allocating.
  if (alphabetLength + SLOT_ARRAYS * slots + 2 * patterns > bytes.length) return undefined;
  const alphabet = new Uint16Array(alphabetLength);
  for (let i = 0; i < alphabetLength; i++) alphabet[i] = read();
  const arrays = Array.from({ length: SLOT_ARRAYS }, () => {
    const array = new Int32Array(slots);
    for (let i = 0; i < slots; i++) array[i] = read();
    return array;
  });
  const [base, check, fail, dict, out, depth] = arrays as [Int32Array, Int32Array, Int32Array, Int32Array, Int32Array, Int32Array];
  const patternEntry = new Int32Array(patterns);
  for (let i = 0; i < patterns; i++) patternEntry[i] = read();
  const patternVia = new Uint8Array(patterns);
  for (let i = 0; i < patterns; i++) {
    const via = read();
    const entry = patternEntry[i] as number;
    if (via < 0 || via >= MATCH_VIA.length || entry < 0 || entry >= entryCount) return undefined;
    patternVia[i] = via;
  }
  const classified = read();
  if (!(classified >= 0 && classified <= 0x10000) || classified * 2 > bytes.length) return undefined;
  const classOf = new Uint16Array(0x10000);
  for (let k = 0, c = -1; k < classified; k++) {
    const gap = read();
    c += gap;
    const cls = read();
    if (gap < 1 || c > 0xffff || cls < 0 || cls > alphabetLength) return undefined;
    classOf[c] = cls === 0 ? SKIP_CLASS : cls;
  }
  if (read.failed() || !read.atEnd()) return undefined;
  // Every slot reference stays inside the tables, so a damaged form cannot send the scan out of bounds.
  for (let i = 0; i < slots; i++) {
    const f = fail[i] as number;
    const d = dict[i] as number;
    const o = out[i] as number;
    if (f < 0 || f >= slots || d < -1 || d >= slots || o < -1 || o >= patterns) return undefined;
  }
  const automaton: AutomatonTables = { alphabet, base, check, fail, dict, out, depth, maxDepth };
  return { tables: { automaton, patternEntry, patternVia }, classOf };
}

/** Zigzag LEB128 varints into a growing byte buffer. */
function varintWriter(): { put(n: number): void; bytes(): Uint8Array } {
  let buffer = new Uint8Array(1 << 16);
  let length = 0;
  return {
    put(n: number): void {
      if (length + 5 > buffer.length) {
        const wider = new Uint8Array(buffer.length * 2);
        wider.set(buffer);
        buffer = wider;
      }
      let z = ((n << 1) ^ (n >> 31)) >>> 0;
      while (z >= 0x80) {
        buffer[length++] = (z & 0x7f) | 0x80;
        z >>>= 7;
      }
      buffer[length++] = z;
    },
    bytes: () => buffer.subarray(0, length),
  };
}

/** Reads zigzag LEB128 varints; past the end (or a varint over 5 bytes) it answers 0 and remembers the failure. */
function varintReader(bytes: Uint8Array): (() => number) & { failed(): boolean; atEnd(): boolean } {
  let at = 0;
  let failed = false;
  const read = (): number => {
    let z = 0;
    for (let shift = 0; shift < 35; shift += 7) {
      if (at >= bytes.length) {
        failed = true;
        return 0;
      }
      const byte = bytes[at++] as number;
      z |= (byte & 0x7f) << shift;
      if (byte < 0x80) return (z >>> 1) ^ -(z & 1);
    }
    failed = true;
    return 0;
  };
  return Object.assign(read, { failed: () => failed, atEnd: () => at === bytes.length });
}

function slotArrays(t: AutomatonTables): Int32Array[] {
  return [t.base, t.check, t.fail, t.dict, t.out, t.depth];
}
