/** Shared helpers of the db tests: a fresh database per test, and a fixed clock. */
import { AppDB } from '../../../lib/db/app-db';
import type { CaseRow } from '../../../lib/db/entities/case-row';
import type { CaseFiguresRow } from '../../../lib/db/entities/case-figures-row';
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

/** The stored projection: case rows and their bulletin figures rows, each in case id order. */
export async function storedProjection(db: AppDB): Promise<{ cases: CaseRow[]; caseFigures: CaseFiguresRow[] }> {
  return { cases: byCaseId(await db.cases.toArray()), caseFigures: byCaseId(await db.caseFigures.toArray()) };
}

/** Projected cases (e.g. `projectAll` of the log) as they are stored, in the shape of {@link storedProjection}. */
export function asStored(projected: readonly ProjectedCase[]): { cases: CaseRow[]; caseFigures: CaseFiguresRow[] } {
  const parts = projected.map(storedParts);
  return { cases: byCaseId(parts.map((p) => p.row)), caseFigures: byCaseId(parts.map((p) => p.figures)) };
}
