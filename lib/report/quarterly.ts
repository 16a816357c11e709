/**
 * The office's quarterly bulletin (季度通报) of claim, handling and response
 * performance (POLICIES.md profile 1: "claim, handling and response are
 * scored"). Everything is derived from the merged claim log at an injected
 * `now`, so the office console, a re-import of the same files and a later
 * re-run for the same `now` all print the same figures.
 */
import { CHINA_OFFSET_MS } from '../calendar/china-date';
import { formatChinaTime } from '../format/china-time';
import {
  deadlinesOf,
  replayAll,
  type CaseEvent,
  type CaseState,
  type Deadline,
  type DeadlineOptions,
} from '../cases';
import type { PolicyProfile } from '../policy/schema';
import type { StepId } from '../policy/steps';

/** A calendar quarter, in China time. */
export type QuarterNumber = 1 | 2 | 3 | 4;

/** Which quarter of which year. */
export interface QuarterId {
  year: number;
  quarter: QuarterNumber;
}

/** A quarter with its bounds as epoch ms: [start, end], both inclusive (end is the last millisecond). */
export interface Quarter extends QuarterId {
  /** 00:00:00.000 +08:00 on the quarter's first day. */
  start: number;
  /** 23:59:59.999 +08:00 on the quarter's last day. */
  end: number;
}

/** Shown for cases nobody has claimed or been assigned yet; a label, not a department. */
export const UNCLAIMED_DEPARTMENT = '未认领';

/**
 * The steps whose deadlines measure "responded on time": the reply and the
 * faster public statements some profiles require (facts within 1 hour,
 * press conference within 24 hours).
 */
export const RESPONSE_STEPS: readonly StepId[] = ['reply', 'publish-facts', 'press-conference'];

/** The figures of one department, or of the whole office. */
export interface QuarterlyCounts {
  /** Cases captured in the quarter. */
  cases: number;
  /** Claimed by the department itself (自主认领). */
  claimed: number;
  /** Assigned by the coordinating office (指定认领): counts against the claim score. */
  assigned: number;
  /** Neither claimed nor assigned at `now`. */
  unclaimed: number;
  /** Cases with at least one published response. */
  responded: number;
  /** Responded cases with no response deadline missed (met late or still overdue). */
  respondedOnTime: number;
  /** Responded cases with at least one response deadline missed. */
  respondedLate: number;
  /** Required deadlines missed: met late, or past the limit and still open (optional steps excluded). */
  overdueSteps: number;
  /** Cases closed (办结) at `now`. */
  closed: number;
  /** claimed ÷ cases; null without cases. */
  claimRate: number | null;
  /** respondedOnTime ÷ responded; null when nothing was responded. */
  onTimeRate: number | null;
}

/** The figures of one responsible department. */
export interface DepartmentStats extends QuarterlyCounts {
  /** Responsible department: the assessed one, else the claiming one, else {@link UNCLAIMED_DEPARTMENT}. */
  department: string;
}

/** The quarter's bulletin figures. */
export interface QuarterlyStats extends Quarter {
  /** Profile the deadlines were judged by. */
  policyId: string;
  /** The instant the figures hold at (events after it are ignored). */
  asOf: number;
  /** Departments by cases (descending), then name. */
  departments: DepartmentStats[];
  /** Office totals. */
  totals: QuarterlyCounts;
  /** Events of the quarter's cases that replay skipped (impossible or duplicate), for the office to check. */
  rejectedEvents: number;
}

/** Options for {@link quarterlyStats}. */
export interface QuarterlyStatsOptions {
  /** The quarter to report on (a {@link Quarter} from {@link quarterOf} fits). */
  quarter: QuarterId;
  /** Instant the figures are taken at; deadlines are judged at it and later events ignored. */
  now: number;
  /** Calendar and warning fractions, as the desk uses them (see `projectionContextOf`). */
  options?: DeadlineOptions;
}

/** The bounds of a quarter in China time. Throws RangeError on a bad year or quarter. */
export function quarterBounds(year: number, quarter: number): Quarter {
  if (!Number.isInteger(year) || year < 1970 || year > 9999) throw new RangeError(`invalid year ${String(year)}`);
  if (quarter !== 1 && quarter !== 2 && quarter !== 3 && quarter !== 4) {
    throw new RangeError(`invalid quarter ${String(quarter)}: expected 1–4`);
  }
  // Date.UTC gives midnight UTC; shifting back by 8 hours gives midnight in China.
  const start = Date.UTC(year, (quarter - 1) * 3, 1) - CHINA_OFFSET_MS;
  const end = Date.UTC(year, quarter * 3, 1) - CHINA_OFFSET_MS - 1;
  return { year, quarter, start, end };
}

/** The quarter an instant falls in, in China time (whatever the machine's time zone). */
export function quarterOf(epochMs: number): Quarter {
  if (!Number.isFinite(epochMs)) throw new RangeError(`invalid instant ${String(epochMs)}`);
  const shifted = new Date(epochMs + CHINA_OFFSET_MS);
  return quarterBounds(shifted.getUTCFullYear(), Math.floor(shifted.getUTCMonth() / 3) + 1);
}

/** All-zero counts (rates unknown): the start of a department's or the office's totals. */
export function emptyQuarterlyCounts(): QuarterlyCounts {
  return {
    cases: 0,
    claimed: 0,
    assigned: 0,
    unclaimed: 0,
    responded: 0,
    respondedOnTime: 0,
    respondedLate: 0,
    overdueSteps: 0,
    closed: 0,
    claimRate: null,
    onTimeRate: null,
  };
}

