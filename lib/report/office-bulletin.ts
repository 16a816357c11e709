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
import { deadlinesOf, groupByCase, openConflicts, replayWithReport, type CaseEvent, type Deadline, type DeadlineOptions } from '../cases';
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

function emptyRow(department: string): DepartmentBulletin & { claimTimes: [number, string][] } {
  const row = { department, claimMedianMs: null, claimWorstMs: null, claimTimes: [] } as unknown as DepartmentBulletin & {
    claimTimes: [number, string][];
  };
  for (const figure of BULLETIN_FIGURES) row[figure] = { count: 0, caseIds: [] };
  return row;
}

function add(set: CaseSet, caseId: string): void {
  set.count += 1;
  set.caseIds.push(caseId);
}

function missed(d: Deadline): boolean {
  return d.status === 'overdue' || d.status === 'met-late';
}

/** Which figures a case counts in (without its department). */
function figuresOfCase(
  events: readonly CaseEvent[],
  policy: PolicyProfile,
  now: number,
  options: DeadlineOptions,
  bounds: Quarter,
): { department: string; figures: BulletinFigure[]; claimMs?: number } | undefined {
  const report = replayWithReport(events);
  const { state } = report;
  if (!state) return undefined;
  const capturedAt = state.steps.captured ?? state.capture.capturedAt;
  if (capturedAt < bounds.start || capturedAt > bounds.end) return undefined;
  const deadlines = deadlinesOf(state, policy, now, options);
  const figures: BulletinFigure[] = ['captured'];
  if (state.claimedAt !== undefined) figures.push(state.assigned ? 'assigned' : 'claimed');
  if (deadlines.some((d) => d.step === 'claim' && missed(d))) figures.push('claimOverdue');
  const reports = deadlines.filter((d) => d.step === 'first-report');
  if (reports.some(missed)) figures.push('reportMissed');
  else if (reports.some((d) => d.status === 'met' && d.targetMissed)) figures.push('reportLimitMet');
  else if (reports.some((d) => d.status === 'met')) figures.push('reportTargetMet');
  const investigations = deadlines.filter((d) => d.step === 'investigation-report');
  if (investigations.some(missed)) figures.push('investigationMissed');
  else if (investigations.some((d) => d.status === 'met')) figures.push('investigationOnTime');
  if (state.extensionRequests.length > 0) figures.push('extensions');
  if (state.responses.length > 0) {
    figures.push(deadlines.some((d) => RESPONSE_STEPS.includes(d.step) && missed(d)) ? 'responseLate' : 'responseOnTime');
  }
  const lastFollowUp = state.followUps[state.followUps.length - 1];
  if (lastFollowUp) figures.push(lastFollowUp.result === 'stable' ? 'effectStable' : 'effectRecurred');
  if (state.reopenCount > 0) figures.push('reopened');
  if (openConflicts(report).length > 0) figures.push('conflicts');
  return {
    department: state.department ?? state.claimedBy ?? UNCLAIMED_DEPARTMENT,
    figures,
    ...(state.claimedAt !== undefined ? { claimMs: Math.max(0, state.claimedAt - capturedAt) } : {}),
  };
}

function finish(row: DepartmentBulletin & { claimTimes: [number, string][] }): DepartmentBulletin {
  const { claimTimes, ...rest } = row;
  claimTimes.sort((a, b) => a[0] - b[0] || (a[1] < b[1] ? -1 : 1));
  const n = claimTimes.length;
  if (n === 0) return rest;
  const mid = Math.floor(n / 2);
  const median = n % 2 === 1 ? claimTimes[mid]![0] : (claimTimes[mid - 1]![0] + claimTimes[mid]![0]) / 2;
  const worst = claimTimes[n - 1]!;
  return { ...rest, claimMedianMs: median, claimWorstMs: worst[0], claimWorstCaseId: worst[1] };
}

/**
 * The bulletin of `quarter` from a merged claim log (any order), judged at
 * `now` (events after it ignored). Throws RangeError on a bad quarter.
 */
export function officeBulletin(
  events: readonly CaseEvent[],
  policy: PolicyProfile,
  { quarter, now, options = {} }: { quarter: QuarterId; now: number; options?: DeadlineOptions },
): OfficeBulletin {
  const bounds = quarterBounds(quarter.year, quarter.quarter);
  const rows = new Map<string, ReturnType<typeof emptyRow>>();
  const totals = emptyRow('全办合计');
  const logs = groupByCase(events.filter((e) => e.at <= now));
  // Cases in id order, once: every figure's list of cases is then built sorted (no sort per figure).
  for (const caseId of [...logs.keys()].sort()) {
    const log = logs.get(caseId)!;
    const counted = figuresOfCase(log, policy, now, options, bounds);
    if (!counted) continue;
    let row = rows.get(counted.department);
    if (!row) rows.set(counted.department, (row = emptyRow(counted.department)));
    for (const target of [row, totals]) {
      for (const figure of counted.figures) add(target[figure], caseId);
      if (counted.claimMs !== undefined) target.claimTimes.push([counted.claimMs, caseId]);
    }
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
