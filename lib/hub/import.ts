/**
 * Importing one sync file into the hub: the same path for a push over HTTP
 * and for a folder import. Refusals change nothing; an accepted file is one
 * transaction: ledger row, events (`INSERT … ON CONFLICT (id) DO NOTHING`;
 * a file whose cases are all new to the hub, the usual case, goes by a plain
 * COPY that cannot skip anything, see storeEvents), evidence by digest,
 * conflicts, and the touched cases' projection.
 *
 * Two halves: reading and checking the file and making its rows needs no
 * database (lib/hub/prepare.ts; in worker threads with a preparer,
 * lib/hub/preparer.ts), then the transaction. A folder imported with
 * {@link importSyncFiles} has its next files prepared while the database
 * stores the current one; each file is still its own transaction, in order.
 *
 * Order of checks, cheapest first: the bytes' SHA-256 against the ledger
 * (one index probe, so a replayed file costs no parsing), then JSON, schema
 * and digest, then the sender, then the file's own digest against the ledger.
 */
import { sql, type Insertable, type Kysely } from 'kysely';
import pg from 'pg';
import type { CaseEvent } from '../cases';
import type { PolicyProfile } from '../policy/schema';
import { canonicalJson, sha256Hex } from './canonical';
import type { ConflictsTable, CopyCsv, HubSchema, ImportsTable } from './db';
import type { SyncFileProblem } from './interim-sync-file';
import type { Officer } from './officers';
import {
  EVENT_COPY_COLUMNS,
  EVENT_LINES_PER_CHUNK,
  eventBody,
  eventChunkText,
  eventCopyLine,
  fillLedgerId,
  prepareSyncFile,
  type PreparedSyncFile,
  type PrepareResult,
} from './prepare';
import type { SyncFilePreparer } from './preparer';
import { CASES_COPY, DEADLINES_COPY, rebuildCases, type ProjectionOutcome } from './projection';
import { readHubSyncFile } from './read-sync-file';

/** The ledger's counts for one file. */
export interface ImportCounts {
  /** Events stored for the first time and usable in their case's history. */
  new: number;
  /** Events already stored with the same content. */
  duplicate: number;
  /** Same id with other content (kept aside, not stored), or a stored claim competing with another department's. */
  conflict: number;
  /** Stored but impossible at their place in the case's history (the replay skips them). */
  refused: number;
}

/** A ledger row. Times are epoch ms. */
export interface ImportRecord extends ImportCounts {
  id: number;
  fileDigest: string;
  officer: string;
  department: string;
  via: 'push' | 'folder';
  importedAt: number;
}

/** Why a file was refused; nothing was stored. */
export type ImportRefusal =
  | { code: 'invalid'; message: string; errors: SyncFileProblem[] }
  | { code: 'already-imported'; message: string; previous: ImportRecord }
  | { code: 'wrong-sender'; message: string };

/** Result of {@link importSyncFile}. */
export type ImportResult = { ok: true; record: ImportRecord } | { ok: false; refusal: ImportRefusal };

/** Who sends the file and how. */
export interface ImportSource {
  via: 'push' | 'folder';
  /** The authenticated officer (push); the file must be theirs. Absent for a folder import. */
  officer?: Officer;
}

/** Options for {@link importSyncFile}. */
export interface ImportOptions {
  policy: PolicyProfile;
  /** Clock (epoch ms), injected for tests. */
  now: number;
  /** The engine's bulk load (HubDatabase.copyCsv): events go COPY → staging → INSERT … ON CONFLICT; without it, INSERT from arrays (unnest). */
  copyCsv?: CopyCsv;
  /**
   * Where files are read and checked (lib/hub/preparer.ts): worker threads,
   * so the server's event loop and the database keep working meanwhile.
   * Absent: in this thread.
   */
  preparer?: SyncFilePreparer;
}

// Transaction-level advisory lock: imports are serialised so two files touching
// the same case never rebuild its projection from different snapshots.
const IMPORT_LOCK_KEY = 13_001;

