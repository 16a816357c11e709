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
import { groupByCase, type CaseEvent, type ReplayReport } from '../cases';
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
     * Its events' rows as COPY text in UTF-8 ({@link EVENT_COPY_COLUMNS}),
     * each row's last field — the ledger id, known only in the transaction —
     * written as {@link LEDGER_ID_WIDTH} zeros for {@link fillLedgerId} to
     * overwrite. Bytes, so a worker thread hands them over without a copy
     * and the import's thread only sends them.
     */
    events: Uint8Array<ArrayBuffer>;
    /** COPY text (UTF-8) of the cases' rows and of their deadlines (projection.ts CASES_COPY, DEADLINES_COPY). */
    cases: Uint8Array<ArrayBuffer>;
    deadlines: Uint8Array<ArrayBuffer>;
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
 * Digits of the ledger id in a prepared event row: as many as int8's
 * largest value (9223372036854775807) has, zero-padded (PostgreSQL reads
 * `0000000000000000042` as 42), so the id is written in place, never by
 * rebuilding the text.
 */
export const LEDGER_ID_WIDTH = 19;
const LEDGER_ID_PLACEHOLDER = `${'0'.repeat(LEDGER_ID_WIDTH)}\n`;
const NEWLINE = 0x0a;
const ZERO = 0x30;

/**
 * One event's COPY text-format line for {@link EVENT_COPY_COLUMNS} without
 * the ledger id: ends with the tab before it. `body` is the stored JSON
 * (see eventBody) and `digest` its SHA-256.
 */
export function eventCopyLine(event: CaseEvent, digest: string, body: string): string {
  return `${eventCopyHead(event)}${digest}\t${copyField(body)}\t`;
}

/** The fields of an event's line before its digest (id … department), each followed by its tab. */
function eventCopyHead(event: CaseEvent): string {
  return eventCopyKey(event) + actorCopyFields(event.actor);
}

/** The fields id, case, type and time of an event's line, each followed by its tab. */
function eventCopyKey(event: CaseEvent): string {
  return `${copyField(event.id)}\t${copyField(event.caseId)}\t${copyField(event.type)}\t${String(event.at)}\t`;
}

/** The officer and department fields of an event's line, each followed by its tab. */
function actorCopyFields(actor: CaseEvent['actor']): string {
  return `${copyField(actor.officer)}\t${copyField(actor.department)}\t`;
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
  // The history check replays each case of an officer's own export: the projection below takes those replays.
  const replayed = new Map<string, ReplayReport>();
  const parsed = readHubSyncFile(text, { onReplay: (caseId, report) => replayed.set(caseId, report) });
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
    const outcome: ProjectionOutcome = { refusedEventIds: new Set(), competingClaims: [], settledClaims: [] };
    const { caseRows, deadlineRows } = projectHistories(groupByCase(events), policy, outcome, replayed);
    prepared.asNew = {
      events: eventRowsBytes(events),
      cases: utf8(caseRowsCopyText(caseRows).join('')),
      deadlines: utf8(deadlineRowsCopyText(deadlineRows).join('')),
      refusedEventIds: [...outcome.refusedEventIds],
      competingClaims: outcome.competingClaims,
      settledClaims: outcome.settledClaims,
    };
  }
  return { ok: true, file: prepared };
}

/**
 * Events' rows as COPY text in UTF-8 ({@link EVENT_COPY_COLUMNS}, each row
 * ending with the {@link LEDGER_ID_WIDTH} zeros {@link fillLedgerId}
 * overwrites), the same bytes as the UTF-8 of their {@link eventCopyLine}s,
 * written straight into one buffer: no string per row, no joined text to
 * encode afterwards. The bodies come from one JSON.stringify of the whole
 * array, encoded once (see {@link eventBodiesUtf8}); a body with no
 * backslash is stored as its own UTF-8 bytes (COPY escapes nothing else in
 * JSON, which has no raw tab or newline), so its content digest is taken
 * over those bytes in place (the same SHA-256 as of the body's text).
 */
export function eventRowsBytes(events: readonly CaseEvent[]): Uint8Array<ArrayBuffer> {
  const bodies = eventBodiesUtf8(events);
  const out = new ByteWriter(4096 + bodies.json.length + 160 * events.length);
  // One search for a backslash in all the bodies: usually none, and then none needs escaping.
  const backslashes = bodies.json.indexOf(BACKSLASH) !== -1;
  // An officer's file is one actor's events: their fields are written as UTF-8 once and copied after.
  let actor: CaseEvent['actor'] | undefined;
  let actorBytes = Buffer.alloc(0);
  for (let i = 0; i < events.length; i++) {
    const event = events[i]!;
    // The short fields as one string: one write instead of one per field.
    out.text(eventCopyKey(event));
    if (actor?.officer !== event.actor.officer || actor.department !== event.actor.department) {
      actor = event.actor;
      actorBytes = Buffer.from(actorCopyFields(actor));
    }
    out.copy(actorBytes, 0, actorBytes.length);
    const digestAt = out.reserve(DIGEST_HEX_LENGTH);
    out.byte(TAB);
    const start = bodies.starts[i]!;
    const end = bodies.starts[i + 1]! - 1;
    if (backslashes && bodies.json.indexOf(BACKSLASH, start) < end) {
      const body = bodies.json.toString('utf8', start, end);
      out.latin1(sha256Hex(body), digestAt);
      out.text(copyField(body));
    } else {
      const bodyAt = out.length;
      out.copy(bodies.json, start, end);
      out.latin1(sha256Hex(out.bytes(bodyAt)), digestAt);
    }
    out.byte(TAB);
    out.latin1(LEDGER_ID_PLACEHOLDER);
  }
  return out.bytes(0);
}

