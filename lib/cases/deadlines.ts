/**
 * Deadlines derived from a case state and a policy profile, at a given
 * `now`. Pure: the same state, profile and now always give the same list.
 *
 * A rule applies when its tier/flag conditions match the latest
 * assessment; rules that name tiers wait for the assessment. Its clock
 * starts at its `from` event (restarted by a later `restartOn` event), so a
 * rule whose start event has not happened yet produces no deadline. A step
 * is done by the first matching event at or after the clock's start.
 */
import { getDefaultCalendar } from '../calendar';
import type { AppliesTo, DeadlineRule, PolicyProfile } from '../policy/schema';
import type { ClockStartEvent, StepId } from '../policy/steps';
import type { CaseState, MarkKey } from './state';

/** The part of a calendar the engine needs (lib/calendar's Calendar fits). */
export interface WorkingDayCalendar {
  addWorkingDays(startMs: number, n: number): { at: number; provisional: boolean };
}

/** Deadline status: pending, met on time, met late, or missed and still open. */
export type DeadlineStatus = 'pending' | 'met' | 'met-late' | 'overdue';

/** One deadline of a case. Times are epoch ms. */
export interface Deadline {
  /** The rule that produced it (unique within the profile). */
  ruleId: string;
  step: StepId;
  /** Chinese label, e.g. 核实调查报告. */
  label: string;
  startedAt: number;
  /** The 力争 time, when the rule has one. */
  target?: number;
  limit: number;
  status: DeadlineStatus;
  doneAt?: number;
  /** Time left before the limit (pending only). */
  remainingMs?: number;
  /** How far past the limit (overdue: until now or the case's closing; met-late: until done). */
  overdueByMs?: number;
  /** True when the target was passed (done after it, or still open after it). */
  targetMissed?: boolean;
  /** True when a working day outside the official calendar data was counted. */
  provisional: boolean;
  /** Highest warning fraction of the window already used (open deadlines only). */
  warning?: number;
  /** True when an extension moved the limit. */
  extended: boolean;
  /** True for a "last chance" step (e.g. 延期申请) that is moot once its guarded step is done. */
  optional: boolean;
}

/** Options for {@link deadlinesOf}. */
export interface DeadlineOptions {
  /** Fractions of the window at which to warn, each in (0, 1]. Default 0.5, 0.75, 1. */
  warnAt?: readonly number[];
  /** Calendar with the office's local overrides. Default: the official data only. */
  calendar?: WorkingDayCalendar;
}

/** Default pre-breach warnings: half, three quarters, and the whole window used. */
export const DEFAULT_WARN_AT: readonly number[] = [0.5, 0.75, 1];

/** Which moments complete a step. */
const DONE_BY: Record<StepId, MarkKey> = {
  claim: 'claimed',
  assess: 'assessed',
  'first-report': 'reported',
  'written-report': 'written',
  'investigation-report': 'investigation-report',
  'extension-request': 'extension-requested',
  'publish-facts': 'publish-facts',
  'press-conference': 'press-conference',
  reply: 'responded',
  'follow-up': 'follow-up',
  close: 'closed',
};

const MINUTE_MS = 60_000;
const HOUR_MS = 3_600_000;

/** Whether a rule's conditions hold for the case's assessment. */
export function ruleApplies(appliesTo: AppliesTo, state: CaseState): boolean {
  const { tiers, flags, withoutFlags, except } = appliesTo;
  if (tiers && (state.tier === undefined || !tiers.includes(state.tier))) return false;
  if (flags && !flags.every((flag) => state.flags.includes(flag))) return false;
  if (withoutFlags && withoutFlags.some((flag) => state.flags.includes(flag))) return false;
  if (except) {
    const tierMatches = !except.tiers || (state.tier !== undefined && except.tiers.includes(state.tier));
    const flagsMatch = !except.flags || except.flags.every((flag) => state.flags.includes(flag));
    if (tierMatches && flagsMatch) return false;
  }
  return true;
}

/** When the clock of a start event began: the first occurrence (latest for `reopened`). */
function startOf(state: CaseState, event: ClockStartEvent): number | undefined {
  switch (event) {
    case 'claimed':
      return state.claimedAt;
    case 'reopened':
      return state.reopenedAt;
    default:
      return state.steps[event];
  }
}

/** First time in an ascending list at or after `from`. */
function firstAtOrAfter(list: readonly number[] | undefined, from: number): number | undefined {
  if (!list) return undefined;
  for (const at of list) if (at >= from) return at;
  return undefined;
}

