/**
 * Office hub benchmarks (lib/hub), each beside a baseline measured in the
 * same run on the same database:
 * - hub.import-1m-events.pglite / .postgres: 1,000,000 events from 500 sync
 *   files, as officers' extensions push them (lib/sync's own builder, see
 *   tests/bench/hub-files.ts), through the hub's whole import (validation, digest, ledger,
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
 * HUB_BENCH_EVENTS scales the run (default 1,000,000; the names keep "1m";
 * past 2,000,000 the files are made again on each pass instead of kept, and
 * the bulletin has no in-memory baseline: `npm run bench:hub-10m`);
 * HUB_BENCH_ENGINES=postgres or =pglite runs one engine only; HUB_BENCH_WORKERS
 * sets the import's worker threads (lib/hub/preparer.ts).
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
import { compared, figure, medianMs, type BenchSuite, type Figure } from './harness';
import { HUB_BENCH_FILES as FILES, HUB_BENCH_NOW as NOW, officerFiles as filesOf } from './hub-files';
import type { CaseEvent } from '../../lib/cases';
import { sha256Hex } from '../../lib/hub/canonical';
import { copyRows, openHubDatabase, type HubDatabase } from '../../lib/hub/db';
import { importSyncFile, importSyncFiles } from '../../lib/hub/import';
import { startSyncFilePreparer } from '../../lib/hub/preparer';
import { quarterlyStatsSql } from '../../lib/hub/reports';
import { getBuiltInProfile } from '../../lib/policy';
import { quarterlyStats } from '../../lib/report';

const TOTAL = Number(process.env.HUB_BENCH_EVENTS ?? 1_000_000);
/** Worker threads reading and checking files (HUB_BENCH_WORKERS; default: lib/hub's, one fewer than the cores; 0: in the import's thread). */
const WORKERS = process.env.HUB_BENCH_WORKERS === undefined ? undefined : Number(process.env.HUB_BENCH_WORKERS);
const policy = getBuiltInProfile('xuancheng-2015')!;

/** The 500 files in order (tests/bench/hub-files.ts), each made when asked. */
const officerFiles = () => filesOf(TOTAL, policy);

/** Every event of the 500 files, made again (for the console's in-memory bulletin). */
function allEvents(): CaseEvent[] {
  const events: CaseEvent[] = [];
  for (const file of officerFiles()) for (const event of file.events) events.push(event);
  return events;
}

/**
 * The rows the hub stores, in COPY's text format as the hub writes its own
 * (same columns and values as `events`, body and digest made as the hub makes
 * them), in chunks: a million rows are more characters than one JS string may hold.
 */
function eventsCopyText(events: readonly CaseEvent[]): string[] {
  return copyRows(events, (e) => {
    const body = JSON.stringify(e);
    return [e.id, e.caseId, e.type, e.at, e.actor.officer, e.actor.department, sha256Hex(body), body, 1];
  }, 2000);
}

const BARE_TABLE = sql`CREATE TABLE bare_events (id text, case_id text, type text, at bigint, officer text, department text, content_digest text, body jsonb, import_id bigint)`;

/**
 * The files' texts, all in memory (up to IN_MEMORY_EVENTS), or made again on each
 * pass when they would not fit (HUB_BENCH_EVENTS=10000000: about 10 GB of JSON).
 * Their parsed events are not kept: a million event objects held by the bench
 * would make every garbage collection during the import walk them (the hub
 * holds one file's events at a time); they are made again where needed.
 */
type BenchData = { inMemory: true; texts: string[] } | { inMemory: false };
const IN_MEMORY_EVENTS = 2_000_000;

/**
 * Bare COPY of the same rows into an unindexed table; ms, including making
 * the COPY text as the hub makes its rows. One COPY fed file by file, the
 * time spent making each file's events (not the COPY text) taken out.
 */
async function bareCopy(hub: HubDatabase, data: BenchData): Promise<number> {
  await BARE_TABLE.execute(hub.db);
  let making = 0;
  // Each file's events as they come, the time spent making them counted apart.
  function* timedFiles(): Generator<CaseEvent[]> {
    const files = officerFiles();
    for (;;) {
      const t0 = performance.now();
      const next = files.next();
      making += performance.now() - t0;
      if (next.done) return;
      yield next.value.events;
    }
  }
  function* streamed(): Generator<string> {
    for (const events of timedFiles()) yield* eventsCopyText(events);
  }
  const start = performance.now();
  if (hub.pglite) {
    if (data.inMemory) {
      // One COPY of all the rows, as the hub's own COPY is one blob per statement.
      const chunks: string[] = [];
      for (const events of timedFiles()) chunks.push(...eventsCopyText(events));
      await hub.pglite.query(`COPY bare_events FROM '/dev/blob'`, [], { blob: new Blob(chunks) });
    } else {
      // PGlite reads a COPY from one in-memory blob: a file's rows at a time.
      for (const events of timedFiles()) await hub.pglite.query(`COPY bare_events FROM '/dev/blob'`, [], { blob: new Blob(eventsCopyText(events)) });
    }
  } else {
    const client = await hub.pool!.connect();
    try {
      await pipeline(Readable.from(streamed()), client.query(copyFrom('COPY bare_events FROM STDIN')));
    } finally {
      client.release();
    }
  }
  const ms = performance.now() - start - making;
  await sql`DROP TABLE bare_events`.execute(hub.db);
  return ms;
}

