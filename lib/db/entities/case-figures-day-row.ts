import type { CaseFiguresRow } from './case-figures-row';

/**
 * The `caseFigures` rows of the cases first captured on one China day
 * (schema version 7), in one record: the office's quarterly bulletin reads a
 * quarter as ~92 of these instead of one record per case (in Chromium each
 * record read costs a request, whatever its size). Written with the figures
 * rows by the projection (repos/case-store.ts), so the rows of all days are
 * exactly the `caseFigures` table.
 */
export interface CaseFiguresDayRow {
  /** China day number (days since 1970-01-01, China time; lib/calendar `chinaDayNumber`) of the cases' `capturedAt`. */
  day: number;
  /** That day's figures rows, one per case. */
  cases: CaseFiguresRow[];
}
