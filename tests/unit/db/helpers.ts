/** Shared helpers of the db tests: a fresh database per test, and a fixed clock. */
import { expect } from 'vitest';
import { chinaDayNumber } from '../../../lib/calendar/china-date';
import { AppDB } from '../../../lib/db/app-db';
import type { CaseRow } from '../../../lib/db/entities/case-row';
import type { CaseFiguresRow } from '../../../lib/db/entities/case-figures-row';
import { figuresRowsOfDay } from '../../../lib/db/entities/case-figures-day-row';
import type { ProjectedCase } from '../../../lib/db/projection';
import { storedParts } from '../../../lib/db/repos/case-store';
import { T0 } from '../../fixtures/db/builders';

/** A fresh, uniquely named database on the global fake IndexedDB. */
export function freshDb(now: () => number = () => T0): AppDB {
  return new AppDB(`test-${crypto.randomUUID()}`, { now });
}

/** The fixed "now" of the db tests: one day after T0. */
export const NOW = T0 + 24 * 3_600_000;

const byCaseId = <T extends { caseId: string }>(rows: readonly T[]): T[] => [...rows].sort((a, b) => a.caseId.localeCompare(b.caseId));

/**
 * Checks that the figures by day (schema version 7) hold exactly the
 * figures rows, each in the record of its China day of first capture.
 */
export async function expectFiguresByDayMatch(db: AppDB): Promise<void> {
  const days = await db.caseFiguresByDay.toArray();
  const rows = days.flatMap((record) => {
    const cases = figuresRowsOfDay(record);
    expect(cases.length, `day ${record.day} is stored empty`).toBeGreaterThan(0);
    for (const row of cases) expect(chinaDayNumber(row.capturedAt), `${row.caseId} in day ${record.day}`).toBe(record.day);
    return cases;
  });
  expect(byCaseId(rows)).toEqual(byCaseId(await db.caseFigures.toArray()));
}

/**
 * The stored projection: case rows and their bulletin figures rows, each in
 * case id order (after checking the figures by day hold the same rows).
 */
export async function storedProjection(db: AppDB): Promise<{ cases: CaseRow[]; caseFigures: CaseFiguresRow[] }> {
  await expectFiguresByDayMatch(db);
  return { cases: byCaseId(await db.cases.toArray()), caseFigures: byCaseId(await db.caseFigures.toArray()) };
}

/** Projected cases (e.g. `projectAll` of the log) as they are stored, in the shape of {@link storedProjection}. */
export function asStored(projected: readonly ProjectedCase[]): { cases: CaseRow[]; caseFigures: CaseFiguresRow[] } {
  const parts = projected.map(storedParts);
  return { cases: byCaseId(parts.map((p) => p.row)), caseFigures: byCaseId(parts.map((p) => p.figures)) };
}