function missed(deadline: Deadline): boolean {
  return deadline.status === 'overdue' || deadline.status === 'met-late';
}

/** Adds one case to a department's (or the office's) counts. */
function addCase(counts: QuarterlyCounts, state: CaseState, deadlines: readonly Deadline[]): void {
  counts.cases += 1;
  if (state.claimedAt === undefined) counts.unclaimed += 1;
  else if (state.assigned) counts.assigned += 1;
  else counts.claimed += 1;
  if (state.responses.length > 0) {
    counts.responded += 1;
    const late = deadlines.some((d) => RESPONSE_STEPS.includes(d.step) && missed(d));
    if (late) counts.respondedLate += 1;
    else counts.respondedOnTime += 1;
  }
  // An optional step (e.g. 延期申请) is a last chance, not a duty: missing it is no breach.
  counts.overdueSteps += deadlines.filter((d) => !d.optional && missed(d)).length;
  if (state.status === 'closed') counts.closed += 1;
}

function withRates<T extends QuarterlyCounts>(counts: T): T {
  return {
    ...counts,
    claimRate: counts.cases > 0 ? counts.claimed / counts.cases : null,
    onTimeRate: counts.responded > 0 ? counts.respondedOnTime / counts.responded : null,
  };
}

/**
 * The quarter's figures from a merged claim log (any order, any number of
 * cases). A case belongs to the quarter in which it was first captured; a
 * case merged into another counts once, as the survivor (one 舆情, one line).
 * Each case is replayed on its own, skipping impossible events so one bad
 * line in an officer's file does not drop the case. Events after `now` are
 * ignored, so a bulletin taken at the quarter's end stays the same however
 * much later it is printed. Throws RangeError on a bad quarter or options.
 */
export function quarterlyStats(
  events: readonly CaseEvent[],
  policy: PolicyProfile,
  { quarter, now, options = {} }: QuarterlyStatsOptions,
): QuarterlyStats {
  if (!Number.isFinite(now)) throw new RangeError(`invalid now ${String(now)}`);
  const bounds = quarterBounds(quarter.year, quarter.quarter);
  // One line per 舆情: the floors of a thread are one case, and merged cases count once, under the survivor.
  const { groups, rejectedByCase } = replayAll(events.filter((event) => event.at <= now));

  const departments = new Map<string, DepartmentStats>();
  const totals = emptyQuarterlyCounts();
  let rejectedEvents = 0;
  for (const { state, mergedFrom } of groups.values()) {
    const capturedAt = state.steps.captured ?? state.capture.capturedAt;
    if (capturedAt < bounds.start || capturedAt > bounds.end) continue;
    for (const id of [state.caseId, ...mergedFrom]) rejectedEvents += rejectedByCase.get(id) ?? 0;
    const deadlines = deadlinesOf(state, policy, now, options);
    const department = state.department ?? state.claimedBy ?? UNCLAIMED_DEPARTMENT;
    let row = departments.get(department);
    if (!row) {
      row = { department, ...emptyQuarterlyCounts() };
      departments.set(department, row);
    }
    addCase(row, state, deadlines);
    addCase(totals, state, deadlines);
  }

  const rows = [...departments.values()]
    .map(withRates)
    .sort((a, b) => b.cases - a.cases || (a.department < b.department ? -1 : a.department > b.department ? 1 : 0));
  return {
    ...bounds,
    policyId: policy.id,
    asOf: now,
    departments: rows,
    totals: withRates(totals),
    rejectedEvents,
  };
}

/** "87.5%", or "—" when there is nothing to divide (the bulletin and the console table print rates alike). */
export function percent(rate: number | null): string {
  if (rate === null) return '—';
  return `${String(Math.round(rate * 1000) / 10)}%`;
}

/** "2026年10月1日" in China time. */
function chinaDate(epochMs: number): string {
  return formatChinaTime(epochMs, 'yyyy年M月d日');
}

function countsLine(c: QuarterlyCounts): string {
  return (
    `收集${String(c.cases)}件,自主认领${String(c.claimed)}件,指定认领${String(c.assigned)}件,` +
    `未认领${String(c.unclaimed)}件;回应${String(c.responded)}件,其中按时回应${String(c.respondedOnTime)}件,` +
    `按时回应率${percent(c.onTimeRate)};逾期环节${String(c.overdueSteps)}个;办结${String(c.closed)}件。`
  );
}

/**
 * The bulletin as plain Chinese text the office can paste into its
 * document: a title, the period and profile, the office totals, then one
 * line per department in the figures' order.
 */
export function bulletinText(stats: QuarterlyStats, policyName: string): string {
  const lines = [
    `${String(stats.year)}年第${String(stats.quarter)}季度网络舆情认领处置回应情况通报`,
    `统计范围:${chinaDate(stats.start)}至${chinaDate(stats.end)}采集的舆情;` +
      `数据截至${formatChinaTime(stats.asOf, 'yyyy年M月d日HH:mm')};依据:${policyName}。`,
    `一、总体情况:本季度共${countsLine(stats.totals)}`,
  ];
  if (stats.departments.length === 0) {
    lines.push('二、各单位情况:本季度无采集舆情。');
  } else {
    lines.push('二、各单位情况:');
    stats.departments.forEach((row, index) => {
      lines.push(`${String(index + 1)}. ${row.department}:${countsLine(row)}`);
    });
  }
  if (stats.rejectedEvents > 0) {
    lines.push(`说明:有${String(stats.rejectedEvents)}条记录因顺序或重复无法采用,未计入统计。`);
  }
  return lines.join('\n');
}
