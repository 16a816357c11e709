/**
 * What the hub reads from a pushed or carried file: the extension's sync
 * file (lib/sync, `kind: 'yuqing-sync'`, checked by the same
 * `parseSyncFile` the office console uses: schema, digest, unique ids,
 * evidence, each case's history), or the hub's interim format of the same
 * events (lib/hub/interim-sync-file.ts, kept for files written before
 * lib/sync existed and for the benches). An encrypted export is refused:
 * officers push to the hub over TLS with their token, unencrypted.
 */
import { z } from 'zod';
import type { CaseEvent } from '../cases';
import { parseSyncFile, type ParseSyncOptions } from '../sync';
import { SyncFileSchema } from '../sync/schema';
import { syncFileDigest } from './canonical';
import { parseInterimSyncFile, type SyncFileProblem } from './interim-sync-file';

/** The parts of a sync file the hub stores. */
export interface HubSyncFile {
  /** The file's own SHA-256 digest over its canonical content. */
  digest: string;
  /** Officers whose logs the file carries (one for an officer's export). */
  exporters: { officer: string; department: string }[];
  events: CaseEvent[];
  evidence: { digest: string; caseId: string; text: string; html?: string }[];
}

/**
 * Reads a file's text; never throws. Problems carry JSON paths (`$.events[3].at` or `events.3.at`).
 * `onReplay` is given each case's replay when lib/sync's history check makes one (see ParseSyncOptions).
 */
export function readHubSyncFile(
  text: string,
  { onReplay }: Pick<ParseSyncOptions, 'onReplay'> = {},
): { ok: true; value: HubSyncFile } | { ok: false; errors: SyncFileProblem[] } {
  // A cheap look at the head decides the reader; both then parse the whole text themselves.
  const head = text.slice(0, 4096);
  if (/"kind"\s*:\s*"yuqing-sync"/.test(head) || /"exporters"\s*:/.test(head) || /"encryption"\s*:/.test(head)) {
    // The same checks; the file's digest by Node's native SHA-256 instead of the portable pure-JS one.
    const parsed = parseSyncFile(text, { digestOf: syncFileDigest, fileSchema: compiledSyncFileSchema(), ...(onReplay ? { onReplay } : {}) });
    if (!parsed.ok) return parsed;
    const file = parsed.value;
    return {
      ok: true,
      value: {
        digest: file.digest,
        exporters: file.exporters,
        events: file.events,
        evidence: file.evidence.map((e) => ({ digest: e.digest, caseId: e.caseId, text: e.text, html: e.html })),
      },
    };
  }
  const parsed = parseInterimSyncFile(text);
  if (!parsed.ok) return parsed;
  const file = parsed.value;
  return { ok: true, value: { digest: file.digest, exporters: [file.officer], events: file.events, evidence: file.evidence } };
}

let compiled: typeof SyncFileSchema | undefined;

/**
 * lib/sync's file schema compiled by zod (`z.compile`): the same answers
 * (a file it does not accept goes through zod's own parser, so every error
 * reads the same), several times faster on a file of thousands of events.
 * Compiled on first use, once per thread (the preparer's workers each hold one).
 */
function compiledSyncFileSchema(): typeof SyncFileSchema {
  return (compiled ??= z.compile(SyncFileSchema));
}
