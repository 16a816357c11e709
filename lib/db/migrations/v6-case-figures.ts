/**
 * Upgrade 5 → 6: each case row's bulletin figures (`figures`, written by
 * the projection since version 5) move to the new `caseFigures` table as
 * `{ capturedAt: figures.capturedAt, caseId, lastEventAt, figures }`, and
 * leave the row. A row without
 * figures (written before version 5) gets no figures row here: the database
 * is marked for a re-projection instead (the syncState row
 * `projectionStale`, answered by today's code when the database opens,
 * lib/db/repos/projection-repair.ts), which writes both parts of every case
 * — computing figures needs the replay, the policy and the calendar, code
 * this frozen upgrade must not import.
 *
 * Frozen: this file imports no code of the repository (only types, which
 * vanish at build). It runs inside Dexie's upgrade transaction and awaits
 * nothing but that transaction's own requests.
 */
import type { Transaction } from 'dexie';

/** The same literal as PROJECTION_STALE_KEY in lib/db/repos/projection-repair.ts, spelled out to stay frozen. */
const PROJECTION_STALE_KEY = 'projectionStale';

/** The fields of a version 5 case row this upgrade reads. */
interface StoredCaseRow {
  caseId: string;
  lastEventAt: number;
  figures?: Record<string, unknown> & { capturedAt: number };
}

/** Performs the 5 → 6 upgrade inside Dexie's upgrade transaction. */
export async function upgradeToV6(tx: Transaction): Promise<void> {
  const moved: { capturedAt: number; caseId: string; lastEventAt: number; figures: Record<string, unknown> }[] = [];
  let withoutFigures = 0;
  await tx
    .table('cases')
    .toCollection()
    .modify((row: StoredCaseRow) => {
      if (row.figures === undefined) {
        withoutFigures += 1;
        return;
      }
      moved.push({ capturedAt: row.figures.capturedAt, caseId: row.caseId, lastEventAt: row.lastEventAt, figures: row.figures });
      delete row.figures;
    });
  if (moved.length > 0) await tx.table('caseFigures').bulkAdd(moved);
  if (withoutFigures > 0) {
    await tx.table('syncState').put({ key: PROJECTION_STALE_KEY, at: 0, note: `upgrade 5 → 6: case rows without bulletin figures: ${withoutFigures}` });
  }
}