/**
 * Imports one sync file's text. Never throws for a bad file (the refusal
 * says why, with JSON paths); throws only on a database failure, in which
 * case the transaction is rolled back and nothing changed.
 */
export async function importSyncFile(
  db: Kysely<HubSchema>,
  text: string,
  source: ImportSource,
  options: ImportOptions,
): Promise<ImportResult> {
  const prepared = await prepareUnlessKnown(db, options, text);
  if ('fileDigest' in prepared) return { ok: false, refusal: alreadyImported(prepared) };
  return storePreparedSyncFile(db, text, prepared, source, options);
}

/**
 * The ledger's row when it knows the text's bytes (SHA-256, one index probe:
 * a file imported again costs no parsing), else the file read and checked:
 * by `options.preparer` (worker threads, which take the SHA-256 too) when
 * given, else in this thread.
 */
async function prepareUnlessKnown(
  db: Kysely<HubSchema>,
  options: Pick<ImportOptions, 'policy' | 'preparer'>,
  text: string,
): Promise<PrepareResult | ImportRecord> {
  const known = (rawDigest: string) => findImport(db, 'raw_digest', rawDigest);
  if (options.preparer) return options.preparer.prepareUnlessKnown(text, known);
  const rawDigest = sha256Hex(text);
  return (await known(rawDigest)) ?? prepareSyncFile(text, options.policy, rawDigest);
}

/**
 * Imports files one after the other, in order, each as {@link importSyncFile}
 * (one transaction per file, all or nothing, one ledger row each), with the
 * next files read and checked by `options.preparer` (worker threads) while
 * the database stores the current one. Yields each file's result in the
 * order given. `texts` may be lazy (a folder read file by file); at most
 * `ahead` files are held prepared at a time (default: the preparer's
 * workers + 3). A file the ledger knows is refused without being read.
 * `now` may be a clock, read as each file is stored (the ledger's time).
 */
export async function* importSyncFiles(
  db: Kysely<HubSchema>,
  texts: Iterable<string> | AsyncIterable<string>,
  source: ImportSource,
  options: Omit<ImportOptions, 'now'> & { now: number | (() => number); ahead?: number },
): AsyncGenerator<ImportResult> {
  // Two files more than the workers by default: a worker never waits for the file after the one
  // being stored, nor the database for a worker, when a file takes a little longer than the others.
  const ahead = Math.max(1, options.ahead ?? (options.preparer?.workers ?? 0) + 3);
  type Pending = { text: string; prepared: Promise<PrepareResult | ImportRecord> };
  const queue: Pending[] = [];
  const start = (text: string): Pending => {
    // The ledger probe before reading: a folder imported again costs one index probe a file.
    const prepared = prepareUnlessKnown(db, options, text);
    // Awaited in order below; a rejection is reported there, not as unhandled meanwhile.
    prepared.catch(() => {});
    return { text, prepared };
  };
  const iterator = Symbol.asyncIterator in texts ? texts[Symbol.asyncIterator]() : texts[Symbol.iterator]();
  let done = false;
  const fill = async () => {
    while (!done && queue.length < ahead) {
      const next = await iterator.next();
      if (next.done) done = true;
      else queue.push(start(next.value));
    }
  };
  await fill();
  while (queue.length > 0) {
    const { text, prepared } = queue.shift()!;
    await fill();
    const ready = await prepared;
    if ('fileDigest' in ready) {
      yield { ok: false, refusal: alreadyImported(ready) };
      continue;
    }
    const now = typeof options.now === 'number' ? options.now : options.now();
    yield await storePreparedSyncFile(db, text, ready, source, { ...options, now });
  }
}

/**
 * The database half of {@link importSyncFile}: the sender, then one
 * transaction (lock, ledger, events, evidence, projection). `text` is the
 * file's text, read again only when the file touches stored cases.
 */
