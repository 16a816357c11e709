/**
 * Where the projection of a case is stored: its list row in `cases`, its
 * bulletin figures in `caseFigures` (schema version 6) and, with the figures
 * of the other cases first captured the same China day, in
 * `caseFiguresByDay` (version 7): always written together, so every case
 * row has exactly one figures row, and the rows of all days are exactly the
 * figures rows.
 */
import { Dexie } from 'dexie';
import { chinaDayNumber } from '../../calendar/china-date';
import type { AppDB } from '../app-db';
import type { CaseRow } from '../entities/case-row';
import type { CaseFiguresRow } from '../entities/case-figures-row';
import { figuresDayRecord, figuresRowsOfDay, type CaseFiguresDayRow } from '../entities/case-figures-day-row';
import type { ProjectedCase } from '../projection';

/** The tables a write of projected cases touches (for a transaction's scope). */
export function projectionTables(db: AppDB) {
  return [db.cases, db.caseFigures, db.caseFiguresByDay] as const;
}

/** The two stored parts of a projected case: its row without the figures, and its figures row. */
export function storedParts({ figures, ...row }: ProjectedCase): { row: CaseRow; figures: CaseFiguresRow } {
  return { row, figures: { capturedAt: figures.capturedAt, caseId: row.caseId, lastEventAt: row.lastEventAt, figures } };
}

/**
 * Stores projected cases (inserts or replaces every part of each). To be
 * called inside a read-write transaction over {@link projectionTables}, one
 * call at a time (the day records are read, changed and written back).
 *
 * A figures row is keyed by [capturedAt, caseId], and a case's first
 * capture can move earlier (an officer's earlier capture of the thread,
 * imported later). Its new row then meets the old one in the unique
 * `caseId` index: only then is the old row looked up and deleted (and the
 * case taken out of its old day), and the new one put again — no read of
 * figures rows in the usual case.
 */
export async function putProjectedCases(db: AppDB, projected: readonly ProjectedCase[]): Promise<void> {
  if (projected.length === 0) return;
  const parts = projected.map(storedParts);
  const figures = parts.map((p) => p.figures);
  const [, moved] = await Promise.all([db.cases.bulkPut(parts.map((p) => p.row)), putFigures(db, figures)]);
  await putFiguresByDay(db, figures, moved);
}

/** Puts the figures rows; answers the rows replaced under another key (a first capture that moved). */
async function putFigures(db: AppDB, rows: readonly CaseFiguresRow[]): Promise<CaseFiguresRow[]> {
  try {
    await db.caseFigures.bulkPut(rows);
    return [];
  } catch (error) {
    if (!(error instanceof Dexie.BulkError) || Object.values(error.failuresByPos).some((e) => e.name !== 'ConstraintError')) throw error;
    const moved = Object.keys(error.failuresByPos).map((pos) => rows[Number(pos)]!);
    const old = await db.caseFigures.where('caseId').anyOf(moved.map((row) => row.caseId)).toArray();
    await db.caseFigures.bulkDelete(old.map((row): [number, string] => [row.capturedAt, row.caseId]));
    await db.caseFigures.bulkPut(moved);
    return old;
  }
}

/** The day record a figures row belongs to. */
function dayOf(row: CaseFiguresRow): number {
  return chinaDayNumber(row.capturedAt);
}

/**
 * Writes `rows` into their day records (replacing the case's entry there)
 * after taking the `moved` rows (their previous version) out of theirs: one
 * bulk read and one bulk write of the days touched.
 */
async function putFiguresByDay(db: AppDB, rows: readonly CaseFiguresRow[], moved: readonly CaseFiguresRow[]): Promise<void> {
  const keys = [...new Set([...rows, ...moved].map(dayOf))];
  const stored = await db.caseFiguresByDay.bulkGet(keys);
  const days = new Map(keys.map((day, i) => [day, new Map((stored[i] ? figuresRowsOfDay(stored[i]) : []).map((row) => [row.caseId, row]))]));
  for (const row of moved) days.get(dayOf(row))!.delete(row.caseId);
  for (const row of rows) days.get(dayOf(row))!.set(row.caseId, row);
  const kept: CaseFiguresDayRow[] = [];
  const emptied: number[] = [];
  for (const [day, cases] of days) {
    if (cases.size > 0) kept.push(figuresDayRecord(day, [...cases.values()]));
    else emptied.push(day);
  }
  await Promise.all([db.caseFiguresByDay.bulkPut(kept), emptied.length > 0 ? db.caseFiguresByDay.bulkDelete(emptied) : undefined]);
}
