import type { CaseFigures } from '../../report/office-bulletin';

/**
 * One case's bulletin figures (schema version 6): what the office's
 * quarterly bulletin counts of the case, judged at any later time
 * (lib/report `CaseFigures`). Written by the projection in the same
 * transaction as the case's row (repos/case-store.ts), so there is one for
 * every case row; kept apart from the row so the bulletin of a quarter reads
 * these small records only.
 */
export interface CaseFiguresRow {
  /** `figures.capturedAt` (epoch ms), the quarter the case counts in: first part of the primary key. */
  capturedAt: number;
  caseId: string;
  /** Epoch ms (`at`) of the case's latest event, as on its case row: figures of a case with events after the bulletin's `now` are judged again. */
  lastEventAt: number;
  figures: CaseFigures;
}
