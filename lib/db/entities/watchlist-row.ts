import type { WatchEntry } from '../../match/schema';

/**
 * A named watch list. Entries are stored as the plain JSON that lib/match
 * validates (`watchlistSchema`) and compiles when a page is scanned; the
 * compiled automaton is never stored.
 */
export interface WatchlistRow {
  id: string;
  name: string;
  entries: WatchEntry[];
  updatedAt: number;
}
