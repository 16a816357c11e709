/**
 * The office console's bulletin and conflicts read from the cases projection
 * (each case's figures, grouped by day of first capture, kept up to date on
 * every write) must be exactly the
 * bulletin and conflicts of the whole merged log — after the import of the
 * two officers' files, judged at any later time, after the office assigns a
 * contested case (指定认领), and for rows written before schema version 5
 * (the upgrade to version 6 has them projected again).
 */
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { AppDB } from '../../../lib/db/app-db';
import { listAllEvents } from '../../../lib/db/repos/events';
import { currentOfficeBulletin, officeBulletinFromDb } from '../../../lib/db/repos/office-bulletin';
import { loadProjectionContext } from '../../../lib/db/repos/projection-context';
import { officeBulletin } from '../../../lib/report/office-bulletin';
import { caseConflicts } from '../../../lib/sync';
import { assignCase } from '../../../lib/sync/assign';
import { importSyncTexts } from '../../../lib/sync/import';
import { cst } from '../../fixtures/sync/officers';
import { expectFiguresByDayMatch } from '../db/helpers';

const inputs = ['officer-li-ming-zhujian', 'officer-wang-fang-binjiang'].map((name) => ({
  name,
  text: readFileSync(`tests/fixtures/sync/${name}.json`, 'utf8'),
}));
const quarter = { year: 2024, quarter: 3 } as const;
const imported = cst('2024-08-06 09:00');

let db: AppDB | undefined;
afterEach(async () => {
  await db?.delete();
  db = undefined;
});

async function officeWithFiles(): Promise<AppDB> {
  db = new AppDB(`office-bulletin-${crypto.randomUUID()}`, { now: () => imported });
  const summaries = await importSyncTexts(db, inputs, { now: imported });
  expect(summaries.every((s) => s.ok)).toBe(true);
  return db;
}

/** The bulletin of the whole log, as the console computed it before (every event replayed). */
async function fromLog(office: AppDB, now: number) {
  const context = await loadProjectionContext(office);
  return officeBulletin(await listAllEvents(office), context.policy, { quarter, now, options: context.options });
}

describe('the office bulletin from the cases projection', () => {
  it.each([
    ['at the import', '2024-08-06 09:00'],
    ['two weeks later, when open deadlines have passed', '2024-08-20 09:00'],
    ['after the quarter', '2024-10-15 09:00'],
    ['before the import (rows judged later are judged again from their log)', '2024-07-25 09:00'],
  ])('equals the bulletin of the whole log %s', async (_when, at) => {
    const office = await officeWithFiles();
    expect(await officeBulletinFromDb(office, { quarter, now: cst(at) })).toEqual(await fromLog(office, cst(at)));
  });

  it('names the same conflicts as the whole log, and both change when the office assigns the case', async () => {
    const office = await officeWithFiles();
    const stored = async () => new Map((await office.cases.toArray()).flatMap((row) => (row.conflict ? [[row.caseId, row.conflict] as const] : [])));
    const conflicts = caseConflicts(await listAllEvents(office));
    expect(conflicts.size).toBe(1);
    expect(await stored()).toEqual(conflicts);

    const [caseId] = [...conflicts.keys()];
    const at = cst('2024-08-07 10:00');
    expect((await assignCase(office, { caseId: caseId!, department: '滨江街道办', reason: '属地管理', now: at })).ok).toBe(true);
    expect(await stored()).toEqual(caseConflicts(await listAllEvents(office)));
    expect((await stored()).size).toBe(0);
    const later = cst('2024-08-08 09:00');
    const bulletin = await officeBulletinFromDb(office, { quarter, now: later });
    expect(bulletin).toEqual(await fromLog(office, later));
    // Settling competing claims counts the case as claimed by the department the office named.
    expect(bulletin.totals.conflicts.count).toBe(0);
    expect(bulletin.departments.find((d) => d.department === '滨江街道办')!.claimed.caseIds).toContain(caseId);
  });

  it('gives every case its figures again when the database opens after an upgrade left rows without them (rows written before version 5)', async () => {
    const office = await officeWithFiles();
    const cases = await office.cases.count();
    // As the upgrade to version 6 leaves a database whose rows were written before version 5.
    await office.caseFigures.clear();
    await office.syncState.put({ key: 'projectionStale', at: 0, note: 'upgrade 5 → 6' });
    office.close();
    db = new AppDB(office.name, { now: () => imported });
    expect(await db.caseFigures.count()).toBe(cases);
    await expectFiguresByDayMatch(db);
    const now = cst('2024-08-20 09:00');
    expect(await officeBulletinFromDb(db, { quarter, now })).toEqual(await fromLog(db, now));
  });

  it('keeps one figures row per case row, written with it', async () => {
    const office = await officeWithFiles();
    const rows = await office.cases.toArray();
    const figures = new Map((await office.caseFigures.toArray()).map((row) => [row.caseId, row]));
    expect(figures.size).toBe(rows.length);
    for (const row of rows) expect(figures.get(row.caseId)?.lastEventAt, row.caseId).toBe(row.lastEventAt);
    // The office assigns the contested case: its row and its figures row are written again, together.
    const [caseId] = [...caseConflicts(await listAllEvents(office)).keys()];
    const at = cst('2024-08-07 10:00');
    expect((await assignCase(office, { caseId: caseId!, department: '滨江街道办', reason: '属地管理', now: at })).ok).toBe(true);
    expect((await office.caseFigures.get({ caseId: caseId! }))?.lastEventAt).toBe(at);
    await expectFiguresByDayMatch(office);
  });

  it('keeps one figures row for a case whose first capture moves earlier (an officer’s earlier capture imported later)', async () => {
    db = new AppDB(`office-bulletin-${crypto.randomUUID()}`, { now: () => imported });
    // 王芳 captured the shared thread 15 minutes after 李明; her file comes in first.
    const summaries = await importSyncTexts(db, [...inputs].reverse(), { now: imported });
    expect(summaries.every((s) => s.ok)).toBe(true);
    const shared = (await db.caseFigures.toArray()).filter((row) => row.caseId.startsWith('t-2ced3cb3'));
    expect(shared.map((row) => row.capturedAt)).toEqual([cst('2024-07-08 09:10')]);
    expect(await db.caseFigures.count()).toBe(await db.cases.count());
    await expectFiguresByDayMatch(db);
    const now = cst('2024-08-20 09:00');
    expect(await officeBulletinFromDb(db, { quarter, now })).toEqual(await fromLog(db, now));
  });

  it('as the console shows it: judged now, or at the newest event when an officer’s clock ran ahead of the office’s', async () => {
    const office = await officeWithFiles();
    const now = cst('2024-08-20 09:00');
    expect(await currentOfficeBulletin(office, { quarter, now })).toEqual(await fromLog(office, now));
    const newest = Math.max(...(await listAllEvents(office)).map((e) => e.at));
    const early = cst('2024-07-02 09:00');
    expect(early).toBeLessThan(newest);
    const shown = await currentOfficeBulletin(office, { quarter, now: early });
    expect(shown.asOf).toBe(newest);
    expect(shown).toEqual(await fromLog(office, newest));
  });
});
