/**
 * Test support for the office hub: the engines the suite runs on and two
 * officers' sync files with overlapping cases.
 *
 * PGlite always; a real PostgreSQL too when HUB_TEST_DATABASE_URL names a
 * server (.ci/run starts one). Each suite gets its own fresh database on it.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { sql } from 'kysely';
import { openHubDatabase, type HubDatabase } from '../../../lib/hub/db';
import { makeInterimSyncFile, type InterimSyncFile } from '../../../lib/hub/interim-sync-file';
import type { CaseEvent } from '../../../lib/cases';
import { capture, caseLog, cst } from '../report/log';

/** The engines to run the hub suites on. */
export const HUB_ENGINES: ('pglite' | 'postgres')[] = process.env.HUB_TEST_DATABASE_URL ? ['pglite', 'postgres'] : ['pglite'];

if (!process.env.HUB_TEST_DATABASE_URL && process.env.CI) {
  console.warn('HUB_TEST_DATABASE_URL is not set: the hub suite runs on PGlite only, not on a real PostgreSQL');
}

/** Opens an empty hub database on `engine`; `close` also drops the throwaway database on a server. */
export async function openTestHub(engine: 'pglite' | 'postgres', options: { migrateTo?: string } = {}): Promise<HubDatabase> {
  if (engine === 'pglite') return openHubDatabase({ memory: true }, options);
  const base = process.env.HUB_TEST_DATABASE_URL!;
  const name = `hub_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(base);
  url.pathname = `/${name}`;
  const hub = await openHubDatabase({ url: url.toString() }, options);
  return {
    ...hub,
    close: async () => {
      await hub.close();
      const drop = new pg.Client({ connectionString: base });
      await drop.connect();
      await drop.query(`DROP DATABASE IF EXISTS ${name}`);
      await drop.end();
    },
  };
}

/** Empties every table between tests (ids restart, so ledger numbers read the same on both engines). */
export async function emptyHub(hub: HubDatabase): Promise<void> {
  await sql`TRUNCATE officers, imports, events, evidence, conflicts, cases, case_deadlines, packages RESTART IDENTITY CASCADE`.execute(hub.db);
}

/** Counts of rows per table: "the database is unchanged" means these are equal. */
export async function tableCounts(hub: HubDatabase): Promise<Record<string, number>> {
  const result = await sql<{ t: string; n: number }>`
    SELECT 'officers' AS t, count(*)::int AS n FROM officers UNION ALL
    SELECT 'imports', count(*)::int FROM imports UNION ALL
    SELECT 'events', count(*)::int FROM events UNION ALL
    SELECT 'evidence', count(*)::int FROM evidence UNION ALL
    SELECT 'conflicts', count(*)::int FROM conflicts UNION ALL
    SELECT 'cases', count(*)::int FROM cases UNION ALL
    SELECT 'case_deadlines', count(*)::int FROM case_deadlines`.execute(hub.db);
  return Object.fromEntries(result.rows.map((row) => [row.t, row.n]));
}

function withActor(events: CaseEvent[], officer: string, department: string): CaseEvent[] {
  return events.map((event) => ({ ...event, actor: { officer, department } }));
}

/**
 * 李四 (市信息办) and 王五 (市住建局) each export their log for Q4 2026. They
 * overlap on the water-cut case (王五 also has its capture and claim), and
 * both departments claim the night-market case: a competing claim.
 */
export function twoOfficersFiles(): { lisi: InterimSyncFile; wangwu: InterimSyncFile; all: CaseEvent[] } {
  const water = caseLog('a-water', '市信息办')
    .add('captured', '2026-10-09 09:00', capture('小区停水三天无人管', '1'))
    .add('claimed', '2026-10-09 09:30', { department: '市信息办' })
    .add('assessed', '2026-10-09 09:40', { tier: 'general', category: 'other', department: '市住建局' })
    .add('reported', '2026-10-09 10:00', { channel: 'log' })
    .add('investigation-report', '2026-10-12 16:00', { summary: '已恢复供水' })
    .add('responded', '2026-10-13 10:00', { channel: '网络新闻发言人' })
    .add('closed', '2026-10-20 10:00', {}).events;
  const lift = caseLog('b-lift', '市住建局')
    .add('captured', '2026-11-02 09:00', capture('老旧小区加装电梯进展缓慢', '2'))
    .add('claimed', '2026-11-02 09:10', { department: '市住建局' })
    .add('assessed', '2026-11-02 09:20', { tier: 'general', category: 'other', department: '市住建局' })
    .add('reported', '2026-11-02 12:30', { channel: 'log' })
    .add('investigation-report', '2026-11-03 15:00', { summary: '正在推进' })
    .add('responded', '2026-11-10 09:00', { channel: '网络新闻发言人' }).events;
  const market = caseLog('c-market', '市信息办')
    .add('captured', '2026-12-01 10:00', capture('夜市占道经营扰民', '3'))
    .add('claimed', '2026-12-01 10:30', { department: '市信息办' }).events;
  const marketRival = caseLog('c-market', '市住建局').add('claimed', '2026-12-01 10:45', { department: '市住建局' }).events
    .map((event) => ({ ...event, id: 'c-market-wangwu-claim' }));
  const bus = caseLog('d-bus', '市信息办').add('captured', '2026-12-20 10:00', capture('公交线路调整', '4')).events;
  const lastQuarter = caseLog('e-last-quarter', '市住建局')
    .add('captured', '2026-09-30 23:59', capture('国庆景区拥堵', '5'))
    .add('claimed', '2026-10-08 09:00', { department: '市文旅局' }).events;

  const lisiEvents = withActor([...water, ...market, ...bus], '李四', '市信息办');
  // 王五 holds copies of the water case's capture and claim (identical events, same ids).
  const wangwuEvents = [...lisiEvents.slice(0, 2), ...withActor([...lift, ...marketRival, ...lastQuarter], '王五', '市住建局')];
  const range = { from: cst('2026-09-01 00:00'), to: cst('2026-12-31 23:59') };
  const exportedAt = cst('2027-01-02 09:00');
  const lisi = makeInterimSyncFile({
    officer: { officer: '李四', department: '市信息办' },
    range,
    exportedAt,
    events: lisiEvents,
    evidence: [{ digest: 'b'.repeat(64), caseId: 'a-water', text: '小区停水三天无人管' }],
  });
  const wangwu = makeInterimSyncFile({
    officer: { officer: '王五', department: '市住建局' },
    range,
    exportedAt,
    events: wangwuEvents,
    evidence: [{ digest: 'b'.repeat(64), caseId: 'a-water', text: '小区停水三天无人管' }],
  });
  const all = [...new Map([...lisiEvents, ...wangwuEvents].map((event) => [event.id, event])).values()];
  return { lisi, wangwu, all };
}
