/**
 * Merged cases (合并) across the whole log.
 *
 * A `merged` event lives in the log of the case that is absorbed, so each
 * case still replays on its own; this module then joins cases into one 舆情
 * per merge group. Everything is computed from the set of states, never from
 * arrival order, so every officer's log and the office's merge give the same
 * groups: a chain (A→B, B→C) ends at its last case, a cycle made by two
 * officers merging opposite ways at once is broken at its latest merge
 * (then the larger case id), and a merge into a case this log does not hold
 * leaves the case standing on its own until that case arrives.
 */
import { groupByCase, replayWithReport } from './replay';
import type { CaseEvent } from './events';
import type { CaseState, EvidenceItem, RecheckRecord } from './state';

/** The 舆情 a merge group forms: the surviving case with every member's evidence, sources and re-checks. */
export interface CaseGroup {
  /** The surviving case, combined (its `caseId` is the group's). */
  state: CaseState;
  /** Ids of the cases merged into it (directly or through a chain), sorted. */
  mergedFrom: string[];
}

/** Which surviving case each case counts under (a case that was never merged maps to itself). */
export function mergeRoots(states: ReadonlyMap<string, CaseState>): Map<string, string> {
  // Edges that close a cycle are dropped, latest merge first, so the result does not depend on order.
  const dropped = new Set<string>();
  const target = (id: string): string | undefined => {
    const into = states.get(id)?.mergedInto;
    return into !== undefined && !dropped.has(id) && states.has(into) ? into : undefined;
  };
  const roots = new Map<string, string>();
  for (const id of [...states.keys()].sort()) {
    const path: string[] = [];
    let current = id;
    for (;;) {
      const known = roots.get(current);
      if (known !== undefined) {
        current = known;
        break;
      }
      const cycleStart = path.indexOf(current);
      if (cycleStart >= 0) {
        const cycle = path.slice(cycleStart);
        const breakAt = latestMerge(cycle, states);
        dropped.add(breakAt);
        path.length = 0;
        current = id;
        continue;
      }
      path.push(current);
      const next = target(current);
      if (next === undefined) break;
      current = next;
    }
    for (const member of path) roots.set(member, current);
  }
  return roots;
}

function latestMerge(cycle: readonly string[], states: ReadonlyMap<string, CaseState>): string {
  return [...cycle].sort((a, b) => {
    const at = (states.get(b)?.mergedAt ?? 0) - (states.get(a)?.mergedAt ?? 0);
    return at !== 0 ? at : a < b ? 1 : a > b ? -1 : 0;
  })[0]!;
}

const byEvidenceOrder = (a: EvidenceItem, b: EvidenceItem) =>
  a.at - b.at || (a.evidenceId < b.evidenceId ? -1 : a.evidenceId > b.evidenceId ? 1 : a.digest < b.digest ? -1 : a.digest > b.digest ? 1 : 0);
const byRecheckOrder = (a: RecheckRecord, b: RecheckRecord) =>
  a.at - b.at || (a.evidenceId < b.evidenceId ? -1 : a.evidenceId > b.evidenceId ? 1 : 0);

/** The survivor `root` with the evidence, sources and re-checks of `members` added (pure). */
export function combineGroup(root: CaseState, members: readonly CaseState[]): CaseGroup {
  const evidence = new Map<string, EvidenceItem>();
  for (const item of [root, ...members].flatMap((s) => s.evidence)) evidence.set(`${item.evidenceId}\n${item.digest}`, item);
  const items = [...evidence.values()].sort(byEvidenceOrder);
  const rechecks = [root, ...members].flatMap((s) => s.rechecks).sort(byRecheckOrder);
  const sources = [...new Set([...root.sources, ...members.flatMap((s) => s.sources)])];
  const { mergedInto: _into, mergedAt: _at, ...rest } = root;
  return {
    state: { ...rest, evidence: items, rechecks, sources },
    mergedFrom: members.map((s) => s.caseId).sort(),
  };
}

/** Every surviving case of a set of states, combined with what was merged into it. */
export function groupCases(states: ReadonlyMap<string, CaseState>): Map<string, CaseGroup> {
  const roots = mergeRoots(states);
  const members = new Map<string, CaseState[]>();
  for (const [id, root] of roots) {
    if (id === root) continue;
    const list = members.get(root);
    const state = states.get(id)!;
    if (list) list.push(state);
    else members.set(root, [state]);
  }
  const groups = new Map<string, CaseGroup>();
  for (const [id, root] of roots) {
    if (id !== root) continue;
    groups.set(id, combineGroup(states.get(id)!, members.get(id) ?? []));
  }
  return groups;
}

/** The result of {@link replayAll}. */
export interface ReplayAllReport {
  /** Each case replayed on its own, by id. */
  states: Map<string, CaseState>;
  /** One entry per 舆情 (merge groups joined), by surviving case id. */
  groups: Map<string, CaseGroup>;
  /** Events replay skipped, over all cases. */
  rejected: number;
  /** Events replay skipped, by case id (only cases with some). */
  rejectedByCase: Map<string, number>;
}

/** Replays a whole merged log (any order) into cases and 舆情. Pure and deterministic. */
export function replayAll(events: readonly CaseEvent[]): ReplayAllReport {
  const states = new Map<string, CaseState>();
  const rejectedByCase = new Map<string, number>();
  let rejected = 0;
  for (const [caseId, log] of groupByCase(events)) {
    const report = replayWithReport(log);
    rejected += report.rejected.length;
    if (report.rejected.length > 0) rejectedByCase.set(caseId, report.rejected.length);
    if (report.state) states.set(caseId, report.state);
  }
  return { states, groups: groupCases(states), rejected, rejectedByCase };
}
