/**
 * The office's import of sync files (the database half).
 *
 * One file, one transaction: the file is parsed and checked first
 * (parseSyncFile), then, inside the transaction, against what is stored —
 * an event id already stored with a different content is a forged or
 * damaged file. Any problem and nothing is written; the answer lists every
 * problem with its JSON path. A valid file adds its new events (duplicates by
 * id are skipped, so the same file twice changes nothing), its missing
 * evidence, and rebuilds the projection of each touched case from its whole
 * merged log (validation once per event, replay once per touched case).
 *
 * Events of several officers that the state machine cannot replay in one
 * history — above all two departments' claims — are kept: the log is the
 * truth, and the case is reported as a conflict for the office to assign
 * (指定认领), see conflicts.ts.
 */
import { Dexie } from 'dexie';
import { groupByCase, replayWithReport, type CaseEvent } from '../cases';
import type { AppDB } from '../db/app-db';
import type { CapturedContentRow } from '../db/entities/captured-content-row';
import type { EventRow } from '../db/entities/event-row';
import type { SyncStateRow } from '../db/entities/sync-state-row';
import { toCaseEvent } from '../db/entities/event-row';
import { projectCase } from '../db/projection';
import { projectionTables, putProjectedCases } from '../db/repos/case-store';
import { loadProjectionContext } from '../db/repos/projection-context';
import { canonicalJson, sha256Hex } from '../extract/digest';
import { fromBase64 } from './base64';
import { decryptSyncText, isEncryptedSyncText } from './crypto';
import { parseSyncValueAsync } from './parse';
import { jsonPath, jsonSyntaxProblem, type SyncProblem } from './problems';
import { evidenceIdOf, type SyncEvidence, type SyncFile } from './schema';

/** What the import of one file did (or why it did nothing). */
export interface ImportSummary {
  /** The file's name as given. */
  name: string;
  ok: boolean;
  /** Officers and departments the file came from. */
  exporters: SyncFile['exporters'];
  newEvents: number;
  /** Events already stored (same id): skipped. */
  duplicates: number;
  /** Touched cases whose merged history holds a conflict (competing claims…). */
  conflicts: number;
  newEvidence: number;
  /** Cases the file mentions. */
  cases: number;
  /** Every problem, each with its JSON path; empty when ok. */
  errors: SyncProblem[];
}

/** A file to import: its name and text (plain or encrypted). */
export interface ImportInput {
  name: string;
  text: string;
}

function failed(name: string, errors: SyncProblem[], exporters: SyncFile['exporters'] = []): ImportSummary {
  return { name, ok: false, exporters, newEvents: 0, duplicates: 0, conflicts: 0, newEvidence: 0, cases: 0, errors };
}

/**
 * Reads a file's text into a validated sync file: decrypts it first when it
 * is encrypted (a missing or wrong passphrase is an error at `$.ciphertext`).
 */
export async function readSyncText(
  text: string,
  passphrase: string | undefined,
): Promise<{ ok: true; file: SyncFile } | { ok: false; errors: SyncProblem[] }> {
  let plain = text;
  if (isEncryptedSyncText(text)) {
    if (!passphrase) return { ok: false, errors: [{ path: '$.encryption', message: '文件已加密：须输入办公室口令' }] };
    const decrypted = await decryptSyncText(text, passphrase);
    if (!decrypted.ok) return decrypted;
    plain = decrypted.text;
  }
  let data: unknown;
  try {
    data = JSON.parse(plain);
  } catch (error) {
    return { ok: false, errors: [jsonSyntaxProblem(error, plain)] };
  }
  const parsed = await parseSyncValueAsync(data);
  return parsed.ok ? { ok: true, file: parsed.value } : parsed;
}

function screenshotBlob(dataUrl: string | undefined): Blob | undefined {
  if (!dataUrl) return undefined;
  const comma = dataUrl.indexOf(',');
  const type = dataUrl.slice(5, dataUrl.indexOf(';'));
  return new Blob([fromBase64(dataUrl.slice(comma + 1))], { type });
}

function evidenceRow(item: SyncEvidence): CapturedContentRow {
  const screenshot = screenshotBlob(item.screenshot);
  return {
    id: evidenceIdOf(item),
    caseId: item.caseId,
    html: item.html,
    text: item.text,
    digest: item.digest,
    url: item.url,
    capturedAt: item.capturedAt,
    ...(screenshot ? { screenshot } : {}),
  };
}

/** Thrown inside the transaction to roll it back with the problems found. */
class RefusedFile extends Error {
  constructor(readonly problems: SyncProblem[]) {
    super('refused');
  }
}

/** What the imports ledger keeps of a file: enough to answer its re-import without reading it. */
interface LedgerNote {
  name: string;
  exporters: SyncFile['exporters'];
  events: number;
  cases: number;
}

