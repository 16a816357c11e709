/**
 * Opening the hub's database: an embedded PGlite in a data folder by
 * default, or a real PostgreSQL when a `postgres://` URL is given. Both go
 * through one Kysely instance with the same schema and numbered migrations.
 *
 * bigint columns (epoch ms, ids) are read as JS numbers on both: epoch ms
 * stay far below 2^53, and one reading avoids pg's strings vs PGlite's numbers.
 */
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { PGlite } from '@electric-sql/pglite';
import { Kysely, Migrator, PostgresDialect, sql, type Generated } from 'kysely';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { hubMigrationProvider } from './migrations';
import { PGliteDialect } from './pglite-dialect';

const INT8_OID = 20;

export interface OfficersTable {
  id: Generated<number>;
  name: string;
  department: string;
  role: 'officer' | 'office';
  token_hash: string;
  created_at: number;
  revoked_at: number | null;
}

export interface ImportsTable {
  id: Generated<number>;
  raw_digest: string;
  file_digest: string;
  officer_id: number | null;
  officer: string;
  department: string;
  via: 'push' | 'folder';
  events_new: Generated<number>;
  events_duplicate: Generated<number>;
  events_conflict: Generated<number>;
  events_refused: Generated<number>;
  imported_at: number;
}

export interface EventsTable {
  id: string;
  case_id: string;
  type: string;
  at: number;
  officer: string;
  department: string;
  content_digest: string;
  body: unknown;
  import_id: number;
}

export interface EvidenceTable {
  digest: string;
  case_id: string;
  text: string;
  html: string | null;
  import_id: number;
}

export interface ConflictsTable {
  id: Generated<number>;
  kind: 'same-id-other-content' | 'competing-claim';
  case_id: string;
  event_id: string;
  incoming_digest: string;
  detail: unknown;
  import_id: number;
  resolved_at: number | null;
}

export interface CasesTable {
  case_id: string;
  captured_at: number;
  last_at: number;
  title: string;
  url: string;
  site: string;
  tier: string | null;
  department: string | null;
  claimed_by: string | null;
  claimed_at: number | null;
  assigned: boolean;
  responded_at: number | null;
  status: string;
  closed_at: number | null;
  event_count: number;
  rejected_events: number;
  policy_id: string;
  /** Migration 002: the extension's list fields (lib/db/projection projectCase), null when none. */
  next_step: string | null;
  next_deadline_at: number | null;
  next_deadline_step: string | null;
  provisional: boolean;
  author: string | null;
}

export interface CaseDeadlinesTable {
  case_id: string;
  rule_id: string;
  step: string;
  started_at: number;
  limit_at: number;
  done_at: number | null;
  optional: boolean;
  response_step: boolean;
}

export interface PackagesTable {
  id: Generated<number>;
  body: unknown;
  published_at: number;
}

/** The hub's tables as Kysely sees them. */
export interface HubSchema {
  officers: OfficersTable;
  imports: ImportsTable;
  events: EventsTable;
  evidence: EvidenceTable;
  conflicts: ConflictsTable;
  cases: CasesTable;
  case_deadlines: CaseDeadlinesTable;
  packages: PackagesTable;
}

/** An open hub database. */
export interface HubDatabase {
  db: Kysely<HubSchema>;
  /** Which engine: the embedded one or a server. */
  engine: 'pglite' | 'postgres';
  /** The PGlite instance (embedded engine only), for COPY in benchmarks. */
  pglite?: PGlite;
  /** The pg pool (server engine only). */
  pool?: pg.Pool;
  /**
   * Bulk load for imports: runs `COPY <table> FROM STDIN` with the given CSV
   * chunks on the session of `trx`, so the rows join its open transaction
   * (PGlite: its one session, from a blob; PostgreSQL: the pooled client
   * holding the transaction, through pg-copy-streams).
   */
  copyCsv: CopyCsv;
  close(): Promise<void>;
}

/**
 * COPY `statement` (`COPY t (…) FROM STDIN`, text or CSV format) with the
 * rows' text in `chunks`, on the connection of `trx` (a transaction or connection
 * from the same HubDatabase). `chunks` may be a generator: on PostgreSQL each
 * chunk is made while the server reads the one before. `backendPid`: the
 * server process of `trx`'s session (`pg_backend_pid()`) when the caller has
 * asked for it already, which saves a round trip to find the session's
 * client on PostgreSQL's first COPY of a transaction. Throws on a database
 * error, like any statement.
 */
export type CopyCsv = (
  trx: Kysely<HubSchema>,
  statement: string,
  chunks: Iterable<string | Uint8Array<ArrayBuffer>>,
  backendPid?: number,
  also?: CopyAlso,
) => Promise<void>;

