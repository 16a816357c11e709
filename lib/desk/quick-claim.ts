/**
 * 认领并研判 in one click: the officer takes a freshly captured case for
 * their department and accepts the assessment suggestion as it stands, so a
 * flagged post becomes a claimed, assessed case with its 舆情专报 ready in
 * at most 4 clicks (issue 12: 采集 in the page, the case in the inbox, this
 * button, and 上报 opens with the text). Nothing is hidden: both events are
 * the ones the two forms would write with their defaults, the assessment
 * records the suggestion it came from, and either can be corrected by a
 * later 研判.
 */
import type { Actor, CaseEventInput, CaseState } from '../cases';
import type { ActionChoices } from './case-view';
import type { DeskAction } from './actions';

/** True when the case can be claimed and assessed in one step: both actions allowed and a suggestion to accept. */
export function canQuickClaim(state: CaseState, allowed: readonly DeskAction[], choices: ActionChoices): boolean {
  return state.status === 'captured' && allowed.includes('claimed') && choices.suggestion !== undefined && choices.defaultDepartment.trim() !== '';
}

/**
 * The `claimed` and `assessed` events of 认领并研判, in that order, at `now`
 * (epoch ms; the assessment 1 ms later so the log replays them in order).
 * The claim is for the officer's department at city level (the form's
 * default); the assessment is the suggestion (tier, category, flags,
 * reasons) with the suggested category's department when a keyword or the
 * subject decided it. Throws when there is no suggestion (check
 * {@link canQuickClaim} first).
 */
export function quickClaimEvents(
  caseId: string,
  choices: ActionChoices,
  actor: Actor,
  now: number,
  newId: () => string,
): [CaseEventInput, CaseEventInput] {
  const s = choices.suggestion;
  if (!s) throw new Error('quickClaimEvents: the case has no assessment suggestion');
  const claimingDepartment = choices.defaultDepartment.trim();
  return [
    { id: newId(), caseId, at: now, actor, type: 'claimed', payload: { department: claimingDepartment, level: 'city' } },
    {
      id: newId(),
      caseId,
      at: now + 1,
      actor,
      type: 'assessed',
      payload: {
        tier: s.tier,
        category: s.category,
        department: s.categoryMatched ? s.department : claimingDepartment,
        flags: [...s.flags],
        mustRespondCriteria: [],
        reasons: [...s.reasons],
        suggested: { tier: s.tier, category: s.category, flags: [...s.flags] },
      },
    },
  ];
}
