import { useEffect, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import type { AppDB } from '../db/app-db';
import { getDb } from '../db/db';
import { listCapturedContents } from '../db/repos/captured-content';
import type { CaptureRecord } from '../evidence/record';

/** One stored evidence of a case, ready to show: its screenshot as an object URL. */
export interface EvidenceView {
  id: string;
  digest: string;
  capturedAt: number;
  url: string;
  screenshotUrl?: string;
  /** The extraction record and its digest (absent on evidence stored before records). */
  record?: CaptureRecord;
  recordDigest?: string;
  /** The trusted timestamp's time (epoch ms), when one covers the record. */
  stampedAt?: number;
  /** What this evidence lacks (no screenshot, HTML left out), in Chinese. */
  notes?: string[];
}

/**
 * Every stored evidence of a case, oldest first, live. Screenshot blobs
 * become object URLs that are revoked when the list changes or the page
 * leaves the case, so viewing many cases does not leak memory.
 */
export function useEvidence(caseId: string, db: AppDB = getDb()): EvidenceView[] | undefined {
  const rows = useLiveQuery(() => listCapturedContents(db, caseId), [db, caseId]);
  const [views, setViews] = useState<EvidenceView[]>();
  useEffect(() => {
    if (!rows) return;
    const urls: string[] = [];
    setViews(
      rows.map((row) => {
        const screenshotUrl = row.screenshot ? URL.createObjectURL(row.screenshot) : undefined;
        if (screenshotUrl) urls.push(screenshotUrl);
        return {
          id: row.id,
          digest: row.digest,
          capturedAt: row.capturedAt,
          url: row.url,
          ...(screenshotUrl ? { screenshotUrl } : {}),
          ...(row.record && row.recordDigest ? { record: row.record, recordDigest: row.recordDigest } : {}),
          ...(row.timestamp ? { stampedAt: row.timestamp.genTime } : {}),
          ...(row.notes?.length ? { notes: row.notes } : {}),
        };
      }),
    );
    return () => urls.forEach((url) => URL.revokeObjectURL(url));
  }, [rows]);
  return views;
}
