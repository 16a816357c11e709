/**
 * Importing one sync file into the hub: the same path for a push over HTTP
 * and for a folder import. Refusals change nothing; an accepted file is one
 * transaction: ledger row, events (`INSERT … ON CONFLICT (id) DO NOTHING`),
 * evidence by digest, conflicts, and the touched cases' projection.
 *
 * Order of checks, cheapest first: the bytes' SHA-256 against the ledger
 * (one index probe, so a replayed file costs no parsing), then JSON, schema
 * and digest, then the sender, then the file's own digest against the ledger.
 */
import { sql, type Insertable, type Kysely } from 'kysely';
import type { CaseEvent } from '../cases';
import type { PolicyProfile } from '../policy/schema';
import { canonicalJson, sha256Hex } from './canonical';
import { copyRows, type ConflictsTable, type CopyCsv, type HubSchema } from './db';
import type { SyncFileProblem } from './interim-sync-file';
import { readHubSyncFile } from './read-sync-file';
import type { Officer } from './officers';
import { rebuildCases } from './projection';

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
  { policy, now, copyCsv }: ImportOptions,
): Promise<ImportResult> {
  const rawDigest = sha256Hex(text);
  const known = await findImport(db, 'raw_digest', rawDigest);
  if (known) return { ok: false, refusal: alreadyImported(known) };

  const parsed = readHubSyncFile(text);
  if (!parsed.ok) {
    return { ok: false, refusal: { code: 'invalid', message: `the file was refused: ${parsed.errors.length} problem(s)`, errors: parsed.errors } };
  }
  const file = parsed.value;
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
  const sameContent = await findImport(db, 'file_digest', file.digest);
  if (sameContent) return { ok: false, refusal: alreadyImported(sameContent) };

  try {
    const record = await db.transaction().execute(async (trx) => {
      await sql`SELECT pg_advisory_xact_lock(${IMPORT_LOCK_KEY})`.execute(trx);
      const ledger = await trx
        .insertInto('imports')
        .values({
          raw_digest: rawDigest,
          file_digest: file.digest,
          officer_id: source.officer?.id ?? null,
          officer: file.exporters.map((e) => e.officer).join(', ').slice(0, 1000),
          department: [...new Set(file.exporters.map((e) => e.department))].join(', ').slice(0, 1000),
          via: source.via,
          imported_at: now,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      const counts = await storeEvents(trx, ledger.id, file.events, policy, copyCsv);
      if (file.evidence.length > 0) {
        await sql`
          INSERT INTO evidence (digest, case_id, text, html, import_id)
          SELECT d, c, t, h, ${ledger.id} FROM unnest(
            ${file.evidence.map((e) => e.digest)}::text[], ${file.evidence.map((e) => e.caseId)}::text[],
            ${file.evidence.map((e) => e.text)}::text[], ${file.evidence.map((e) => e.html ?? null)}::text[]
          ) AS x(d, c, t, h)
          ON CONFLICT (digest) DO NOTHING`.execute(trx);
      }
      await trx
        .updateTable('imports')
        .set({
          events_new: counts.new,
          events_duplicate: counts.duplicate,
          events_conflict: counts.conflict,
          events_refused: counts.refused,
        })
        .where('id', '=', ledger.id)
        .execute();
      const record: ImportRecord = {
        id: ledger.id,
        fileDigest: file.digest,
        officer: file.exporters.map((e) => e.officer).join(', ').slice(0, 1000),
        department: [...new Set(file.exporters.map((e) => e.department))].join(', ').slice(0, 1000),
        via: source.via,
        importedAt: now,
        ...counts,
      };
      return record;
    });
    return { ok: true, record };
  } catch (error) {
    // Two pushes of one file at once: the second meets the unique ledger key.
    const again = await findImport(db, 'raw_digest', rawDigest);
    if (again) return { ok: false, refusal: alreadyImported(again) };
    throw error;
  }
}

const EVENT_CHUNK = 5000;

async function storeEvents(
  trx: Kysely<HubSchema>,
  importId: number,
  events: readonly CaseEvent[],
  policy: PolicyProfile,
  copyCsv?: CopyCsv,
): Promise<ImportCounts> {
  const counts: ImportCounts = { new: 0, duplicate: 0, conflict: 0, refused: 0 };
  const pendingConflicts: Insertable<ConflictsTable>[] = [];
  // The parsed event's JSON is canonical: zod builds it in the schema's key order
  // whatever order the exporter wrote. It is both the stored body and what is digested.
  const bodies = events.map((event) => JSON.stringify(event));
  const digests = bodies.map((body) => sha256Hex(body));
  const newIds = new Set<string>();
  const touched = new Set<string>();
  const byId = new Map<string, { event: CaseEvent; digest: string }[]>();
  for (let i = 0; i < events.length; i++) {
    const event = events[i]!;
    const list = byId.get(event.id);
    if (list) list.push({ event, digest: digests[i]! });
    else byId.set(event.id, [{ event, digest: digests[i]! }]);
  }
  if (copyCsv) {
    for (const id of await insertByCopy(trx, copyCsv, importId, events, digests, bodies)) newIds.add(id);
  } else {
    for (let i = 0; i < events.length; i += EVENT_CHUNK) {
      const chunk = events.slice(i, i + EVENT_CHUNK);
      const chunkDigests = digests.slice(i, i + EVENT_CHUNK);
      const chunkBodies = bodies.slice(i, i + EVENT_CHUNK);
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
  for (const id of newIds) touched.add(byId.get(id)![0]!.event.caseId);

  // Everything not inserted: compare with what is stored.
  const others = events.length - newIds.size;
  if (others > 0) {
    const candidateIds = [...byId.keys()];
    const stored = new Map<string, string>();
    for (let i = 0; i < candidateIds.length; i += EVENT_CHUNK) {
      const chunk = candidateIds.slice(i, i + EVENT_CHUNK);
      const rows = await sql<{ id: string; content_digest: string }>`
        SELECT id, content_digest FROM events WHERE id = ANY(${chunk}::text[])`.execute(trx);
      for (const row of rows.rows) stored.set(row.id, row.content_digest);
    }
    for (const [id, copies] of byId) {
      copies.forEach((copy, index) => {
        if (index === 0 && newIds.has(id)) return;
        if (stored.get(id) === copy.digest) {
          counts.duplicate += 1;
          return;
        }
        counts.conflict += 1;
        pendingConflicts.push({
          kind: 'same-id-other-content',
          case_id: copy.event.caseId,
          event_id: id,
          incoming_digest: copy.digest,
          detail: jsonb({ storedDigest: stored.get(id), incoming: copy.event }),
          import_id: importId,
        });
      });
    }
  }

  const fresh = [...newIds].map((id) => byId.get(id)![0]!.event);
  const outcome = await rebuildCases(trx, [...touched], policy, { importId, fresh }, copyCsv);
  // The four counts partition the file's events: a stored event that replay
  // refuses or that competes with another department's claim is not "new".
  for (const id of newIds) if (outcome.refusedEventIds.has(id)) counts.refused += 1;
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
    if (newIds.has(claim.id)) {
      counts.conflict += 1;
      counts.new -= 1;
    }
  }
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
  return counts;
}

/**
 * The file's events through COPY into a session-local staging table, then
 * one `INSERT … SELECT … ON CONFLICT (id) DO NOTHING`: this skips building
 * and parsing eight huge array parameters (the JSON bodies escaped twice),
 * which cost more than the insert itself. Same rows, same insert-only rule;
 * the staging rows vanish at commit (or rollback). Returns the ids actually inserted.
 */
async function insertByCopy(
  trx: Kysely<HubSchema>,
  copyCsv: CopyCsv,
  importId: number,
  events: readonly CaseEvent[],
  digests: readonly string[],
  bodies: readonly string[],
): Promise<string[]> {
  await sql`CREATE TEMP TABLE IF NOT EXISTS hub_staging_events (
      id text, case_id text, type text, at bigint, officer text, department text, content_digest text, body text
    ) ON COMMIT DELETE ROWS`.execute(trx);
  const chunks = copyRows(events, (e, i) => [e.id, e.caseId, e.type, e.at, e.actor.officer, e.actor.department, digests[i]!, bodies[i]!]);
  await copyCsv(trx, 'COPY hub_staging_events FROM STDIN', chunks);
  const inserted = await sql<{ id: string }>`
    INSERT INTO events (id, case_id, type, at, officer, department, content_digest, body, import_id)
    SELECT id, case_id, type, at, officer, department, content_digest, body::jsonb, ${importId} FROM hub_staging_events
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
