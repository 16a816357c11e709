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
import { CaseEventSchema, type CaseEvent } from '../../lib/cases';
import { buildSyncFile } from '../../lib/sync';
import { importSyncTexts, type ImportInput } from '../../lib/sync/import';
import { seededRandom } from '../support/seeded-random';

const FILES = 40;
const CASES_PER_FILE = 1_000;
const HOUR = 3_600_000;
/** 2024-07-01 09:00 +08:00. */
const T0 = Date.UTC(2024, 6, 1, 1, 0);
const NOW = Date.UTC(2024, 9, 15, 1, 0);

function officeFiles(): ImportInput[] {
  const random = seededRandom(9);
  const inputs: ImportInput[] = [];
  for (let f = 0; f < FILES; f++) {
    const actor = { officer: `干部${f}`, department: `部门${f % 12}` };
    const events: CaseEvent[] = [];
    const evidence = [];
    for (let c = 0; c < CASES_PER_FILE; c++) {
      // The last fifth of a file's cases are the first fifth of the next file's: they meet.
      const shared = c < CASES_PER_FILE / 5 && f > 0;
      const caseNo = shared ? (f - 1) * CASES_PER_FILE + (CASES_PER_FILE - 1 - c) : f * CASES_PER_FILE + c;
      const caseId = `c-${caseNo.toString(16).padStart(24, '0')}`;
      let at = T0 + Math.floor(random() * 80 * 24) * HOUR + f;
      const push = (type: string, payload: unknown) => {
        events.push(CaseEventSchema.parse({ id: `f${f}-${c}-${events.length}`, caseId, at, actor, type, payload }));
        at += 1 + Math.floor(random() * 4 * HOUR);
      };
      push('captured', {
        url: `https://bbs.example.cn/thread-${caseNo}-1-1.html`,
        canonicalUrl: `https://bbs.example.cn/thread-${caseNo}-1-1.html`,
        site: 'discuz',
        postId: `pid${caseNo}`,
        title: `澜江市某小区停水三天无人管 ${caseNo}`,
        author: '网友甲',
        excerpt: '小区已经停水三天了，物业和住建局都说不归自己管。',
        matchedTerms: ['澜江市', '停水'],
        digest: 'b'.repeat(64),
      });
      push('claimed', { department: actor.department });
      push('assessed', { tier: 'general', category: 'petition', department: actor.department, reasons: ['涉及供水'] });
      push('reported', { to: ['市委网信办'], channel: 'log' });
      push('responded', { kind: 'reply', channel: '澜江论坛' });
      evidence.push({
        caseId,
        digest: 'b'.repeat(64),
        url: `https://bbs.example.cn/thread-${caseNo}-1-1.html`,
        capturedAt: T0,
        text: '小区已经停水三天了',
        html: '<p>小区已经停水三天了</p>',
      });
    }
    const file = buildSyncFile({
      exporter: actor,
      profile: { id: 'xuancheng-2015', version: '0123456789abcdef' },
      exportedAt: NOW,
      since: null,
      events,
      evidence,
    });
    inputs.push({ name: `file-${f}.json`, text: JSON.stringify(file) });
  }
  return inputs;
}

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
  if (imported !== FILES * CASES_PER_FILE * 5) throw new Error(`imported ${imported} events`);
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
