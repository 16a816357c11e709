import { useLiveQuery } from 'dexie-react-hooks';
import type { CaseEvent } from '../cases/events';
import type { AppDB } from '../db/app-db';
import { getDb } from '../db/db';
import { listEventsOfCase } from '../db/repos/events';

/** A case's log in replay order, live. `undefined` while loading. */
export function useCaseEvents(caseId: string, db: AppDB = getDb()): CaseEvent[] | undefined {
  return useLiveQuery(() => listEventsOfCase(db, caseId), [db, caseId]);
}
