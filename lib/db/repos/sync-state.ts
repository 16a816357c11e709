import type { AppDB } from '../app-db';
import type { SyncStateRow } from '../entities/sync-state-row';
import { fail, ok, type Result } from '../../messaging/result';
import { guarded } from './guard';

/** A sync bookkeeping row (e.g. 'lastExport'), or undefined. */
export async function getSyncState(db: AppDB, key: string): Promise<SyncStateRow | undefined> {
  return db.syncState.get(key);
}

/** Stores a sync bookkeeping row. */
export async function setSyncState(db: AppDB, row: SyncStateRow): Promise<Result<SyncStateRow>> {
  if (typeof row?.key !== 'string' || row.key.trim() === '' || !Number.isFinite(row.at)) {
    return fail('invalid-input', '同步状态须有非空的 key 和有效的时间 at。');
  }
  return guarded(db, (cancellation) =>
    db.transaction('rw', db.syncState, async () => {
      cancellation.throwIfCancelled();
      await db.syncState.put(row);
      return ok(row);
    }),
  );
}
