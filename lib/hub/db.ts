/**
 * Opening the hub's database: an embedded PGlite in a data folder by
 * default, or a real PostgreSQL when a `postgres://` URL is given. Both go
 * through one Kysely instance with the same schema and numbered migrations.
 *
 * bigint columns (epoch ms, ids) are read as JS numbers on both: epoch ms
 * stay far below 2^53, and one reading avoids pg's strings vs PGlite's numbers.
 */
import { PGlite } from '@electric-sql/pglite';
import { Kysely, Migrator, PostgresDialect, type Generated } from 'kysely';
import pg from 'pg';
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
   * Bulk load for imports (embedded engine): runs `COPY <table> FROM '/dev/blob'`
   * with the given CSV chunks on PGlite's one session, so it joins the open
   * transaction. Absent on a server, where imports insert from arrays (unnest).
   */
  copyCsv?: CopyCsv;
  close(): Promise<void>;
}

/** COPY `statement` (… FROM '/dev/blob' WITH (FORMAT csv)) with the CSV text in `chunks`. */
export type CopyCsv = (statement: string, chunks: string[]) => Promise<void>;

/** Where the data lives: a PostgreSQL URL, a PGlite data folder, or in memory (tests). */
export type HubDatabaseTarget = { url: string } | { dataDir: string } | { memory: true };

/**
 * Opens (creating when needed) the hub database and runs pending migrations.
 * Throws when the server is unreachable or a migration fails (the failed
 * migration's transaction is rolled back; Kysely's Migrator runs each in one).
 */
export async function openHubDatabase(target: HubDatabaseTarget): Promise<HubDatabase> {
  let hub: HubDatabase;
  if ('url' in target) {
    if (!/^postgres(ql)?:\/\//.test(target.url)) throw new Error(`DATABASE_URL must start with postgres://, got ${target.url}`);
    const pool = new pg.Pool({
      connectionString: target.url,
      max: 4,
      types: { getTypeParser: (oid, format) => (oid === INT8_OID ? Number : pg.types.getTypeParser(oid, format)) },
    });
    const db = new Kysely<HubSchema>({ dialect: new PostgresDialect({ pool }) });
    hub = { db, engine: 'postgres', pool, close: () => db.destroy() };
  } else {
    const options = { parsers: { [INT8_OID]: (value: string) => Number(value) } };
    const pglite = 'dataDir' in target ? new PGlite(target.dataDir, options) : new PGlite(options);
    const db = new Kysely<HubSchema>({ dialect: new PGliteDialect(pglite) });
    const copyCsv: CopyCsv = async (statement, chunks) => {
      await pglite.query(statement, [], { blob: new Blob(chunks) });
    };
    hub = { db, engine: 'pglite', pglite, copyCsv, close: () => db.destroy() };
  }
  try {
    await migrateHubDatabase(hub.db);
  } catch (error) {
    await hub.close();
    throw error;
  }
  return hub;
}

/** Runs the pending numbered migrations; throws with the failing migration's name. */
export async function migrateHubDatabase(db: Kysely<HubSchema>): Promise<void> {
  const migrator = new Migrator({ db, provider: hubMigrationProvider });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? '(unknown)';
    // PGlite rejects with plain objects ({ message, code, … }), not Errors.
    const reason = error instanceof Error ? error.message : JSON.stringify(error);
    throw new Error(`hub migration ${failed} failed: ${reason}`);
  }
}
