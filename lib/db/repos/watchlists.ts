import type { AppDB } from '../app-db';
import type { WatchlistRow } from '../entities/watchlist-row';
import { watchlistSchema, type WatchEntry } from '../../match/schema';
import { fail, invalidInput, ok, type Result } from '../../messaging/result';
import { getSettings } from './settings';
import { guarded } from './guard';

/** What a caller supplies to save a watch list. */
export interface WatchlistInput {
  id: string;
  name: string;
  entries: readonly WatchEntry[];
}

/**
 * The watch list named in settings. When none is stored yet, the default
 * entries are the caller's `fallback` or, without one, lib/match's demo list
 * (imported lazily so pages that never need it do not load it); nothing is
 * written by reading.
 */
export async function getActiveWatchlist(
  db: AppDB,
  fallback?: readonly WatchEntry[],
): Promise<WatchlistRow> {
  const { watchlistId } = await getSettings(db);
  const stored = await db.watchlists.get(watchlistId);
  if (stored) return stored;
  const entries = fallback ?? (await import('../../match/demo-watchlist')).DEMO_WATCHLIST;
  return { id: watchlistId, name: '默认关注词表', entries: [...entries], updatedAt: 0 };
}

/**
 * Stores a watch list after lib/match's validation (unique terms, known
 * parent regions, no cycles); a bad list is refused with every error and the
 * stored one is kept.
 */
export async function saveWatchlist(
  db: AppDB,
  input: WatchlistInput,
  { now }: { now: () => number },
): Promise<Result<WatchlistRow>> {
  const id = typeof input?.id === 'string' ? input.id.trim() : '';
  const name = typeof input?.name === 'string' ? input.name.trim() : '';
  if (!id || id.length > 100) return fail('invalid-input', '关注词表的 id 不能为空，且不超过 100 个字符。');
  if (!name || name.length > 200) return fail('invalid-input', '关注词表的名称不能为空，且不超过 200 个字符。');
  const parsed = watchlistSchema.safeParse(input.entries);
  if (!parsed.success) return invalidInput<WatchlistRow>('关注词表', parsed.error);
  const row: WatchlistRow = { id, name, entries: parsed.data, updatedAt: now() };
  return guarded(db, (cancellation) =>
    db.transaction('rw', db.watchlists, async () => {
      cancellation.throwIfCancelled();
      await db.watchlists.put(row);
      return ok(row);
    }),
  );
}
