/**
 * Reading a sync file: `parseSyncFile` (CONTRACT.md) checks, in order,
 * JSON → format version → the zod schema (every field error) → the digest →
 * unique ids → evidence of mentioned cases → each case's history, and
 * answers either the validated file or every problem found, each with its
 * JSON path. It never throws and uses no browser API (the office hub runs it
 * in Node).
 */
import { groupByCase, replayWithReport, type CaseEvent, type ReplayReport } from '../cases';
import { syncDigestOf, syncDigestOfAsync } from './digest';
import { jsonPath, jsonSyntaxProblem, problemsOf, type SyncProblem } from './problems';
import { SYNC_FORMAT_VERSION, SYNC_KIND, SyncFileSchema, type SyncFile } from './schema';
import { ENCRYPTED_KIND } from './encrypted-schema';

/** The answer of {@link parseSyncFile}. */
export type ParseSyncResult = { ok: true; value: SyncFile } | { ok: false; errors: SyncProblem[] };

/** Options of {@link parseSyncFile} and {@link parseSyncValue}. */
export interface ParseSyncOptions {
  /**
   * The digest the file's content gives (the value {@link syncDigestOf}
   * computes: SHA-256 over its canonical JSON), computed another way. The
   * default is synchronous pure-JS SHA-256, which runs everywhere; Node's
   * office hub passes its native `node:crypto` one, the same value many times faster.
   */
  digestOf?: (file: SyncFile) => string;
  /**
   * Given each case's replay as the history check makes it (see
   * {@link historyProblems}: an officer's own export): a caller that goes on
   * to project the same cases (the office hub) uses them instead of replaying again.
   */
  onReplay?: (caseId: string, report: ReplayReport) => void;
  /**
   * The schema the file is checked against: {@link SyncFileSchema} (the
   * default) or a clone of it compiled by zod (`z.compile`, same answers:
   * zod runs its own parser for any file the compiled one does not accept,
   * so every error reads the same). The office hub passes a compiled one,
   * several times faster on a file of thousands of events; extension pages
   * cannot compile (no `new Function` under their CSP).
   */
  fileSchema?: typeof SyncFileSchema;
}

/**
 * Parses and validates the text of a sync file.
 *
 * Errors (every one found, never just the first): not JSON or truncated
 * (`$`); an encrypted file (`$.encryption`: decrypt it first with
 * `decryptSyncText`); a missing, non-integer, older or future `formatVersion`;
 * any schema error (`$.events[3].payload.url` …); a digest that does not match
 * the content (`$.digest`: altered or damaged file); a repeated event id; evidence
 * of a case the file does not mention; an event impossible in its case's
 * history (see {@link historyProblems}).
 */
export function parseSyncFile(text: string, options: ParseSyncOptions = {}): ParseSyncResult {
  if (typeof text !== 'string') return { ok: false, errors: [{ path: '$', message: '文件内容须为文本' }] };
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return { ok: false, errors: [jsonSyntaxProblem(error, text)] };
  }
  return parseSyncValue(data, options);
}

/** {@link parseSyncFile} for an already parsed JSON value. */
export function parseSyncValue(data: unknown, { digestOf = syncDigestOf, onReplay, fileSchema }: ParseSyncOptions = {}): ParseSyncResult {
  const schema = schemaStep(data, fileSchema);
  return schema.ok ? contentStep(schema.value, digestOf(schema.value), onReplay) : schema;
}

/**
 * {@link parseSyncValue} with the digest taken by WebCrypto (native SHA-256,
 * asynchronous): the same checks and answers, several times faster on a file
 * of thousands of events. The office's import uses it.
 */
export async function parseSyncValueAsync(data: unknown): Promise<ParseSyncResult> {
  const schema = schemaStep(data);
  return schema.ok ? contentStep(schema.value, await syncDigestOfAsync(schema.value)) : schema;
}

/** The envelope and the zod schema (every field error). */
function schemaStep(data: unknown, fileSchema = SyncFileSchema): ParseSyncResult {
  const head = headProblems(data);
  if (head.length > 0) return { ok: false, errors: head };
  const parsed = fileSchema.safeParse(data);
  return parsed.success ? { ok: true, value: parsed.data } : { ok: false, errors: problemsOf(parsed.error) };
}

