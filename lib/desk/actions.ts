/**
 * Which actions the desk offers on a case. The state machine is asked, not
 * re-implemented: each action is probed with `checkTransition`, so the
 * buttons can never disagree with what the log will accept.
 */
import { checkTransition, type Actor, type CaseEvent, type CaseEventType, type CaseState } from '../cases';

/** The actions an officer takes from the desk, in procedure order (capture happens in the page). */
export const DESK_ACTIONS = [
  'claimed',
  'assigned',
  'assessed',
  'reported',
  'written-report',
  'investigation-report',
  'extension-requested',
  'extension-granted',
  'responded',
  'follow-up',
  'closed',
  'reopened',
  'note',
] as const satisfies readonly CaseEventType[];
/** An action of the desk. */
export type DeskAction = (typeof DESK_ACTIONS)[number];

/** The actions the state machine accepts for `state` at `now`. */
export function allowedActions(state: CaseState, now: number): DeskAction[] {
  return DESK_ACTIONS.filter((type) => checkTransition(state, probe(state, type, now)) === undefined);
}

const PROBE_ACTOR: Actor = { officer: 'probe', department: 'probe' };

/** A representative event of `type`, enough for the state machine to judge the transition. */
function probe(state: CaseState, type: DeskAction, now: number): CaseEvent {
  const base = { id: 'probe', caseId: state.caseId, at: now, actor: PROBE_ACTOR };
  const pending = state.extensionRequests.find((request) => request.grantedAt === undefined);
  switch (type) {
    case 'claimed':
      return { ...base, type, payload: { department: 'probe' } };
    case 'assigned':
      return { ...base, type, payload: { department: 'probe' } };
    case 'assessed':
      return { ...base, type, payload: { tier: 'general', category: 'probe', department: 'probe', flags: [], mustRespondCriteria: [], reasons: [] } };
    case 'reported':
      return { ...base, type, payload: { to: [], channel: 'log' } };
    case 'written-report':
      return { ...base, type, payload: {} };
    case 'investigation-report':
      return { ...base, type, payload: { summary: 'probe' } };
    case 'extension-requested':
      return { ...base, type, payload: { step: 'investigation-report', reason: 'probe' } };
    case 'extension-granted':
      return { ...base, type, payload: { step: pending?.step ?? 'investigation-report', newLimit: now + 86_400_000 } };
    case 'responded':
      return { ...base, type, payload: { kind: 'reply', channel: 'probe' } };
    case 'follow-up':
      return { ...base, type, payload: { result: 'stable' } };
    case 'closed':
      return { ...base, type, payload: {} };
    case 'reopened':
      return { ...base, type, payload: { reason: 'probe' } };
    case 'note':
      return { ...base, type, payload: { text: 'probe' } };
  }
}

/** A fresh, globally unique event id (merging many officers' logs must never collide). */
export function newEventId(): string {
  return crypto.randomUUID();
}
