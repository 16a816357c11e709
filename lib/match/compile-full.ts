/**
 * CONTRACT.md's `compileWatchlist`: the matcher with OpenCC's whole character
 * table. For the background, extension pages and tests; the always-on
 * content script uses `compileWatchlistWith` and the pairs the background
 * sends (`relevantFoldPairs`), which find the same matches.
 */
import { compileWatchlistWith, type CompiledWatchlist, type WatchlistInput } from './compile.ts';
import { getFoldTable } from './fold.ts';

/**
 * Compiles entries into a matcher folding full-width forms, case, separators
 * and every traditional or variant character OpenCC knows. Throws
 * `WatchlistCompileError` as `compileWatchlistWith` does.
 */
export function compileWatchlist(entries: readonly WatchlistInput[]): CompiledWatchlist {
  return compileWatchlistWith(entries, getFoldTable());
}
