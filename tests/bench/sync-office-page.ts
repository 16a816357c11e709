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
 * It then deletes its database. Last it times floors of the import in this
 * browser, bare IndexedDB (no Dexie, no validation, no projection), one
 * transaction per file, for the same 200,000 events:
 *   floor            one row per event, in a store with the events table's
 *                    key and indexes (the layout of today);
 *   floorUnindexed   one row per event, key only, no index;
 *   floorBatches     one row per case per file holding that case's events
 *                    of the file (40,000 rows), indexed as such a log would
 *                    need: by case (replay), storedAt (export since last
 *                    time) and every event id (multi-entry: dedupe on import).
 */
import { AppDB } from '../../lib/db/app-db';
import { listAllEvents } from '../../lib/db/repos/events';
import { officeBulletinFromDb } from '../../lib/db/repos/office-bulletin';
import { getBuiltInProfile } from '../../lib/policy';
import { officeBulletin } from '../../lib/report/office-bulletin';
import { importSyncTexts } from '../../lib/sync/import';
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
    await db.delete();
    const events = inputs.map((input) => (JSON.parse(input.text) as { events: BenchEvent[] }).events);
    const floorMs = await bareAdds(events, 'indexed');
    const floorUnindexedMs = await bareAdds(events, 'unindexed');
    const floorBatchesMs = await bareAdds(events, 'batches');
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

/** ms to add each file's events with bare IndexedDB, one transaction per file, in one of the layouts (see the top). */
async function bareAdds(files: BenchEvent[][], layout: 'indexed' | 'unindexed' | 'batches'): Promise<number> {
  const name = `bench-sync-floor-${Date.now()}`;
  const open = indexedDB.open(name, 1);
  open.onupgradeneeded = () => {
    const store = open.result.createObjectStore('events', { keyPath: 'id' });
    if (layout === 'indexed') {
      store.createIndex('storedAt', 'storedAt');
      store.createIndex('[caseId+at]', ['caseId', 'at']);
    } else if (layout === 'batches') {
      store.createIndex('caseId', 'caseId');
      store.createIndex('storedAt', 'storedAt');
      store.createIndex('eventIds', 'eventIds', { multiEntry: true });
    }
  };
  await requestDone(open);
  const raw = open.result;
  // The rows are shaped before the clock starts: only IndexedDB is timed.
  const rows = files.map((events, file) => (layout === 'batches' ? batchesOf(events, file) : events.map((e) => ({ ...e, storedAt: NOW }))));
  const start = performance.now();
  for (const fileRows of rows) {
    const tx = raw.transaction('events', 'readwrite');
    const store = tx.objectStore('events');
    for (const row of fileRows) store.add(row);
    await requestDone(tx);
  }
  const ms = performance.now() - start;
  raw.close();
  await requestDone(indexedDB.deleteDatabase(name));
  return ms;
}
