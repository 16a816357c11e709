/**
 * Office hub benchmarks (lib/hub), each beside a baseline measured in the
 * same run on the same database:
 * - hub.import-1m-events.pglite / .postgres: 1,000,000 events from 500 sync
 *   files through the hub's whole import (validation, digest, ledger,
 *   insert-only events, projection of the touched cases), against a bare
 *   COPY of the same rows into an unindexed table;
 * - hub.reimport-known-file: refusing a file the ledger already has, against
 *   that file's first import;
 * - hub.bulletin-1m-events: the quarterly bulletin in SQL over those events,
 *   against the console's computation (lib/report) over the same events in memory.
 *
 * PostgreSQL figures need a server: HUB_BENCH_DATABASE_URL, or else the bench
 * starts a throwaway cluster itself (scripts/pg-throwaway.sh) when the
 * Debian binaries are installed; otherwise they are skipped with a message.
 * HUB_BENCH_EVENTS scales the run (default 1,000,000; the names keep "1m");
 * HUB_BENCH_ENGINES=postgres or =pglite runs one engine only.
 */
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import { sql } from 'kysely';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { compared, medianMs, type BenchSuite, type Figure } from './harness';
import { seededRandom } from '../support/seeded-random';
import type { CaseEvent } from '../../lib/cases';
import { sha256Hex } from '../../lib/hub/canonical';
import { openHubDatabase, type HubDatabase } from '../../lib/hub/db';
import { importSyncFile } from '../../lib/hub/import';
import { makeInterimSyncFile } from '../../lib/hub/interim-sync-file';
import { quarterlyStatsSql } from '../../lib/hub/reports';
import { getBuiltInProfile } from '../../lib/policy';
import { quarterBounds, quarterlyStats } from '../../lib/report';

const TOTAL = Number(process.env.HUB_BENCH_EVENTS ?? 1_000_000);
const FILES = 500;
const policy = getBuiltInProfile('xuancheng-2015')!;
const Q4 = quarterBounds(2026, 4);
const NOW = Date.UTC(2027, 1, 1);
const HOUR = 3_600_000;
const DEPARTMENTS = ['市住建局', '市公安局', '市教育局', '市卫健委', '市交通局', '市城管局', '市市场监管局', '市信息办'];

/** One officer's file: their cases, each a 10-event history, spread over Q4 2026. */
function officerFile(index: number, events: number, random: () => number): { text: string; events: CaseEvent[] } {
  const department = DEPARTMENTS[index % DEPARTMENTS.length]!;
  const actor = { officer: `officer-${String(index)}`, department };
  const list: CaseEvent[] = [];
  for (let c = 0; list.length < events; c++) {
    const caseId = `f${String(index)}-c${String(c)}`;
    const t = Q4.start + Math.floor(random() * (Q4.end - Q4.start - 20 * 24 * HOUR));
    const e = (n: number, at: number, rest: Pick<CaseEvent, 'type' | 'payload'>) =>
      ({ id: `${caseId}-e${String(n)}`, caseId, at, actor, ...rest }) as CaseEvent;
    const late = random() < 0.2 ? 4 * 24 * HOUR : 0;
    const history: CaseEvent[] = [
      e(0, t, {
        type: 'captured',
        payload: {
          url: `https://bbs.example.cn/thread-${caseId}-1-1.html`,
          canonicalUrl: `https://bbs.example.cn/thread-${caseId}.html`,
          site: 'discuz',
          postId: caseId,
          title: '小区停水三天无人管,物业电话打不通',
          excerpt: '小区停水三天无人管,物业电话打不通,老人孩子用水困难,希望有关部门尽快处理。',
          matchedTerms: ['停水'],
          digest: sha256Hex(caseId),
        },
      }),
      e(1, t + HOUR / 2, { type: 'claimed', payload: { department } }),
      e(2, t + HOUR, { type: 'assessed', payload: { tier: 'general', category: 'other', department, flags: [], mustRespondCriteria: [], reasons: [] } }),
      e(3, t + 2 * HOUR, { type: 'reported', payload: { to: [], channel: 'log' } }),
      e(4, t + 20 * HOUR + late, { type: 'investigation-report', payload: { summary: '已核实,正在处理' } }),
      e(5, t + 30 * HOUR + late, { type: 'responded', payload: { kind: 'reply', channel: '网络新闻发言人' } }),
      e(6, t + 40 * HOUR, { type: 'note', payload: { text: '群众表示满意' } }),
      e(7, t + 50 * HOUR + late, { type: 'follow-up', payload: { result: 'stable' } }),
      e(8, t + 60 * HOUR, { type: 'note', payload: { text: '回访完成' } }),
      e(9, t + 70 * HOUR + late, { type: 'closed', payload: {} }),
    ];
    list.push(...history.slice(0, events - list.length));
  }
  const file = makeInterimSyncFile({ officer: actor, range: { from: Q4.start, to: Q4.end }, exportedAt: NOW, events: list, evidence: [] });
  return { text: JSON.stringify(file), events: list };
}

