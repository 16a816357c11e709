// @vitest-environment jsdom
/**
 * Walks a case through its procedure: at each checkpoint the log so far
 * (events up to `now`) is replayed and its deadlines summarised in one line
 * each, so the tables read like the documents.
 */
import { deadlinesOf, replay, type CaseEvent, type Deadline, type DeadlineOptions } from '../../../lib/cases';
import type { PolicyProfile } from '../../../lib/policy';
import { china } from './helpers';

/** One line per deadline: rule, status, limit (China time), target, overdue minutes. */
export function summarise(deadline: Deadline): string {
  const parts = [deadline.ruleId, deadline.status, `limit ${china(deadline.limit).slice(0, 16)}`];
  if (deadline.target !== undefined) parts.push(`target ${china(deadline.target).slice(0, 16)}`);
  if (deadline.overdueByMs !== undefined) parts.push(`late ${Math.round(deadline.overdueByMs / 60_000)}min`);
  if (deadline.targetMissed) parts.push('target missed');
  if (deadline.extended) parts.push('extended');
  if (deadline.provisional) parts.push('provisional');
  return parts.join(' | ');
}

/** The deadlines of the case as it stood at `now`. */
export function deadlinesAt(events: CaseEvent[], profile: PolicyProfile, now: number, options?: DeadlineOptions): string[] {
  return deadlinesOf(replay(events.filter((e) => e.at <= now)), profile, now, options).map(summarise);
}
