/**
 * The office's quarterly bulletin (按季度通报) per department, as the sync
 * issue asks for it: every figure is a count *and the cases behind it*, so
 * the console can link each number to its cases and the CSV can be checked.
 *
 * Figures per responsible department (the assessed department, else the
 * claiming one, else 未认领), for the cases first captured in the quarter,
 * judged at `now` with the office's policy profile and calendar:
 *   captured · claimed by itself · assigned (指定认领) · claim overdue
 *   claim time (capture → claim or assignment): median and worst, in ms
 *   first reports: 力争 target met · only the limit met · missed
 *   investigation reports: on time · missed
 *   extensions requested
 *   responses: on time · late (any response step missed)
 *   response effect at follow-up: stable · recurred (舆情反复)
 *   reopened · in conflict (competing claims or histories)
 * "Missed" is a deadline met late or past its limit while still open
 * (lib/cases deadline statuses `met-late` / `overdue`).
 */
import {
  deadlinesOf,
  groupByCase,
  openConflicts,
  replayWithReport,
  type CaseEvent,
  type CaseState,
  type Deadline,
  type DeadlineOptions,
  type ReplayReport,
} from '../cases';
import type { PolicyProfile } from '../policy/schema';
import { quarterBounds, RESPONSE_STEPS, UNCLAIMED_DEPARTMENT, type Quarter, type QuarterId } from './quarterly';

/** A count and the ids of the cases it counts. */
export interface CaseSet {
  count: number;
  caseIds: string[];
}

/** The figures whose value is a set of cases, in bulletin order. */
export const BULLETIN_FIGURES = [
  'captured',
  'claimed',
  'assigned',
  'claimOverdue',
  'reportTargetMet',
  'reportLimitMet',
  'reportMissed',
  'investigationOnTime',
  'investigationMissed',
  'extensions',
  'responseOnTime',
  'responseLate',
  'effectStable',
  'effectRecurred',
  'reopened',
  'conflicts',
] as const;
/** One figure of the bulletin. */
export type BulletinFigure = (typeof BULLETIN_FIGURES)[number];

/** One department's row. */
export type DepartmentBulletin = Record<BulletinFigure, CaseSet> & {
  department: string;
  /** Median claim time in ms (capture → claim/assignment), null when nothing was claimed. */
  claimMedianMs: number | null;
  /** Longest claim time in ms and its case. */
  claimWorstMs: number | null;
  claimWorstCaseId?: string;
};

/** The bulletin of a quarter. */
export interface OfficeBulletin extends Quarter {
  asOf: number;
  policyId: string;
  /** Departments by captured cases (descending), then name. */
  departments: DepartmentBulletin[];
  /** The whole office. */
  totals: DepartmentBulletin;
}

/** A department's row while cases are counted: their claim times (ms) wait for the median. */
type Tally = DepartmentBulletin & { claimTimes: number[] };

function emptyRow(department: string): Tally {
  const row = { department, claimMedianMs: null, claimWorstMs: null, claimTimes: [] } as unknown as Tally;
  for (const figure of BULLETIN_FIGURES) row[figure] = { count: 0, caseIds: [] };
  return row;
}

function add(set: CaseSet, caseId: string): void {
  set.count += 1;
  set.caseIds.push(caseId);
}

/**
 * What the bulletin needs of one case, computed once from its replay (at
 * projection time) and judged at any later `now`: a deadline still open
 * when this was computed only turns missed once `now` passes its limit
 * (lib/cases `deadlinesOf`: only open deadlines depend on the clock, and a
 * closed case's clock stops at its closing), so every field below is either
 * fixed or such a limit. Stored on the case's projection row
 * (lib/db CaseRow.figures) so the office's bulletin reads one small record
 * per case instead of replaying the log.
 *
 * `…MissedAfter`: epoch ms after which the step counts as missed (0: already
 * missed — met late or overdue when closed), null when it can no longer be.
 */
export interface CaseFigures {
  /** When these figures were computed (epoch ms): valid for any later `now`. */
  judgedAt: number;
  /** When the case was first captured (epoch ms): the quarter it counts in. */
  capturedAt: number;
  /** Responsible department: assessed, else claiming, else {@link UNCLAIMED_DEPARTMENT}. */
  department: string;
  /** How the case was claimed, when it was. */
  claim?: 'claimed' | 'assigned';
  /** Capture → claim or assignment, ms. */
  claimMs?: number;
  claimMissedAfter: number | null;
  /** The first report: null when none was made; 'limit' when made only within the longest limit. */
  reportMet: 'target' | 'limit' | null;
  reportMissedAfter: number | null;
  investigationMet: boolean;
  investigationMissedAfter: number | null;
  responded: boolean;
  responseMissedAfter: number | null;
  /** Result of the last follow-up, when there was one. */
  effect?: 'stable' | 'recurred';
  extensions: boolean;
  reopened: boolean;
  conflict: boolean;
}

/** When a deadline counts as missed (see {@link CaseFigures}): 0 already, its limit while open, null never. */
function missedAfter(d: Deadline): number | null {
  if (d.status === 'overdue' || d.status === 'met-late') return 0;
  return d.status === 'pending' ? d.limit : null;
}

