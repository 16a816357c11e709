/**
 * The desk's export to the office (the database half; the file itself is
 * built by build.ts): everything, or the cases touched since the last export
 * to that office, each with its whole log and its evidence.
 *
 * "Since the last export" is kept in the syncState table under
 * `lastExport:<office>` (the office's key id from its package, or `office`
 * before any package): the `storedAt` bound of the last export, inclusive, so
 * an event stored in the same millisecond is sent again rather than lost
 * (the office's import ignores what it already has).
 */
import { chinaDayOf } from '../calendar/china-date';
import type { CaseEvent } from '../cases';
import type { AppDB } from '../db/app-db';
import { listAllEvents, listEventsOfCase } from '../db/repos/events';
import { getActiveProfile } from '../db/repos/policy-profiles';
import { getSettings } from '../db/repos/settings';
import { getSyncState, setSyncState } from '../db/repos/sync-state';
import { fail, ok, type Result } from '../messaging/result';
import { toBase64 } from './base64';
import { buildSyncFile, syncFileName } from './build';
import { encryptSyncText, PBKDF2_ITERATIONS } from './crypto';
import { profileVersionOf } from './digest';
import type { SyncEvidence, SyncFile } from './schema';

/** What to export. */
export interface ExportOptions {
  /** 'all', or only the cases touched since the last export to `office`. */
  scope: 'all' | 'since-last';
  /** Epoch ms of the export. */
  now: number;
  /** The office it goes to (key id of its package); `office` when none was imported yet. */
  office?: string;
  /** Include screenshots (they make the file much larger). */
  includeScreenshots?: boolean;
}

/** A finished export, ready to download. */
export interface SyncExport {
  file: SyncFile;
  /** The file's text (plain or, after {@link encryptExport}, the encrypted envelope). */
  text: string;
  fileName: string;
  encrypted: boolean;
  /** How many cases and events it carries. */
  cases: number;
  events: number;
}

/** The syncState key of the last export to an office. */
export function lastExportKey(office = 'office'): string {
  return `lastExport:${office}`;
}

async function screenshotUrl(blob: Blob | undefined): Promise<string | undefined> {
  if (!blob || !/^image\/(png|jpeg|webp)$/.test(blob.type)) return undefined;
  const bytes = new Uint8Array(await blob.arrayBuffer());
  return `data:${blob.type};base64,${toBase64(bytes)}`;
}

/**
 * Builds the export from this browser's log. Fails (`invalid-input`) when
 * the officer's name or department is not set: the office must know whose
 * file it is. Does not record the export: call {@link markExported} once
 * the download was handed to the browser.
 */
export async function exportSyncFile(db: AppDB, options: ExportOptions): Promise<Result<SyncExport>> {
  const settings = await getSettings(db);
  if (!settings.officerName || !settings.department) {
    return fail('invalid-input', '请先在设置中填写姓名和部门，办公室才知道文件来自谁。');
  }
  const last = options.scope === 'since-last' ? await getSyncState(db, lastExportKey(options.office)) : undefined;
  const since = last?.at ?? null;
  const fresh = await listAllEvents(db, since === null ? {} : { since });
  let events: CaseEvent[];
  if (since === null) events = fresh;
  else {
    // The whole log of every touched case, so the office can check each history on its own.
    const caseIds = [...new Set(fresh.map((e) => e.caseId))];
    events = (await Promise.all(caseIds.map((id) => listEventsOfCase(db, id)))).flat();
  }
  const caseIds = [...new Set(events.map((e) => e.caseId))];
  const rows = caseIds.length > 0 ? await db.capturedContents.where('caseId').anyOf(caseIds).toArray() : [];
  const evidence: SyncEvidence[] = [];
  for (const row of rows) {
    const screenshot = options.includeScreenshots ? await screenshotUrl(row.screenshot) : undefined;
    evidence.push({
      caseId: row.caseId,
      digest: row.digest,
      url: row.url,
      capturedAt: row.capturedAt,
      text: row.text,
      html: row.html,
      ...(screenshot ? { screenshot } : {}),
    });
  }
  const profile = await getActiveProfile(db);
  const file = buildSyncFile({
    exporter: { officer: settings.officerName, department: settings.department },
    profile: { id: profile.id, version: profileVersionOf(profile) },
    exportedAt: options.now,
    since,
    events,
    evidence,
  });
  return ok({
    file,
    text: JSON.stringify(file),
    fileName: syncFileName(settings.department, options.now, false),
    encrypted: false,
    cases: caseIds.length,
    events: file.events.length,
  });
}

/**
 * The export encrypted with the office's passphrase (see crypto.ts).
 * `iterations` is for tests only; the extension keeps the documented default.
 */
export async function encryptExport(
  exported: SyncExport,
  passphrase: string,
  keyId?: string,
  iterations?: number,
): Promise<SyncExport> {
  const department = exported.file.exporters[0]?.department ?? '';
  const envelope = await encryptSyncText(exported.text, passphrase, {
    department,
    exportedAt: exported.file.exportedAt,
    ...(keyId ? { keyId } : {}),
  }, iterations ?? PBKDF2_ITERATIONS);
  return {
    ...exported,
    text: JSON.stringify(envelope),
    fileName: syncFileName(department, exported.file.exportedAt, true),
    encrypted: true,
  };
}

/** Records that `exported` went out, so the next "since last export" starts at its time. */
export async function markExported(db: AppDB, exported: SyncExport, office?: string): Promise<Result<unknown>> {
  return setSyncState(db, {
    key: lastExportKey(office),
    at: exported.file.exportedAt,
    note: `${chinaDayOf(exported.file.exportedAt)} ${exported.file.digest}`,
  });
}
