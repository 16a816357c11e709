/**
 * The trusted timestamp queue: captures whose record is not yet stamped,
 * of cases whose tier the office names (all captures when it names none).
 * The queue is the evidence table itself (rows without `timestamp`), so an
 * offline capture needs no separate bookkeeping: it is stamped by the next
 * run that reaches the TSA (after a capture, and on the background's
 * one-minute alarm).
 */
import type { AppDB } from '../app-db';
import type { CapturedContentRow } from '../entities/captured-content-row';
import type { TsaConfig } from '../entities/settings';
import { recordFileText } from '../../evidence/record';
import { postTimestampRequest, timestampRequestOf, verifyTimestampResponse, type Fetch } from '../../evidence/tsa';
import { utf8Bytes } from '../../evidence/hash';

/** What stamping needs from outside. */
export interface StampDeps {
  fetch: Fetch;
  /** Random bytes for the nonce (crypto.getRandomValues). */
  randomBytes: (n: number) => Uint8Array;
}

/** What a run did. */
export interface StampRun {
  stamped: string[];
  /** Still waiting (TSA unreachable, or the run stopped there). */
  pending: string[];
  /** Answers that failed verification: never stored, retried on the next run. */
  failed: { id: string; message: string }[];
}

/** Evidence rows waiting for a timestamp under `tsa`'s tiers, oldest first. */
export async function listUnstamped(db: AppDB, tsa: TsaConfig): Promise<CapturedContentRow[]> {
  const rows = (await db.capturedContents.toArray()).filter((row) => row.record && row.recordDigest && !row.timestamp);
  if (tsa.tiers.length === 0) return rows.sort((a, b) => a.capturedAt - b.capturedAt);
  const cases = await db.cases.bulkGet([...new Set(rows.map((r) => r.caseId))]);
  const named = new Set(cases.flatMap((c) => (c?.tier && tsa.tiers.includes(c.tier) ? [c.caseId] : [])));
  return rows.filter((row) => named.has(row.caseId)).sort((a, b) => a.capturedAt - b.capturedAt);
}

/**
 * Stamps every waiting capture: requests a token over its record's SHA-256,
 * verifies the answer (lib/evidence/tsa.ts) and stores it on the row. Stops
 * at the first unreachable TSA (offline: the rest stay queued).
 */
export async function stampPendingEvidence(db: AppDB, tsa: TsaConfig, deps: StampDeps): Promise<StampRun> {
  const run: StampRun = { stamped: [], pending: [], failed: [] };
  const rows = await listUnstamped(db, tsa);
  for (const [index, row] of rows.entries()) {
    const request = timestampRequestOf(row.recordDigest!, deps.randomBytes(12));
    const answer = await postTimestampRequest(deps.fetch, tsa.url, request);
    if (!answer.ok) {
      if (answer.error.code === 'unavailable') {
        run.pending.push(...rows.slice(index).map((r) => r.id));
        break;
      }
      run.failed.push({ id: row.id, message: answer.error.message });
      continue;
    }
    const verified = await verifyTimestampResponse(answer.data, request, utf8Bytes(recordFileText(row.record!)), tsa.rootPem);
    if (!verified.ok) {
      run.failed.push({ id: row.id, message: verified.error.message });
      continue;
    }
    await db.capturedContents.update(row.id, { timestamp: { response: answer.data, genTime: verified.data.genTime, tsaUrl: tsa.url } });
    run.stamped.push(row.id);
  }
  return run;
}
