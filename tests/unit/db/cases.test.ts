import { afterEach, describe, expect, it } from 'vitest';
import { appendEvents } from '../../../lib/db/repos/events';
import { getCaseStatesByKeys, listCases, projectAll, rebuildProjection } from '../../../lib/db/repos/cases';
import { getActiveProfile } from '../../../lib/db/repos/policy-profiles';
import { officeBulletinFromDb } from '../../../lib/db/repos/office-bulletin';
import { officeBulletin } from '../../../lib/report/office-bulletin';
import { loadProjectionContext } from '../../../lib/db/repos/projection-context';
import { toCaseEvent } from '../../../lib/db/entities/event-row';
import { assessed, captured, claimed, closed, HOUR, T0 } from '../../fixtures/db/builders';
import { asStored, freshDb, NOW, storedProjection } from './helpers';
import type { AppDB } from '../../../lib/db/app-db';

let db: AppDB;
afterEach(async () => {
  await db?.delete();
});

/** Four cases: two claimed at different times (deadlines), one only captured, one closed. */
async function seed(): Promise<void> {
  const result = await appendEvents(
    db,
    [
      captured('early', T0),
      claimed('early', T0 + HOUR),
      captured('late', T0 + 10 * HOUR),
      claimed('late', T0 + 30 * HOUR),
      captured('fresh', T0 + 40 * HOUR),
      captured('done', T0),
      claimed('done', T0 + HOUR),
      assessed('done', T0 + 2 * HOUR),
      closed('done', T0 + 50 * HOUR),
    ],
    { now: NOW },
  );
  expect(result.ok && result.data.every((r) => r.ok)).toBe(true);
}

describe('listing cases for the side panel', () => {
  it('puts the earliest deadline first (missed ones on top), then cases without one', async () => {
    db = freshDb();
    await seed();
    const rows = await listCases(db, { order: 'urgency' });
    // 'done' was closed without its first report: the miss stays in its record, but a closed case is never urgent.
    expect(rows.map((r) => r.caseId)).toEqual(['early', 'late', 'done', 'fresh']);
    expect(rows[0]!.nextDeadlineAt!).toBeLessThan(rows[1]!.nextDeadlineAt!);
    expect(rows[2]).toMatchObject({ status: 'closed', nextDeadlineAt: null, nextStep: null, overdue: 0 });
    expect(rows[3]!.nextDeadlineAt).toBeNull();
  });

  it('lists the most recently active cases first', async () => {
    db = freshDb();
    await seed();
    expect((await listCases(db, { order: 'recent' })).map((r) => r.caseId)).toEqual(['done', 'fresh', 'late', 'early']);
  });

  it('filters by status and honours the limit', async () => {
    db = freshDb();
    await seed();
    expect((await listCases(db, { order: 'urgency', status: 'claimed' })).map((r) => r.caseId)).toEqual([
      'early',
      'late',
    ]);
    expect((await listCases(db, { order: 'recent', status: 'claimed', limit: 1 })).map((r) => r.caseId)).toEqual([
      'late',
    ]);
    expect(await listCases(db, { order: 'urgency', limit: 0 })).toEqual([]);
  });
});

describe('badges for posts already captured', () => {
  it('answers the state of known cases and leaves unknown ids out', async () => {
    db = freshDb();
    await seed();
    const states = await getCaseStatesByKeys(db, ['early', 'fresh', 'unknown']);
    expect(Object.keys(states).sort()).toEqual(['early', 'fresh']);
    expect(states.early).toMatchObject({ status: 'claimed', claimedBy: '澜江市住房和城乡建设局' });
    expect(states.early?.nextDeadlineAt).toEqual(expect.any(Number));
    expect(states.fresh).toEqual({ status: 'captured', evidence: true });
  });
});

describe('the projection is derived from the log', () => {
  it('equals the projection rebuilt from the events alone', async () => {
    db = freshDb();
    await seed();
    const events = (await db.events.toArray()).map(toCaseEvent);
    const rebuilt = projectAll(events, await loadProjectionContext(db), NOW);
    expect(asStored(rebuilt)).toEqual(await storedProjection(db));
  });

  it('can be thrown away and rebuilt in one write', async () => {
    db = freshDb();
    await seed();
    const before = await storedProjection(db);
    await db.cases.clear();
    await db.caseFigures.clear();
    const result = await rebuildProjection(db, await getActiveProfile(db), NOW);
    expect(result).toEqual({ ok: true, data: { cases: 4 } });
    expect(await storedProjection(db)).toEqual(before);
  });
});

describe('the bulletin figures by day of first capture (schema version 7)', () => {
  it('files a case by its China day, so a case captured late on the last evening of a quarter counts in that quarter only', async () => {
    db = freshDb();
    // 2024-09-30 23:30 and 2024-10-01 00:10 China time: the same UTC day (15:30 and 16:10 UTC), two China days and two quarters.
    const lastEvening = Date.UTC(2024, 8, 30, 15, 30);
    const firstMorning = Date.UTC(2024, 8, 30, 16, 10);
    const result = await appendEvents(db, [captured('q3', lastEvening), captured('q4', firstMorning), claimed('q3', firstMorning)], { now: firstMorning });
    expect(result.ok && result.data.every((r) => r.ok)).toBe(true);
    const days = await db.caseFiguresByDay.toArray();
    expect(days.map((d) => d.caseIds)).toEqual([['q3'], ['q4']]);
    expect(days[1]!.day - days[0]!.day).toBe(1);
    await storedProjection(db);
    const now = firstMorning + HOUR;
    const events = (await db.events.toArray()).map(toCaseEvent);
    const policy = await getActiveProfile(db);
    for (const quarter of [{ year: 2024, quarter: 3 }, { year: 2024, quarter: 4 }] as const) {
      const read = await officeBulletinFromDb(db, { quarter, now });
      expect(read).toEqual(officeBulletin(events, policy, { quarter, now }));
      expect(read.totals.captured.caseIds).toEqual([quarter.quarter === 3 ? 'q3' : 'q4']);
    }
  });
});