async function storePreparedSyncFile(
  db: Kysely<HubSchema>,
  text: string,
  prepared: PrepareResult,
  source: ImportSource,
  { policy, now, copyCsv }: ImportOptions,
): Promise<ImportResult> {
  if (!prepared.ok) {
    return { ok: false, refusal: { code: 'invalid', message: `the file was refused: ${prepared.errors.length} problem(s)`, errors: prepared.errors } };
  }
  const file = prepared.file;
  const rawDigest = file.rawDigest;
  const sender = source.officer;
  const exporter = file.exporters[0]!;
  // An officer pushes their own export; a merged file of several officers comes by folder import or the office's token.
  if (
    sender &&
    sender.role !== 'office' &&
    (file.exporters.length !== 1 || sender.name !== exporter.officer || sender.department !== exporter.department)
  ) {
    const owners = file.exporters.map((e) => `${e.officer} (${e.department})`).join(', ');
    return {
      ok: false,
      refusal: {
        code: 'wrong-sender',
        message: `the file is ${owners}'s, but the token is ${sender.name} (${sender.department})'s`,
      },
    };
  }
  const officer = file.exporters.map((e) => e.officer).join(', ').slice(0, 1000);
  const department = [...new Set(file.exporters.map((e) => e.department))].join(', ').slice(0, 1000);
  const ledger: LedgerEntry = {
    raw_digest: rawDigest,
    file_digest: file.digest,
    officer_id: source.officer?.id ?? null,
    officer,
    department,
    via: source.via,
    imported_at: now,
  };
  try {
    // First optimistic (see storeEvents); again, asking for every id, if one of the file's ids
    // turned out to be stored already under a case the file brings as new (nothing was kept of the first try).
    const tryImport = (retry?: StoredIdInNewCase) => inTransaction(db, async (trx, transaction): Promise<ImportResult> => {
      // One round trip: the lock, the file's own digest against the ledger, the ledger id the
      // file's rows carry (none taken for a known file), and the session's server process (for
      // COPY to find its client without asking, see HubDatabase.copyCsv). The retry keeps the id the first try took
      // (its transaction left nothing behind). This statement's snapshot predates the wait for the
      // lock: a push of the same file that waited on it meets the unique ledger key at the end
      // and is refused below.
      const { rows } = retry
        ? await sql<{ id: number | null; pid: number }>`
            SELECT ${retry.importId}::bigint AS id, pg_backend_pid() AS pid FROM (SELECT pg_advisory_xact_lock(${IMPORT_LOCK_KEY})) AS locked`.execute(trx)
        : await sql<{ id: number | null; pid: number }>`
            SELECT CASE WHEN EXISTS (SELECT 1 FROM imports WHERE file_digest = ${file.digest}) THEN NULL
              ELSE nextval(pg_get_serial_sequence('imports', 'id')) END AS id, pg_backend_pid() AS pid
            FROM (SELECT pg_advisory_xact_lock(${IMPORT_LOCK_KEY})) AS locked`.execute(trx);
      const { id, pid } = rows[0]!;
      if (id === null) return { ok: false, refusal: alreadyImported((await findImport(trx, 'file_digest', file.digest))!) };
      if (file.evidence.length > 0) {
        await sql`
          INSERT INTO evidence (digest, case_id, text, html, import_id)
          SELECT d, c, t, h, ${id} FROM unnest(
            ${file.evidence.map((e) => e.digest)}::text[], ${file.evidence.map((e) => e.caseId)}::text[],
            ${file.evidence.map((e) => e.text)}::text[], ${file.evidence.map((e) => e.html ?? null)}::text[]
          ) AS x(d, c, t, h)
          ON CONFLICT (digest) DO NOTHING`.execute(trx);
      }
      // The ledger row is written by storeEvents with its counts, last or with the file's last COPY.
      const copy: CopyCsv | undefined = copyCsv && ((t, statement, chunks, _pid, also) => copyCsv(t, statement, chunks, pid, also));
      const counts = await storeEvents(trx, id, text, file, policy, copy, retry !== undefined, ledger, transaction);
      return { ok: true, record: { id, fileDigest: file.digest, officer, department, via: source.via, importedAt: now, ...counts } };
    });
    return await tryImport().catch((error: unknown) => {
      if (error instanceof StoredIdInNewCase) return tryImport(error);
      throw error;
    });
  } catch (error) {
    // Two pushes of one file at once: the second meets the unique ledger key.
    const again = (await findImport(db, 'raw_digest', rawDigest)) ?? (await findImport(db, 'file_digest', file.digest));
    if (again) return { ok: false, refusal: alreadyImported(again) };
    throw error;
  }
}

