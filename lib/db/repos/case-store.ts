/**
 * Where the projection of a case is stored: its list row in `cases`, its
 * bulletin figures in `caseFigures` (schema version 6), always written
 * together so every case row has exactly one figures row.
 */
import { Dexie } from 'dexie';
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
  return { row, figures: { capturedAt: figures.capturedAt, caseId: row.caseId, lastEventAt: row.lastEventAt, figures } };
}

/**
 * Stores projected cases (inserts or replaces both parts of each). To be
 * called inside a read-write transaction over {@link projectionTables}.
 *
 * A figures row is keyed by [capturedAt, caseId], and a case's first
 * capture can move earlier (an officer's earlier capture of the thread,
 * imported later). Its new row then meets the old one in the unique
 * `caseId` index: only then is the old row looked up and deleted, and the
 * new one put again — no read in the usual case.
 */
export async function putProjectedCases(db: AppDB, projected: readonly ProjectedCase[]): Promise<void> {
  if (projected.length === 0) return;
  const parts = projected.map(storedParts);
  const figures = parts.map((p) => p.figures);
  await Promise.all([db.cases.bulkPut(parts.map((p) => p.row)), putFigures(db, figures)]);
}

async function putFigures(db: AppDB, rows: readonly CaseFiguresRow[]): Promise<void> {
  try {
    await db.caseFigures.bulkPut(rows);
  } catch (error) {
    if (!(error instanceof Dexie.BulkError) || Object.values(error.failuresByPos).some((e) => e.name !== 'ConstraintError')) throw error;
    const moved = Object.keys(error.failuresByPos).map((pos) => rows[Number(pos)]!);
    await db.caseFigures.where('caseId').anyOf(moved.map((row) => row.caseId)).delete();
    await db.caseFigures.bulkPut(moved);
  }
}
