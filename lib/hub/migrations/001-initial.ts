/**
 * Migration 001 (frozen: never edit, never import today's code): the hub's
 * first schema. Plain SQL that PostgreSQL 15+ and PGlite both run.
 *
 * - `events` is insert-only (the README grants the hub's role no UPDATE or
 *   DELETE on it); its columns are the event's envelope, `body` the whole
 *   event, `content_digest` the SHA-256 of its canonical JSON so a replayed
 *   id with other content is told apart from a duplicate without reading bodies.
 * - `imports` is the ledger; `raw_digest` (bytes received) and `file_digest`
 *   (the file's own digest) are unique, so a known file is refused by one index probe.
 * - `cases` and `case_deadlines` are projections rebuilt per touched case at
 *   import (derived, so they may be updated); the SQL reports read them.
 */
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE officers (
      id serial PRIMARY KEY,
      name text NOT NULL,
      department text NOT NULL,
      role text NOT NULL CHECK (role IN ('officer', 'office')),
      token_hash text NOT NULL UNIQUE,
      created_at bigint NOT NULL,
      revoked_at bigint
    )`.execute(db);
  await sql`
    CREATE TABLE imports (
      id bigserial PRIMARY KEY,
      raw_digest text NOT NULL UNIQUE,
      file_digest text NOT NULL UNIQUE,
      officer_id integer REFERENCES officers (id),
      officer text NOT NULL,
      department text NOT NULL,
      via text NOT NULL CHECK (via IN ('push', 'folder')),
      events_new integer NOT NULL DEFAULT 0,
      events_duplicate integer NOT NULL DEFAULT 0,
      events_conflict integer NOT NULL DEFAULT 0,
      events_refused integer NOT NULL DEFAULT 0,
      imported_at bigint NOT NULL
    )`.execute(db);
  // No foreign key from events to imports: it would cost a probe per inserted
  // row at a million rows, and both are written in the same transaction.
  await sql`
    CREATE TABLE events (
      id text PRIMARY KEY,
      case_id text NOT NULL,
      type text NOT NULL,
      at bigint NOT NULL,
      officer text NOT NULL,
      department text NOT NULL,
      content_digest text NOT NULL,
      body jsonb NOT NULL,
      import_id bigint NOT NULL
    )`.execute(db);
  // Replaying a touched case reads all its events.
  await sql`CREATE INDEX events_case_id ON events (case_id)`.execute(db);
  await sql`
    CREATE TABLE evidence (
      digest text PRIMARY KEY,
      case_id text NOT NULL,
      text text NOT NULL,
      html text,
      import_id bigint NOT NULL
    )`.execute(db);
  await sql`
    CREATE TABLE conflicts (
      id bigserial PRIMARY KEY,
      kind text NOT NULL CHECK (kind IN ('same-id-other-content', 'competing-claim')),
      case_id text NOT NULL,
      event_id text NOT NULL,
      incoming_digest text NOT NULL,
      detail jsonb NOT NULL,
      import_id bigint NOT NULL,
      resolved_at bigint,
      UNIQUE (kind, event_id, incoming_digest)
    )`.execute(db);
  await sql`
    CREATE TABLE cases (
      case_id text PRIMARY KEY,
      captured_at bigint NOT NULL,
      last_at bigint NOT NULL,
      title text NOT NULL,
      url text NOT NULL,
      site text NOT NULL,
      tier text,
      department text,
      claimed_by text,
      claimed_at bigint,
      assigned boolean NOT NULL,
      responded_at bigint,
      status text NOT NULL,
      closed_at bigint,
      event_count integer NOT NULL,
      rejected_events integer NOT NULL,
      policy_id text NOT NULL
    )`.execute(db);
  // The bulletin picks the quarter's cases by first capture.
  await sql`CREATE INDEX cases_captured_at ON cases (captured_at)`.execute(db);
  await sql`
    CREATE TABLE case_deadlines (
      case_id text NOT NULL,
      rule_id text NOT NULL,
      step text NOT NULL,
      started_at bigint NOT NULL,
      limit_at bigint NOT NULL,
      done_at bigint,
      optional boolean NOT NULL,
      response_step boolean NOT NULL,
      PRIMARY KEY (case_id, rule_id)
    )`.execute(db);
  await sql`
    CREATE TABLE packages (
      id bigserial PRIMARY KEY,
      body jsonb NOT NULL,
      published_at bigint NOT NULL
    )`.execute(db);
}