/** The checks of a schema-valid file: its digest (`expected` is the digest its content gives), ids, evidence, histories. */
function contentStep(file: SyncFile, expected: string, onReplay?: ParseSyncOptions['onReplay']): ParseSyncResult {
  const errors: SyncProblem[] = [];
  if (expected !== file.digest) {
    errors.push({
      path: '$.digest',
      message: `摘要不符：文件内容与其 SHA-256 摘要不一致，文件被改动或损坏（应为 ${expected}）`,
    });
  }
  errors.push(...idProblems(file), ...evidenceProblems(file), ...historyProblems(file, onReplay));
  return errors.length > 0 ? { ok: false, errors } : { ok: true, value: file };
}

/** Problems of the envelope: not an object, encrypted, or a version this code cannot read. */
function headProblems(data: unknown): SyncProblem[] {
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    return [{ path: '$', message: '同步文件须为 JSON 对象' }];
  }
  const record = data as Record<string, unknown>;
  if (record.kind === ENCRYPTED_KIND) {
    return [{ path: '$.encryption', message: '文件已加密：须先输入办公室口令解密' }];
  }
  const version = record.formatVersion;
  if (version === undefined) return [{ path: '$.formatVersion', message: '缺少格式版本 formatVersion，不是同步文件' }];
  if (typeof version !== 'number' || !Number.isInteger(version)) {
    return [{ path: '$.formatVersion', message: '格式版本须为整数' }];
  }
  if (version > SYNC_FORMAT_VERSION) {
    return [
      {
        path: '$.formatVersion',
        message: `文件格式版本 ${version} 比本扩展能读取的 ${SYNC_FORMAT_VERSION} 新：请先升级扩展`,
      },
    ];
  }
  if (version < 1) return [{ path: '$.formatVersion', message: `不存在格式版本 ${version}` }];
  if (record.kind !== SYNC_KIND) return [{ path: '$.kind', message: `kind 须为 "${SYNC_KIND}"` }];
  return [];
}

function idProblems(file: SyncFile): SyncProblem[] {
  const problems: SyncProblem[] = [];
  const seen = new Map<string, number>();
  file.events.forEach((event, index) => {
    const first = seen.get(event.id);
    if (first !== undefined) {
      problems.push({ path: jsonPath(['events', index, 'id']), message: `事件编号 ${event.id} 重复（与 $.events[${first}] 相同）` });
    } else seen.set(event.id, index);
  });
  return problems;
}

function evidenceProblems(file: SyncFile): SyncProblem[] {
  const cases = new Set(file.events.map((e) => e.caseId));
  const problems: SyncProblem[] = [];
  file.evidence.forEach((evidence, index) => {
    if (!cases.has(evidence.caseId)) {
      problems.push({ path: jsonPath(['evidence', index, 'caseId']), message: `证据所属案件 ${evidence.caseId} 在文件中没有任何事件` });
    }
  });
  return problems;
}

/**
 * Events impossible in their case's history, replaying each case's events
 * of the file in the canonical order with lib/cases' state machine.
 *
 * An officer's own export (one exporter) must replay cleanly: their desk
 * refused every impossible event, so a rejection means a forged or damaged
 * file. The one exception is a competing claim (`already-claimed`), which
 * is kept for the office to assign (指定认领). A merged file (several
 * exporters) may hold competing histories of officers who worked offline at
 * the same time; those rejections are conflicts (see `caseConflicts`), not
 * errors.
 */
export function historyProblems(file: SyncFile, onReplay?: ParseSyncOptions['onReplay']): SyncProblem[] {
  if (new Set(file.exporters.map((a) => `${a.department}\u0000${a.officer}`)).size > 1) return [];
  const indexOf = new Map<string, number>();
  file.events.forEach((event, index) => indexOf.set(event.id, index));
  const problems: SyncProblem[] = [];
  for (const [caseId, events] of groupByCase(file.events)) {
    const report = replayWithReport(events);
    onReplay?.(caseId, report);
    for (const { event, error } of report.rejected) {
      if (error.code === 'duplicate-event' || isCompetingClaim(event, error.code)) continue;
      problems.push({
        path: jsonPath(['events', indexOf.get(event.id) ?? -1]),
        message: `事件 ${event.id}（${event.type}）在案件 ${event.caseId} 的经过中不可能发生：${error.message}`,
      });
    }
  }
  return problems;
}

/** A claim or assignment refused only because someone else claimed first: kept as a conflict. */
export function isCompetingClaim(event: CaseEvent, code: string): boolean {
  return code === 'already-claimed' && (event.type === 'claimed' || event.type === 'assigned');
}
