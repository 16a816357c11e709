/**
 * INTERIM: the sync file as the hub reads it until `lib/sync` (issue 9)
 * lands. Built from the claim log's own `CaseEventSchema`, so an event the
 * extension would refuse is refused here too. When lib/sync arrives, the
 * hub switches to its `parseSyncFile` and this module goes.
 *
 * Shape: `{ formatVersion: 1, officer: { officer, department }, range: { from, to },
 * exportedAt, events: CaseEvent[], evidence: { digest, caseId, text, html? }[], digest }`
 * where `digest` is the SHA-256 (hex) of the canonical JSON of everything but `digest`.
 */
import { z } from 'zod';
import { ActorSchema, CaseEventSchema } from '../cases/events';
import { canonicalJson, sha256Hex } from './canonical';

/** The only format version this interim reader accepts. */
export const INTERIM_SYNC_FORMAT_VERSION = 1;

const EpochMs = z.number().int().min(Date.UTC(2000, 0, 1)).max(Date.UTC(2200, 0, 1));
const Hex64 = z.string().regex(/^[0-9a-f]{64}$/, 'must be 64 lowercase hex digits (SHA-256)');

export const InterimEvidenceSchema = z.object({
  digest: Hex64,
  caseId: z.string().trim().min(1).max(200),
  text: z.string().max(200_000),
  html: z.string().max(2_000_000).optional(),
});

export const InterimSyncFileSchema = z.object({
  formatVersion: z.literal(INTERIM_SYNC_FORMAT_VERSION),
  officer: ActorSchema,
  range: z.object({ from: EpochMs, to: EpochMs }),
  exportedAt: EpochMs,
  events: z.array(CaseEventSchema).max(200_000),
  evidence: z.array(InterimEvidenceSchema).max(100_000).default([]),
  digest: Hex64,
});

/** A parsed (interim) sync file. */
export type InterimSyncFile = z.infer<typeof InterimSyncFileSchema>;

/** One problem with a file: JSON path (e.g. `events.3.at`, `(file)` for the whole) and a plain reason. */
export interface SyncFileProblem {
  path: string;
  message: string;
}

/** The digest a file must carry: SHA-256 of the canonical JSON of all its members but `digest`. */
export function interimSyncDigest(file: Omit<InterimSyncFile, 'digest'> & { digest?: string }): string {
  const { digest: _digest, ...content } = file;
  return sha256Hex(canonicalJson(content));
}

/**
 * Reads a sync file's text: JSON, schema, version and digest. Never throws;
 * lists every schema problem with its path, or the one structural problem
 * (not JSON, future version, digest mismatch).
 */
export function parseInterimSyncFile(
  text: string,
): { ok: true; value: InterimSyncFile } | { ok: false; errors: SyncFileProblem[] } {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return { ok: false, errors: [{ path: '(file)', message: `not JSON (truncated?): ${(error as Error).message}` }] };
  }
  const version = (data as { formatVersion?: unknown } | null)?.formatVersion;
  if (typeof version === 'number' && version > INTERIM_SYNC_FORMAT_VERSION) {
    return {
      ok: false,
      errors: [{ path: 'formatVersion', message: `format version ${String(version)} is newer than this hub reads (${String(INTERIM_SYNC_FORMAT_VERSION)}): update the hub` }],
    };
  }
  const parsed = InterimSyncFileSchema.safeParse(data);
  if (!parsed.success) {
    return {
      ok: false,
      errors: parsed.error.issues.map((issue) => ({
        path: issue.path.length === 0 ? '(file)' : issue.path.map(String).join('.'),
        message: issue.message,
      })),
    };
  }
  // The digest covers the content as sent (before schema defaults were applied).
  const expected = interimSyncDigest(data as InterimSyncFile);
  if (expected !== parsed.data.digest) {
    return { ok: false, errors: [{ path: 'digest', message: 'digest does not match the content: the file was changed after export' }] };
  }
  return { ok: true, value: parsed.data };
}

/** Builds a valid interim sync file (digest computed) from its content. For tests, benches and the demo. */
export function makeInterimSyncFile(content: Omit<InterimSyncFile, 'digest' | 'formatVersion'>): InterimSyncFile {
  const withVersion = { formatVersion: INTERIM_SYNC_FORMAT_VERSION as 1, ...content };
  return { ...withVersion, digest: interimSyncDigest(withVersion) };
}