/**
 * The hub's import of every file, in order, as the folder import runs it
 * (importSyncFiles: each file its own transaction, the next files read and
 * checked in worker threads meanwhile); ms from the first file to the last
 * one stored, without the time the bench spends making files it does not hold.
 */
async function importAll(hub: HubDatabase, data: BenchData): Promise<number> {
  let making = 0;
  function* texts(): Generator<string> {
    if (data.inMemory) return yield* data.texts;
    for (const file of officerFiles()) {
      const t0 = performance.now();
      const text = file.text;
      making += performance.now() - t0;
      yield text;
    }
  }
  const preparer = WORKERS === 0 ? undefined : startSyncFilePreparer(policy, WORKERS ? { workers: WORKERS } : {});
  try {
    // A hub starts its workers at boot: their loading is not part of an import.
    await preparer?.ready;
    const start = performance.now();
    const imports = importSyncFiles(hub.db, texts(), { via: 'folder' }, { policy, now: NOW, copyCsv: hub.copyCsv, ...(preparer ? { preparer } : {}) });
    for await (const result of imports) {
      if (!result.ok) throw new Error(`bench file refused: ${result.refusal.message}`);
      // A 10-million-event run lasts long: show how far it got.
      if (result.record.id % 50 === 0) progress(`import: ${String(result.record.id)} of ${String(FILES)} files, ${(performance.now() - start - making).toFixed(0)} ms`);
    }
    return performance.now() - start - making;
  } finally {
    await preparer?.close();
  }
}

let postgresRan = false;

async function engineFigures(engine: 'pglite' | 'postgres', hub: HubDatabase, data: BenchData): Promise<Figure[]> {
  const figures: Figure[] = [];
  const copyMs = await bareCopy(hub, data);
  progress(`${engine}: bare COPY ${copyMs.toFixed(0)} ms`);
  const importMs = await importAll(hub, data);
  figures.push(compared(`hub.import-1m-events.${engine}`, 'ms', importMs, 'bare COPY into an unindexed table', copyMs, engine === 'postgres' ? 'within 2× of COPY' : 'within 3× of COPY'));

  // The stable names are the PostgreSQL figures; PGlite's get a suffix, or the plain name when no server ran.
  const suffix = engine === 'pglite' && postgresRan ? '.pglite' : '';
  const known = data.inMemory ? data.texts[0]! : officerFiles().next().value!.text;
  const reimportMs = await medianMs(async () => {
    const result = await importSyncFile(hub.db, known, { via: 'folder' }, { policy, now: NOW, copyCsv: hub.copyCsv });
    if (result.ok) throw new Error('a known file was imported again');
  }, { runs: 9, warmup: 2 });
  figures.push(compared(`hub.reimport-known-file${suffix}`, 'ms', reimportMs, 'first import of the file (mean)', importMs / FILES, '≤ 50 ms'));

  const bulletinMs = await medianMs(() => quarterlyStatsSql(hub.db, policy, { quarter: { year: 2026, quarter: 4 }, now: NOW }), { runs: 3, warmup: 1 });
  if (data.inMemory) {
    const events = allEvents();
    const consoleMs = await medianMs(() => quarterlyStats(events, policy, { quarter: { year: 2026, quarter: 4 }, now: NOW }), { runs: 1, warmup: 0 });
    figures.push(compared(`hub.bulletin-1m-events${suffix}`, 'ms', bulletinMs, "console's quarterlyStats in memory", consoleMs, engine === 'postgres' ? '≤ 2 s' : ''));
  } else {
    // The console's in-memory computation has no baseline at this size: the events do not fit in one process.
    figures.push(figure(`hub.bulletin-1m-events${suffix}`, 'ms', bulletinMs, engine === 'postgres' ? '≤ 2 s' : ''));
  }
  // Long runs: show each engine's figures as soon as they are measured.
  for (const f of figures) progress(`${f.name}: ${String(f.value)} ${f.unit} (${f.baseline ?? ''}: ${String(f.baselineValue ?? '')}, ratio ${String(f.ratio ?? '')})`);
  return figures;
}

function progress(line: string): void {
  process.stderr.write(`  ${line}\n`);
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
  const data: BenchData = TOTAL <= IN_MEMORY_EVENTS ? { inMemory: true, texts: Array.from(officerFiles(), (file) => file.text) } : { inMemory: false };
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