/**
 * Work sent with a COPY (see {@link CopyCsv}) when nothing has to be read
 * back in between: further COPYs, then one statement with only literal
 * values. On PostgreSQL all of it goes as one message (one simple query of
 * several statements, every COPY's rows written behind it without waiting
 * for the server's go-ahead: one round trip instead of two per COPY and one
 * per statement); PGlite runs them one after the other. The first failing
 * statement fails the whole (the server drops the rows still coming, and
 * the transaction is aborted).
 */
export interface CopyAlso {
  /** More `COPY t (…) FROM STDIN` statements with their rows' text, run in order after the first. */
  copies?: readonly { statement: string; chunks: Iterable<string | Uint8Array<ArrayBuffer>> }[];
  /** Statements run last (`;`-separated, e.g. an INSERT and COMMIT); values written as literals (no parameters), e.g. by pg's `escapeLiteral`. */
  then?: string;
}

/** Where the data lives: a PostgreSQL URL, a PGlite data folder, or in memory (tests). */
export type HubDatabaseTarget = { url: string } | { dataDir: string } | { memory: true };

/**
 * Opens (creating when needed) the hub database and runs pending migrations
 * (all of them, or up to `migrateTo`).
 * Throws when the server is unreachable or a migration fails (the failed
 * migration's transaction is rolled back; Kysely's Migrator runs each in one).
 */
export async function openHubDatabase(target: HubDatabaseTarget, { migrateTo }: { migrateTo?: string } = {}): Promise<HubDatabase> {
  let hub: HubDatabase;
  if ('url' in target) {
    if (!/^postgres(ql)?:\/\//.test(target.url)) throw new Error(`DATABASE_URL must start with postgres://, got ${target.url}`);
    const pool = new pg.Pool({
      connectionString: target.url,
      max: 4,
      types: { getTypeParser: (oid, format) => (oid === INT8_OID ? Number : pg.types.getTypeParser(oid, format)) },
    });
    // Kysely does not hand out its pooled clients; COPY needs the very client holding the
    // transaction, found by its backend process id (known to pg once connected).
    const clients = new Map<number, pg.PoolClient>();
    pool.on('connect', (client) => {
      const pid = (client as unknown as { processID?: number }).processID;
      if (pid !== undefined) clients.set(pid, client);
    });
    pool.on('remove', (client) => {
      const pid = (client as unknown as { processID?: number }).processID;
      if (pid !== undefined) clients.delete(pid);
    });
    // The client of each transaction, found once (a WeakMap: it goes with the transaction object).
    const clientOf = new WeakMap<Kysely<HubSchema>, pg.PoolClient>();
    const copyCsv: CopyCsv = async (trx, statement, chunks, backendPid, also) => {
      let client = clientOf.get(trx);
      if (!client) {
        const pid = backendPid ?? (await sql<{ pid: number }>`SELECT pg_backend_pid() AS pid`.execute(trx)).rows[0]!.pid;
        client = clients.get(pid);
        if (!client) throw new Error(`COPY: no pooled client for backend ${String(pid)}`);
        // Only a transaction keeps its client; a plain Kysely instance may take another one next time.
        if (trx.isTransaction) clientOf.set(trx, client);
      }
      if (also) await copyBatch(client, [{ statement, chunks }, ...(also.copies ?? [])], also.then);
      else await pipeline(Readable.from(chunks), client.query(copyFrom(statement)));
    };
    const db = new Kysely<HubSchema>({ dialect: new PostgresDialect({ pool }) });
    hub = { db, engine: 'postgres', pool, copyCsv, close: () => db.destroy() };
  } else {
    const options = { parsers: { [INT8_OID]: (value: string) => Number(value) } };
    const pglite = 'dataDir' in target ? new PGlite(target.dataDir, options) : new PGlite(options);
    const db = new Kysely<HubSchema>({ dialect: new PGliteDialect(pglite) });
    const copyCsv: CopyCsv = async (_trx, statement, chunks, _backendPid, also) => {
      for (const copy of [{ statement, chunks }, ...(also?.copies ?? [])]) {
        await pglite.query(copy.statement.replace(/\bFROM STDIN\b/, "FROM '/dev/blob'"), [], { blob: new Blob([...copy.chunks]) });
      }
      if (also?.then) await pglite.exec(also.then);
    };
    hub = { db, engine: 'pglite', pglite, copyCsv, close: () => db.destroy() };
  }
  try {
    await migrateHubDatabase(hub.db, migrateTo);
  } catch (error) {
    await hub.close();
    throw error;
  }
  return hub;
}

/**
 * Runs the pending numbered migrations (up to `migrateTo` when given: the
 * stored-data tests write rows as an older hub did); throws with the failing migration's name.
 */
export async function migrateHubDatabase(db: Kysely<HubSchema>, migrateTo?: string): Promise<void> {
  const migrator = new Migrator({ db, provider: hubMigrationProvider });
  const { error, results } = migrateTo ? await migrator.migrateTo(migrateTo) : await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? '(unknown)';
    // PGlite rejects with plain objects ({ message, code, … }), not Errors.
    const reason = error instanceof Error ? error.message : JSON.stringify(error);
    throw new Error(`hub migration ${failed} failed: ${reason}`);
  }
}

