/**
 * The office's quarterly bulletin read from the cases projection: each
 * case's figures (written with the case's row whenever its events change),
 * grouped by China day of first capture (the `caseFiguresByDay` table), so
 * a quarter is one range of ~92 records, instead of replaying every event
 * of the office (lib/report `officeBulletin`, which it equals).
 */
import { Dexie } from 'dexie';
import { groupByCase, replayWithReport } from '../../cases';
import { chinaDayNumber } from '../../calendar/china-date';
import { quarterBounds, type QuarterId } from '../../report/quarterly';
import { bulletinOfFigures, caseFiguresOf, type CaseFiguresEntry, type OfficeBulletin } from '../../report/office-bulletin';
import type { AppDB } from '../app-db';
import { toCaseEvent } from '../entities/event-row';
import { figuresRowsOfDay } from '../entities/case-figures-day-row';
import { loadProjectionContext } from './projection-context';

/**
 * The bulletin of `quarter` at `now` under the database's active policy and
 * calendar (as the projection computes them), equal to `officeBulletin` of
 * the whole log with that policy. Rows judged after `now`, or holding events
 * after it, are judged again from their own log cut at `now`. (Every case
 * row has its figures in its day's record: the projection writes both, the
 * upgrade to version 6 has rows without figures projected again, and the
 * upgrade to version 7 fills the day records from the figures rows.)
 * Throws RangeError on a bad quarter.
 */
export async function officeBulletinFromDb(db: AppDB, { quarter, now }: { quarter: QuarterId; now: number }): Promise<OfficeBulletin> {
  const bounds = quarterBounds(quarter.year, quarter.quarter);
  // No explicit transaction: wrapped in one, this failed with PrematureCommitError in the office
  // page's live query beside the page's other live queries (Chromium; not in fake-indexeddb, nor
  // alone in the same page), and the error blanked the console. Each read is its own snapshot;
  // a write between them makes the live query run again.
  const context = await loadProjectionContext(db);
  const days = await db.caseFiguresByDay.where('day').between(chinaDayNumber(bounds.start), chinaDayNumber(bounds.end), true, true).toArray();
  const entries: CaseFiguresEntry[] = [];
  const later: string[] = [];
  for (const day of days) {
    for (const { capturedAt, caseId, figures, lastEventAt } of figuresRowsOfDay(day)) {
      if (capturedAt < bounds.start || capturedAt > bounds.end) continue;
      if (figures.judgedAt > now || lastEventAt > now) later.push(caseId);
      else entries.push({ caseId, figures });
    }
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
