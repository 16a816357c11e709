/**
 * The hub benchmark's input (tests/bench/hub.bench.ts): 500 officers' sync
 * files of 2,000 events each, written by lib/sync's `buildSyncFile` — the
 * very builder of the desk's export — so the hub reads what officers'
 * extensions push (`kind: 'yuqing-sync'`, checked by `parseSyncFile`).
 * Each case is a 10-event history (captured → … → closed) spread over Q4
 * 2026; a fifth of them answer late. Deterministic: the same seed gives the
 * same files on every pass.
 */
import { compareEvents, type CaseEvent } from '../../lib/cases';
import { sha256Hex } from '../../lib/hub/canonical';
import type { PolicyProfile } from '../../lib/policy/schema';
import { quarterBounds } from '../../lib/report';
import { buildSyncFile } from '../../lib/sync/build';
import { profileVersionOf } from '../../lib/sync/digest';
import { seededRandom } from '../support/seeded-random';

/** Files per run (the figures' names say 1m events: 500 files of 2,000). */
export const HUB_BENCH_FILES = 500;
/** The quarter the events fall in, and the export's time (epoch ms). */
export const HUB_BENCH_Q4 = quarterBounds(2026, 4);
export const HUB_BENCH_NOW = Date.UTC(2027, 1, 1);
const HOUR = 3_600_000;
const DEPARTMENTS = ['市住建局', '市公安局', '市教育局', '市卫健委', '市交通局', '市城管局', '市市场监管局', '市信息办'];

/** One officer's file: its events, and its text (made when read: the bare COPY's pass needs only the events). */
export interface OfficerFile {
  readonly events: CaseEvent[];
  readonly text: string;
}

/** Officer `index`'s export of `events` events, under `policy` (the profile the file names). */
export function officerFile(index: number, events: number, random: () => number, policy: PolicyProfile): OfficerFile {
  const Q4 = HUB_BENCH_Q4;
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
  // In the export's order (lib/sync buildSyncFile sorts by time, then id): the bare COPY gets the rows in the file's order.
  list.sort(compareEvents);
  const profile = { id: policy.id, version: profileVersionOf(policy) };
  return {
    events: list,
    // Made when read: at 10,000,000 events the files' digests and texts would take longer to make than the COPY itself.
    get text() {
      return JSON.stringify(buildSyncFile({ exporter: actor, profile, exportedAt: HUB_BENCH_NOW, since: null, events: list, evidence: [] }));
    },
  };
}

/** The files in order, each made when asked (`total` events over {@link HUB_BENCH_FILES} files). */
export function* officerFiles(total: number, policy: PolicyProfile): Generator<OfficerFile> {
  const random = seededRandom(13);
  const per = Math.ceil(total / HUB_BENCH_FILES);
  for (let i = 0; i < HUB_BENCH_FILES; i++) yield officerFile(i, per, random, policy);
}
