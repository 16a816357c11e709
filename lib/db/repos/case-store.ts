/**
 * Where the projection of a case is stored: its list row in `cases`, its
 * bulletin figures in `caseFigures` (schema version 6), always written
 * together so every case row has its figures.
 */
import type { AppDB } from '../app-db';
import type { CaseRow } from '../entities/case-row';
import type { CaseFiguresRow } from '../entities/case-figures-row';
import type { ProjectedCase } from '../projection';

/** The tables a write of projected cases touches (for a transaction's scope). */
export function projectionTables(db: AppDB) {
  return [db.cases, db.caseFigures] as const;
}

/** The two stored parts of a projected case: its row without the figures, and its figures row. */
export function storedParts({ figures, ...row }: ProjectedCase): { row: CaseRow; figures: CaseFiguresRow } {
  return { row, figures: { caseId: row.caseId, lastEventAt: row.lastEventAt, figures } };
}

/**
 * Stores projected cases (inserts or replaces both parts of each). To be
 * called inside a read-write transaction over {@link projectionTables}.
 */
export async function putProjectedCases(db: AppDB, projected: readonly ProjectedCase[]): Promise<void> {
  if (projected.length === 0) return;
  const parts = projected.map(storedParts);
  await Promise.all([db.cases.bulkPut(parts.map((p) => p.row)), db.caseFigures.bulkPut(parts.map((p) => p.figures))]);
}
