/**
 * The half of an import that needs no database: reading and checking a
 * sync file (lib/hub/read-sync-file.ts: the same zod schemas and digest as
 * lib/sync), and making what the usual file (every case new to the hub)
 * stores: its events' rows in COPY's text format (body and content digest
 * made once) and its cases' projection as if none was stored before.
 *
 * Pure and synchronous, and its answer is plain data (strings, arrays,
 * events), so it can run in a worker thread (lib/hub/preparer.ts) while the
 * database stores the file before: lib/hub/import.ts then only checks that
 * the file's cases are indeed new (one probe in its transaction) and sends
 * the prepared rows. A file touching stored cases is read again there and
 * stored the careful way; nothing prepared here is trusted beyond "the
 * cases are new".
 */
import { groupByCase, type CaseEvent } from '../cases';
import type { PolicyProfile } from '../policy/schema';
import { sha256Hex } from './canonical';
import { copyField } from './db';
import type { SyncFileProblem } from './interim-sync-file';
import { caseRowsCopyText, deadlineRowsCopyText, projectHistories, type ProjectionOutcome } from './projection';
import { readHubSyncFile, type HubSyncFile } from './read-sync-file';

/** A checked file, ready for its transaction (see the module comment). Plain data: it crosses threads. */
export interface PreparedSyncFile {
  /** SHA-256 of the text as received (the ledger's replay key). */
  rawDigest: string;
  /** The file's own digest over its canonical content. */
  digest: string;
  exporters: HubSyncFile['exporters'];
  evidence: HubSyncFile['evidence'];
  eventCount: number;
  /** The file's cases, each once, in the order of their first event. */
  caseIds: string[];
  /**
   * When no event id repeats in the file: its events' rows and its cases'
   * projection as if none of them was stored before. Absent for a file that
   * repeats an id (a merged file), which is always stored the careful way.
   */
  asNew?: {
    /**
     * Each event's COPY text-format line for {@link EVENT_COPY_COLUMNS}
     * without its last field (the ledger id, known only in the transaction),
     * tab-ended; in chunks of {@link EVENT_LINES_PER_CHUNK}.
     */
    eventLines: string[][];
    /** COPY text of the cases' rows and of their deadlines (projection.ts CASES_COPY, DEADLINES_COPY). */
    cases: string[];
    deadlines: string[];
    /** What the replay of the file's cases found (see ProjectionOutcome), as arrays. */
    refusedEventIds: string[];
    competingClaims: CaseEvent[];
    settledClaims: ProjectionOutcome['settledClaims'];
  };
}

/** The answer of {@link prepareSyncFile}: the prepared file, or every problem with its JSON path. */
export type PrepareResult = { ok: true; file: PreparedSyncFile } | { ok: false; errors: SyncFileProblem[] };

/** The `events` columns of the rows {@link eventCopyLine} writes, the ledger id last. */
export const EVENT_COPY_COLUMNS = 'id, case_id, type, at, officer, department, content_digest, body, import_id';

/** Rows per chunk of COPY text: the server works on one chunk while the next is written. */
export const EVENT_LINES_PER_CHUNK = 500;

/**
 * One event's COPY text-format line for {@link EVENT_COPY_COLUMNS} without
 * the ledger id: ends with the tab before it. `body` is the stored JSON
 * (see eventBody) and `digest` its SHA-256.
 */
export function eventCopyLine(event: CaseEvent, digest: string, body: string): string {
  return (
    `${copyField(event.id)}\t${copyField(event.caseId)}\t${copyField(event.type)}\t${String(event.at)}\t` +
    `${copyField(event.actor.officer)}\t${copyField(event.actor.department)}\t${digest}\t${copyField(body)}\t`
  );
}

/**
 * The JSON the hub stores for an event and digests as its content: the
 * parsed event's JSON, canonical in the sense that zod builds it in the
 * schema's key order whatever order the exporter wrote.
 */
export function eventBody(event: CaseEvent): string {
  return JSON.stringify(event);
}

/**
 * Reads, checks and prepares a file's text (see the module comment). Never
 * throws for a bad file; `rawDigest` is passed when the caller has it already.
 */
export function prepareSyncFile(text: string, policy: PolicyProfile, rawDigest = sha256Hex(text)): PrepareResult {
  const parsed = readHubSyncFile(text);
  if (!parsed.ok) return parsed;
  const file = parsed.value;
  const events = file.events;
  const caseIds = [...new Set(events.map((e) => e.caseId))];
  const prepared: PreparedSyncFile = {
    rawDigest,
    digest: file.digest,
    exporters: file.exporters,
    evidence: file.evidence,
    eventCount: events.length,
    caseIds,
  };
  if (new Set(events.map((e) => e.id)).size === events.length) {
    const eventLines: string[][] = [];
    for (let i = 0; i < events.length; i += EVENT_LINES_PER_CHUNK) {
      const chunk: string[] = [];
      for (let j = i; j < Math.min(events.length, i + EVENT_LINES_PER_CHUNK); j++) {
        const body = eventBody(events[j]!);
        chunk.push(eventCopyLine(events[j]!, sha256Hex(body), body));
      }
      eventLines.push(chunk);
    }
    const outcome: ProjectionOutcome = { refusedEventIds: new Set(), competingClaims: [], settledClaims: [] };
    const { caseRows, deadlineRows } = projectHistories(groupByCase(events), policy, outcome);
    prepared.asNew = {
      eventLines,
      cases: caseRowsCopyText(caseRows),
      deadlines: deadlineRowsCopyText(deadlineRows),
      refusedEventIds: [...outcome.refusedEventIds],
      competingClaims: outcome.competingClaims,
      settledClaims: outcome.settledClaims,
    };
  }
  return { ok: true, file: prepared };
}

/** A chunk of {@link PreparedSyncFile}'s event lines as COPY text, each row given the ledger id. */
export function eventChunkText(lines: readonly string[], importId: number): string {
  const end = `${String(importId)}\n`;
  return lines.join(end) + end;
}
