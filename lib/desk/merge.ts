/**
 * One-click merge of two cases that are the same 舆情 (合并). The case
 * captured later is absorbed into the one captured first, so the survivor
 * keeps the earlier clocks (the claim deadline ran from the first sighting).
 */
import type { Actor, CaseEventInput } from '../cases';

/** The two cases to merge: their ids and capture times (epoch ms). */
export interface MergeCandidate {
  caseId: string;
  capturedAt: number;
}

/**
 * The `merged` event joining `a` and `b`: recorded on the one captured
 * later (ties: the larger id), `into` the other. Pure; throws RangeError
 * when both are the same case.
 */
export function mergeEventOf(a: MergeCandidate, b: MergeCandidate, actor: Actor, at: number, id: string): CaseEventInput {
  if (a.caseId === b.caseId) throw new RangeError('cannot merge a case with itself');
  const [survivor, absorbed] = a.capturedAt < b.capturedAt || (a.capturedAt === b.capturedAt && a.caseId < b.caseId) ? [a, b] : [b, a];
  return { id, caseId: absorbed.caseId, at, actor, type: 'merged', payload: { into: survivor.caseId } };
}
