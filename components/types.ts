/**
 * The shapes components render. They are view models, not database rows:
 * entrypoints map stored data onto them, so components never depend on how
 * or where the log is stored.
 */

/** One row of the inbox. */
export interface CaseListItem {
  caseId: string;
  title: string;
  site: string;
  status: string;
  tier?: string;
  department?: string;
  author?: string;
  nextDeadlineAt?: number | null;
  /** The next step, whether or not a deadline applies to it. */
  nextStepLabel?: string;
  /** The step `nextDeadlineAt` belongs to, when it is not the next step. */
  deadlineLabel?: string;
  /** `nextDeadlineAt` runs past the official calendar data: shown as 暂定. */
  provisional?: boolean;
  overdue: boolean;
  /** The merged log holds a conflict (competing claims…): the office must assign (指定认领). */
  conflict?: boolean;
}
