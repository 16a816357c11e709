/**
 * Migration 003 (frozen: never edit, never import today's code): the keys
 * every import writes to an index — the events' ids and case ids, the case
 * rows' ids and the deadline rows' keys — compare by code point (collation
 * "C") instead of the database's default collation.
 *
 * Each stored event costs an insert into the events' primary key and case
 * index, and each case and deadline row one into theirs: with a libc
 * collation every comparison on the way down a btree goes through strcoll;
 * with "C" it is a byte comparison. Measured on PostgreSQL 15 (database
 * collation C.UTF-8), 1,000,000 events by COPY into `events` with both
 * indexes: 4.26 / 4.27 / 4.38 s of server CPU against 4.54 / 4.83 / 4.87 s,
 * alternated; the 1,000,000-event import's transactions (files prepared
 * beforehand): 6.49 / 6.55 / 6.59 s against 6.82 / 6.64 / 6.95 s.
 *
 * What reads the same: equality (every collation here is deterministic: equal
 * means the same bytes), so each id stays unique and every lookup finds what
 * it found; the reports' orderings, which already sort ids by code point
 * (`COLLATE "C"`), as the extension's console does. The case list's and the
 * daily log's last tie-break (`ORDER BY … case_id`, for cases captured in the
 * same millisecond) follows code point order now; it did already on PGlite
 * and on a server whose default collation is C or C.UTF-8. The indexes are
 * rebuilt; no row changes (text to text: the table is not rewritten).
 *
 * Changing a column's type drops its statistics, so the three tables are
 * analysed again at once: without, until autovacuum came by, the planner
 * chose worse plans for the bulletin (1,000,000 events, load ~10:
 * 2,144 → 692 ms over four runs right after the migration; 277–340 ms
 * after ANALYZE). On a 1,000,000-event hub the migration took 4.6 s.
 */
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    ALTER TABLE events
      ALTER COLUMN id TYPE text COLLATE "C",
      ALTER COLUMN case_id TYPE text COLLATE "C"`.execute(db);
  await sql`ALTER TABLE cases ALTER COLUMN case_id TYPE text COLLATE "C"`.execute(db);
  await sql`
    ALTER TABLE case_deadlines
      ALTER COLUMN case_id TYPE text COLLATE "C",
      ALTER COLUMN rule_id TYPE text COLLATE "C"`.execute(db);
  await sql`ANALYZE events, cases, case_deadlines`.execute(db);
}
