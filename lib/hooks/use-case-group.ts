import { useLiveQuery } from 'dexie-react-hooks';
import type { CaseEvent } from '../cases/events';
import type { AppDB } from '../db/app-db';
import { getDb } from '../db/db';
import { listEventsOfCase } from '../db/repos/events';
import { findPossibleDuplicates, listMergedInto, type DuplicateOffer } from '../db/repos/cases';

/** The logs of the cases merged into a case, by case id, live. `undefined` while loading. */
export function useMergedLogs(caseId: string, db: AppDB = getDb()): CaseEvent[][] | undefined {
  return useLiveQuery(async () => {
    const ids = await listMergedInto(db, caseId);
    return Promise.all(ids.map((id) => listEventsOfCase(db, id)));
  }, [db, caseId]);
}

/** Open cases that may be the same 舆情 as `caseId` (offered, never merged automatically), live. */
export function usePossibleDuplicates(caseId: string, db: AppDB = getDb()): DuplicateOffer[] | undefined {
  return useLiveQuery(() => findPossibleDuplicates(db, caseId), [db, caseId]);
}