/** The protocol's CopyDone message (type byte, then its length, 4). */
const COPY_DONE = Buffer.from([0x63, 0, 0, 0, 4]);

/**
 * Runs `copies` (each `COPY … FROM STDIN` with its rows) and then `then`
 * on `client` as one simple query: the statements joined in one Query
 * message, every COPY's rows (CopyData) and end (CopyDone) written right
 * behind it. The server reads them in order as it enters each COPY; after
 * an error it drops the rest of the message and whatever copy data still
 * arrives (the protocol's rule for a failed COPY), and answers ReadyForQuery
 * once. Resolves at that ReadyForQuery; rejects with the server's error.
 * A pg "submittable" (what pg-copy-streams is too), driven by pg's client.
 */
function copyBatch(client: pg.PoolClient, copies: NonNullable<CopyAlso['copies']>, then: string | undefined): Promise<void> {
  const text = [...copies.map((copy) => copy.statement), ...(then ? [then] : [])].join(';\n');
  // The protocol ends a query's text at a NUL: what follows one would never reach the server as meant.
  if (text.includes('\0')) return Promise.reject(new Error('COPY: a statement holds a NUL character'));
  return new Promise<void>((resolve, reject) => {
    let failed = false;
    const batch: pg.Submittable & Record<string, unknown> = {
      submit(connection) {
        // The whole message in one writev: the query and each COPY's framing are a few bytes each.
        connection.stream.cork();
        connection.query(text);
        for (const copy of copies) {
          for (const chunk of copy.chunks) {
            const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
            if (bytes.length === 0) continue;
            const head = Buffer.allocUnsafe(5);
            head[0] = 0x64;
            head.writeUInt32BE(bytes.length + 4, 1);
            connection.stream.write(head);
            connection.stream.write(bytes);
          }
          connection.stream.write(COPY_DONE);
        }
        connection.stream.uncork();
      },
      // pg's client calls these as the server answers; only the end and an error matter here.
      callback() {},
      handleCopyInResponse() {},
      handleCommandComplete() {},
      handleRowDescription() {},
      handleDataRow() {},
      handleEmptyQuery() {},
      handleError(error: Error) {
        failed = true;
        reject(error);
      },
      handleReadyForQuery() {
        if (!failed) resolve();
      },
    };
    client.query(batch);
  });
}

const COPY_TEXT_SPECIAL = /[\\\t\n\r]/;

/**
 * One field of a row for `COPY … FROM STDIN` in PostgreSQL's text format:
 * null as `\N`, backslash, tab, newline and carriage return escaped. JSON
 * bodies need no change at all unless they hold a backslash, unlike CSV,
 * where every quote of a JSON text is doubled.
 */
export function copyField(value: string | number | boolean | null): string {
  if (value === null) return '\\N';
  if (typeof value !== 'string') return String(value);
  return COPY_TEXT_SPECIAL.test(value) ? value.replace(/[\\\t\n\r]/g, (c) => COPY_ESCAPES[c]!) : value;
}

const COPY_ESCAPES: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };

/** One row as a COPY text-format line (fields by {@link copyField}, tab-separated, newline-ended). */
export function copyLine(fields: readonly (string | number | boolean | null)[]): string {
  let line = '';
  for (let i = 0; i < fields.length; i++) line += i === 0 ? copyField(fields[i]!) : `\t${copyField(fields[i]!)}`;
  return `${line}\n`;
}

/** Rows as COPY text-format lines (see {@link copyLine}), in chunks of `per` rows. */
export function copyRows<T>(rows: readonly T[], fields: (row: T, index: number) => (string | number | boolean | null)[], per = 5000): string[] {
  const chunks: string[] = [];
  for (let i = 0; i < rows.length; i += per) {
    let chunk = '';
    for (let j = i; j < Math.min(rows.length, i + per); j++) chunk += copyLine(fields(rows[j]!, j));
    chunks.push(chunk);
  }
  return chunks;
}