function validateWarnAt(warnAt: readonly number[]): number[] {
  for (const fraction of warnAt) {
    if (typeof fraction !== 'number' || !(fraction > 0 && fraction <= 1)) {
      throw new RangeError(`invalid warnAt ${String(fraction)}: each fraction must be in (0, 1]`);
    }
  }
  return [...warnAt].sort((a, b) => a - b);
}

/** The end of a rule's window (limit or target) from its start. */
function windowEnd(
  rule: DeadlineRule,
  amount: number,
  startedAt: number,
  calendar: WorkingDayCalendar,
): { at: number; provisional: boolean } {
  switch (rule.clock) {
    case 'minutes':
      return { at: startedAt + amount * MINUTE_MS, provisional: false };
    case 'hours':
      return { at: startedAt + amount * HOUR_MS, provisional: false };
    case 'working-days':
      return calendar.addWorkingDays(startedAt, amount);
  }
}

/**
 * Every deadline that applies to the case now: claim window first, then the
 * profile's rules in order. A closed case's clocks stop at its closing: what
 * was overdue then stays overdue, what was still open is dropped.
 * Throws RangeError on invalid options (bad warning fractions).
 */
export function deadlinesOf(
  state: CaseState,
  policy: PolicyProfile,
  now: number,
  options: DeadlineOptions = {},
): Deadline[] {
  const warnAt = validateWarnAt(options.warnAt ?? DEFAULT_WARN_AT);
  const calendar = options.calendar ?? getDefaultCalendar();
  const rules = policy.claimWindow ? [policy.claimWindow, ...policy.deadlines] : policy.deadlines;
  const closedAt = state.status === 'closed' ? state.closedAt : undefined;
  const clock = closedAt ?? now;
  const result: Deadline[] = [];

  for (const rule of rules) {
    if (!ruleApplies(rule.appliesTo, state)) continue;
    let startedAt = startOf(state, rule.from);
    if (startedAt === undefined) continue;
    for (const restart of rule.restartOn ?? []) {
      const at = startOf(state, restart);
      if (at !== undefined && at > startedAt) startedAt = at;
    }
    const doneAt = firstAtOrAfter(state.marks[DONE_BY[rule.step]], startedAt);
    if (doneAt === undefined && rule.supersededBy) {
      const guardDone = firstAtOrAfter(state.marks[DONE_BY[rule.supersededBy]], startedAt);
      if (guardDone !== undefined) continue;
    }

    const extendedLimit = state.extensions[rule.step];
    const computed = windowEnd(rule, rule.limit, startedAt, calendar);
    const limit = extendedLimit ?? computed.at;
    const target = rule.target === undefined ? undefined : windowEnd(rule, rule.target, startedAt, calendar);
    const provisional = (extendedLimit === undefined && computed.provisional) || (target?.provisional ?? false);

    const deadline: Deadline = {
      ruleId: rule.id,
      step: rule.step,
      label: rule.label,
      startedAt,
      limit,
      status: 'pending',
      provisional,
      extended: extendedLimit !== undefined,
      optional: rule.supersededBy !== undefined,
    };
    if (target) deadline.target = target.at;

    if (doneAt !== undefined) {
      deadline.doneAt = doneAt;
      deadline.status = doneAt <= limit ? 'met' : 'met-late';
      if (doneAt > limit) deadline.overdueByMs = doneAt - limit;
      if (target) deadline.targetMissed = doneAt > target.at;
    } else {
      if (closedAt !== undefined && limit >= closedAt) continue;
      if (clock > limit) {
        deadline.status = 'overdue';
        deadline.overdueByMs = clock - limit;
      } else {
        deadline.remainingMs = limit - clock;
      }
      if (target) deadline.targetMissed = clock > target.at;
      const used = limit > startedAt ? (clock - startedAt) / (limit - startedAt) : 1;
      let warning: number | undefined;
      for (const fraction of warnAt) if (used >= fraction) warning = fraction;
      if (warning !== undefined) deadline.warning = warning;
    }
    result.push(deadline);
  }
  return result;
}

/** Whether a deadline still needs doing. */
export function isOpen(deadline: Deadline): boolean {
  return deadline.status === 'pending' || deadline.status === 'overdue';
}

/**
 * The open deadline to act on first: required steps before optional ones,
 * then the earliest limit (so overdue ones come first). Undefined when none is open.
 */
export function mostUrgentDeadline(deadlines: readonly Deadline[]): Deadline | undefined {
  let best: Deadline | undefined;
  for (const deadline of deadlines) {
    if (!isOpen(deadline)) continue;
    if (
      !best ||
      (best.optional && !deadline.optional) ||
      (best.optional === deadline.optional && deadline.limit < best.limit)
    ) {
      best = deadline;
    }
  }
  return best;
}
