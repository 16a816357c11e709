import { useLiveQuery } from 'dexie-react-hooks';
import type { AppDB } from '../db/app-db';
import { getDb } from '../db/db';
import type { CaseRow } from '../db/entities/case-row';
import { countInbox, inboxFacetValues, listInbox } from '../db/repos/inbox';
import type { InboxFilter } from '../desk/inbox';

/** The inbox, live (see lib/db/repos/inbox.ts). Each part is `undefined` while loading. */
export interface InboxData {
  /** The first `limit` rows of the filter, most urgent first. */
  rows: CaseRow[] | undefined;
  /** How many cases the filter lists in all. */
  count: number | undefined;
  /** Values the site and department filters offer. */
  facets: { sites: string[]; departments: string[] } | undefined;
}

/**
 * The inbox for `filter` at `now` (epoch ms; pass a minute-rounded value so
 * it re-reads once a minute, not every tick), live across extension pages.
 * The rows, the count and the facets are three queries, so the first rows
 * paint without waiting for the count.
 */
export function useInbox(filter: InboxFilter, now: number, limit: number, db: AppDB = getDb()): InboxData {
  const key = JSON.stringify(filter);
  // The overdue view changes with time; the others only with writes.
  const at = filter.view === 'overdue' ? now : 0;
  const rows = useLiveQuery(() => listInbox(db, filter, now, limit), [db, key, at, limit]);
  const count = useLiveQuery(() => countInbox(db, filter, now), [db, key, at]);
  const facets = useLiveQuery(() => inboxFacetValues(db), [db]);
  return { rows, count, facets };
}
