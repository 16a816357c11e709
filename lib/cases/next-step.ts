/**
 * The next action on a case, for the side panel's "next step" line.
 *
 * The procedure order comes first (a case must be claimed, then assessed,
 * before its other steps make sense); after that the most urgent open
 * deadline decides; with none open, the remaining steps of the procedure.
 */
import type { PolicyProfile } from '../policy/schema';
import { STEP_LABELS, type StepId } from '../policy/steps';
import { deadlinesOf, mostUrgentDeadline, type Deadline, type DeadlineOptions } from './deadlines';
import type { CaseState } from './state';

/** What to do next, with its deadline when one applies. */
export interface NextStep {
  step: StepId;
  /** Chinese label, e.g. 认领. */
  label: string;
  deadline?: Deadline;
}

function step(id: StepId, deadlines: readonly Deadline[]): NextStep {
  const deadline = mostUrgentDeadline(deadlines.filter((d) => d.step === id));
  return deadline ? { step: id, label: deadline.label, deadline } : { step: id, label: STEP_LABELS[id] };
}

/** The next action on the case at `now`, or undefined for a closed case. */
export function nextStepOf(
  state: CaseState,
  policy: PolicyProfile,
  now: number,
  options: DeadlineOptions = {},
): NextStep | undefined {
  if (state.status === 'closed') return undefined;
  return nextStepFrom(state, deadlinesOf(state, policy, now, options));
}

/**
 * {@link nextStepOf} from the case's deadlines already computed at `now`
 * (`deadlinesOf`), for a caller that needs them too (the projection).
 * Undefined for a closed case.
 */
export function nextStepFrom(state: CaseState, deadlines: readonly Deadline[]): NextStep | undefined {
  if (state.status === 'closed') return undefined;
  if (state.claimedAt === undefined) return step('claim', deadlines);
  if (state.tier === undefined) return step('assess', deadlines);
  const urgent = mostUrgentDeadline(deadlines);
  if (urgent) return { step: urgent.step, label: urgent.label, deadline: urgent };
  if (state.responses.length === 0) return step('reply', deadlines);
  const lastAction = Math.max(state.responses.at(-1)?.at ?? 0, state.reopenedAt ?? 0);
  const followedUp = state.followUps.some((followUp) => followUp.at >= lastAction);
  return step(followedUp ? 'close' : 'follow-up', deadlines);
}