const EVENT_CHUNK = 5000;

/** An open transaction of {@link inTransaction}: `committed` once its work has sent COMMIT itself. */
interface OpenTransaction {
  committed: boolean;
}

/**
 * Runs `work` in one transaction on one connection of `db`, as Kysely's
 * `transaction()` does (BEGIN; then COMMIT, or ROLLBACK when it throws),
 * except that `work` may send the COMMIT itself with its last statements
 * and then set `committed`: a file of new cases commits in the message that
 * carries its rows (CopyAlso), one round trip fewer per file.
 */
async function inTransaction<T>(db: Kysely<HubSchema>, work: (trx: Kysely<HubSchema>, transaction: OpenTransaction) => Promise<T>): Promise<T> {
  return db.connection().execute(async (connection) => {
    await sql`BEGIN`.execute(connection);
    const transaction: OpenTransaction = { committed: false };
    try {
      const result = await work(connection, transaction);
      if (!transaction.committed) await sql`COMMIT`.execute(connection);
      return result;
    } catch (error) {
      // The connection goes back to the pool: never inside a failed transaction. A failing
      // ROLLBACK means a broken connection, which the pool drops; the first error is the one to report.
      if (!transaction.committed) await sql`ROLLBACK`.execute(connection).catch(() => {});
      throw error;
    }
  });
}

/** Thrown (and caught in importSyncFile, which tries again) when the optimistic COPY meets a stored id. */
class StoredIdInNewCase extends Error {
  constructor(readonly importId: number) {
    super(`import #${String(importId)}: an id of a new case is stored already`);
  }
}

/** PostgreSQL's unique_violation (pg's DatabaseError and PGlite's error both carry `code`). */
function isUniqueViolation(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === '23505';
}

/**
 * Stores a file's events and rebuilds the touched cases; returns the ledger counts.
 *
 * Usually every case of the file is new to the hub (an officer's first export,
 * or new threads), and then none of its ids can be stored either, except an id
 * reused with other content. So unless `careful`, only the file's cases are
 * looked up first, and when none is known the rows prepared before the
 * transaction (lib/hub/prepare.ts) go straight into `events`, `cases` and
 * `case_deadlines` by COPY; a stored id makes that COPY fail (unique key), the
 * caller rolls back and calls again with `careful`, which reads the file again
 * and looks up every id.
 */