/**
 * Every event's body ({@link eventBody}) as UTF-8 in one buffer, event `i`'s
 * bytes from `starts[i]` to `starts[i + 1] - 1`: JSON.stringify of the
 * array writes each element exactly as JSON.stringify of that element, one
 * call instead of one per event. Each element's text starts with `{"id":`
 * (the schema's first key, always present), so the elements after the first
 * start after `,{"id":`; that text can stand elsewhere only inside an array
 * of objects in a payload (in a string its quotes would be escaped), so when
 * more are found than there are events, the bodies are written one by one.
 */
export function eventBodiesUtf8(events: readonly CaseEvent[]): { json: Buffer; starts: number[] } {
  const json = Buffer.from(JSON.stringify(events));
  // Element i's first byte; one more entry: one past the array's closing bracket's position, as for a next element.
  const starts: number[] = [1];
  for (let at = json.indexOf(NEXT_EVENT, 1); at !== -1 && starts.length <= events.length; at = json.indexOf(NEXT_EVENT, at + 1)) starts.push(at + 1);
  if (starts.length === events.length) {
    starts.push(json.length);
    return { json, starts };
  }
  const texts = events.map(eventBody);
  const parts = [Buffer.from('[')];
  const each: number[] = [];
  let length = 1;
  for (const text of texts) {
    const bytes = Buffer.from(text);
    each.push(length);
    parts.push(bytes, COMMA);
    length += bytes.length + 1;
  }
  each.push(length);
  return { json: Buffer.concat(parts), starts: each };
}

const NEXT_EVENT = Buffer.from(',{"id":');
const COMMA = Buffer.from(',');
const BACKSLASH = 0x5c;
const TAB = 0x09;
const DIGEST_HEX_LENGTH = 64;

/** A growing UTF-8 byte buffer whose bytes are handed over as they are (no copy to an exact size). */
class ByteWriter {
  private buffer: Buffer;
  length = 0;

  constructor(capacity: number) {
    this.buffer = Buffer.allocUnsafeSlow(capacity);
  }

  /** Appends `text` as UTF-8 (at most 3 bytes per UTF-16 code unit). */
  text(text: string): void {
    this.ensure(3 * text.length);
    this.length += this.buffer.write(text, this.length, 'utf8');
  }

  /** Writes `text` of Latin-1 characters (ASCII here: digits, hex) one byte each, appended or at `at`. */
  latin1(text: string, at?: number): void {
    if (at !== undefined) {
      this.buffer.write(text, at, 'latin1');
      return;
    }
    this.ensure(text.length);
    this.length += this.buffer.write(text, this.length, 'latin1');
  }

  /** Appends `source`'s bytes from `start` to `end`. */
  copy(source: Uint8Array, start: number, end: number): void {
    this.ensure(end - start);
    this.buffer.set(source.subarray(start, end), this.length);
    this.length += end - start;
  }

  byte(value: number): void {
    this.ensure(1);
    this.buffer[this.length++] = value;
  }

  /** Skips `count` bytes to be written later (see latin1's `at`); returns where they start. */
  reserve(count: number): number {
    this.ensure(count);
    const at = this.length;
    this.length += count;
    return at;
  }

  /** The bytes written from `start`, without a copy. */
  bytes(start: number): Uint8Array<ArrayBuffer> {
    return new Uint8Array(this.buffer.buffer as ArrayBuffer, this.buffer.byteOffset + start, this.length - start);
  }

  private ensure(more: number): void {
    if (this.length + more <= this.buffer.length) return;
    const grown = Buffer.allocUnsafeSlow(Math.max(2 * this.buffer.length, this.length + more));
    this.buffer.copy(grown, 0, 0, this.length);
    this.buffer = grown;
  }
}

/** Event lines ({@link eventCopyLine}) as COPY text, each row given the ledger id. */
export function eventChunkText(lines: readonly string[], importId: number): string {
  const end = `${String(importId)}\n`;
  return lines.join(end) + end;
}

const encoder = new TextEncoder();

/** UTF-8 bytes in a buffer of their own (transferable to another thread). */
function utf8(text: string): Uint8Array<ArrayBuffer> {
  return encoder.encode(text);
}

/**
 * Writes `importId` into every row of prepared event rows
 * ({@link PreparedSyncFile}'s `asNew.events`), in place: the
 * {@link LEDGER_ID_WIDTH} digits before each row's newline (COPY's text
 * format escapes every newline inside a field, so each raw one ends a row).
 * Returns the same bytes. Throws for an id that is not a positive safe integer.
 */
export function fillLedgerId(rows: Uint8Array<ArrayBuffer>, importId: number): Uint8Array<ArrayBuffer> {
  if (!Number.isSafeInteger(importId) || importId < 1) throw new Error(`not a ledger id: ${String(importId)}`);
  const digits = new Uint8Array(LEDGER_ID_WIDTH).fill(ZERO);
  const text = String(importId);
  for (let i = 0; i < text.length; i++) digits[LEDGER_ID_WIDTH - text.length + i] = text.charCodeAt(i);
  for (let end = rows.indexOf(NEWLINE); end !== -1; end = rows.indexOf(NEWLINE, end + 1)) rows.set(digits, end - LEDGER_ID_WIDTH);
  return rows;
}
