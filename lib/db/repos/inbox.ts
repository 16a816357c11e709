/**
 * The inbox read from the cases projection through its indexes: the first
 * screen of the most urgent cases (the urgency index, `limit` rows) and the
 * count of the view (index counts, minus the few merged cases), never by
 * reading every case — a year's log is 10,000 cases and the side panel must
 * paint at once (`sidepanel.10k-cases.first-paint`).
 *
 * A facet (status, tier, category, department, site) or search text narrows
 * by what no single index answers: those rows are read in urgency order and
 * filtered until the page is full, and the count reads every case a page
 * at a time (the search also reads the captured posts' text from the log). That only runs
 * when the officer narrows, never at first paint.
 */
import { Dexie, type Collection, type InsertType } from 'dexie';
import type { AppDB } from '../app-db';
import type { CaseRow } from '../entities/case-row';
import type { EventRow } from '../entities/event-row';
import { containsAllTerms, isNarrowed, matchesInbox, searchTermsOf, type InboxFilter } from '../../desk/inbox';

/** A query over the cases projection. */
type Cases = Collection<CaseRow, string, InsertType<CaseRow, 'caseId'>>;

/** Rows of `status` (or every row) whose pending limit is before `below` (or any limit), earliest first. */
function byDeadline(db: AppDB, status: string | undefined, below?: number): Cases {
  if (status === undefined) {
    return below === undefined ? db.cases.orderBy('nextDeadlineAt') : db.cases.where('nextDeadlineAt').below(below);
  }
  return db.cases.where('[status+nextDeadlineAt]').between([status, Dexie.minKey], [status, below ?? Dexie.maxKey], true, false);
}

/** Rows of `status` (or every row), latest activity first. */
function byRecent(db: AppDB, status: string | undefined): Cases {
  return status === undefined
    ? db.cases.orderBy('lastEventAt').reverse()
    : db.cases.where('[status+lastEventAt]').between([status, Dexie.minKey], [status, Dexie.maxKey], true, true).reverse();
}

/** The one status a filter pins down, when it does (a status facet, or the unclaimed/closed view): its index is used. */
function pinnedStatus(filter: InboxFilter): string | undefined {
  if (filter.status) return filter.status;
  if (filter.view === 'unclaimed') return 'captured';
  if (filter.view === 'closed') return 'closed';
  return undefined;
}

/**
 * The ids of cases whose captured posts (`captured` and `evidence-added`
 * events: title, author, excerpt) contain every search term; a merged
 * case's match counts for the case it was merged into. Reads the log: only
 * for a search.
 */
export async function casesMatchingText(db: AppDB, text: string): Promise<Set<string>> {
  const terms = searchTermsOf(text);
  const found = new Set<string>();
  if (terms.length === 0) return found;
  await db.events
    .filter((event: EventRow) => event.type === 'captured' || event.type === 'evidence-added')
    .each((event) => {
      if (event.type !== 'captured' && event.type !== 'evidence-added') return;
      const { title, author, excerpt } = event.payload;
      if (containsAllTerms(`${title}\n${author ?? ''}\n${excerpt}`, terms)) found.add(event.caseId);
    });
  const merged = await db.cases.where('mergedInto').aboveOrEqual('').toArray();
  for (const row of merged) if (found.has(row.caseId) && row.mergedInto !== undefined) found.add(row.mergedInto);
  return found;
}

/** Rows read by the largest single request of {@link firstKept} (a narrow filter over a year's log). */
const MAX_READ = 2_000;

/**
 * The first `max` rows of `query` that `keep` accepts, in its order. Reads
 * with one request a growing prefix (`max` rows, then twice as many…): a
 * filtered cursor costs one round trip to the database per row, and the
 * first page of a year's log is 40 rows that nearly all pass. Each request
 * reads again the rows before it; a narrow filter costs at most about twice
 * its rows, in a few requests.
 */
async function firstKept(query: () => Cases, keep: (row: CaseRow) => boolean, max: number): Promise<CaseRow[]> {
  let want = max;
  let skip = 0;
  const kept: CaseRow[] = [];
  for (;;) {
    const rows = await query().limit(skip + want).toArray();
    for (let i = skip; i < rows.length; i++) {
      const row = rows[i];
      if (row !== undefined && keep(row) && kept.push(row) >= max) return kept;
    }
    if (rows.length < skip + want) return kept;
    skip = rows.length;
    want = Math.min(want * 2, MAX_READ);
  }
}

/**
 * One page of the inbox for `filter` at `now` (epoch ms): cases with a
 * pending limit first, earliest limit first (overdue on top), then cases
 * without one, latest activity first; at most `limit` rows (≥ 0).
 */
