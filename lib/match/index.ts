/**
 * The watch list and its matcher: schema, demo list, import/export,
 * compiler and the flagging rule.
 *
 * This barrel loads zod (schema, import/export) and OpenCC's tables
 * (`compileWatchlist`). The always-on content script must stay small, so it
 * imports compile.ts, fold-table.ts and flag.ts directly instead.
 */
export { compileWatchlist } from './compile-full.ts';
export { compileWatchlistWith, WatchlistCompileError } from './compile.ts';
export type { CompiledWatchlist, MatchVia, PackedMatches, WatchMatch, WatchlistInput } from './compile.ts';
export { buildFoldTable, SKIP } from './fold-table.ts';
export type { FoldPair } from './fold-table.ts';
export { relevantFoldPairs } from './fold.ts';
export { flagPost, flagMatches, isAnchored } from './flag.ts';
export type { FlagOptions, PostFlag } from './flag.ts';
export { DEMO_WATCHLIST } from './demo-watchlist.ts';
export { watchEntrySchema, watchlistSchema, WATCH_KINDS, unusableTermReason } from './schema.ts';
export type { WatchEntry, WatchKind, Watchlist } from './schema.ts';
export { parseWatchlistImport, exportWatchlist, editableWatchlist, WATCHLIST_FORMAT_TAG } from './import-export.ts';
export type { ImportError, ImportResult, WatchlistFormat } from './import-export.ts';