async function storeEvents(
  trx: Kysely<HubSchema>,
  importId: number,
  text: string,
  file: PreparedSyncFile,
  policy: PolicyProfile,
  copyCsv: CopyCsv | undefined,
  careful: boolean,
  ledger: LedgerEntry,
  transaction: OpenTransaction,
): Promise<ImportCounts> {
  // What the database holds already, asked once before writing (imports hold the lock, so
  // no import stores anything meanwhile): the file's cases that have anything stored
  // (events, or a projection row).
  // Asked per id (`EXISTS … OR EXISTS …`): a `case_id = ANY(ids) UNION …` form was tried and
  // made the 1,000,000-event import 40% slower on PostgreSQL (68.3 s against 47–49 s, idle, same machine).
  // `OFFSET 0` keeps each EXISTS an index probe per id: without it PostgreSQL may answer it by
  // a hashed subplan, reading the whole of `events` or `cases` once per file whenever their
  // statistics make that look cheaper than 2 × (the file's cases) probes (seen with auto_explain
  // during the 1,000,000-event bench: sequential scans of 10,000+ rows per file, growing with the hub).
  const knownCases = new Set<string>();
  const casesKnown = await sql<{ case_id: string }>`
    SELECT c AS case_id FROM unnest(${file.caseIds}::text[]) AS c
    WHERE EXISTS (SELECT 1 FROM events WHERE case_id = c OFFSET 0) OR EXISTS (SELECT 1 FROM cases WHERE case_id = c OFFSET 0)`.execute(trx);
  for (const row of casesKnown.rows) knownCases.add(row.case_id);
  const optimistic = !careful && knownCases.size === 0;
  if (optimistic && file.asNew && copyCsv) return storeNewCases(trx, importId, file.eventCount, file.asNew, copyCsv, ledger, transaction);
  // The file was checked before its transaction; its events are read again only on this rarer path.
  const read = readHubSyncFile(text);
  if (!read.ok) throw new Error(`import #${String(importId)}: the file read differently the second time`);
  const events = read.value.events;

  const counts: ImportCounts = { new: 0, duplicate: 0, conflict: 0, refused: 0 };
  const pendingConflicts: Insertable<ConflictsTable>[] = [];
  const rows = new EventRows(events);
  // Each id's places in the file (the first copy is the one stored).
  const byId = new Map<string, number[]>();
  for (let i = 0; i < events.length; i++) {
    const list = byId.get(events[i]!.id);
    if (list) list.push(i);
    else byId.set(events[i]!.id, [i]);
  }
  // When a case is known, or `careful`: the file's ids that are stored, with their digests.
  const stored = new Map<string, string>();
  if (!optimistic) {
    const storedRows = await sql<{ id: string; content_digest: string }>`
      SELECT id, content_digest FROM events WHERE id = ANY(${[...byId.keys()]}::text[])`.execute(trx);
    for (const row of storedRows.rows) stored.set(row.id, row.content_digest);
  }

  const newIds = new Set<string>();
  if (copyCsv && stored.size === 0 && byId.size === events.length) {
    // No id is stored (looked up, or no case is known) and none repeats: the rows go
    // straight into `events` by COPY; `ON CONFLICT (id) DO NOTHING` would skip nothing.
    try {
      await copyCsv(trx, `COPY events (${EVENT_COPY_COLUMNS}) FROM STDIN`, rows.copyText(importId));
    } catch (error) {
      if (optimistic && isUniqueViolation(error)) throw new StoredIdInNewCase(importId);
      throw error;
    }
    for (const id of byId.keys()) newIds.add(id);
  } else if (copyCsv) {
    for (const id of await insertByCopy(trx, copyCsv, importId, rows)) newIds.add(id);
  } else {
    for (let i = 0; i < events.length; i += EVENT_CHUNK) {
      const chunk = events.slice(i, i + EVENT_CHUNK);
      const chunkDigests: string[] = [];
      const chunkBodies: string[] = [];
      for (let j = i; j < i + chunk.length; j++) {
        chunkBodies.push(rows.body(j));
        chunkDigests.push(rows.digest(j));
      }
      const inserted = await sql<{ id: string }>`
        INSERT INTO events (id, case_id, type, at, officer, department, content_digest, body, import_id)
        SELECT id, case_id, type, at, officer, department, content_digest, body::jsonb, ${importId}
        FROM unnest(
          ${chunk.map((e) => e.id)}::text[], ${chunk.map((e) => e.caseId)}::text[], ${chunk.map((e) => e.type)}::text[],
          ${chunk.map((e) => e.at)}::int8[], ${chunk.map((e) => e.actor.officer)}::text[],
          ${chunk.map((e) => e.actor.department)}::text[], ${chunkDigests}::text[], ${chunkBodies}::text[]
        ) AS x(id, case_id, type, at, officer, department, content_digest, body)
        ON CONFLICT (id) DO NOTHING
        RETURNING id`.execute(trx);
      for (const row of inserted.rows) newIds.add(row.id);
    }
  }
  counts.new = newIds.size;
  const touched = new Set<string>();
  for (const id of newIds) touched.add(events[byId.get(id)![0]!]!.caseId);

  // Everything not inserted: compare with what is stored (as asked before, or just written).
  if (events.length > newIds.size) {
    for (const id of newIds) stored.set(id, rows.digest(byId.get(id)![0]!));
    const unseen = [...byId.keys()].filter((id) => !stored.has(id));
    if (unseen.length > 0) {
      // Not inserted, yet not there before: stored meanwhile by a writer outside the lock.
      const again = await sql<{ id: string; content_digest: string }>`
        SELECT id, content_digest FROM events WHERE id = ANY(${unseen}::text[])`.execute(trx);
      for (const row of again.rows) stored.set(row.id, row.content_digest);
    }
    for (const [id, places] of byId) {
      places.forEach((index, nth) => {
        if (nth === 0 && newIds.has(id)) return;
        const digest = rows.digest(index);
        if (stored.get(id) === digest) {
          counts.duplicate += 1;
          return;
        }
        counts.conflict += 1;
        pendingConflicts.push({
          kind: 'same-id-other-content',
          case_id: events[index]!.caseId,
          event_id: id,
          incoming_digest: digest,
          detail: jsonb({ storedDigest: stored.get(id), incoming: events[index] }),
          import_id: importId,
        });
      });
    }
  }

  const fresh = [...newIds].map((id) => events[byId.get(id)![0]!]!);
  // Cases with nothing stored before this file are projected from its events alone.
  const newCases = new Set([...touched].filter((caseId) => !knownCases.has(caseId)));
  const outcome = await rebuildCases(trx, [...touched], policy, { importId, fresh, newCases }, copyCsv);
  countOutcome(importId, counts, (id) => newIds.has(id), outcome, pendingConflicts);
  await recordConflicts(trx, outcome, pendingConflicts);
  // The ledger row last, with its counts: one statement instead of an insert and an update.
  await trx.insertInto('imports').values(ledgerRow(importId, ledger, counts)).execute();
  return counts;
}