/** The earlier of two {@link missedAfter} values (null: never missed). */
function earlier(a: number | null, b: number | null): number | null {
  return a === null ? b : b === null ? a : Math.min(a, b);
}

/**
 * The bulletin figures of one replayed case at `now` (the projection's
 * time), or undefined when the case has no capture. Throws RangeError on bad
 * warning fractions (lib/cases `deadlinesOf`).
 */
export function caseFiguresOf(report: ReplayReport, policy: PolicyProfile, now: number, options: DeadlineOptions = {}): CaseFigures | undefined {
  const { state } = report;
  if (!state) return undefined;
  return caseFiguresFrom(state, deadlinesOf(state, policy, now, options), openConflicts(report).length > 0, now);
}

/**
 * {@link caseFiguresOf} from what the projection already computed of the
 * case: its state, its deadlines at `now` (`deadlinesOf`) and whether its
 * merged history holds an open conflict — so a write computes the deadlines
 * and the conflicts of a case once, for its row and its figures alike.
 */
export function caseFiguresFrom(state: CaseState, deadlines: readonly Deadline[], conflict: boolean, now: number): CaseFigures {
  const capturedAt = state.steps.captured ?? state.capture.capturedAt;
  let claimMissedAfter: number | null = null;
  let reportMissedAfter: number | null = null;
  let investigationMissedAfter: number | null = null;
  let responseMissedAfter: number | null = null;
  let reportMet = false;
  let reportTargetMissed = false;
  let investigationMet = false;
  // One pass over the deadlines (a write's hot path): the earliest miss of each step group.
  for (const d of deadlines) {
    if (d.step === 'claim') claimMissedAfter = earlier(claimMissedAfter, missedAfter(d));
    else if (d.step === 'first-report') {
      reportMissedAfter = earlier(reportMissedAfter, missedAfter(d));
      if (d.status === 'met') {
        reportMet = true;
        if (d.targetMissed) reportTargetMissed = true;
      }
    } else if (d.step === 'investigation-report') {
      investigationMissedAfter = earlier(investigationMissedAfter, missedAfter(d));
      if (d.status === 'met') investigationMet = true;
    }
    if (RESPONSE_STEPS.includes(d.step)) responseMissedAfter = earlier(responseMissedAfter, missedAfter(d));
  }
  const lastFollowUp = state.followUps[state.followUps.length - 1];
  return {
    judgedAt: now,
    capturedAt,
    department: state.department ?? state.claimedBy ?? UNCLAIMED_DEPARTMENT,
    ...(state.claimedAt !== undefined
      ? { claim: state.assigned ? 'assigned' : 'claimed', claimMs: Math.max(0, state.claimedAt - capturedAt) }
      : {}),
    claimMissedAfter,
    reportMet: reportTargetMissed ? 'limit' : reportMet ? 'target' : null,
    reportMissedAfter,
    investigationMet,
    investigationMissedAfter,
    responded: state.responses.length > 0,
    responseMissedAfter,
    ...(lastFollowUp ? { effect: lastFollowUp.result === 'stable' ? 'stable' : 'recurred' } : {}),
    extensions: state.extensionRequests.length > 0,
    reopened: state.reopenCount > 0,
    conflict,
  };
}

/**
 * Counts one case in `row` at `now`: in every figure it counts in, and its
 * claim time. Cases come in id order, so each figure's list of cases is
 * built sorted, and the worst claim time is the last case with the longest
 * one (ties go to the greatest id). No allocation per case: a quarter is
 * tens of thousands of cases, counted twice (its department, the totals).
 */
function count(row: Tally, case_: CaseFigures, caseId: string, now: number): void {
  const missed = (after: number | null) => after !== null && now > after;
  add(row.captured, caseId);
  if (case_.claim) add(row[case_.claim], caseId);
  if (missed(case_.claimMissedAfter)) add(row.claimOverdue, caseId);
  if (missed(case_.reportMissedAfter)) add(row.reportMissed, caseId);
  else if (case_.reportMet === 'limit') add(row.reportLimitMet, caseId);
  else if (case_.reportMet === 'target') add(row.reportTargetMet, caseId);
  if (missed(case_.investigationMissedAfter)) add(row.investigationMissed, caseId);
  else if (case_.investigationMet) add(row.investigationOnTime, caseId);
  if (case_.extensions) add(row.extensions, caseId);
  if (case_.responded) add(missed(case_.responseMissedAfter) ? row.responseLate : row.responseOnTime, caseId);
  if (case_.effect) add(case_.effect === 'stable' ? row.effectStable : row.effectRecurred, caseId);
  if (case_.reopened) add(row.reopened, caseId);
  if (case_.conflict) add(row.conflicts, caseId);
  const ms = case_.claimMs;
  if (ms === undefined) return;
  row.claimTimes.push(ms);
  if (row.claimWorstMs === null || ms >= row.claimWorstMs) {
    row.claimWorstMs = ms;
    row.claimWorstCaseId = caseId;
  }
}

