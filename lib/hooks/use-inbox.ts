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
  /** How many cases the filter lists in all; `undefined` until counted for this filter (never a stale figure). */
  count: number | undefined;
  /** Values the site and department filters offer. */
  facets: { sites: string[]; departments: string[] } | undefined;
}

/**
 * The inbox for `filter` at `now` (epoch ms; pass a minute-rounded value so
 * it re-reads once a minute, not every tick), live across extension pages.
 *
 * The rows are read first; the count and the facet values are only asked
 * for once the rows of this filter have arrived. IndexedDB serves a
 * database's requests one after another, and a count walks its whole index
 * (a year's log is 10,000 cases), so asking for all three at once makes the
 * first row wait behind the counting (`sidepanel.10k-cases.first-paint`).
 * Until its figure arrives the count is `undefined` (the filter bar says
 * "counting"), never the figure of the previous filter.
 */
export function useInbox(filter: InboxFilter, now: number, limit: number, db: AppDB = getDb()): InboxData {
  const key = JSON.stringify(filter);
  // The overdue view changes with time; the others only with writes.
  const at = filter.view === 'overdue' ? now : 0;
  const page = useLiveQuery(async () => ({ key, rows: await listInbox(db, filter, now, limit) }), [db, key, at, limit]);
  // The previous filter's rows stay on screen while the new ones load; its count does not.
  const rowsOfFilter = page?.key === key;
  const counted = useLiveQuery(
    async () => (rowsOfFilter ? { key, count: await countInbox(db, filter, now) } : undefined),
    [db, key, at, rowsOfFilter],
  );
  const painted = page !== undefined;
  const facets = useLiveQuery(() => (painted ? inboxFacetValues(db) : undefined), [db, painted]);
  return { rows: page?.rows, count: counted?.key === key ? counted.count : undefined, facets };
}
