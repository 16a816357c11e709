import { z } from 'zod';
import type { AppDB } from '../app-db';
import type { CapturedContentRow } from '../entities/captured-content-row';
import { fail, invalidInput, ok, type Result } from '../../messaging/result';
import { CaptureRecordSchema, recordDigestOf, type CaptureRecord } from '../../evidence/record';
import { guarded } from './guard';
import { MAX_POST_HTML, MAX_POST_TEXT } from '../../extract/fit-post';

const CapturedContentInputSchema = z.object({
  caseId: z.string().trim().min(1).max(200),
  html: z.string().max(MAX_POST_HTML),
  text: z.string().max(MAX_POST_TEXT),
  digest: z.string().regex(/^[0-9a-f]{64}$/, { message: '须为 64 位小写十六进制 SHA-256' }),
  url: z.string().max(4000).regex(/^https?:\/\//i, { message: '须为 http(s) 地址' }),
  capturedAt: z.number().int().nonnegative(),
  record: CaptureRecordSchema.optional(),
  recordDigest: z.string().regex(/^[0-9a-f]{64}$/, { message: '须为 64 位小写十六进制 SHA-256' }).optional(),
  notes: z.array(z.string().min(1).max(500)).max(20).optional(),
});

/** What a caller supplies to store captured evidence (`html` must already be sanitized). */
export interface CapturedContentInput {
  caseId: string;
  /** Sanitized HTML (lib/extract's sanitizer); raw page HTML must never be stored. */
  html: string;
  text: string;
  digest: string;
  screenshot?: Blob;
  url: string;
  capturedAt: number;
  /** The extraction record (lib/evidence/record.ts); its digests must describe this evidence. */
  record?: CaptureRecord;
  /** SHA-256 of the record's canonical JSON. */
  recordDigest?: string;
  /** The raw DOM snapshot bytes. */
  snapshot?: Blob;
  /** What the evidence lacks, in the officer's words (a missing screenshot, HTML left out). */
  notes?: string[];
}

/**
 * Stores the evidence of a capture. The same content (same digest) captured
 * again is stored once; a different content of the same case is kept beside
 * the earlier one, never over it.
 */
export async function saveCapturedContent(
  db: AppDB,
  input: CapturedContentInput,
): Promise<Result<{ id: string; created: boolean }>> {
  const parsed = parseCapturedContent(input);
  if (!parsed.ok) return parsed;
  const row = parsed.data;
  return guarded<{ id: string; created: boolean }>(db, (cancellation) =>
    db.transaction('rw', db.capturedContents, async () => {
      cancellation.throwIfCancelled();
      if (await db.capturedContents.get(row.id)) return ok({ id: row.id, created: false });
      await db.capturedContents.add(row);
      return ok({ id: row.id, created: true });
    }),
  );
}

/** Validates evidence and gives the row to store (id = caseId:digest). */
export function parseCapturedContent(input: CapturedContentInput): Result<CapturedContentRow> {
  const parsed = CapturedContentInputSchema.safeParse(input);
  if (!parsed.success) return invalidInput('采集内容', parsed.error);
  const { record, recordDigest } = parsed.data;
  if ((record === undefined) !== (recordDigest === undefined)) return fail('invalid-input', '采集内容：提取笔录与其摘要须同时提供');
  if (record && recordDigest !== recordDigestOf(record)) return fail('invalid-input', '采集内容：提取笔录摘要（recordDigest）与笔录不符');
  if (record && (record.digests.derived.content !== parsed.data.digest || record.caseId !== parsed.data.caseId)) {
    return fail('invalid-input', '采集内容：提取笔录记载的摘要或案件与采集内容不符');
  }
  if (record && JSON.stringify(record.notes ?? []) !== JSON.stringify(parsed.data.notes ?? [])) {
    return fail('invalid-input', '采集内容：证据的说明（notes）与提取笔录记载的不符');
  }
  const screenshot = input.screenshot instanceof Blob ? input.screenshot : undefined;
  const snapshot = input.snapshot instanceof Blob ? input.snapshot : undefined;
  return ok({
    ...parsed.data,
    id: `${parsed.data.caseId}:${parsed.data.digest}`,
    ...(screenshot ? { screenshot } : {}),
    ...(snapshot ? { snapshot } : {}),
  });
}

/** The latest evidence of a case, or undefined. */
export async function getCapturedContent(db: AppDB, caseId: string): Promise<CapturedContentRow | undefined> {
  const all = await listCapturedContents(db, caseId);
  return all[all.length - 1];
}

/** Every evidence of a case, oldest first. */
export async function listCapturedContents(db: AppDB, caseId: string): Promise<CapturedContentRow[]> {
  const rows = await db.capturedContents.where('caseId').equals(caseId).toArray();
  return rows.sort((a, b) => a.capturedAt - b.capturedAt || a.id.localeCompare(b.id));
}
