/**
 * When an open case's sources are re-checked on their own (跟踪): more often
 * for graver cases. The city procedures ask for continuous tracking of major
 * 舆情 and a follow-up of the others; this extension reads that as hourly for
 * 重大 and above and daily otherwise (the rule), until the profile
 * editor (a later issue) lets an office set its own.
 */
import type { TierId } from '../cases/events';

/** Re-check interval (ms) per tier; an unassessed case counts as 一般. */
export const RECHECK_INTERVAL_MS: Readonly<Record<TierId, number>> = {
  'especially-major': 3_600_000,
  major: 3_600_000,
  larger: 86_400_000,
  general: 86_400_000,
};

/** What the schedule needs of a case row. */
export interface ScheduledCase {
  caseId: string;
  status: string;
  tier?: TierId;
  capturedAt: number;
  lastEventAt: number;
  mergedInto?: string;
  lastRecheck?: { at: number };
}

/** How long a closed case is still followed (ms): a flare-up in this time offers 重新打开. */
export const FOLLOW_AFTER_CLOSE_MS = 30 * 86_400_000;

/**
 * The cases due for a re-check at `now` (epoch ms), most overdue first:
 * not merged, open or closed less than {@link FOLLOW_AFTER_CLOSE_MS} ago
 * (so a flare-up after 办结 is seen), and last checked (or captured) at
 * least one interval ago.
 */
export function dueForRecheck(rows: readonly ScheduledCase[], now: number): string[] {
  return rows
    .filter((row) => row.mergedInto === undefined && (row.status !== 'closed' || now - row.lastEventAt < FOLLOW_AFTER_CLOSE_MS))
    .map((row) => ({ caseId: row.caseId, dueAt: (row.lastRecheck?.at ?? row.capturedAt) + RECHECK_INTERVAL_MS[row.tier ?? 'general'] }))
    .filter((row) => row.dueAt <= now)
    .sort((a, b) => a.dueAt - b.dueAt || (a.caseId < b.caseId ? -1 : 1))
    .map((row) => row.caseId);
}
