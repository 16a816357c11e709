// @vitest-environment node
/**
 * The office's reports from the hub's SQL equal what the extension's
 * console computes (lib/report) from the same two officers' files: the
 * quarterly bulletin, its per-department rows, and the 舆情日志 of a day.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HubDatabase } from '../../../lib/hub/db';
import { importSyncFile } from '../../../lib/hub/import';
import { dailyLogSql, quarterlyStatsSql } from '../../../lib/hub/reports';
import { getBuiltInProfile } from '../../../lib/policy';
import { quarterlyStats, UNCLAIMED_DEPARTMENT } from '../../../lib/report';
import { cst } from '../report/log';
import { HUB_ENGINES, openTestHub, twoOfficersFiles } from './support';

const policy = getBuiltInProfile('xuancheng-2015')!;
const Q4_2026 = { year: 2026, quarter: 4 } as const;

describe.each(HUB_ENGINES)('reports in SQL on %s', (engine) => {
  let hub: HubDatabase;
  const files = twoOfficersFiles();

  beforeAll(async () => {
    hub = await openTestHub(engine);
    for (const file of [files.lisi, files.wangwu]) {
      const result = await importSyncFile(hub.db, JSON.stringify(file), { via: 'folder' }, { policy, now: cst('2027-01-02 10:00') });
      expect(result.ok).toBe(true);
    }
  }, 120_000);

  afterAll(async () => {
    await hub.close();
  }, 60_000);

  it.each([
    ['at the end of January, everything settled', '2027-01-31 12:00'],
    ['a year later (open deadlines long overdue)', '2028-01-01 00:00'],
  ])('gives the console’s quarterly bulletin %s', async (_label, at) => {
    const now = cst(at);
    const fromSql = await quarterlyStatsSql(hub.db, policy, { quarter: Q4_2026, now });
    const fromConsole = quarterlyStats(files.all, policy, { quarter: Q4_2026, now });
    expect(fromSql).toEqual(fromConsole);
  });

  it('counts each responsible department as read from the files', async () => {
    const stats = await quarterlyStatsSql(hub.db, policy, { quarter: Q4_2026, now: cst('2027-01-31 12:00') });
    // The water case is 市住建局's by assessment; the lift case its own; the night market stays with
    // 市信息办 (first claim; 市住建局's later claim is the conflict); nobody claimed the bus case.
    // The September capture belongs to Q3.
    expect(stats.departments.map((row) => [row.department, row.cases, row.claimed, row.responded, row.closed])).toEqual([
      ['市住建局', 2, 2, 2, 1],
      ['市信息办', 1, 1, 0, 0],
      [UNCLAIMED_DEPARTMENT, 1, 0, 0, 0],
    ]);
    expect(stats.totals).toMatchObject({ cases: 4, claimed: 3, unclaimed: 1, responded: 2 });
    expect(stats.rejectedEvents).toBe(1);
  });

  it('prints the 舆情日志 of 1 December: the night-market case', async () => {
    const log = await dailyLogSql(hub.db, '2026-12-01');
    expect(log).toEqual([
      expect.objectContaining({ caseId: 'c-market', title: '夜市占道经营扰民', department: '市信息办', claimedBy: '市信息办' }),
    ]);
    await expect(dailyLogSql(hub.db, '2026-13-01')).rejects.toThrow(RangeError);
  });
});
