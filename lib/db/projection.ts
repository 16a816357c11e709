/**
 * The cases projection: from a case's replayed state to its small list row.
 * Pure, so the stored projection can always be checked against (and rebuilt
 * from) the log.
 */
import { deadlinesOf, mostUrgentDeadline, nextStepFrom, type CaseState, type Deadline, type DeadlineOptions, type RejectedEvent } from '../cases';
import { caseFiguresFrom, type CaseFigures } from '../report/office-bulletin';
import { conflictOfReport } from '../sync/conflicts';
import { createCalendar, getDefaultCalendar, type Calendar } from '../calendar';
import type { PolicyProfile } from '../policy';
import type { CaseRow } from './entities/case-row';
import type { Settings } from './entities/settings';

/** What deadlines depend on besides the state: the policy, warning fractions and calendar. */
export interface ProjectionContext {
  policy: PolicyProfile;
  options: DeadlineOptions;
}

/**
 * A case as the projection computes it: its list row and its bulletin
 * figures, stored apart (the row in `cases`, the figures in `caseFigures`,
 * see repos/case-store.ts `putProjectedCases`).
 */
export type ProjectedCase = CaseRow & { figures: CaseFigures };

/**
 * The row of one case at `now` (only `overdue` depends on `now`; limits do not).
 * A closed case has nothing left to do: a step it missed stays in its
 * deadlines (and in the statistics) but never makes it urgent again.
 * `rejected`: the events the replay of its log refused (the office's merged
 * log only), which make its conflict; with the row come the case's
 * bulletin figures, judged later at any time (lib/report `CaseFigures`).
 * The case's deadlines and open conflicts are computed once and serve the
 * row, its next step and its figures alike (this runs on every write).
 */
export function projectCase(state: CaseState, context: ProjectionContext, now: number, rejected: readonly RejectedEvent[] = []): ProjectedCase {
  // The figures judge a closed case's deadlines too (its clock stopped at closing).
  const deadlines = deadlinesOf(state, context.policy, now, context.options);
  const listed = nextOfCase(state, deadlines);
  const { capture } = state;
  const lastRecheck = state.rechecks[state.rechecks.length - 1];
  const department = state.department ?? state.claimedBy;
  const conflict = conflictOfReport(state.caseId, { state, rejected: [...rejected] });
  return {
    caseId: state.caseId,
    title: capture.title,
    site: capture.site,
    url: capture.url,
    canonicalUrl: capture.canonicalUrl,
    ...(capture.author !== undefined ? { author: capture.author } : {}),
    status: state.status,
    ...(state.tier !== undefined ? { tier: state.tier } : {}),
    ...(state.category !== undefined ? { category: state.category } : {}),
    ...(department !== undefined ? { department } : {}),
    ...(state.claimedBy !== undefined ? { claimedBy: state.claimedBy } : {}),
    capturedAt: capture.capturedAt,
    lastEventAt: state.lastAt,
    ...listed,
    overdue: listed.nextDeadlineAt !== null && listed.nextDeadlineAt < now ? 1 : 0,
    threadUrls: [...state.sources],
    evidenceIds: [...new Set(state.evidence.map((item) => item.evidenceId))],
    evidenceCount: state.evidence.length,
    ...(state.mergedInto !== undefined ? { mergedInto: state.mergedInto } : {}),
    ...(lastRecheck ? { lastRecheck: { at: lastRecheck.at, outcome: lastRecheck.outcome } } : {}),
    figures: caseFiguresFrom(state, deadlines, conflict !== undefined, now),
    ...(conflict ? { conflict } : {}),
  };
}

/** The fields of a case row that say what comes next. */
export type NextOfCase = Pick<CaseRow, 'nextDeadlineAt' | 'nextDeadlineStep' | 'nextStep' | 'provisional'>;

/**
 * What a case's list row shows as coming next, from its deadlines
 * (`deadlinesOf`): its most urgent open deadline (limit in ms, step, 暂定)
 * and its next step by the procedure; none for a closed case, nor for one
 * merged into another (the survivor carries its deadlines). The office hub
 * projects its case rows by the same rule (lib/hub/projection.ts).
 */
export function nextOfCase(state: CaseState, deadlines: readonly Deadline[]): NextOfCase {
  const closed = state.status === 'closed' || state.mergedInto !== undefined;
  const next = closed ? undefined : mostUrgentDeadline(deadlines);
  const step = closed ? undefined : nextStepFrom(state, deadlines);
  return { nextDeadlineAt: next?.limit ?? null, nextDeadlineStep: next?.step ?? null, nextStep: step?.step ?? null, provisional: next?.provisional ?? false };
}

let memo: { key: string; calendar: Calendar } | undefined;

/**
 * The calendar with the officer's local overrides. Memoized by the overrides
 * because loading the official data is not free and appends happen in bursts.
 * Contradictory overrides fall back to the official calendar rather than
 * stopping every write.
 */
export function calendarFor(overrides: Settings['calendarOverrides']): Calendar {
  if (overrides.length === 0) return getDefaultCalendar();
  const key = JSON.stringify(overrides);
  if (memo?.key === key) return memo.calendar;
  let calendar: Calendar;
  try {
    calendar = createCalendar({
      overrides: overrides.map((o) => ({ day: o.date, working: o.kind === 'workday', ...(o.note ? { name: o.note } : {}) })),
    });
  } catch {
    calendar = getDefaultCalendar();
  }
  memo = { key, calendar };
  return calendar;
}

/** The projection context from settings and the active profile. */
export function projectionContextOf(settings: Settings, policy: PolicyProfile): ProjectionContext {
  return { policy, options: { warnAt: settings.warnAt, calendar: calendarFor(settings.calendarOverrides) } };
}
