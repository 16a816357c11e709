/**
 * Building a sync file from an officer's log: the pure half of the desk's
 * export (the database half is in export.ts), also used by the benchmarks and
 * tests to make files exactly as the extension does.
 */
import { chinaDayOf } from '../calendar/china-date';
import { compareEvents, type Actor, type CaseEvent } from '../cases';
import { withDigest } from './digest';
import {
  evidenceIdOf,
  SYNC_FORMAT_VERSION,
  SYNC_KIND,
  type SyncEvidence,
  type SyncFile,
  type SyncProfileRef,
} from './schema';

/** What an export is made of. */
export interface SyncFileInput {
  exporter: Actor;
  profile: SyncProfileRef;
  /** Epoch ms of the export. */
  exportedAt: number;
  /** Lower `storedAt` bound of an export since the last one (null: everything). */
  since: number | null;
  /** The events (any order; duplicates by id are dropped). */
  events: readonly CaseEvent[];
  evidence: readonly SyncEvidence[];
}

/** A sync file with its content in canonical order and its digest. */
export function buildSyncFile(input: SyncFileInput): SyncFile {
  const events = [...new Map(input.events.map((e) => [e.id, e])).values()].sort(compareEvents);
  const evidence = [...new Map(input.evidence.map((e) => [evidenceIdOf(e), e])).entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([, item]) => item);
  return withDigest({
    formatVersion: SYNC_FORMAT_VERSION,
    kind: SYNC_KIND,
    exportedAt: input.exportedAt,
    exporters: [input.exporter],
    profiles: [input.profile],
    range: { since: input.since, until: input.exportedAt },
    events,
    evidence,
  });
}

/** The download name of an export: `舆情同步-<department>-<YYYY-MM-DD China date>.json`. */
export function syncFileName(department: string, exportedAt: number, encrypted: boolean): string {
  const day = chinaDayOf(exportedAt);
  const safe = department.replace(/[\\/:*?"<>|\s]+/g, '_') || '未填部门';
  return `舆情同步-${safe}-${day}${encrypted ? '.enc' : ''}.json`;
}
