/**
 * A case as one row of the case list (components/CaseList): from the case
 * projection's fields — the officer's own (lib/db projectCase) or an office
 * hub's, which stores the same fields (lib/hub/projection) — so the inbox,
 * the office console and the console opened on a hub show a case alike:
 * next step by the procedure, most urgent deadline, 暂定 mark, overdue.
 */
import type { TierId } from '../lib/cases/events';
import type { CaseRow } from '../lib/db/entities/case-row';
import type { MessageKey, Translate } from '../lib/i18n';
import type { HubCase } from '../lib/office-hub-client';
import { STEP_LABELS } from '../lib/policy/steps';
import type { CaseListItem } from './types';

/** What a list row is made from: the case projection's fields (local, or the hub's same projection). */
export type ListedCase = Pick<CaseRow, 'caseId' | 'title' | 'site' | 'status' | 'tier' | 'department' | 'author' | 'nextDeadlineAt' | 'nextDeadlineStep' | 'nextStep' | 'provisional'>;

/** A case row as the inbox (and the office console, local or on a hub) lists it. */
export function toItem(row: ListedCase, now: number, t: Translate): CaseListItem {
  return {
    caseId: row.caseId,
    title: row.title,
    site: row.site,
    status: row.status,
    ...(row.tier ? { tier: row.tier } : {}),
    ...(row.department ? { department: row.department } : {}),
    nextDeadlineAt: row.nextDeadlineAt,
    ...(row.nextDeadlineAt != null && row.provisional ? { provisional: true } : {}),
    ...(row.author ? { author: row.author } : {}),
    ...nextStepLabel(row, t),
    overdue: row.nextDeadlineAt != null && row.nextDeadlineAt < now,
  };
}


/**
 * The next action by the procedure (the same the case page shows), and the
 * step of the most urgent deadline when that is another one.
 */
function nextStepLabel(row: ListedCase, t: Translate): { nextStepLabel?: string; deadlineLabel?: string } {
  const stepLabel = (step: string) => ((STEP_LABELS as Record<string, string>)[step] ? t(`step_${step.replace(/-/g, '_')}` as MessageKey) : step);
  return {
    ...(row.nextStep ? { nextStepLabel: stepLabel(row.nextStep) } : {}),
    ...(row.nextDeadlineStep && row.nextDeadlineStep !== row.nextStep ? { deadlineLabel: stepLabel(row.nextDeadlineStep) } : {}),
  };
}

/**
 * A hub case (`GET /v1/cases`) as the console lists it: the same row as the
 * same case imported locally, plus whether the hub holds an open conflict on it.
 */
export function hubCaseItem(row: HubCase, now: number, t: Translate): CaseListItem {
  const department = row.department ?? row.claimed_by;
  return {
    ...toItem(
      {
        caseId: row.case_id,
        title: row.title,
        site: row.site,
        status: row.status,
        ...(row.tier ? { tier: row.tier as TierId } : {}),
        ...(department ? { department } : {}),
        ...(row.author ? { author: row.author } : {}),
        nextStep: row.next_step ?? null,
        nextDeadlineAt: row.next_deadline_at ?? null,
        nextDeadlineStep: row.next_deadline_step ?? null,
        provisional: row.provisional ?? false,
      },
      now,
      t,
    ),
    conflict: row.conflict,
  };
}
