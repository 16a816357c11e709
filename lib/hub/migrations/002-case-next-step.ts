/**
 * Migration 002 (frozen: never edit, never import today's code): each case
 * row carries what the console's case list shows beside it — the next step
 * by the procedure, the most urgent open deadline with its step and whether
 * it runs past the official calendar (暂定), and the post's author — the
 * same fields as the extension's own case projection, so a case listed from
 * the hub reads like the same case in the officer's console.
 *
 * Rows projected before have no values for them: their policy mark is
 * cleared so the hub re-projects them from the events at its next start
 * (`rebuildAllCases` picks every row whose policy differs from the hub's).
 */
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    ALTER TABLE cases
      ADD COLUMN next_step text,
      ADD COLUMN next_deadline_at bigint,
      ADD COLUMN next_deadline_step text,
      ADD COLUMN provisional boolean NOT NULL DEFAULT false,
      ADD COLUMN author text`.execute(db);
  await sql`UPDATE cases SET policy_id = '(before 002: to re-project)'`.execute(db);
}
