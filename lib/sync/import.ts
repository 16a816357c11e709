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
import { replayWithReport, type CaseEvent } from '../cases';
import type { AppDB } from '../db/app-db';
import type { CapturedContentRow } from '../db/entities/captured-content-row';
import type { EventRow } from '../db/entities/event-row';
import { toCaseEvent } from '../db/entities/event-row';
import { projectCase } from '../db/projection';
import { loadProjectionContext } from '../db/repos/projection-context';
import { canonicalJson } from '../extract/digest';
import { fromBase64 } from './base64';
import { conflictOfCase } from './conflicts';
import { decryptSyncText, isEncryptedSyncText } from './crypto';
import { parseSyncFile } from './parse';
import { syncDigestOf } from './digest';
import { jsonPath, type SyncProblem } from './problems';
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
  const parsed = parseSyncFile(plain);
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

/**
 * Imports one validated sync file in one transaction (see the top of this
 * module). `now` stamps `storedAt` and the projection's overdue flags.
 */
export async function importSyncFile(db: AppDB, name: string, file: SyncFile, now: number): Promise<ImportSummary> {
  const tables = [db.events, db.cases, db.capturedContents, db.settings, db.policyProfiles, db.syncState];
  try {
    return await db.transaction('rw', tables, async () => {
      const stored = await db.events.bulkGet(file.events.map((e) => e.id));
      const problems: SyncProblem[] = [];
      const fresh: CaseEvent[] = [];
      file.events.forEach((event, index) => {
        const row = stored[index];
        if (!row) fresh.push(event);
        else if (canonicalJson(toCaseEvent(row)) !== canonicalJson(event)) {
          problems.push({
            path: jsonPath(['events', index]),
            message: `事件 ${event.id} 与已导入的同编号事件内容不同：文件被改动或来源不一致`,
          });
        }
      });
      if (problems.length > 0) throw new RefusedFile(problems);

      const touched = [...new Set(fresh.map((e) => e.caseId))];
      // Only cases with a projection row have stored events (every append writes the row): ask the log of those only.
      const known = new Set((await db.cases.bulkGet(touched)).flatMap((row) => (row ? [row.caseId] : [])));
      const freshByCase = new Map<string, CaseEvent[]>();
      for (const event of fresh) freshByCase.set(event.caseId, [...(freshByCase.get(event.caseId) ?? []), event]);
      const context = await loadProjectionContext(db);
      let conflicts = 0;
      const caseRows = await Promise.all(
        touched.map(async (caseId) => {
          const rows = known.has(caseId)
            ? await db.events.where('[caseId+at]').between([caseId, Dexie.minKey], [caseId, Dexie.maxKey], true, true).toArray()
            : [];
          const log = [...rows.map(toCaseEvent), ...(freshByCase.get(caseId) ?? [])];
          const { state } = replayWithReport(log);
          if (!state) {
            throw new RefusedFile([{ path: '$.events', message: `案件 ${caseId} 没有采集事件，无法建立案件` }]);
          }
          if (conflictOfCase(caseId, log)) conflicts += 1;
          return projectCase(state, context, now);
        }),
      );

      const evidenceIds = file.evidence.map(evidenceIdOf);
      const storedEvidence = await db.capturedContents.bulkGet(evidenceIds);
      const newEvidence = file.evidence.filter((_, i) => !storedEvidence[i]).map(evidenceRow);

      if (fresh.length > 0) await db.events.bulkAdd(fresh.map((e) => ({ ...e, storedAt: now }) as EventRow));
      if (caseRows.length > 0) await db.cases.bulkPut(caseRows);
      if (newEvidence.length > 0) await db.capturedContents.bulkAdd(newEvidence);
      await db.syncState.put({ key: `import:${file.digest}`, at: now, note: name });
      return {
        name,
        ok: true,
        exporters: file.exporters,
        newEvents: fresh.length,
        duplicates: file.events.length - fresh.length,
        conflicts,
        newEvidence: newEvidence.length,
        cases: new Set(file.events.map((e) => e.caseId)).size,
        errors: [],
      };
    });
  } catch (error) {
    if (error instanceof RefusedFile) return failed(name, error.problems, file.exporters);
    return failed(name, [{ path: '$', message: `保存失败，未做任何改动：${(error as Error).message}` }], file.exporters);
  }
}

/**
 * The summary of a file whose exact content was imported before (its digest
 * is recorded at import), or undefined. Checked on the raw JSON before the
 * full validation: a matching digest means the same canonical content as a
 * file already validated and stored, and the log is append-only, so every
 * event is a duplicate.
 */
async function alreadyImported(db: AppDB, name: string, text: string): Promise<ImportSummary | undefined> {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return undefined;
  }
  const claimed = (data as { digest?: unknown } | null)?.digest;
  if (typeof claimed !== 'string' || !(await db.syncState.get(`import:${claimed}`))) return undefined;
  if (syncDigestOf(data as SyncFile) !== claimed) return undefined;
  const file = data as SyncFile;
  return {
    name,
    ok: true,
    exporters: file.exporters,
    newEvents: 0,
    duplicates: file.events.length,
    conflicts: 0,
    newEvidence: 0,
    cases: new Set(file.events.map((e) => e.caseId)).size,
    errors: [],
  };
}

/**
 * Imports many files (drag and drop, a folder), one transaction each, in
 * the order given (the result does not depend on it), with a summary per
 * file. A file that fails changes nothing; the others still import.
 */
export async function importSyncTexts(
  db: AppDB,
  inputs: readonly ImportInput[],
  { now, passphrase }: { now: number; passphrase?: string },
): Promise<ImportSummary[]> {
  const summaries: ImportSummary[] = [];
  for (const input of inputs) {
    const known = isEncryptedSyncText(input.text) ? undefined : await alreadyImported(db, input.name, input.text);
    if (known) {
      summaries.push(known);
      continue;
    }
    const read = await readSyncText(input.text, passphrase);
    summaries.push(read.ok ? await importSyncFile(db, input.name, read.file, now) : failed(input.name, read.errors));
  }
  return summaries;
}