function makeFiles(): { texts: string[]; events: CaseEvent[] } {
  const random = seededRandom(13);
  const texts: string[] = [];
  const events: CaseEvent[] = [];
  const per = Math.ceil(TOTAL / FILES);
  for (let i = 0; i < FILES; i++) {
    const file = officerFile(i, per, random);
    texts.push(file.text);
    for (const event of file.events) events.push(event);
  }
  return { texts, events };
}

/**
 * The rows the hub stores, as CSV for COPY (same columns and values as
 * `events`, body and digest made as the hub makes them), in chunks: a
 * million rows are more characters than one JS string may hold.
 */
function eventsCsv(events: readonly CaseEvent[]): string[] {
  const quote = (value: string) => `"${value.replaceAll('"', '""')}"`;
  const chunks: string[] = [];
  for (let i = 0; i < events.length; i += 2000) {
    const lines: string[] = [];
    for (const e of events.slice(i, i + 2000)) {
      const body = JSON.stringify(e);
      lines.push([quote(e.id), quote(e.caseId), e.type, String(e.at), quote(e.actor.officer), quote(e.actor.department), sha256Hex(body), quote(body), '1'].join(','));
    }
    chunks.push(`${lines.join('\n')}\n`);
  }
  return chunks;
}

const BARE_TABLE = sql`CREATE TABLE bare_events (id text, case_id text, type text, at bigint, officer text, department text, content_digest text, body jsonb, import_id bigint)`;

/** Bare COPY of the same rows into an unindexed table; ms, including making the CSV as the hub makes its rows. */
async function bareCopy(hub: HubDatabase, events: readonly CaseEvent[]): Promise<number> {
  await BARE_TABLE.execute(hub.db);
  const start = performance.now();
  const csv = eventsCsv(events);
  if (hub.pglite) {
    await hub.pglite.query(`COPY bare_events FROM '/dev/blob' WITH (FORMAT csv)`, [], { blob: new Blob(csv) });
  } else {
    const client = await hub.pool!.connect();
    try {
      await pipeline(Readable.from(csv), client.query(copyFrom('COPY bare_events FROM STDIN WITH (FORMAT csv)')));
    } finally {
      client.release();
    }
  }
  const ms = performance.now() - start;
  await sql`DROP TABLE bare_events`.execute(hub.db);
  return ms;
}

async function importAll(hub: HubDatabase, texts: readonly string[]): Promise<number> {
  const start = performance.now();
  for (const text of texts) {
    const result = await importSyncFile(hub.db, text, { via: 'folder' }, { policy, now: NOW, ...(hub.copyCsv ? { copyCsv: hub.copyCsv } : {}) });
    if (!result.ok) throw new Error(`bench file refused: ${result.refusal.message}`);
  }
  return performance.now() - start;
}

let postgresRan = false;

