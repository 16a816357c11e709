/**
 * The sync benchmarks' work as the office console's page does it, bundled
 * (esbuild) and run inside the built extension's office page by
 * sync.bench.ts: real IndexedDB, and zod under the extension pages' CSP (no
 * eval, so zod runs "jitless" there as in the product).
 *
 * `runSyncBench()` generates the 40 office files in the page (not timed),
 * then times, on a database of its own in the extension's origin:
 *   import   importSyncTexts of the 40 texts (parse, zod validation, digest,
 *            history check, one transaction per file, projection of every
 *            touched case);
 *   reimport the same 40 texts again;
 *   report   officeBulletinFromDb of the quarter;
 *   replay   the same bulletin replayed from every stored event (read and
 *            replayed, as the console computed it before the projection
 *            kept figures): the report's baseline, and its check — the two
 *            bulletins must be equal.
 * Before deleting its database it keeps the rows the import stored. Last it
 * times, in this browser, what the import is made of, one transaction per
 * file, with bare IndexedDB (no Dexie, no validation, no projection):
 *   floor            the events, one row per event, in a store with the
 *                    events table's key and indexes (the layout of today);
 *   floorUnindexed   the same, key only, no index;
 *   floorBatches     one row per case per file holding that case's events
 *                    of the file (40,000 rows), indexed as such a log would
 *                    need: by case (replay), storedAt (export since last
 *                    time) and every event id (multi-entry: dedupe on import);
 *   floorCases       each file's case rows as stored (put, the cases
 *                    table's indexes);
 *   floorFigures     each file's figures rows as stored (caseFigures);
 *   floorDays        each file's day records of figures (caseFiguresByDay,
 *                    the days its cases fall in, at their final size: an
 *                    upper bound);
 *   floorEvidence    each file's evidence rows as stored (capturedContents);
 *   floorFileRows    the most compact log: one row per file holding its
 *                    events as a plain array (40 rows);
 *   floorFileGzip    the same as a gzip Blob (CompressionStream), the
 *                    compression included;
 * and, without IndexedDB, the page's own work: `parseMs` (readSyncText of
 * the 40 texts: JSON, zod, digest) and `projectMs` (replay and projection
 * of every case from the whole log, once).
 */
import { AppDB } from '../../lib/db/app-db';
import { Dexie } from 'dexie';
import { listAllEvents } from '../../lib/db/repos/events';
import { projectAll } from '../../lib/db/repos/cases';
import { loadProjectionContext } from '../../lib/db/repos/projection-context';
import { SCHEMA_V7 } from '../../lib/db/schema';
import { chinaDayNumber } from '../../lib/calendar/china-date';
import { officeBulletinFromDb } from '../../lib/db/repos/office-bulletin';
import { getBuiltInProfile } from '../../lib/policy';
import { officeBulletin } from '../../lib/report/office-bulletin';
import { importSyncTexts, readSyncText } from '../../lib/sync/import';
import { officeFiles, SYNC_BENCH_CASES_PER_FILE, SYNC_BENCH_EVENTS_PER_CASE, SYNC_BENCH_FILES, SYNC_BENCH_NOW as NOW } from './sync-files';

