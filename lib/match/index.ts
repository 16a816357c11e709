/**
 * The watch list and its matcher: schema, demo list, import/export,
 * compiler and the flagging rule.
 */
export { compileWatchlist, WatchlistCompileError } from './compile.ts';
export type { CompiledWatchlist, MatchVia, WatchMatch, WatchlistInput } from './compile.ts';
export { flagPost, flagMatches, isAnchored } from './flag.ts';
export type { FlagOptions, PostFlag } from './flag.ts';
export { DEMO_WATCHLIST } from './demo-watchlist.ts';
export { watchEntrySchema, watchlistSchema, WATCH_KINDS } from './schema.ts';
export type { WatchEntry, WatchKind, Watchlist } from './schema.ts';
export { parseWatchlistImport, exportWatchlist, WATCHLIST_FORMAT_TAG } from './import-export.ts';
export type { ImportError, ImportResult, WatchlistFormat } from './import-export.ts';