/**
 * A file all of whose cases are new to the hub (no event, no projection row;
 * its ids unique): the rows {@link prepareSyncFile} made go straight in by
 * COPY, followed in the same message by the ledger row and the COMMIT. A
 * stored id (reused under a new case) fails the COPY on the unique key
 * (the server then skips the rest, COMMIT included) and the import is
 * tried again the careful way.
 */
async function storeNewCases(
  trx: Kysely<HubSchema>,
  importId: number,
  eventCount: number,
  asNew: NonNullable<PreparedSyncFile['asNew']>,
  copyCsv: CopyCsv,
  ledger: LedgerEntry,
  transaction: OpenTransaction,
): Promise<ImportCounts> {
  const outcome: ProjectionOutcome = {
    refusedEventIds: new Set(asNew.refusedEventIds),
    competingClaims: asNew.competingClaims,
    settledClaims: asNew.settledClaims,
  };
  // Every count is known before writing: the three COPYs, the ledger row and the COMMIT go in one round trip.
  const counts: ImportCounts = { new: eventCount, duplicate: 0, conflict: 0, refused: 0 };
  const pendingConflicts: Insertable<ConflictsTable>[] = [];
  countOutcome(importId, counts, () => true, outcome, pendingConflicts);
  // Before the rows (they come with the COMMIT); undone with everything else if the COPY meets a stored id.
  await recordConflicts(trx, outcome, pendingConflicts);
  const copies = [
    ...(asNew.cases.length > 0 ? [{ statement: CASES_COPY, chunks: [asNew.cases] }] : []),
    ...(asNew.deadlines.length > 0 ? [{ statement: DEADLINES_COPY, chunks: [asNew.deadlines] }] : []),
  ];
  try {
    await copyCsv(trx, `COPY events (${EVENT_COPY_COLUMNS}) FROM STDIN`, [fillLedgerId(asNew.events, importId)], undefined, {
      copies,
      then: `${ledgerInsertSql(importId, ledger, counts)};\nCOMMIT`,
    });
  } catch (error) {
    // The cases are known new (the probe before), their deadlines with them: a stored key is an event's id, or
    // the ledger's (the same file pushed twice at once: refused by the caller, no retry).
    if (isUniqueViolation(error) && (error as { table?: unknown }).table !== 'imports') throw new StoredIdInNewCase(importId);
    throw error;
  }
  transaction.committed = true;
  return counts;
}

