/**
 * The background's one compiled matcher per watch-list version: built when
 * a page (or a capture) first needs it after the list changed, then reused
 * by every page and every capture until the list changes again. Pages get
 * the packed form (lib/match/packed.ts) and only load it.
 *
 * The key is the SHA-256 of the entries' canonical JSON and the fold pairs
 * sent with them, so a list saved again unchanged keeps its matcher, and a
 * changed list (or a new OpenCC table) never reuses a stale one. The packed
 * form may also be kept in a store (the background gives chrome.storage.local)
 * so a restarted service worker does not build it again.
 */
import { canonicalJson, sha256HexOfText } from '../evidence/hash.ts';
import { buildFoldTable, type FoldPair } from './fold-table.ts';
import { loadOrCompileWatchlist, packWatchlistMatcher, PACKED_MATCHER_VERSION, type PackedMatcher } from './packed.ts';
import type { CompiledWatchlist, WatchlistInput } from './compile.ts';

/** The key of a list with the fold pairs its pages use. */
export function watchlistKeyOf(entries: readonly WatchlistInput[], foldPairs: readonly FoldPair[]): string {
  return sha256HexOfText(canonicalJson({ version: PACKED_MATCHER_VERSION, entries, foldPairs }));
}

/** Where a packed matcher survives a service-worker restart (one at a time). */
export interface PackedMatcherStore {
  get(): Promise<PackedMatcher | undefined>;
  set(packed: PackedMatcher): Promise<void>;
}

/** Answers the packed matcher of a list, building it only when the list's key changed. */
export interface MatcherCache {
  packedFor(entries: readonly WatchlistInput[], foldPairs: readonly FoldPair[]): Promise<PackedMatcher>;
  /** The background's own matcher of the list (loaded from the packed form, kept until the list changes). */
  matcherFor(entries: readonly WatchlistInput[], foldPairs: readonly FoldPair[]): Promise<CompiledWatchlist>;
  /** How many times a matcher was built (not loaded): for tests and the bench. */
  readonly builds: number;
}

/** A cache holding the latest list's packed matcher in memory and, when given, in `store`. */
export function createMatcherCache(store?: PackedMatcherStore): MatcherCache {
  let current: PackedMatcher | undefined;
  let loaded: { key: string; matcher: CompiledWatchlist } | undefined;
  let builds = 0;
  return {
    get builds() {
      return builds;
    },
    async matcherFor(entries, foldPairs) {
      const packed = await this.packedFor(entries, foldPairs);
      if (loaded?.key !== packed.key) loaded = { key: packed.key, matcher: loadOrCompileWatchlist(entries, foldPairs, packed) };
      return loaded.matcher;
    },
    async packedFor(entries, foldPairs) {
      const key = watchlistKeyOf(entries, foldPairs);
      if (current?.key === key) return current;
      const stored = await store?.get().catch(() => undefined);
      if (stored?.key === key && stored.version === PACKED_MATCHER_VERSION) return (current = stored);
      builds++;
      current = packWatchlistMatcher(entries, buildFoldTable(foldPairs), key);
      await store?.set(current).catch(() => undefined);
      return current;
    },
  };
}
