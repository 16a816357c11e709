/**
 * Replaying a claim log into a case state.
 *
 * Logs of several officers get merged, so events are first put in a total
 * order (sequence, then time, then id; see `sequenceEvents`) and duplicates
 * (same id) dropped: the same set of
 * events always gives the same state, in any arrival order. An event that is
 * impossible at its place in the merged order (e.g. a second department's
 * claim) is skipped and reported, not thrown: the rest of the log still
 * counts, and the office sees what was rejected and why.
 */
import { CaseEventSchema, MAX_SEQ, type CaseEvent } from './events';
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

/** Orders events by (at, id): the order of events in a sync file, and the fallback order of a case's history. */
export function compareEvents(a: CaseEvent, b: CaseEvent): number {
  if (a.at !== b.at) return a.at - b.at;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** An event with its place in its case's history (its `seq`, or the one implied for an event without). */
export interface SequencedEvent {
  event: CaseEvent;
  seq: number;
}

/**
 * A case's events in history order: by sequence, then (at, id). Events
 * without `seq` (logs and sync files older than it) are numbered 1, 2, 3…
 * in their (at, id) order (a repeated id keeps its number), so a log
 * without any `seq` keeps exactly its (at, id) order, and the first event
 * recorded with a sequence (1 + the highest) comes after all of them.
 * Depends only on the set of events, never on their arrival order, so
 * merged logs replay alike on every device.
 */
export function sequenceEvents(events: readonly CaseEvent[]): SequencedEvent[] {
  const implied = new Map<string, number>();
  const sequenced = [...events].sort(compareEvents).map((event): SequencedEvent => {
    if (event.seq !== undefined) return { event, seq: event.seq };
    let seq = implied.get(event.id);
    if (seq === undefined) {
      seq = implied.size + 1;
      implied.set(event.id, seq);
    }
    return { event, seq };
  });
  return sequenced.sort((a, b) => a.seq - b.seq || compareEvents(a.event, b.event));
}

/** A case's events in history order (see {@link sequenceEvents}). */
export function orderEvents(events: readonly CaseEvent[]): CaseEvent[] {
  return sequenceEvents(events).map(({ event }) => event);
}

/**
 * The `seq` the next event recorded on this device takes: 1 + the highest
 * (implied) sequence of the case's events, at most `MAX_SEQ` (beyond it,
 * equal sequences fall back to (at, id)).
 */
export function nextSeqOf(events: readonly CaseEvent[]): number {
  const sequenced = sequenceEvents(events);
  return Math.min(MAX_SEQ, (sequenced[sequenced.length - 1]?.seq ?? 0) + 1);
}

/**
 * The time each event counts at for states and deadlines (epoch ms), given
 * the events in history order. A device clock that jumped must not move a
 * case backwards or push its deadlines a year late, so an event counts at
 * no earlier than the one before it (a clock set back), and at no later than
 * the one after it when that one is not earlier than the one before (a
 * one-off forward jump, later corrected). The first event counts at its own
 * time. Times that were right are unchanged.
 */
export function effectiveTimes(ordered: readonly CaseEvent[]): number[] {
  const times: number[] = [];
  let previous = -Infinity;
  ordered.forEach((event, i) => {
    const next = ordered[i + 1]?.at;
    const clamped = i > 0 && next !== undefined && next >= previous ? Math.min(event.at, next) : event.at;
    previous = Math.max(previous, clamped);
    times.push(previous);
  });
  return times;
}

/** Replays a log, skipping and listing the events that cannot apply. Never throws. */
export function replayWithReport(events: readonly CaseEvent[]): ReplayReport {
  const ordered = orderEvents(events);
  const times = effectiveTimes(ordered);
  const rejected: RejectedEvent[] = [];
  const seen = new Set<string>();
  let state: CaseState | undefined;
  ordered.forEach((event, i) => {
    if (seen.has(event.id)) {
      rejected.push({ event, error: { code: 'duplicate-event', message: `事件 ${event.id} 重复` } });
      return;
    }
    seen.add(event.id);
    const error = checkTransition(state, event);
    if (error) {
      rejected.push({ event, error });
      return;
    }
    // The draft is private to this replay, so it is changed in place (no copy per event).
    if (!state) state = startState(event as Extract<CaseEvent, { type: 'captured' }>);
    mutateState(state, event, times[i]);
  });
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