/** A ledger row without its id and counts (known only in the transaction, and once the events are stored). */
type LedgerEntry = Pick<Insertable<ImportsTable>, 'raw_digest' | 'file_digest' | 'officer_id' | 'officer' | 'department' | 'via' | 'imported_at'>;

/** The ledger row of import `id`: the entry and its counts. */
function ledgerRow(id: number, entry: LedgerEntry, counts: ImportCounts): Insertable<ImportsTable> {
  return {
    id,
    ...entry,
    events_new: counts.new,
    events_duplicate: counts.duplicate,
    events_conflict: counts.conflict,
    events_refused: counts.refused,
  };
}

/**
 * The `INSERT` of {@link ledgerRow} with its values written as literals
 * (pg's `escapeLiteral` for text), so it can follow COPYs in one simple
 * query (CopyAlso's `then`): the same row as the parameterised insert.
 */
export function ledgerInsertSql(id: number, entry: LedgerEntry, counts: ImportCounts): string {
  const row = ledgerRow(id, entry, counts);
  const columns = Object.keys(row) as (keyof typeof row)[];
  const values = columns.map((column) => {
    const value = row[column];
    if (value === null || value === undefined) return 'NULL';
    if (typeof value === 'number') {
      if (!Number.isSafeInteger(value)) throw new Error(`ledger ${column}: not an integer: ${String(value)}`);
      return String(value);
    }
    return pg.escapeLiteral(String(value));
  });
  return `INSERT INTO imports (${columns.join(', ')}) VALUES (${values.join(', ')})`;
}

/**
 * Completes the counts with what the replay found (`isNew`: the event was
 * stored by this import) and adds its competing claims to `pendingConflicts`:
 * the four counts partition the file's events, so a stored event that
 * replay refuses or that competes with another department's claim is not "new".
 */
function countOutcome(
  importId: number,
  counts: ImportCounts,
  isNew: (id: string) => boolean,
  outcome: ProjectionOutcome,
  pendingConflicts: Insertable<ConflictsTable>[],
): void {
  for (const id of outcome.refusedEventIds) if (isNew(id)) counts.refused += 1;
  counts.new -= counts.refused;
  for (const claim of outcome.competingClaims) {
    pendingConflicts.push({
      kind: 'competing-claim',
      case_id: claim.caseId,
      event_id: claim.id,
      incoming_digest: sha256Hex(canonicalJson(claim)),
      detail: jsonb({ claim }),
      import_id: importId,
    });
    if (isNew(claim.id)) {
      counts.conflict += 1;
      counts.new -= 1;
    }
  }
}

/** Writes the conflicts found and marks the competing claims the file's 指定认领 settle. */
async function recordConflicts(trx: Kysely<HubSchema>, outcome: ProjectionOutcome, pendingConflicts: Insertable<ConflictsTable>[]): Promise<void> {
  if (pendingConflicts.length > 0) {
    await trx
      .insertInto('conflicts')
      .values(pendingConflicts)
      .onConflict((oc) => oc.columns(['kind', 'event_id', 'incoming_digest']).doNothing())
      .execute();
  }
  // A competing claim listed earlier is resolved once the office's 指定认领 reaches the hub
  // (kept as history of what was decided, no longer listed for assignment): one statement per file.
  if (outcome.settledClaims.length > 0) {
    await sql`
      UPDATE conflicts SET resolved_at = s.settled_at
      FROM unnest(${outcome.settledClaims.map((c) => c.eventId)}::text[], ${outcome.settledClaims.map((c) => c.settledAt)}::int8[]) AS s(event_id, settled_at)
      WHERE conflicts.kind = 'competing-claim' AND conflicts.event_id = s.event_id AND conflicts.resolved_at IS NULL`.execute(trx);
  }
}

/**
 * A file's events as the hub stores them: the body is the parsed event's JSON
 * (canonical: zod builds it in the schema's key order whatever order the
 * exporter wrote), and the content digest is its SHA-256. Each is made once,
 * when first asked: on the usual path (all events new) only while the COPY
 * text is written, chunk by chunk, so it overlaps the server's work on the chunk before.
 */
class EventRows {
  private readonly bodies: (string | undefined)[];
  private readonly digests: (string | undefined)[];

