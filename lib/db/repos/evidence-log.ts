/**
 * The stored log as evidence: reads events and evidence rows exactly as
 * stored (no parsing, so a corrupted row is checked, not dropped) and runs
 * lib/evidence's verification over them.
 */
import { Dexie } from 'dexie';
import type { AppDB } from '../app-db';
import type { CapturedContentRow } from '../entities/captured-content-row';
import type { EventRow } from '../entities/event-row';
import { bytesOfBlob } from '../../evidence/hash';
import { verifyLog, type EvidenceItem, type VerificationReport } from '../../evidence/verify';

/** The stored events (without the local `storedAt`) and evidence (blobs as bytes) of one case, or of all. */
export async function loadEvidenceLog(db: AppDB, caseId?: string): Promise<{ events: object[]; evidence: EvidenceItem[] }> {
  const [eventRows, contentRows] = await db.transaction('r', [db.events, db.capturedContents], () =>
    Promise.all([
      caseId === undefined
        ? db.events.toArray()
        : db.events.where('[caseId+at]').between([caseId, Dexie.minKey], [caseId, Dexie.maxKey], true, true).toArray(),
      caseId === undefined ? db.capturedContents.toArray() : db.capturedContents.where('caseId').equals(caseId).toArray(),
    ]),
  );
  const events = eventRows.map((row: EventRow) => {
    const { storedAt: _storedAt, ...event } = row as EventRow & Record<string, unknown>;
    return event;
  });
  const evidence = await Promise.all(contentRows.map(evidenceItemOf));
  return { events, evidence };
}

/** An evidence row with its blobs read (outside any transaction: reading a blob is not an IndexedDB request). */
export async function evidenceItemOf(row: CapturedContentRow): Promise<EvidenceItem> {
  const { screenshot, snapshot, ...rest } = row;
  return {
    ...rest,
    ...(screenshot ? { screenshot: await bytesOfBlob(screenshot) } : {}),
    ...(snapshot ? { snapshot: await bytesOfBlob(snapshot) } : {}),
  };
}

/**
 * Verifies the stored log (one case, or the whole database): the desk's and
 * the office console's "校验". Reads everything once; the check itself is
 * synchronous (lib/evidence/verify.ts).
 */
export async function verifyStoredLog(db: AppDB, caseId?: string): Promise<VerificationReport> {
  return verifyLog(await loadEvidenceLog(db, caseId));
}
