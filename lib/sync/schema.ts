/**
 * The sync file: what an officer's desk exports for the office (信息办 /
 * 网信办) and what the office console imports.
 *
 * One zod schema is the definition; `public/schema/sync-file.v1.schema.json`
 * is generated from it with zod's own `z.toJSONSchema` (scripts/sync-schema.ts)
 * and a unit test keeps the two equal.
 *
 * Shape (formatVersion 1):
 *   formatVersion  integer, 1 today; a file of a later version is refused
 *   kind           'yuqing-sync'
 *   exportedAt     epoch ms of the export (of the newest source, for a merged file)
 *   exporters      officers and departments whose logs it carries (one for an export)
 *   profiles       policy profile id + content version the exporters worked under
 *   range          { since, until }: events stored in [since, until] (since null = everything)
 *   events         claim-log events (lib/cases CaseEventSchema, so every event type of
 *                  the case model flows through), in the canonical (at, id) order, ids unique
 *   evidence       captured evidence of the cases it mentions: text and sanitized HTML,
 *                  screenshot optional (data: URL)
 *   digest         SHA-256 (hex) over the canonical JSON of everything above (see digest.ts)
 *
 * A file carries the whole log of every case it mentions, so it can be
 * checked on its own ("an event impossible in its case's history"): an
 * export "since the last export" picks the cases touched since then, not
 * only their new events.
 */
import { z } from 'zod';
import { ActorSchema, CaseEventSchema } from '../cases/events';

/** The format version this code writes and the newest it reads. */
export const SYNC_FORMAT_VERSION = 1;

/** The `kind` marker of a plain sync file. */
export const SYNC_KIND = 'yuqing-sync' as const;

const EpochMs = z
  .number()
  .int()
  .min(Date.UTC(2000, 0, 1))
  .max(Date.UTC(2200, 0, 1));
const Sha256Hex = z.string().regex(/^[0-9a-f]{64}$/, { message: '须为 64 位小写十六进制 SHA-256' });
const HttpUrl = z
  .string()
  .max(4000)
  .regex(/^https?:\/\//i, { message: '须为 http(s) 地址' });

/** The policy profile the exporter worked under: its id and a content version (see `profileVersionOf`). */
export const SyncProfileRefSchema = z.object({
  id: z.string().trim().min(1).max(100),
  /** First 16 hex digits of SHA-256 over the profile's canonical JSON: changes whenever the profile does. */
  version: z.string().regex(/^[0-9a-f]{16}$/, { message: '须为 16 位十六进制' }),
});
export type SyncProfileRef = z.infer<typeof SyncProfileRefSchema>;

/** Evidence of one capture, as lib/db stores it (`capturedContents`). */
export const SyncEvidenceSchema = z.object({
  caseId: z.string().trim().min(1).max(200),
  /** SHA-256 of the captured content; the case's `captured` event carries the same digest. */
  digest: Sha256Hex,
  url: HttpUrl,
  capturedAt: EpochMs,
  text: z.string().max(2_000_000),
  /** Sanitized HTML (lib/extract's sanitizer), never the raw page. */
  html: z.string().max(5_000_000),
  /** The screenshot as a `data:image/...;base64,` URL, when the export included screenshots. */
  screenshot: z
    .string()
    .max(20_000_000)
    .regex(/^data:image\/(png|jpeg|webp);base64,[A-Za-z0-9+/=]*$/, { message: '须为 data:image/…;base64 地址' })
    .optional(),
});
export type SyncEvidence = z.infer<typeof SyncEvidenceSchema>;

/** `formatVersion`: an integer; published as `{ "type": "integer", "const": 1 }` (json-schema.ts). */
export const FormatVersionSchema = z.literal(SYNC_FORMAT_VERSION);

/** The sync file (format version 1). */
export const SyncFileSchema = z
  .object({
    formatVersion: FormatVersionSchema,
    kind: z.literal(SYNC_KIND),
    exportedAt: EpochMs,
    exporters: z.array(ActorSchema).min(1).max(10_000),
    profiles: z.array(SyncProfileRefSchema).max(10_000),
    range: z.object({ since: EpochMs.nullable(), until: EpochMs }),
    events: z.array(CaseEventSchema).max(5_000_000),
    evidence: z.array(SyncEvidenceSchema).max(1_000_000),
    digest: Sha256Hex,
  })
  .strict();

/** A parsed, validated sync file. */
export type SyncFile = z.infer<typeof SyncFileSchema>;
/** A sync file before its digest is computed. */
export type SyncFileContent = Omit<SyncFile, 'digest'>;

/** The id of an evidence entry, as lib/db keys it: `${caseId}:${digest}`. */
export function evidenceIdOf(evidence: Pick<SyncEvidence, 'caseId' | 'digest'>): string {
  return `${evidence.caseId}:${evidence.digest}`;
}
