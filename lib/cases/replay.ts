/**
 * Replaying a claim log into a case state.
 *
 * Logs of several officers get merged, so events are first put in a total
 * order (time, then id) and duplicates (same id) dropped: the same set of
 * events always gives the same state, in any arrival order. An event that is
 * impossible at its place in the merged order (e.g. a second department's
 * claim) is skipped and reported, not thrown: the rest of the log still
 * counts, and the office sees what was rejected and why.
 */
import { CaseEventSchema, type CaseEvent } from './events';
import { applyEvent, checkTransition, mutateState, startState, type CaseState, type TransitionError } from './state';
import { toValidationErrors, type ValidationError } from '../policy/parse';

/** An event replay skipped, and why. */
export interface RejectedEvent {
  event: CaseEvent;
  error: TransitionError;
}

/** Full result of a replay. `state` is undefined when the log has no capture to start from. */
export interface ReplayReport {
  state: CaseState | undefined;
  rejected: RejectedEvent[];
}

/** Orders events by (at, id): the canonical order of a merged log. */
export function compareEvents(a: CaseEvent, b: CaseEvent): number {
  if (a.at !== b.at) return a.at - b.at;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** Replays a log, skipping and listing the events that cannot apply. Never throws. */
export function replayWithReport(events: readonly CaseEvent[]): ReplayReport {
  const ordered = [...events].sort(compareEvents);
  const rejected: RejectedEvent[] = [];
  const seen = new Set<string>();
  let state: CaseState | undefined;
  for (const event of ordered) {
    if (seen.has(event.id)) {
      rejected.push({ event, error: { code: 'duplicate-event', message: `事件 ${event.id} 重复` } });
      continue;
    }
    seen.add(event.id);
    const error = checkTransition(state, event);
    if (error) {
      rejected.push({ event, error });
      continue;
    }
    // The draft is private to this replay, so it is changed in place (no copy per event).
    if (!state) state = startState(event as Extract<CaseEvent, { type: 'captured' }>);
    mutateState(state, event);
  }
  return { state, rejected };
}

/**
 * The state of a case from its log (any order). Impossible events are
 * skipped (see {@link replayWithReport} for the list). Throws only when no
 * state exists at all: an empty log, or no `captured` event to start from.
 */
export function replay(events: readonly CaseEvent[]): CaseState {
  const { state, rejected } = replayWithReport(events);
  if (!state) {
    const reason = events.length === 0 ? 'the log is empty' : `no captured event (${rejected.length} events rejected)`;
    throw new Error(`cannot replay case: ${reason}`);
  }
  return state;
}

/** Result of {@link recordEvent}. */
export type RecordResult =
  | { ok: true; event: CaseEvent; state: CaseState }
  | { ok: false; errors: ValidationError[] }
  | { ok: false; error: TransitionError };

/**
 * Validates untrusted input as an event and applies it: the gate before an
 * event is stored. A malformed event gets every field error; an impossible
 * one gets the transition error. Nothing changes on failure.
 */
export function recordEvent(state: CaseState | undefined, input: unknown): RecordResult {
  const parsed = CaseEventSchema.safeParse(input);
  if (!parsed.success) return { ok: false, errors: toValidationErrors(parsed.error.issues) };
  const result = applyEvent(state, parsed.data);
  return result.ok ? { ok: true, event: parsed.data, state: result.state } : result;
}

/** Groups a merged log's events by case, keeping their order within each case. */
export function groupByCase(events: Iterable<CaseEvent>): Map<string, CaseEvent[]> {
  const byCase = new Map<string, CaseEvent[]>();
  for (const event of events) {
    const list = byCase.get(event.caseId);
    if (list) list.push(event);
    else byCase.set(event.caseId, [event]);
  }
  return byCase;
}

/**
 * The rejections of a replay the office still has to look at (a conflict):
 * every refused event but duplicates, and but competing claims (a second
 * department's `claimed`, code `already-claimed`) made before the office's
 * latest assignment of the case, which settled them (指定认领, POLICIES.md).
 * A claim made after that assignment is a new conflict.
 */
export function openConflicts({ state, rejected }: ReplayReport): RejectedEvent[] {
  const settled = state?.settlement;
  return rejected.filter(({ event, error }) => {
    if (error.code === 'duplicate-event') return false;
    if (!settled || error.code !== 'already-claimed' || event.type !== 'claimed') return true;
    return event.at > settled.at || (event.at === settled.at && event.id > settled.eventId);
  });
}
