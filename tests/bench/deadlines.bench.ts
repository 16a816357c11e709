/**
 * replay + deadlinesOf for 10,000 cases / 100,000 events (contract figure
 * `deadlines.10k-cases`, goal under 1 s), against the same engine given a
 * naive calendar: a day-by-day loop over chinese-days' isWorkday, the way a
 * straightforward implementation counts working days. Both must produce the
 * same deadlines (checked on a checksum).
 */
import chineseDays from 'chinese-days';
import { compared, medianMs, type BenchSuite } from './harness.ts';
import { seededRandom } from '../support/seeded-random.ts';
import { chinaDayNumber, endOfChinaDay, formatChinaDay } from '../../lib/calendar/index.ts';
import {
  CaseEventSchema,
  deadlinesOf,
  replay,
  type CaseEvent,
  type CaseEventInput,
  type WorkingDayCalendar,
} from '../../lib/cases/index.ts';
import { BUILT_IN_PROFILES, type PolicyProfile } from '../../lib/policy/index.ts';

const CASES = 10_000;
const EVENTS_PER_CASE = 10;
const HOUR = 3_600_000;

const TIERS = ['especially-major', 'major', 'larger', 'general'] as const;

/** Ten events per case: a full walk through the procedure, shuffled as merged logs arrive. */
function buildCases(): { events: CaseEvent[]; profile: PolicyProfile }[] {
  const next = seededRandom(7);
  const from = Date.parse('2024-01-01T00:00:00+08:00');
  const span = Date.parse('2026-10-01T00:00:00+08:00') - from;
  const actor = { officer: '张三', department: '市住建局' };
  const cases: { events: CaseEvent[]; profile: PolicyProfile }[] = [];
  for (let c = 0; c < CASES; c++) {
    const caseId = `case-${c}`;
    const t0 = Math.floor(from + next() * span);
    const profile = BUILT_IN_PROFILES[c % BUILT_IN_PROFILES.length] as PolicyProfile;
    const tier = TIERS[Math.floor(next() * 4)] ?? 'general';
    const flags = next() < 0.3 ? (['historical-legacy', 'sudden-event'] as const) : (['high-attention'] as const);
    const inputs: Omit<CaseEventInput, 'id' | 'caseId' | 'actor'>[] = [
      { type: 'captured', at: t0, payload: { url: 'https://bbs.example.cn/t-1.html', canonicalUrl: 'https://bbs.example.cn/t-1.html', site: 'discuz', postId: String(c), title: '标题', excerpt: '摘要', matchedTerms: ['住建局'], digest: 'a'.repeat(64) } },
      { type: 'claimed', at: t0 + 0.5 * HOUR, payload: { department: '市住建局' } },
      { type: 'assessed', at: t0 + 1 * HOUR, payload: { tier, category: 'other', department: '市住建局', flags: [...flags] } },
      { type: 'reported', at: t0 + 1.5 * HOUR, payload: { channel: 'oral' } },
      { type: 'written-report', at: t0 + 2 * HOUR, payload: {} },
      { type: 'extension-requested', at: t0 + 24 * HOUR, payload: { step: 'investigation-report', reason: '需核查' } },
      { type: 'extension-granted', at: t0 + 30 * HOUR, payload: { step: 'investigation-report', newLimit: t0 + 400 * HOUR } },
      { type: 'investigation-report', at: t0 + 100 * HOUR, payload: { summary: '已核实' } },
      { type: 'responded', at: t0 + 150 * HOUR, payload: { channel: '政民互动' } },
      { type: 'note', at: t0 + 160 * HOUR, payload: { text: '跟踪中' } },
    ];
    const events = inputs.map((input, i) =>
      CaseEventSchema.parse({ ...input, id: `${caseId}-${i}`, caseId, actor }),
    );
    // Merged logs arrive out of order; replay must sort.
    events.reverse();
    cases.push({ events, profile });
  }
  return cases;
}

/** The naive calendar: count working days one China date at a time with the package. */
const naiveCalendar: WorkingDayCalendar = {
  addWorkingDays(startMs, n) {
    let day = chinaDayNumber(startMs);
    let remaining = n;
    while (remaining > 0) {
      day += 1;
      if (chineseDays.isWorkday(formatChinaDay(day))) remaining -= 1;
    }
    return { at: endOfChinaDay(day), provisional: false };
  },
};

function run(cases: ReturnType<typeof buildCases>, now: number, calendar?: WorkingDayCalendar): number {
  let checksum = 0;
  for (const { events, profile } of cases) {
    const state = replay(events);
    for (const deadline of deadlinesOf(state, profile, now, calendar ? { calendar } : {})) {
      checksum = (checksum + (deadline.limit % 1_000_003)) % 2_147_483_647;
    }
  }
  return checksum;
}

const suite: BenchSuite = async () => {
  const cases = buildCases();
  const total = cases.reduce((sum, c) => sum + c.events.length, 0);
  if (cases.length !== CASES || total !== CASES * EVENTS_PER_CASE) throw new Error('deadlines bench: wrong data size');
  const now = Date.parse('2026-11-01T00:00:00+08:00');
  let ours = 0;
  let naive = 0;
  const oursMs = await medianMs(() => {
    ours = run(cases, now);
  });
  const naiveMs = await medianMs(() => {
    naive = run(cases, now, naiveCalendar);
  }, { runs: 3 });
  if (new Date(2024, 0, 1).getTimezoneOffset() <= 0 && ours !== naive) {
    throw new Error(`deadlines bench: answers differ (checksum ${ours} vs ${naive})`);
  }
  return [
    compared(
      'deadlines.10k-cases',
      'ms',
      oursMs,
      'naive day-by-day loop (same engine, chinese-days isWorkday calendar)',
      naiveMs,
      '< 1000 ms',
    ),
  ];
};

export default suite;
