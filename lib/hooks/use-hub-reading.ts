import { useCallback, useEffect, useRef, useState } from 'react';
import type { OverrideStats } from '../classify/overrides';
import {
  hubCases,
  hubCasesByIds,
  hubImports,
  hubOverrideRates,
  hubQuarterly,
  hubWhoAmI,
  type HubCase,
  type HubCasesQuery,
  type HubConnection,
  type HubImportRow,
} from '../office-hub-client';
import type { QuarterId, QuarterlyStats } from '../report/quarterly';

/** What the office console shows of a hub besides its cases: who the token is, the quarter's figures, the ledger. */
export interface HubView {
  officer: { name: string; department: string };
  stats: QuarterlyStats;
  imports: HubImportRow[];
  /** The quarter's 研判改判率, or why a hub could not give it (an older hub answers 404): the rest does not depend on it. */
  overrides: OverrideStats | { unavailable: string };
}

/** The cases read so far under one filter, a page at a time. */
export interface HubCaseListing {
  cases: HubCase[];
  /** How many cases match the filter on the hub. */
  total: number;
  /** Every department named on the hub's cases (read with the first page). */
  departments: string[];
  /** Epoch ms of the first page's reading (the clock the list's deadlines are judged at). */
  at: number;
}

/** The department and tier the console filters the hub's cases by ('' = any). */
export interface HubCaseFilter {
  department: string;
  tier: string;
}

export interface HubReading {
  view?: HubView;
  listing?: HubCaseListing;
  /** The cases behind one figure, read by id (they need not be in the listing). */
  picked?: { label: string; cases: HubCase[] };
  /** The last failure, in Chinese, naming what went wrong (lib/office-hub-client). */
  error?: string;
  busy: boolean;
  /** Reads the view and the first page again (the 刷新 button). */
  refresh(): void;
  /** Reads the next page under the current filter and appends it. */
  more(): void;
  showCases(caseIds: readonly string[], label: string): void;
  clearPicked(): void;
}

/**
 * The office console's reading of a hub, in two parts that change for
 * different reasons: the view (who, the quarter's bulletin figures and
 * 研判改判率, the ledger) is read again when the quarter changes, the case
 * listing when the filter changes — a filter change on a city hub must not
 * re-read the bulletin and the ledger. An answer that arrives after a newer
 * request was made (the officer changed the filter twice quickly) is
 * dropped. Nothing is read without a connection.
 *
 * `pageSize` is the rows per page (at most 5,000, the hub's limit);
 * `doFetch` is injectable for tests.
 */
export function useHubReading(
  connection: HubConnection | undefined,
  quarter: QuarterId,
  filter: HubCaseFilter,
  pageSize: number,
  doFetch: typeof fetch = fetch,
): HubReading {
  const [view, setView] = useState<HubView>();
  const [listing, setListing] = useState<HubCaseListing>();
  const [picked, setPicked] = useState<{ label: string; cases: HubCase[] }>();
  // Two errors, so that the view read successfully does not hide a failed page, nor the reverse.
  const [viewError, setViewError] = useState<string>();
  const [listingError, setListingError] = useState<string>();
  const [pending, setPending] = useState(0);
  const [generation, setGeneration] = useState(0);
  const viewRequest = useRef(0);
  const listingRequest = useRef(0);
  const fetchRef = useRef(doFetch);
  fetchRef.current = doFetch;
  const { year, quarter: quarterNumber } = quarter;
  const { department, tier } = filter;

  /** Runs `work` counted in `busy`. */
  const track = useCallback(async <T>(work: Promise<T>): Promise<T> => {
    setPending((n) => n + 1);
    try {
      return await work;
    } finally {
      setPending((n) => n - 1);
    }
  }, []);

  const pageQuery = useCallback(
    (offset: number): HubCasesQuery => ({ limit: pageSize, offset, ...(department ? { department } : {}), ...(tier ? { tier } : {}) }),
    [pageSize, department, tier],
  );

  useEffect(() => {
    if (!connection) return setView(undefined);
    const request = ++viewRequest.current;
    const at: QuarterId = { year, quarter: quarterNumber };
    const go = fetchRef.current;
    void track(
      Promise.all([hubWhoAmI(connection, go), hubQuarterly(connection, at, go), hubImports(connection, go), hubOverrideRates(connection, at, go)]),
    ).then(([who, stats, imports, overrides]) => {
      if (request !== viewRequest.current) return;
      if (!who.ok || !stats.ok || !imports.ok) {
        const failed = [who, stats, imports].find((r) => !r.ok);
        setViewError(failed && !failed.ok ? failed.error.message : undefined);
        return setView(undefined);
      }
      setView({ officer: who.data, stats: stats.data, imports: imports.data, overrides: overrides.ok ? overrides.data : { unavailable: overrides.error.message } });
      setViewError(undefined);
    });
  }, [connection, year, quarterNumber, generation, track]);

  useEffect(() => {
    setPicked(undefined);
    if (!connection) return setListing(undefined);
    const request = ++listingRequest.current;
    void track(hubCases(connection, pageQuery(0), fetchRef.current)).then((page) => {
      if (request !== listingRequest.current) return;
      if (!page.ok) return setListingError(page.error.message);
      setListingError(undefined);
      setListing({ cases: page.data.cases, total: page.data.total, departments: page.data.departments ?? [], at: Date.now() });
    });
  }, [connection, pageQuery, generation, track]);

  const more = useCallback(() => {
    if (!connection || !listing) return;
    const request = listingRequest.current;
    void track(hubCases(connection, pageQuery(listing.cases.length), fetchRef.current)).then((page) => {
      if (request !== listingRequest.current) return;
      if (!page.ok) return setListingError(page.error.message);
      setListing((current) => {
        if (!current) return current;
        const known = new Set(current.cases.map((c) => c.case_id));
        return { ...current, cases: [...current.cases, ...page.data.cases.filter((c) => !known.has(c.case_id))], total: page.data.total };
      });
    });
  }, [connection, listing, pageQuery, track]);

  const showCases = useCallback(
    (caseIds: readonly string[], label: string) => {
      if (!connection) return;
      void track(hubCasesByIds(connection, caseIds, fetchRef.current)).then((found) => {
        if (!found.ok) return setListingError(found.error.message);
        setPicked({ label, cases: found.data });
      });
    },
    [connection, track],
  );

  return {
    ...(view ? { view } : {}),
    ...(listing ? { listing } : {}),
    ...(picked ? { picked } : {}),
    ...(viewError || listingError ? { error: viewError ?? listingError } : {}),
    busy: pending > 0,
    refresh: useCallback(() => setGeneration((n) => n + 1), []),
    more,
    showCases,
    clearPicked: useCallback(() => setPicked(undefined), []),
  };
}