/** The row as published: the median claim time (the mean of the middle two for an even count), null when nothing was claimed. */
function finish({ claimTimes, ...row }: Tally): DepartmentBulletin {
  const n = claimTimes.length;
  if (n === 0) return row;
  // A typed array sorts numerically, without a comparator call per pair.
  const sorted = Float64Array.from(claimTimes).sort();
  const mid = Math.floor(n / 2);
  return { ...row, claimMedianMs: n % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2 };
}

/**
 * The bulletin of `quarter` from a merged claim log (any order), judged at
 * `now` (events after it ignored). Throws RangeError on a bad quarter.
 * Replays every case captured in the quarter; the office console reads the
 * same figures from the cases projection instead ({@link bulletinOfFigures}).
 */
export function officeBulletin(
  events: readonly CaseEvent[],
  policy: PolicyProfile,
  { quarter, now, options = {} }: { quarter: QuarterId; now: number; options?: DeadlineOptions },
): OfficeBulletin {
  const bounds = quarterBounds(quarter.year, quarter.quarter);
  const cases: CaseFiguresEntry[] = [];
  for (const [caseId, log] of groupByCase(events.filter((e) => e.at <= now))) {
    const report = replayWithReport(log);
    const figures = report.state && inQuarter(report.state.steps.captured ?? report.state.capture.capturedAt, bounds) ? caseFiguresOf(report, policy, now, options) : undefined;
    if (figures) cases.push({ caseId, figures });
  }
  return bulletinOfFigures(cases, policy, { quarter, now });
}

/** One case's figures, by case id. */
export interface CaseFiguresEntry {
  caseId: string;
  figures: CaseFigures;
}

function inQuarter(at: number, bounds: Quarter): boolean {
  return at >= bounds.start && at <= bounds.end;
}

/**
 * The bulletin of `quarter` at `now` from each case's figures computed at or
 * before `now` with the same policy and calendar, and no event of the case
 * after `now` (then it equals {@link officeBulletin} of the log). Cases
 * captured outside the quarter are skipped. Throws RangeError on a bad quarter.
 */
export function bulletinOfFigures(
  cases: Iterable<CaseFiguresEntry>,
  policy: PolicyProfile,
  { quarter, now }: { quarter: QuarterId; now: number },
): OfficeBulletin {
  const bounds = quarterBounds(quarter.year, quarter.quarter);
  const rows = new Map<string, Tally>();
  const totals = emptyRow('全办合计');
  // Cases in id order, once: every figure's list of cases is then built sorted (no sort per figure).
  const sorted = [...cases].filter((c) => inQuarter(c.figures.capturedAt, bounds)).sort((a, b) => (a.caseId < b.caseId ? -1 : a.caseId > b.caseId ? 1 : 0));
  for (const { caseId, figures } of sorted) {
    let row = rows.get(figures.department);
    if (!row) rows.set(figures.department, (row = emptyRow(figures.department)));
    count(row, figures, caseId, now);
    count(totals, figures, caseId, now);
  }
  const departments = [...rows.values()]
    .map(finish)
    .sort((a, b) => b.captured.count - a.captured.count || (a.department < b.department ? -1 : 1));
  return { ...bounds, asOf: now, policyId: policy.id, departments, totals: finish(totals) };
}

/** Chinese column labels of the figures (CSV header, table, charts). */
export const BULLETIN_LABELS: Record<BulletinFigure, string> = {
  captured: '采集',
  claimed: '自主认领',
  assigned: '指定认领',
  claimOverdue: '认领超时',
  reportTargetMet: '上报达力争时限',
  reportLimitMet: '上报仅达最长时限',
  reportMissed: '上报超时',
  investigationOnTime: '调查报告按时',
  investigationMissed: '调查报告超时',
  extensions: '申请延期',
  responseOnTime: '按时回应',
  responseLate: '回应超时',
  effectStable: '回应后平稳',
  effectRecurred: '回应后反复',
  reopened: '重新打开',
  conflicts: '冲突待指定',
};

function csvCell(value: string | number): string {
  const text = String(value);
  return /[",\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function hours(ms: number | null): string {
  return ms === null ? '' : (Math.round((ms / 3_600_000) * 10) / 10).toFixed(1);
}

/**
 * The bulletin as CSV (UTF-8 with BOM so spreadsheet programs in China read
 * it right): one row per department then the total; claim times in hours.
 */
export function bulletinCsv(bulletin: OfficeBulletin): string {
  const header = ['部门', ...BULLETIN_FIGURES.map((f) => BULLETIN_LABELS[f]), '认领用时中位数(小时)', '认领用时最长(小时)'];
  const line = (row: DepartmentBulletin) =>
    [row.department, ...BULLETIN_FIGURES.map((f) => row[f].count), hours(row.claimMedianMs), hours(row.claimWorstMs)]
      .map(csvCell)
      .join(',');
  return `\uFEFF${[header.map(csvCell).join(','), ...bulletin.departments.map(line), line(bulletin.totals)].join('\r\n')}\r\n`;
}
