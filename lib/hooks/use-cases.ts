import { useLiveQuery } from 'dexie-react-hooks';
import type { AppDB } from '../db/app-db';
import { getDb } from '../db/db';
import type { CaseRow } from '../db/entities/case-row';
import { getCase, listCases, type ListCasesQuery } from '../db/repos/cases';

/**
 * A limit that lists every case: the inbox filters and counts over the whole
 * log (it is virtualized, so thousands of rows are fine). IndexedDB counts
 * are unsigned 32-bit, so this is a large number, not Infinity.
 */
export const ALL_CASES = 1_000_000;

/**
 * The inbox, live: re-renders when any page or the background writes a case
 * (Dexie's live queries see writes from other extension pages too).
 * `undefined` while loading.
 */
export function useCases(query: ListCasesQuery, db: AppDB = getDb()): CaseRow[] | undefined {
  const { status, order, limit } = query;
  return useLiveQuery(
    () => listCases(db, { order, ...(status !== undefined ? { status } : {}), ...(limit !== undefined ? { limit } : {}) }),
    [db, status, order, limit],
  );
}

/** One case's row, live. `undefined` while loading, `null` when there is no such case. */
export function useCase(caseId: string, db: AppDB = getDb()): CaseRow | null | undefined {
  return useLiveQuery(async () => (await getCase(db, caseId)) ?? null, [db, caseId]);
}
