/**
 * Sync benchmarks (fake-indexeddb, in Node):
 * - `sync.import-200k-events`: the office imports 40 officers' files of
 *   5,000 events each (1,000 cases × 5 events; a fifth of each file's cases
 *   also captured and claimed by the next officer, so cases meet and claims
 *   compete), through the real path: JSON text → parse + digest + history
 *   check → one transaction per file → projection of touched cases.
 * - `sync.reimport-200k-events`: the same 40 files again (all duplicates),
 *   with `ratio` against the first import.
 * - `report.quarter-200k-events`: the office bulletin of the quarter over
 *   the 200,000 stored events, as the console reads it: one projection row
 *   per case (its bulletin figures) through the quarter index, checked
 *   against the bulletin replayed from every event (not timed).
 *
 * The database is fake-indexeddb in Node, not Chromium's IndexedDB: its
 * writes (a structured clone and a JS binary tree per record and index) are
 * most of the import's cost here, and the figures say nothing of Chromium's
 * own speed. The re-import is answered by the imports ledger (SHA-256 of each
 * file's text, one lookup), so its ratio grows with the first import's cost.
 */
import 'fake-indexeddb/auto';
import { compared, figure, type BenchSuite, type Figure } from './harness';
import { performance } from 'node:perf_hooks';
import { AppDB } from '../../lib/db/app-db';
import { listAllEvents } from '../../lib/db/repos/events';
import { getBuiltInProfile } from '../../lib/policy';
import { officeBulletin } from '../../lib/report/office-bulletin';
import { officeBulletinFromDb } from '../../lib/db/repos/office-bulletin';
import { importSyncTexts } from '../../lib/sync/import';
import { officeFiles, SYNC_BENCH_CASES_PER_FILE as CASES_PER_FILE, SYNC_BENCH_EVENTS_PER_CASE, SYNC_BENCH_FILES as FILES, SYNC_BENCH_NOW as NOW } from './sync-files';

async function timed<T>(fn: () => Promise<T>): Promise<[number, T]> {
  const start = performance.now();
  const result = await fn();
  return [performance.now() - start, result];
}

const suite: BenchSuite = async (): Promise<Figure[]> => {
  const inputs = officeFiles();
  const db = new AppDB(`bench-sync-${Date.now()}`, { now: () => NOW });
  const [first, summaries] = await timed(() => importSyncTexts(db, inputs, { now: NOW }));
  const imported = summaries.reduce((n, s) => n + s.newEvents, 0);
  const failed = summaries.filter((s) => !s.ok);
  if (failed.length > 0) throw new Error(`import failed: ${failed[0]!.errors[0]!.message}`);
  if (imported !== FILES * CASES_PER_FILE * SYNC_BENCH_EVENTS_PER_CASE) throw new Error(`imported ${imported} events`);
  const [again, repeat] = await timed(() => importSyncTexts(db, inputs, { now: NOW }));
  if (repeat.some((s) => s.newEvents > 0)) throw new Error('re-import added events');

  const quarter = { year: 2024, quarter: 3 } as const;
  const [report, bulletin] = await timed(() => officeBulletinFromDb(db, { quarter, now: NOW }));
  const replayed = officeBulletin(await listAllEvents(db), getBuiltInProfile('xuancheng-2015')!, { quarter, now: NOW });
  if (JSON.stringify(bulletin) !== JSON.stringify(replayed)) throw new Error('the bulletin from the projection differs from the replayed one');
  await db.delete();
  return [
    figure('sync.import-200k-events', 'ms', first, '≤ 10000 ms'),
    compared('sync.reimport-200k-events', 'ms', again, 'sync.import-200k-events', first, '≤ 3000 ms'),
    figure('report.quarter-200k-events', 'ms', report, '≤ 1000 ms'),
  ];
};

export default suite;
