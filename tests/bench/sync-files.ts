/**
 * The office's 40 sync files for the sync benchmarks: 40 officers' exports of
 * 5,000 events each (1,000 cases × 5 events: captured, claimed, assessed,
 * reported, responded). A fifth of each file's cases were also captured and
 * claimed by the previous officer, so cases meet and claims compete.
 */
import { CaseEventSchema, type CaseEvent } from '../../lib/cases';
import { buildSyncFile } from '../../lib/sync/build';
import type { ImportInput } from '../../lib/sync/import';
import { seededRandom } from '../support/seeded-random';

export const SYNC_BENCH_FILES = 40;
export const SYNC_BENCH_CASES_PER_FILE = 1_000;
/** Events per case in every file. */
export const SYNC_BENCH_EVENTS_PER_CASE = 5;
const HOUR = 3_600_000;
/** 2024-07-01 09:00 +08:00. */
const T0 = Date.UTC(2024, 6, 1, 1, 0);
/** When the office imports and judges (2024-10-15 09:00 +08:00). */
export const SYNC_BENCH_NOW = Date.UTC(2024, 9, 15, 1, 0);

/** The files' names and texts (unencrypted JSON), deterministic. */
export function officeFiles(files = SYNC_BENCH_FILES, casesPerFile = SYNC_BENCH_CASES_PER_FILE): ImportInput[] {
  const random = seededRandom(9);
  const inputs: ImportInput[] = [];
  for (let f = 0; f < files; f++) {
    const actor = { officer: `干部${f}`, department: `部门${f % 12}` };
    const events: CaseEvent[] = [];
    const evidence = [];
    for (let c = 0; c < casesPerFile; c++) {
      // The last fifth of a file's cases are the first fifth of the next file's: they meet.
      const shared = c < casesPerFile / 5 && f > 0;
      const caseNo = shared ? (f - 1) * casesPerFile + (casesPerFile - 1 - c) : f * casesPerFile + c;
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
      exportedAt: SYNC_BENCH_NOW,
      since: null,
      events,
      evidence,
    });
    inputs.push({ name: `file-${f}.json`, text: JSON.stringify(file) });
  }
  return inputs;
}