/** What one run measured (ms) and saw. */
export interface SyncBenchRun {
  importMs: number;
  reimportMs: number;
  reportMs: number;
  /** The bulletin replayed from every stored event (ms). */
  replayMs: number;
  /** Events the first import added (must be 200,000). */
  imported: number;
  /** Cases the quarter's bulletin counts. */
  quarterCases: number;
  /** Bare IndexedDB adds of the same events, one transaction per file (ms): the events table's layout. */
  floorMs: number;
  /** The same into a store without indexes (ms). */
  floorUnindexedMs: number;
  /** The same events as one row per case per file, indexed by case, storedAt and event ids (ms). */
  floorBatchesMs: number;
  /** Bare puts of each file's case rows as stored, the cases table's indexes (ms). */
  floorCasesMs: number;
  /** The same for the figures rows (caseFigures) (ms). */
  floorFiguresMs: number;
  /** The same for the day records of figures each file touches, at their final size (ms). */
  floorDaysMs: number;
  /** The same for the evidence rows (capturedContents) (ms). */
  floorEvidenceMs: number;
  /** Bare adds of one row per file holding its events as a plain array (ms). */
  floorFileRowsMs: number;
  /** The same with each file's events as a gzip Blob, compression included (ms). */
  floorFileGzipMs: number;
  /** readSyncText of every file (JSON, zod, digest), no IndexedDB (ms). */
  parseMs: number;
  /** Replay and projection of every case from the whole log in memory, once (ms). */
  projectMs: number;
  /** Whether the page allows eval (false in extension pages: zod is jitless there). */
  evalAllowed: boolean;
}

function allowsEval(): boolean {
  try {
    new Function('');
    return true;
  } catch {
    return false;
  }
}

/** One run (see the top of this module) over `files` files (40; fewer to profile). Throws when a check fails. */
export async function runSyncBench(files = SYNC_BENCH_FILES): Promise<SyncBenchRun> {
  const inputs = officeFiles(files);
  const db = new AppDB(`bench-sync-${Date.now()}`, { now: () => NOW });
  try {
    let start = performance.now();
    const summaries = await importSyncTexts(db, inputs, { now: NOW });
    const importMs = performance.now() - start;
    const failed = summaries.find((s) => !s.ok);
    if (failed) throw new Error(`import of ${failed.name} failed: ${failed.errors[0]?.path} ${failed.errors[0]?.message}`);
    const imported = summaries.reduce((n, s) => n + s.newEvents, 0);
    if (imported !== files * SYNC_BENCH_CASES_PER_FILE * SYNC_BENCH_EVENTS_PER_CASE) throw new Error(`imported ${imported} events`);

    start = performance.now();
    const repeat = await importSyncTexts(db, inputs, { now: NOW });
    const reimportMs = performance.now() - start;
    if (repeat.some((s) => !s.ok || s.newEvents > 0)) throw new Error('the re-import added events or failed');

    const quarter = { year: 2024, quarter: 3 } as const;
    start = performance.now();
    const bulletin = await officeBulletinFromDb(db, { quarter, now: NOW });
    const reportMs = performance.now() - start;
    start = performance.now();
    const replayed = officeBulletin(await listAllEvents(db), getBuiltInProfile('xuancheng-2015')!, { quarter, now: NOW });
    const replayMs = performance.now() - start;
    if (JSON.stringify(bulletin) !== JSON.stringify(replayed)) throw new Error('the bulletin from the projection differs from the replayed one');
    const stored = await storedRows(db);
    const allEvents = await listAllEvents(db);
    const context = await loadProjectionContext(db);
    await db.delete();

    start = performance.now();
    for (const input of inputs) await readSyncText(input.text, undefined);
    const parseMs = performance.now() - start;
    start = performance.now();
    projectAll(allEvents, context, NOW);
    const projectMs = performance.now() - start;

    const events = inputs.map((input) => (JSON.parse(input.text) as { events: BenchEvent[] }).events);
    const byFile = <T>(rowsOf: (caseIds: Set<string>) => T[]) => events.map((list) => rowsOf(new Set(list.map((e) => e.caseId))));
    const withStoredAt = events.map((list) => list.map((e) => ({ ...e, storedAt: NOW })));
    const floorMs = await bareWrites(withStoredAt, SCHEMA_V7.events);
    const floorUnindexedMs = await bareWrites(withStoredAt, 'id');
    const floorBatchesMs = await bareWrites(events.map(batchesOf), 'id, caseId, storedAt, *eventIds');
    const floorCasesMs = await bareWrites(byFile((ids) => stored.cases.filter((row) => ids.has(row.caseId))), SCHEMA_V7.cases);
    const floorFiguresMs = await bareWrites(byFile((ids) => stored.figures.filter((row) => ids.has(row.caseId))), SCHEMA_V7.caseFigures);
    const floorDaysMs = await bareWrites(
      byFile((ids) => {
        const days = new Set(stored.figures.filter((row) => ids.has(row.caseId)).map((row) => chinaDayNumber(row.capturedAt)));
        return stored.days.filter((row) => days.has(row.day));
      }),
      SCHEMA_V7.caseFiguresByDay,
    );
    const floorEvidenceMs = await bareWrites(byFile((ids) => stored.evidence.filter((row) => ids.has(row.caseId))), SCHEMA_V7.capturedContents);
    const floorFileRowsMs = await bareWrites(
      events.map((list, file) => [{ id: file, storedAt: NOW, events: list }]),
      'id, storedAt',
    );
    const floorFileGzipMs = await bareWrites(
      events.map((list, file) => [{ id: file, storedAt: NOW, events: list }]),
      'id, storedAt',
      async (row) => ({ ...row, events: await gzip(JSON.stringify(row.events)) }),
    );
    return {
      importMs,
      reimportMs,
      reportMs,
      replayMs,
      imported,
      quarterCases: bulletin.totals.captured.count,
      floorMs,
      floorUnindexedMs,
      floorBatchesMs,
      floorCasesMs,
      floorFiguresMs,
      floorDaysMs,
      floorEvidenceMs,
      floorFileRowsMs,
      floorFileGzipMs,
      parseMs,
      projectMs,
      evalAllowed: allowsEval(),
    };
  } finally {
    if (db.isOpen()) await db.delete();
  }
}