  constructor(private readonly events: readonly CaseEvent[]) {
    this.bodies = new Array<string | undefined>(events.length);
    this.digests = new Array<string | undefined>(events.length);
  }

  body(index: number): string {
    return (this.bodies[index] ??= eventBody(this.events[index]!));
  }

  digest(index: number): string {
    return (this.digests[index] ??= sha256Hex(this.body(index)));
  }

  /** COPY text-format lines of {@link EVENT_COPY_COLUMNS}, in chunks, made as they are read. */
  *copyText(importId: number): Generator<string> {
    const per = EVENT_LINES_PER_CHUNK;
    for (let i = 0; i < this.events.length; i += per) {
      const lines: string[] = [];
      for (let j = i; j < Math.min(this.events.length, i + per); j++) lines.push(eventCopyLine(this.events[j]!, this.digest(j), this.body(j)));
      yield eventChunkText(lines, importId);
    }
  }
}

/**
 * A file some of whose ids are stored already (a later export of the same
 * log): its events through COPY into a session-local staging table, then one
 * `INSERT … SELECT … ON CONFLICT (id) DO NOTHING`. This skips building
 * and parsing eight huge array parameters (the JSON bodies escaped twice),
 * which cost more than the insert itself. Same rows, same insert-only rule;
 * the staging rows vanish at commit (or rollback). Returns the ids actually inserted.
 */
async function insertByCopy(trx: Kysely<HubSchema>, copyCsv: CopyCsv, importId: number, rows: EventRows): Promise<string[]> {
  await sql`CREATE TEMP TABLE IF NOT EXISTS hub_staging_events (
      id text, case_id text, type text, at bigint, officer text, department text, content_digest text, body text, import_id bigint
    ) ON COMMIT DELETE ROWS`.execute(trx);
  await copyCsv(trx, `COPY hub_staging_events (${EVENT_COPY_COLUMNS}) FROM STDIN`, rows.copyText(importId));
  const inserted = await sql<{ id: string }>`
    INSERT INTO events (${sql.raw(EVENT_COPY_COLUMNS)})
    SELECT id, case_id, type, at, officer, department, content_digest, body::jsonb, import_id FROM hub_staging_events
    ON CONFLICT (id) DO NOTHING
    RETURNING id`.execute(trx);
  return inserted.rows.map((row) => row.id);
}

async function findImport(
  db: Kysely<HubSchema>,
  column: 'raw_digest' | 'file_digest',
  digest: string,
): Promise<ImportRecord | undefined> {
  const row = await db.selectFrom('imports').selectAll().where(column, '=', digest).executeTakeFirst();
  return row ? toRecord(row) : undefined;
}

/** Rows of the imports ledger, newest first. */
export async function listImports(db: Kysely<HubSchema>, limit = 200): Promise<ImportRecord[]> {
  const rows = await db.selectFrom('imports').selectAll().orderBy('id', 'desc').limit(limit).execute();
  return rows.map(toRecord);
}

function toRecord(row: {
  id: number;
  file_digest: string;
  officer: string;
  department: string;
  via: 'push' | 'folder';
  imported_at: number;
  events_new: number;
  events_duplicate: number;
  events_conflict: number;
  events_refused: number;
}): ImportRecord {
  return {
    id: row.id,
    fileDigest: row.file_digest,
    officer: row.officer,
    department: row.department,
    via: row.via,
    importedAt: row.imported_at,
    new: row.events_new,
    duplicate: row.events_duplicate,
    conflict: row.events_conflict,
    refused: row.events_refused,
  };
}

function alreadyImported(previous: ImportRecord): ImportRefusal {
  return {
    code: 'already-imported',
    message: `this file was already imported (ledger #${String(previous.id)}, ${previous.officer}, ${new Date(previous.importedAt).toISOString()}): nothing changed`,
    previous,
  };
}

/** A jsonb value from JS, cast from text so PGlite and pg both store the object (not a JSON string). */
function jsonb(value: unknown) {
  return sql<unknown>`CAST(${JSON.stringify(value)} AS jsonb)`;
}
