/**
 * The office's quarterly bulletin read from the cases projection: one small
 * record per case (CaseRow.figures, kept up to date whenever the case's
 * events change) through the `figures.capturedAt` index, instead of
 * replaying every event of the office (lib/report `officeBulletin`, which it
 * equals).
 */
import { Dexie } from 'dexie';
import { groupByCase, replayWithReport } from '../../cases';
import { quarterBounds, type QuarterId } from '../../report/quarterly';
import { bulletinOfFigures, caseFiguresOf, type CaseFiguresEntry, type OfficeBulletin } from '../../report/office-bulletin';
import type { AppDB } from '../app-db';
import type { CaseRow } from '../entities/case-row';
import { toCaseEvent } from '../entities/event-row';
import { projectCase } from '../projection';
import { listEventsOfCase } from './events';
import { loadProjectionContext } from './projection-context';

/**
 * Connections known to hold no row without figures. Today's code writes
 * figures with every case row (projectCase), and a database at version 5 or
 * later is written by no older code (an upgrade closes older connections),
 * so once a connection found none there are none for its lifetime: the
 * check, two index counts that walk every case in Chromium, runs once per
 * page instead of once per bulletin.
 */
const figuresComplete = new WeakSet<AppDB>();

/** Ids of the case rows written before version 5 (no figures): two counts, no row read, when there are none. */
async function rowsWithoutFigures(db: AppDB): Promise<string[]> {
  if (figuresComplete.has(db)) return [];
  const [all, indexed] = await Promise.all([db.cases.count(), db.cases.where('figures.capturedAt').aboveOrEqual(-Infinity).count()]);
  if (all !== indexed) return db.cases.filter((row) => row.figures === undefined).primaryKeys();
  figuresComplete.add(db);
  return [];
}

/**
 * Fills the figures of case rows written before schema version 5 (they have
 * none, so the quarter index misses them) by projecting those cases again
 * from their logs at `now`, in one transaction. Answers how many rows were
 * filled (0, after one run, for good).
 */
export async function fillMissingFigures(db: AppDB, now: number): Promise<number> {
  return db.transaction('rw', [db.cases, db.events, db.settings, db.policyProfiles], async () => {
    const caseIds = await rowsWithoutFigures(db);
    if (caseIds.length === 0) return 0;
    const context = await loadProjectionContext(db);
    const rows: CaseRow[] = [];
    for (const caseId of caseIds) {
      const { state, rejected } = replayWithReport(await listEventsOfCase(db, caseId));
      if (state) rows.push(projectCase(state, context, now, rejected));
    }
    await db.cases.bulkPut(rows);
    return rows.length;
  });
}

/**
 * The bulletin of `quarter` at `now` under the database's active policy and
 * calendar (as the projection computes them), equal to `officeBulletin` of
 * the whole log with that policy. Rows judged after `now`, or holding events
 * after it, are judged again from their own log cut at `now`, and so are
 * rows written before version 5 (see {@link fillMissingFigures}).
 * Throws RangeError on a bad quarter.
 */
export async function officeBulletinFromDb(db: AppDB, { quarter, now }: { quarter: QuarterId; now: number }): Promise<OfficeBulletin> {
  const bounds = quarterBounds(quarter.year, quarter.quarter);
  // Read-only (a live query calls it): rows without figures are judged from their logs, not repaired here.
  // No explicit transaction: wrapped in one, this failed with PrematureCommitError in the office
  // page's live query beside the page's other live queries (Chromium; not in fake-indexeddb, nor
  // alone in the same page), and the error blanked the console. Each read is its own snapshot;
  // a write between them makes the live query run again.
  const context = await loadProjectionContext(db);
  const rows = await db.cases.where('figures.capturedAt').between(bounds.start, bounds.end, true, true).toArray();
  const entries: CaseFiguresEntry[] = [];
  const later = await rowsWithoutFigures(db);
  for (const { caseId, figures, lastEventAt } of rows) {
    // Every row the index yields has figures; the check only narrows the type.
    if (!figures || figures.judgedAt > now || lastEventAt > now) later.push(caseId);
    else entries.push({ caseId, figures });
  }
  if (later.length > 0) {
    const logs = await Promise.all(
      later.map((caseId) => db.events.where('[caseId+at]').between([caseId, Dexie.minKey], [caseId, now], true, true).toArray()),
    );
    for (const log of groupByCase(logs.flat().map(toCaseEvent)).values()) {
      const figures = caseFiguresOf(replayWithReport(log), context.policy, now, context.options);
      if (figures) entries.push({ caseId: log[0]!.caseId, figures });
    }
  }
  return bulletinOfFigures(entries, context.policy, { quarter, now });
}

/**
 * The bulletin the office console shows: {@link officeBulletinFromDb} of
 * `quarter` judged at `now` (the console's clock, epoch ms) or, when an
 * officer's clock ran ahead, at the newest event stored (read from the
 * `lastEventAt` index, one row), so an event already imported — an
 * assignment made just now — always counts. Its `asOf` is that time.
 * Read-only: safe inside a live query.
 */
export async function currentOfficeBulletin(db: AppDB, { quarter, now }: { quarter: QuarterId; now: number }): Promise<OfficeBulletin> {
  const newest = await db.cases.orderBy('lastEventAt').last();
  return officeBulletinFromDb(db, { quarter, now: Math.max(now, newest?.lastEventAt ?? now) });
}