/** The ledger key of a file's exact bytes (SHA-256 of its text as given, plain or encrypted). */
function textKey(textDigest: string): string {
  return `import-text:${textDigest}`;
}

/** The ledger key of a file's canonical content (its own `digest`). */
function contentKey(digest: string): string {
  return `import:${digest}`;
}

/**
 * Imports one validated sync file in one transaction (see the top of this
 * module). `now` stamps `storedAt` and the projection's overdue flags;
 * `textDigest` (SHA-256 of the text the file was read from) is recorded in
 * the imports ledger so the same text is recognized again in one lookup.
 *
 * Cost (fake-indexeddb and Chromium alike): one `bulkGet` of the file's
 * case rows; the stored log and evidence of each case already known (a case
 * has a row as soon as it has an event), which also finds the file's known
 * events — no lookup per event or per evidence of a new case; one replay per
 * touched case, which gives both its projection and its conflict; three bulk
 * writes, issued together. In Chromium each record read or written is one
 * IndexedDB request, which is most of the cost: the events alone are 5,000
 * adds per bench file.
 *
 * `whileWriting` is called (outside the transaction) once every write is
 * issued, while IndexedDB — another process — stores them: the caller can
 * use the page's otherwise idle time, e.g. to parse the next file.
 */
export async function importSyncFile(
  db: AppDB,
  name: string,
  file: SyncFile,
  now: number,
  textDigest?: string,
  whileWriting?: () => void,
): Promise<ImportSummary> {
  const tables = [db.events, ...projectionTables(db), db.capturedContents, db.settings, db.policyProfiles, db.syncState];
  const byCase = groupByCase(file.events);
  const caseIds = [...byCase.keys()];
  try {
    return await db.transaction('rw', tables, async () => {
      const caseRows = await db.cases.bulkGet(caseIds);
      const storedLogs = new Map<string, CaseEvent[]>();
      await Promise.all(
        caseIds.map(async (caseId, i) => {
          if (!caseRows[i]) return;
          const rows = await db.events.where('[caseId+at]').between([caseId, Dexie.minKey], [caseId, Dexie.maxKey], true, true).toArray();
          storedLogs.set(caseId, rows.map(toCaseEvent));
        }),
      );
      const storedById = new Map<string, CaseEvent>();
      for (const log of storedLogs.values()) for (const event of log) storedById.set(event.id, event);

      const problems: SyncProblem[] = [];
      const fresh: CaseEvent[] = [];
      file.events.forEach((event, index) => {
        const held = storedById.get(event.id);
        if (!held) fresh.push(event);
        else if (canonicalJson(held) !== canonicalJson(event)) problems.push(changedEvent(event, index));
      });
      if (problems.length > 0) throw new RefusedFile(problems);

      const freshByCase = groupByCase(fresh);
      const context = await loadProjectionContext(db);
      let conflicts = 0;
      const projected = [...freshByCase].map(([caseId, events]) => {
        const report = replayWithReport([...(storedLogs.get(caseId) ?? []), ...events]);
        if (!report.state) {
          throw new RefusedFile([{ path: '$.events', message: `案件 ${caseId} 没有采集事件，无法建立案件` }]);
        }
        const row = projectCase(report.state, context, now, report.rejected);
        if (row.conflict) conflicts += 1;
        return row;
      });

      const newEvidence = await newEvidenceOf(db, file.evidence, storedLogs);

      const note: LedgerNote = { name, exporters: file.exporters, events: file.events.length, cases: caseIds.length };
      const ledger = [contentKey(file.digest), ...(textDigest ? [textKey(textDigest)] : [])];
      const written = Promise.all([
        fresh.length > 0 ? addEvents(db, file, fresh, now) : undefined,
        putProjectedCases(db, projected),
        newEvidence.length > 0 ? db.capturedContents.bulkAdd(newEvidence) : undefined,
        db.syncState.bulkPut(ledger.map((key) => ({ key, at: now, note: JSON.stringify(note) }))),
      ]);
      if (whileWriting) Dexie.ignoreTransaction(whileWriting);
      await written;
      return {
        name,
        ok: true,
        exporters: file.exporters,
        newEvents: fresh.length,
        duplicates: file.events.length - fresh.length,
        conflicts,
        newEvidence: newEvidence.length,
        cases: caseIds.length,
        errors: [],
      };
    });
  } catch (error) {
    if (error instanceof RefusedFile) return failed(name, error.problems, file.exporters);
    return failed(name, [{ path: '$', message: `保存失败，未做任何改动：${(error as Error).message}` }], file.exporters);
  }
}

/**
 * The file's evidence not stored yet. Only the evidence of cases already
 * known is looked up: a case gets its row in the same transaction as its
 * first events and evidence, so a new case has no stored evidence (one IndexedDB
 * request per item saved, most of a file's cases being new to the office).
 * Should one be there after all, `bulkAdd` refuses it and the file with it.
 */
