/**
 * Everything the desk shows for one case, derived from its log at `now`:
 * the replayed state, its deadlines and next step, the actions the state
 * machine accepts, and the choices the action forms offer. Pure, so the
 * side panel only renders what this returns.
 */
import { combineGroup, deadlinesOf, nextStepOf, replay, TIER_IDS, type CaseEvent, type CaseState, type Deadline, type NextStep, type TierId } from '../cases';
import type { PolicyProfile } from '../policy';
import { STEP_LABELS, type StepId } from '../policy/steps';
import { projectionContextOf } from '../db/projection';
import type { Settings } from '../db/entities/settings';
import { suggestAssessment, type AssessmentSuggestion } from '../classify';
import { allowedActions, type DeskAction } from './actions';
import { buildSpecialReport, specialReportText } from '../report/special-report';

/** The choices the action forms offer for a case, from the policy profile and the case. */
export interface ActionChoices {
  departments: string[];
  categories: { id: string; name: string; department: string }[];
  tierLabels: Record<TierId, string>;
  mustRespondCriteria: { id: string; text: string }[];
  ccList: string[];
  responseChannels: string[];
  /** Steps with an open deadline (for 延期申请). */
  extendableSteps: { step: StepId; label: string }[];
  /** Steps with a pending extension request (for 批准延期). */
  pendingExtensionSteps: { step: StepId; label: string }[];
  defaultDepartment: string;
  suggestion?: AssessmentSuggestion;
  /** The 舆情专报 as text, ready for the 上报 note. */
  reportText?: string;
}

/** The desk's view of one case. */
export interface CaseView {
  state: CaseState;
  deadlines: Deadline[];
  nextStep?: NextStep;
  allowed: DeskAction[];
  categoryName?: string;
  form: ActionChoices;
}

/**
 * Builds the view of a case from its events (at least its `captured` event)
 * and the logs of the cases merged into it (their evidence, sources and
 * re-checks count under this case).
 */
export function buildCaseView(
  events: readonly CaseEvent[],
  policy: PolicyProfile,
  settings: Settings,
  now: number,
  mergedLogs: readonly (readonly CaseEvent[])[] = [],
): CaseView {
  const members = mergedLogs.filter((log) => log.length > 0).map((log) => replay(log));
  const own = replay(events);
  const state = members.length > 0 ? { ...combineGroup(own, members).state, ...mergedFields(own) } : own;
  const { options } = projectionContextOf(settings, policy);
  const deadlines = deadlinesOf(state, policy, now, options);
  const nextStep = nextStepOf(state, policy, now, options);
  const open = deadlines.filter((d) => d.status === 'pending' || d.status === 'overdue');
  const departments = [
    ...new Set([
      ...(settings.department ? [settings.department] : []),
      ...policy.categories.map((c) => c.department),
      ...policy.routing.map((r) => r.responsible),
    ]),
  ];
  const tierLabels = Object.fromEntries(
    TIER_IDS.map((id) => [id, policy.tiers.find((t) => t.id === id)?.label ?? id]),
  ) as Record<TierId, string>;
  return {
    state,
    deadlines,
    ...(nextStep ? { nextStep } : {}),
    allowed: allowedActions(state, now),
    ...(state.category ? { categoryName: policy.categories.find((c) => c.id === state.category)?.name ?? state.category } : {}),
    form: {
      departments,
      categories: policy.categories.map(({ id, name, department }) => ({ id, name, department })),
      tierLabels,
      mustRespondCriteria: policy.mustRespondCriteria.map(({ id, text }) => ({ id, text })),
      ccList: [...policy.ccList],
      responseChannels: [...policy.response.channels],
      extendableSteps: uniqueSteps(open.filter((d) => d.step !== 'extension-request').map((d) => d.step)),
      pendingExtensionSteps: uniqueSteps(state.extensionRequests.filter((r) => r.grantedAt === undefined).map((r) => r.step)),
      defaultDepartment: state.department ?? state.claimedBy ?? settings.department,
      reportText: specialReportText(
        buildSpecialReport(state, { office: settings.department || policy.name, now, deadlines, policy }),
      ),
      suggestion: suggestAssessment(`${state.capture.title}\n${state.capture.excerpt}`, policy, {
        ...(state.capture.replies !== undefined ? { replies: state.capture.replies } : {}),
        ...(state.capture.views !== undefined ? { views: state.capture.views } : {}),
      }),
    },
  };
}

/** A merged case's own merge, kept when its view is combined (it is still merged elsewhere). */
function mergedFields(state: CaseState): Partial<CaseState> {
  return state.mergedInto !== undefined ? { mergedInto: state.mergedInto, ...(state.mergedAt !== undefined ? { mergedAt: state.mergedAt } : {}) } : {};
}

function uniqueSteps(steps: StepId[]): { step: StepId; label: string }[] {
  return [...new Set(steps)].map((step) => ({ step, label: STEP_LABELS[step] }));
}
