/**
 * Upgrade 1 → 2: version 1's case rows had no deadline fields. Each row gets
 * `nextDeadlineAt`, `nextDeadlineStep`, `nextStep`, `overdue` and
 * `provisional` set to "no deadline yet", and the database is marked for a
 * re-projection: the syncState row `projectionStale`, which today's code
 * reads when the database opens (lib/db/repos/projection-repair.ts) and
 * answers by projecting every case again from its events, before any other
 * query runs (Dexie's `on('ready')`). So the urgency index is filled before
 * the side panel first lists cases, with the deadline rules of the code that
 * reads it.
 *
 * Frozen: this file imports no code of the repository (only types, which
 * vanish at build), so later changes to lib/cases, lib/policy or the
 * projection cannot change what this upgrade stored. Computing deadlines
 * here would need exactly that code (the policy, the calendar, the replay),
 * which is why the work is handed to today's code through the marker
 * instead. It runs inside Dexie's upgrade transaction and awaits nothing but
 * that transaction's own requests.
 */
import type { Transaction } from 'dexie';

/**
 * The syncState key of the re-projection marker. Today's code reads the same
 * literal (PROJECTION_STALE_KEY in lib/db/repos/projection-repair.ts); it is
 * spelled out here, not imported, to keep this upgrade frozen.
 */
const PROJECTION_STALE_KEY = 'projectionStale';

/** Performs the 1 → 2 upgrade inside Dexie's upgrade transaction. */
export async function upgradeToV2(tx: Transaction): Promise<void> {
  await tx
    .table('cases')
    .toCollection()
    .modify((row: Record<string, unknown>) => {
      // Null keeps the row out of the urgency index until the re-projection gives it its deadline.
      Object.assign(row, { nextDeadlineAt: null, nextDeadlineStep: null, nextStep: null, overdue: 0, provisional: false });
    });
  await tx.table('syncState').put({ key: PROJECTION_STALE_KEY, at: 0, note: 'upgrade 1 → 2: deadline fields to compute' });
}