async function newEvidenceOf(db: AppDB, evidence: readonly SyncEvidence[], known: ReadonlyMap<string, unknown>): Promise<CapturedContentRow[]> {
  const ofKnown = evidence.filter((item) => known.has(item.caseId));
  const stored = new Set((await db.capturedContents.bulkGet(ofKnown.map(evidenceIdOf))).flatMap((row) => (row ? [row.id] : [])));
  return evidence.filter((item) => !stored.has(evidenceIdOf(item))).map(evidenceRow);
}

function changedEvent(event: CaseEvent, index: number): SyncProblem {
  return {
    path: jsonPath(['events', index]),
    message: `事件 ${event.id} 与已导入的同编号事件内容不同：文件被改动或来源不一致`,
  };
}

/**
 * Adds the new events. An id already stored under another case (so not
 * found in the logs read) is refused by the primary key: named per event.
 */
async function addEvents(db: AppDB, file: SyncFile, fresh: CaseEvent[], now: number): Promise<void> {
  try {
    await db.events.bulkAdd(fresh.map((e) => ({ ...e, storedAt: now }) as EventRow));
  } catch (error) {
    if (!(error instanceof Dexie.BulkError)) throw error;
    const indexOf = new Map(file.events.map((e, i) => [e.id, i]));
    throw new RefusedFile(
      Object.keys(error.failuresByPos).map((pos) => {
        const event = fresh[Number(pos)]!;
        return {
          path: jsonPath(['events', indexOf.get(event.id) ?? -1, 'id']),
          message: `事件编号 ${event.id} 已用于另一案件的事件：文件被改动或来源不一致`,
        };
      }),
    );
  }
}

/** The summary of a file the ledger already holds under `key`, or undefined. */
async function fromLedger(db: AppDB, key: string, name: string): Promise<ImportSummary | undefined> {
  return summaryOfLedgerRow(await db.syncState.get(key), name);
}

/** The summary of the file a ledger row records (a re-import: all duplicates), or undefined. */
function summaryOfLedgerRow(row: SyncStateRow | undefined, name: string): ImportSummary | undefined {
  if (!row?.note?.startsWith('{')) return undefined;
  const note = JSON.parse(row.note) as LedgerNote;
  return {
    name,
    ok: true,
    exporters: note.exporters,
    newEvents: 0,
    duplicates: note.events,
    conflicts: 0,
    newEvidence: 0,
    cases: note.cases,
    errors: [],
  };
}

/**
 * Imports many files (drag and drop, a folder), one transaction each, in
 * the order given (the result does not depend on it), with a summary per
 * file. A file that fails changes nothing; the others still import.
 *
 * A file imported before is answered from the imports ledger without being
 * read: first by the SHA-256 of its exact text (one lookup, even for an
 * encrypted file: no decryption), then, once parsed, by its content digest
 * (the same content re-encrypted or re-formatted). The log is append-only,
 * so every event of such a file is a duplicate. The texts are looked up
 * for all files at once, before any import (a text given twice in one call
 * is then caught by its content digest).
 *
 * While a file's writes are stored, the next file is parsed and validated
 * (JSON, zod, digest: about a fifth of the import's time in Chromium), so
 * that work overlaps IndexedDB's instead of following it.
 */
export async function importSyncTexts(
  db: AppDB,
  inputs: readonly ImportInput[],
  { now, passphrase }: { now: number; passphrase?: string },
): Promise<ImportSummary[]> {
  const textDigests = await Promise.all(inputs.map((input) => sha256Hex(input.text)));
  const ledger = await db.syncState.bulkGet(textDigests.map(textKey));
  const fromText = inputs.map((input, i) => summaryOfLedgerRow(ledger[i], input.name));
  // At most the file being imported and the next one are read at a time.
  const reads = new Map<number, ReturnType<typeof readSyncText>>();
  const read = (i: number) => {
    let reading = reads.get(i);
    if (!reading) reads.set(i, (reading = readSyncText(inputs[i]!.text, passphrase)));
    return reading;
  };
  const summaries: ImportSummary[] = [];
  for (const [i, input] of inputs.entries()) {
    const known = fromText[i];
    if (known) {
      summaries.push(known);
      continue;
    }
    const result = await read(i);
    reads.delete(i);
    if (!result.ok) {
      summaries.push(failed(input.name, result.errors));
      continue;
    }
    const next = fromText.findIndex((summary, j) => j > i && !summary);
    const readNext = next < 0 ? undefined : () => void read(next);
    const sameContent = await fromLedger(db, contentKey(result.file.digest), input.name);
    summaries.push(sameContent ?? (await importSyncFile(db, input.name, result.file, now, textDigests[i], readNext)));
  }
  return summaries;
}
