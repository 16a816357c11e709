/**
 * Sync benchmarks, measured where the office console runs: in Chromium, in
 * the built extension's office page (chrome-extension://…/office.html), on
 * the browser's own IndexedDB, with zod under the extension pages' CSP (no
 * eval: zod validates "jitless" there, as in the product). The work is
 * tests/bench/sync-office-page.ts, bundled with esbuild and run in the page:
 * - `sync.import-200k-events`: the office imports 40 officers' files of
 *   5,000 events each (1,000 cases × 5 events; a fifth of each file's cases
 *   also captured and claimed by the next officer, so cases meet and claims
 *   compete), through the real path: JSON text → parse + zod + digest +
 *   history check → one transaction per file → projection of touched cases.
 * - `sync.reimport-200k-events`: the same 40 files again (all duplicates),
 *   with `ratio` against the first import.
 * - `report.quarter-200k-events`: the office bulletin of the quarter over
 *   the 200,000 stored events as the console reads it (officeBulletinFromDb,
 *   from the figures by day: the quarter's ~92 records), with `ratio`
 *   against — and checked equal to — the bulletin replayed from every
 *   stored event.
 *
 * Until this session these ran on fake-indexeddb in Node, whose writes (a
 * structured clone and a JS binary tree per record and per index) measured
 * the test double, not the product: its bare bulk writes of 50,000 of these
 * events and 10,000 case rows took 10.7 s (load ~11), more than the goal
 * for a quarter of the work. Same 40 files, same work, now in the browser.
 *
 * In Chromium each record read or written is one IndexedDB request, and
 * that is the floor. The suite prints, measured in the same page and run
 * beside the import, what bare IndexedDB writes of everything the import
 * stores cost, table by table (events, case rows, figures, evidence), the
 * floors of more compact layouts of the log (one row per case per file; one
 * row per file, plain or gzip), and the page's own work without IndexedDB
 * (parsing and validating the files; replaying every case): whether any
 * layout could meet the goal on this machine (see sync-office-page.ts).
 */
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import type { Page } from '@playwright/test';
import { launchWithExtension } from '../../scripts/chromium.ts';
import { compared, figure, type BenchSuite, type Figure } from './harness.ts';
import type { SyncBenchRun } from './sync-office-page.ts';
import { SYNC_BENCH_EVENTS_PER_CASE, SYNC_BENCH_FILES } from './sync-files.ts';
import { BUILD_OUTPUT, ensureFreshBuild } from './fresh-build.ts';

const GLOBAL = '__yqSyncBench';

/** sync-office-page.ts as one script for the office page. */
export async function bundleSyncBench(entry = 'tests/bench/sync-office-page.ts'): Promise<string> {
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    format: 'iife',
    globalName: GLOBAL,
    write: false,
    platform: 'browser',
    target: 'chrome120',
    logLevel: 'silent',
  });
  return result.outputFiles[0]!.text;
}

/**
 * A copy of the built extension with the bundle beside its pages, and the
 * office page running it: loaded by a `<script src>` of the extension's own
 * origin, it runs under the page's CSP exactly as the console's code does.
 * (Code evaluated through DevTools may eval during its first task, so zod
 * would compile its validators there and the figure would not be the product's.)
 */
export async function openOfficeWithSyncBench(entry?: string): Promise<{ page: Page; close: () => Promise<void> }> {
  ensureFreshBuild();
  const extensionPath = mkdtempSync(join(tmpdir(), 'yuqing-bench-sync-ext-'));
  cpSync(BUILD_OUTPUT, extensionPath, { recursive: true });
  writeFileSync(join(extensionPath, 'bench-sync.js'), `${await bundleSyncBench(entry)}\nglobalThis.${GLOBAL} = ${GLOBAL};`);
  const { context, extensionId, userDataDir } = await launchWithExtension({ headless: true, extensionPath });
  const close = async () => {
    await context.close();
    rmSync(userDataDir, { recursive: true, force: true });
    rmSync(extensionPath, { recursive: true, force: true });
  };
  try {
    const page = await context.newPage();
    await page.goto(`chrome-extension://${extensionId}/office.html`);
    await page.evaluate(
      () =>
        new Promise<void>((resolve, reject) => {
          const script = document.createElement('script');
          script.src = '/bench-sync.js';
          script.onload = () => resolve();
          script.onerror = () => reject(new Error('bench-sync.js did not load'));
          document.head.append(script);
        }),
    );
    return { page, close };
  } catch (error) {
    await close();
    throw error;
  }
}

const suite: BenchSuite = async (): Promise<Figure[]> => {
  const { page, close } = await openOfficeWithSyncBench();
  try {
    const run = (await page.evaluate(`${GLOBAL}.runSyncBench()`)) as SyncBenchRun;
    if (run.evalAllowed) throw new Error('the office page allowed eval: not the product environment');
    // Floors in this browser and run (not CONTRACT figures): what IndexedDB alone costs for what the import
    // stores, by table and by layout, and what the page's own work costs without IndexedDB.
    const ms = (value: number) => `${Math.round(value)} ms`;
    const today = run.floorMs + run.floorCasesMs + run.floorFiguresMs + run.floorDaysMs + run.floorEvidenceMs;
    const compact = Math.min(run.floorFileRowsMs, run.floorFileGzipMs) + run.floorCasesMs + run.floorDaysMs;
    console.log(
      [
        `  sync: import ${ms(run.importMs)}; bare IndexedDB writes of what it stores, one transaction per file (${SYNC_BENCH_FILES} files):`,
        `    events, one row per event, the events table's 2 indexes (${run.imported} rows): ${ms(run.floorMs)}`,
        `      the same, no index:                                  ${ms(run.floorUnindexedMs)}`,
        `      one row per case per file (${run.imported / SYNC_BENCH_EVENTS_PER_CASE} rows), indexed by case, storedAt, event ids: ${ms(run.floorBatchesMs)}`,
        `      one row per file, its events as an array:            ${ms(run.floorFileRowsMs)}`,
        `      one row per file, its events as a gzip Blob:         ${ms(run.floorFileGzipMs)} (compression included)`,
        `    case rows, the cases table's indexes:                  ${ms(run.floorCasesMs)}`,
        `    figures rows (caseFigures):                            ${ms(run.floorFiguresMs)}`,
        `    figures by day (caseFiguresByDay, final size):         ${ms(run.floorDaysMs)}`,
        `    evidence rows (capturedContents):                      ${ms(run.floorEvidenceMs)}`,
        `    sum, today's layout:                                   ${ms(today)}`,
        `    sum, most compact (file rows + case rows + days):      ${ms(compact)}`,
        `  the page's own work, no IndexedDB: parse + zod + digest of the files ${ms(run.parseMs)}; replay + projection of every case once ${ms(run.projectMs)}`,
      ].join('\n'),
    );
    return [
      figure('sync.import-200k-events', 'ms', run.importMs, '≤ 10000 ms'),
      compared('sync.reimport-200k-events', 'ms', run.reimportMs, 'sync.import-200k-events', run.importMs, '≤ 3000 ms'),
      compared('report.quarter-200k-events', 'ms', run.reportMs, 'every stored event read and replayed', run.replayMs, '≤ 1000 ms'),
    ];
  } finally {
    await close();
  }
};

export default suite;