async function engineFigures(
  engine: 'pglite' | 'postgres',
  hub: HubDatabase,
  data: { texts: string[]; events: CaseEvent[] },
): Promise<Figure[]> {
  const figures: Figure[] = [];
  const copyMs = await bareCopy(hub, data.events);
  const importMs = await importAll(hub, data.texts);
  figures.push(compared(`hub.import-1m-events.${engine}`, 'ms', importMs, 'bare COPY into an unindexed table', copyMs, engine === 'postgres' ? 'within 2× of COPY' : 'within 3× of COPY'));

  // The stable names are the PostgreSQL figures; PGlite's get a suffix, or the plain name when no server ran.
  const suffix = engine === 'pglite' && postgresRan ? '.pglite' : '';
  const known = data.texts[0]!;
  const reimportMs = await medianMs(async () => {
    const result = await importSyncFile(hub.db, known, { via: 'folder' }, { policy, now: NOW, ...(hub.copyCsv ? { copyCsv: hub.copyCsv } : {}) });
    if (result.ok) throw new Error('a known file was imported again');
  }, { runs: 9, warmup: 2 });
  figures.push(compared(`hub.reimport-known-file${suffix}`, 'ms', reimportMs, 'first import of the file (mean)', importMs / data.texts.length, '≤ 50 ms'));

  const bulletinMs = await medianMs(() => quarterlyStatsSql(hub.db, policy, { quarter: { year: 2026, quarter: 4 }, now: NOW }), { runs: 3, warmup: 1 });
  const consoleMs = await medianMs(() => quarterlyStats(data.events, policy, { quarter: { year: 2026, quarter: 4 }, now: NOW }), { runs: 1, warmup: 0 });
  figures.push(compared(`hub.bulletin-1m-events${suffix}`, 'ms', bulletinMs, "console's quarterlyStats in memory", consoleMs, engine === 'postgres' ? '≤ 2 s' : ''));
  // Long runs: show each engine's figures as soon as they are measured.
  for (const figure of figures) process.stderr.write(`  ${figure.name}: ${String(figure.value)} ${figure.unit} (${figure.baseline ?? ''}: ${String(figure.baselineValue ?? '')}, ratio ${String(figure.ratio ?? '')})\n`);
  return figures;
}

/** A PostgreSQL URL: given, or a throwaway cluster started here (with its stop), or undefined. */
function postgresUrl(): { url: string; stop: () => void } | undefined {
  if (process.env.HUB_BENCH_DATABASE_URL) return { url: process.env.HUB_BENCH_DATABASE_URL, stop: () => {} };
  const script = resolve(import.meta.dirname, '../../scripts/pg-throwaway.sh');
  const parent = mkdtempSync(join(tmpdir(), 'hub-bench-pg-'));
  // mkdtemp makes it 0700: as root the cluster runs as `postgres`, which must be able to enter it.
  chmodSync(parent, 0o755);
  const dir = join(parent, 'cluster');
  try {
    const url = execFileSync('bash', [script, 'start', dir, '54331'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim();
    return { url, stop: () => execFileSync('bash', [script, 'stop', dir], { stdio: 'ignore' }) };
  } catch (error) {
    process.stderr.write(`  hub.*.postgres skipped: no PostgreSQL server (${(error as Error).message.split('\n')[0] ?? ''})\n`);
    return undefined;
  }
}

const suite: BenchSuite = async () => {
  const data = makeFiles();
  const figures: Figure[] = [];

  const engines = process.env.HUB_BENCH_ENGINES ?? 'postgres,pglite';
  const server = engines.includes('postgres') ? postgresUrl() : undefined;
  if (server) {
    const name = `hub_bench_${String(Date.now())}`;
    const admin = new pg.Client({ connectionString: server.url });
    try {
      await admin.connect();
      await admin.query(`CREATE DATABASE ${name}`);
      const url = new URL(server.url);
      url.pathname = `/${name}`;
      const hub = await openHubDatabase({ url: url.toString() });
      try {
        figures.push(...(await engineFigures('postgres', hub, data)));
        postgresRan = true;
      } finally {
        await hub.close();
        await admin.query(`DROP DATABASE ${name}`);
      }
    } finally {
      await admin.end();
      server.stop();
    }
  }

  if (engines.includes('pglite')) {
    const dataDir = mkdtempSync(join(tmpdir(), 'hub-bench-pglite-'));
    const lite = await openHubDatabase({ dataDir });
    try {
      figures.push(...(await engineFigures('pglite', lite, data)));
    } finally {
      await lite.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  }
  return figures;
};

export default suite;
