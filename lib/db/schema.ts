/**
 * Every version of the database schema, oldest first. Versions are
 * append-only: a shipped version is never edited, a change is a new version
 * with an upgrade (see migrations/) and a fixture test
 * (tests/unit/db/migrations.test.ts fails when a version has no fixture).
 *
 * Each index names the query that needs it; nothing else is indexed, and
 * never a body, HTML or screenshot.
 */

/** Version 1: the first schema. */
export const SCHEMA_V1 = {
  // id: primary key, makes re-appending an event a no-op (idempotent import/retry).
  // storedAt: listAllEvents({ since }) for "export since last time".
  // [caseId+at]: listEventsOfCase / replay of one case in (at, id) order (also serves where('caseId')).
  events: 'id, storedAt, [caseId+at]',
  // caseId: primary key, getCase / getCaseStatesByKeys.
  // lastEventAt: listCases({ order: 'recent' }).
  // [status+lastEventAt]: listCases({ status, order: 'recent' }).
  cases: 'caseId, lastEventAt, [status+lastEventAt]',
  // id = caseId:digest; caseId: getCapturedContent(caseId).
  capturedContents: 'id, caseId',
  // id: the single 'settings' row.
  settings: 'id',
  // id: getActiveWatchlist by the id in settings.
  watchlists: 'id',
  // id: user copies of policy profiles, looked up by id.
  policyProfiles: 'id',
  // key: one row per sync bookkeeping key.
  syncState: 'key',
} as const;

/**
 * Version 2: the cases projection gains `nextDeadlineAt`/`nextDeadlineStep`/
 * `overdue`/`provisional`, computed in the upgrade from each case's events
 * with the active policy, so the side panel can list the most urgent cases
 * without computing every deadline.
 */
export const SCHEMA_V2 = {
  ...SCHEMA_V1,
  // nextDeadlineAt: listCases({ order: 'urgency' }) (rows with null are not in the index).
  // [status+nextDeadlineAt]: listCases({ status, order: 'urgency' }).
  cases: 'caseId, lastEventAt, [status+lastEventAt], nextDeadlineAt, [status+nextDeadlineAt]',
} as const;

/**
 * Version 3: a case is one 舆情 (a thread), its captured posts are evidence
 * items. Case rows gain `threadUrls`, `evidenceIds`, `evidenceCount` (and,
 * once it happens, `mergedInto` and `lastRecheck`), filled in the upgrade
 * from each case's `captured` events; no event or evidence body changes.
 */
export const SCHEMA_V3 = {
  ...SCHEMA_V2,
  // *threadUrls: the case a new capture of a thread joins (findCaseForPost).
  // *evidenceIds: the case that holds a post (after a split it is not the thread's case); getPostStates.
  cases: 'caseId, lastEventAt, [status+lastEventAt], nextDeadlineAt, [status+nextDeadlineAt], *threadUrls, *evidenceIds',
} as const;

/**
 * Version 4: the inbox counts and lists from indexes, never by reading every
 * case (a year's log is 10,000 cases and the side panel must paint at once).
 * Only indexes are added; no stored row changes.
 */
export const SCHEMA_V4 = {
  ...SCHEMA_V3,
  // mergedInto: the few merged cases, subtracted from the inbox counts (rows without it are not in the index).
  // site: the inbox's site filter offers the sites of the log (uniqueKeys, read from the index alone).
  // department: the same for the department filter.
  cases:
    'caseId, lastEventAt, [status+lastEventAt], nextDeadlineAt, [status+nextDeadlineAt], *threadUrls, *evidenceIds, mergedInto, site, department',
} as const;

/**
 * Version 5: the office's quarterly bulletin reads the cases of a quarter
 * from an index on their bulletin figures (CaseRow.figures, written by the
 * projection from now on). Only an index is added; no stored row changes:
 * rows written before carry no figures and are not in the index until the
 * bulletin fills them from their logs (lib/db/repos/office-bulletin.ts).
 */
export const SCHEMA_V5 = {
  ...SCHEMA_V4,
  // figures.capturedAt: the cases first captured in a quarter (officeBulletinFromDb); rows without figures are not in it.
  cases:
    'caseId, lastEventAt, [status+lastEventAt], nextDeadlineAt, [status+nextDeadlineAt], *threadUrls, *evidenceIds, mergedInto, site, department, figures.capturedAt',
} as const;

/**
 * Version 6: each case's bulletin figures move from its case row to a table
 * of their own, `caseFigures` (time of first capture, case id, time of its latest event, figures;
 * lib/db/entities/case-figures-row.ts), written with the row by the
 * projection: the bulletin of a quarter reads these small records, not the
 * whole rows (30,000 rows of a quarter took 3 s in Chromium). The upgrade
 * moves the stored figures over; rows written before version 5, without
 * figures, are projected again from their logs when the database opens
 * (the `projectionStale` marker), so from then on every case row has its
 * figures row.
 */
export const SCHEMA_V6 = {
  ...SCHEMA_V5,
  // The figures left the case rows, and their index with them.
  cases:
    'caseId, lastEventAt, [status+lastEventAt], nextDeadlineAt, [status+nextDeadlineAt], *threadUrls, *evidenceIds, mergedInto, site, department',
  // [capturedAt+caseId]: primary key, so the cases first captured in a quarter are one range of the
  // table itself (officeBulletinFromDb): read through a secondary index, every row costs a second
  // lookup, and the quarter's 32,000 rows took 2.5× as long in Chromium.
  // &caseId: one row per case (replaced with its case row; see repos/case-store.ts).
  caseFigures: '[capturedAt+caseId], &caseId',
} as const;

/**
 * Version 7: the bulletin of a quarter reads one record per China day of
 * first capture, `caseFiguresByDay` (lib/db/entities/case-figures-day-row.ts),
 * each holding that day's `caseFigures` rows, instead of one record per case:
 * in Chromium every record read is a request of its own, and the quarter's
 * 32,200 figures rows took 0.9–1.7 s to read under load ~10 however small
 * they were, as day records 0.26–0.31 s. Each record holds its day's
 * figures by column (strings and numbers, no object per case), which
 * clones faster still. Written with the
 * figures rows by the projection (repos/case-store.ts); the upgrade fills it
 * from the stored figures rows. `caseFigures` stays the per-case record (one
 * row per case, found by case id when a first capture moves).
 */
export const SCHEMA_V7 = {
  ...SCHEMA_V6,
  // day: primary key (China day number of the cases' first capture), so a quarter is one key range.
  caseFiguresByDay: 'day',
} as const;

/** The newest version number. */
export const LATEST_VERSION = 7;