function requestDone(target: IDBRequest | IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    if (target instanceof IDBTransaction) target.oncomplete = () => resolve();
    else target.onsuccess = () => resolve();
    target.onerror = () => reject(target.error);
  });
}

/** The fields of a file's event the floors read. */
interface BenchEvent {
  id: string;
  caseId: string;
}

/** A file's events as one row per case (the batch layout), in file order. */
function batchesOf(events: readonly BenchEvent[], file: number): object[] {
  const byCase = new Map<string, BenchEvent[]>();
  for (const event of events) byCase.set(event.caseId, [...(byCase.get(event.caseId) ?? []), event]);
  return [...byCase].map(([caseId, list]) => ({ id: `${caseId}/${file}`, caseId, storedAt: NOW, eventIds: list.map((e) => e.id), events: list }));
}

/** The rows the import stored, read back before its database is deleted. */
async function storedRows(db: AppDB) {
  const [cases, figures, days, evidence] = await Promise.all([db.cases.toArray(), db.caseFigures.toArray(), db.caseFiguresByDay.toArray(), db.capturedContents.toArray()]);
  return { cases, figures, days, evidence };
}

/** `text` compressed with the browser's gzip, as a Blob. */
async function gzip(text: string): Promise<Blob> {
  return new Response(new Blob([text]).stream().pipeThrough(new CompressionStream('gzip'))).blob();
}

/**
 * ms to write each file's rows with bare IndexedDB (`put`), one transaction
 * per file, into a store declared by a Dexie schema string (key, indexes).
 * Dexie only creates the store: the writes are the browser's own. `shape`
 * turns a row into what is stored, inside the timing (e.g. compression).
 */
async function bareWrites<T extends object>(files: T[][], schema: string, shape?: (row: T) => Promise<object>): Promise<number> {
  const scratch = new Dexie(`bench-sync-floor-${Date.now()}`);
  scratch.version(1).stores({ rows: schema });
  await scratch.open();
  const raw = scratch.backendDB();
  const start = performance.now();
  for (const rows of files) {
    const stored = shape ? await Promise.all(rows.map(shape)) : rows;
    const tx = raw.transaction('rows', 'readwrite');
    const store = tx.objectStore('rows');
    for (const row of stored) store.put(row);
    await requestDone(tx);
  }
  const ms = performance.now() - start;
  await scratch.delete();
  return ms;
}
