/**
 * Conflicts of a merged log: cases whose combined history the state machine
 * cannot replay whole. The commonest is two departments claiming the same
 * case offline (competing claims, 争抢认领), which the office settles by
 * assigning it (指定认领); others come from officers acting on the same case
 * at the same time (a response recorded after another officer closed it).
 * Every event stays in the log; the conflict only names what to look at.
 * The office's `assigned` event settles competing claims made before it
 * (lib/cases `openConflicts`): the case then leaves the conflicts.
 */
import { groupByCase, openConflicts, replayWithReport, type CaseEvent, type ReplayReport } from '../cases';
import { isCompetingClaim } from './parse';

/** One event the merged history could not place. */
export interface ConflictingEvent {
  eventId: string;
  type: CaseEvent['type'];
  department: string;
  officer: string;
  at: number;
  /** Stable code of the state machine (`already-claimed`, `case-closed`…). */
  code: string;
  message: string;
}

/** A case in conflict. */
export interface CaseConflict {
  caseId: string;
  /** Departments claiming the case, in claim order (≥ 2 for competing claims). */
  claimants: string[];
  /** True when two or more departments claimed: the office must assign (指定认领). */
  competingClaims: boolean;
  events: ConflictingEvent[];
}

/** The conflict of one case's events, or undefined when its history replays whole (or the office settled it). */
export function conflictOfCase(caseId: string, events: readonly CaseEvent[]): CaseConflict | undefined {
  return conflictOfReport(caseId, replayWithReport(events));
}

/**
 * {@link conflictOfCase} from a replay already made (the import replays each
 * touched case once for its projection and its conflict). Competing claims
 * settled by a later assignment (指定认领) are no conflict any more.
 */
export function conflictOfReport(caseId: string, report: ReplayReport): CaseConflict | undefined {
  const real = openConflicts(report);
  if (real.length === 0) return undefined;
  const claimants: string[] = [];
  const first = report.state?.claimedBy;
  if (first !== undefined) claimants.push(first);
  let competing = false;
  for (const { event, error } of real) {
    if (!isCompetingClaim(event, error.code) || (event.type !== 'claimed' && event.type !== 'assigned')) continue;
    const department = event.payload.department;
    if (!claimants.includes(department)) {
      claimants.push(department);
      competing = true;
    }
  }
  return {
    caseId,
    claimants,
    competingClaims: competing,
    events: real.map(({ event, error }) => ({
      eventId: event.id,
      type: event.type,
      department: event.actor.department,
      officer: event.actor.officer,
      at: event.at,
      code: error.code,
      message: error.message,
    })),
  };
}

/** Every case in conflict in a log (any order), by case id. */
export function caseConflicts(events: Iterable<CaseEvent>): Map<string, CaseConflict> {
  const conflicts = new Map<string, CaseConflict>();
  for (const [caseId, log] of groupByCase(events)) {
    const conflict = conflictOfCase(caseId, log);
    if (conflict) conflicts.set(caseId, conflict);
  }
  return conflicts;
}