export async function listInbox(db: AppDB, filter: InboxFilter, now: number, limit: number): Promise<CaseRow[]> {
  const max = Math.max(0, Math.floor(limit));
  if (max === 0) return [];
  const status = pinnedStatus(filter);
  const textMatches = filter.text && searchTermsOf(filter.text).length > 0 ? await casesMatchingText(db, filter.text) : undefined;
  const keep = (row: CaseRow) => matchesInbox(row, filter, now, textMatches);
  const overdueOnly = filter.view === 'overdue';
  const withDeadline = await firstKept(() => byDeadline(db, status, overdueOnly ? now : undefined), keep, max);
  // Overdue cases all have a limit; the rest of the view has none only when nothing is pending.
  if (overdueOnly || withDeadline.length >= max) return withDeadline;
  const rest = await firstKept(() => byRecent(db, status), (row) => row.nextDeadlineAt === null && keep(row), max - withDeadline.length);
  return [...withDeadline, ...rest];
}

/** Rows read per request when a count must look at every case. */
const COUNT_PAGE = 1_000;

/**
 * How many cases `keep` accepts, reading the cases in pages of
 * {@link COUNT_PAGE} in id order: a handful of requests for a year's log
 * where a filtered cursor makes one round trip per case (10,000 cases:
 * seconds in Chromium), with no more than a page held at once.
 */
async function countKept(db: AppDB, keep: (row: CaseRow) => boolean): Promise<number> {
  let kept = 0;
  let after: string | undefined;
  for (;;) {
    const page = await (after === undefined ? db.cases.orderBy(':id') : db.cases.where(':id').above(after)).limit(COUNT_PAGE).toArray();
    for (const row of page) if (keep(row)) kept++;
    const last = page.at(-1);
    if (page.length < COUNT_PAGE || last === undefined) return kept;
    after = last.caseId;
  }
}

/**
 * How many cases `filter` lists at `now`. Without a facet or search text it
 * is answered by index counts (IndexedDB counts keys without reading rows)
 * minus the merged cases (read through their own small index); otherwise
 * every case is read, a page at a time, and filtered.
 */
export async function countInbox(db: AppDB, filter: InboxFilter, now: number): Promise<number> {
  if (isNarrowed(filter)) {
    const textMatches = filter.text && searchTermsOf(filter.text).length > 0 ? await casesMatchingText(db, filter.text) : undefined;
    return countKept(db, (row) => matchesInbox(row, filter, now, textMatches));
  }
  if (filter.view === 'overdue') return db.cases.where('nextDeadlineAt').below(now).count();
  const merged = await db.cases.where('mergedInto').aboveOrEqual('').toArray();
  const mergedWith = (test: (status: string) => boolean) => merged.filter((row) => test(row.status)).length;
  const ofStatus = (s: string) => byRecent(db, s).count();
  switch (filter.view) {
    case 'all':
      return (await db.cases.count()) - merged.length;
    case 'open':
      return (await db.cases.count()) - (await ofStatus('closed')) - mergedWith((s) => s !== 'closed');
    case 'unclaimed':
      return (await ofStatus('captured')) - mergedWith((s) => s === 'captured');
    case 'closed':
      return (await ofStatus('closed')) - mergedWith((s) => s === 'closed');
  }
}

/**
 * The distinct string keys of a cases index, in index order: one seek per
 * distinct value (the first key above the last one found). IndexedDB's own
 * 'nextunique' cursor (Dexie's uniqueKeys) steps over every duplicate in
 * Chromium, so 10,000 cases of two sites cost 10,000 steps; here they cost three.
 */
async function distinctKeys(db: AppDB, index: 'site' | 'department'): Promise<string[]> {
  const found: string[] = [];
  for (;;) {
    const last = found.at(-1);
    const range = last === undefined ? db.cases.orderBy(index) : db.cases.where(index).above(last);
    const [next] = await range.limit(1).keys();
    if (typeof next !== 'string') return found;
    found.push(next);
  }
}

/** The values the site and department filters offer: those present in the log, read from their indexes alone (one seek per value), sorted. */
export async function inboxFacetValues(db: AppDB): Promise<{ sites: string[]; departments: string[] }> {
  const [sites, departments] = await Promise.all([distinctKeys(db, 'site'), distinctKeys(db, 'department')]);
  const sorted = (keys: string[]) => keys.sort((a, b) => a.localeCompare(b, 'zh-CN'));
  return { sites: sorted(sites), departments: sorted(departments) };
}
