/**
 * Merging sync files (CONTRACT.md `mergeSyncFiles`): the union of their
 * events keyed by id and of their evidence keyed by case and digest, in a
 * canonical order, so the result is the same for any order of the files
 * and merging a file twice (or a merge with one of its parts) adds nothing.
 *
 * The same case from two officers meets in one case (events carry the case
 * id, derived from the post). Competing claims are both kept: they are
 * events with different ids; `caseConflicts` names the cases for the office
 * to assign (指定认领).
 */
import { compareEvents, type CaseEvent } from '../cases';
import { canonicalJson } from '../extract/digest';
import { withDigest } from './digest';
import { evidenceIdOf, SYNC_FORMAT_VERSION, SYNC_KIND, type SyncEvidence, type SyncFile } from './schema';

/**
 * One of two records stored under the same key: a deterministic choice
 * (smaller canonical JSON text) so the merge never depends on arrival order.
 * Two different events under one id only come from a forged or damaged
 * file; import reports that case (see import), merge stays total.
 */
function pick<T>(a: T, b: T): T {
  if (a === b) return a;
  const ja = canonicalJson(a);
  const jb = canonicalJson(b);
  return ja <= jb ? a : b;
}

/** Evidence with a screenshot beats the same evidence without; otherwise {@link pick}. */
function pickEvidence(a: SyncEvidence, b: SyncEvidence): SyncEvidence {
  if ((a.screenshot === undefined) !== (b.screenshot === undefined)) return a.screenshot !== undefined ? a : b;
  return pick(a, b);
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The union of events by id, in the canonical (at, id) order. */
export function mergeEvents(logs: Iterable<readonly CaseEvent[]>): CaseEvent[] {
  const byId = new Map<string, CaseEvent>();
  for (const log of logs) {
    for (const event of log) {
      const held = byId.get(event.id);
      byId.set(event.id, held ? pick(held, event) : event);
    }
  }
  return [...byId.values()].sort(compareEvents);
}

/**
 * Merges sync files into one (exporters, profiles and evidence united,
 * range widened, `exportedAt` the latest, digest recomputed).
 * Order-independent and idempotent. Throws on an empty list (a sync file
 * names at least one exporter).
 */
export function mergeSyncFiles(files: readonly SyncFile[]): SyncFile {
  if (files.length === 0) throw new Error('mergeSyncFiles: nothing to merge');
  const exporters = new Map<string, SyncFile['exporters'][number]>();
  const profiles = new Map<string, SyncFile['profiles'][number]>();
  const evidence = new Map<string, SyncEvidence>();
  let since: number | null | undefined;
  let until = -Infinity;
  let exportedAt = -Infinity;
  for (const file of files) {
    for (const actor of file.exporters) exporters.set(`${actor.department}\u0000${actor.officer}`, actor);
    for (const profile of file.profiles) profiles.set(`${profile.id}\u0000${profile.version}`, profile);
    for (const item of file.evidence) {
      const id = evidenceIdOf(item);
      const held = evidence.get(id);
      evidence.set(id, held ? pickEvidence(held, item) : item);
    }
    since = since === null || file.range.since === null ? null : Math.min(since ?? Infinity, file.range.since);
    until = Math.max(until, file.range.until);
    exportedAt = Math.max(exportedAt, file.exportedAt);
  }
  return withDigest({
    formatVersion: SYNC_FORMAT_VERSION,
    kind: SYNC_KIND,
    exportedAt,
    exporters: [...exporters.entries()].sort(([a], [b]) => compareText(a, b)).map(([, actor]) => actor),
    profiles: [...profiles.entries()].sort(([a], [b]) => compareText(a, b)).map(([, profile]) => profile),
    range: { since: since ?? null, until },
    events: mergeEvents(files.map((f) => f.events)),
    evidence: [...evidence.entries()].sort(([a], [b]) => compareText(a, b)).map(([, item]) => item),
  });
}
