/**
 * The cases projection rebuilt by today's code after an upgrade that could
 * not compute it. A frozen upgrade (lib/db/migrations) imports no repository
 * code, so when the rows it leaves need today's rules (deadlines need the
 * policy, the calendar and the replay) it writes the syncState row
 * `projectionStale` instead, and this module answers the marker the next
 * time the database opens, before any other query (AppDB's `on('ready')`).
 */
import type { AppDB } from '../app-db';
import { toCaseEvent } from '../entities/event-row';
import { projectAll } from './cases';
import { projectionTables, putProjectedCases } from './case-store';
import { loadProjectionContext } from './projection-context';

/**
 * The syncState key an upgrade writes when the cases projection must be
 * rebuilt from the log. Upgrades spell the same literal out (they are frozen).
 */
export const PROJECTION_STALE_KEY = 'projectionStale';

/**
 * Projects every case with events again at `now` (epoch ms) with the
 * database's active policy and calendar, and removes the marker, in one
 * transaction; rows without events keep what they have. Answers the number
 * of rows written: 0, and nothing read but the marker, when no upgrade asked
 * for it (the case on every open but the first after an upgrade).
 *
 * Meant for AppDB's `on('ready')` subscriber (`db` is then the VIP instance, and
 * nothing else can write meanwhile, which is why the context is read before the transaction).
 */
export async function repairStaleProjection(db: AppDB, now: number): Promise<number> {
  if (!(await db.syncState.get(PROJECTION_STALE_KEY))) return 0;
  // Read before the transaction: while on('ready') subscribers run nothing else can write, and
  // awaiting these plain async reads inside a transaction opened there commits it too early.
  const context = await loadProjectionContext(db);
  return db.transaction('rw', [db.events, ...projectionTables(db), db.syncState], async () => {
    const rows = projectAll((await db.events.toArray()).map(toCaseEvent), context, now);
    await putProjectedCases(db, rows);
    await db.syncState.delete(PROJECTION_STALE_KEY);
    return rows.length;
  });
}
