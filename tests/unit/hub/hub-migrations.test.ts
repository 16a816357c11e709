// @vitest-environment node
/**
 * The hub's numbered migrations: a fresh database gets them all, a second
 * run changes nothing, and rows stored under migration 001 (written here as
 * the SQL the hub wrote then) are read by today's projection and reports.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { migrateHubDatabase, type HubDatabase } from '../../../lib/hub/db';
import { rebuildAllCases } from '../../../lib/hub/projection';
import { dailyLogSql } from '../../../lib/hub/reports';
import { authenticateToken } from '../../../lib/hub/officers';
import { getBuiltInProfile } from '../../../lib/policy';
import { HUB_ENGINES, openTestHub } from './support';

const policy = getBuiltInProfile('xuancheng-2015')!;

/** A ledger row of a folder import as 001's hub wrote it (digests: 64 times the given digit). */
async function storeFolderImport(db: HubDatabase['db'], raw: string, file: string) {
  await sql`INSERT INTO imports (raw_digest, file_digest, officer_id, officer, department, via, events_new, imported_at)
    VALUES (${raw.repeat(64)}, ${file.repeat(64)}, NULL, '李四', '市信息办', 'folder', 1, 1795000000000)`.execute(db);
}

/** A capture event as 001's hub stored it (body, envelope columns, a made-up content digest). */
async function storeCapture(db: HubDatabase['db'], n: number, title: string, importId: number) {
  const capture = {
    id: `fx${String(n)}-e01`,
    caseId: `fx${String(n)}-case`,
    at: Date.parse('2026-12-01T10:00:00+08:00'),
    actor: { officer: '李四', department: '市信息办' },
    type: 'captured',
    payload: {
      url: `https://bbs.example.cn/thread-${String(n)}-1-1.html`,
      canonicalUrl: `https://bbs.example.cn/thread-${String(n)}.html`,
      site: 'discuz',
      postId: String(n),
      title,
      excerpt: title,
      matchedTerms: [title.slice(0, 2)],
      digest: 'c'.repeat(64),
    },
  };
  await sql`INSERT INTO events (id, case_id, type, at, officer, department, content_digest, body, import_id)
    VALUES (${capture.id}, ${capture.caseId}, 'captured', ${capture.at}, '李四', '市信息办', ${'3'.repeat(64)}, CAST(${JSON.stringify(capture)} AS jsonb), ${importId})`.execute(db);
  return capture;
}

describe.each(HUB_ENGINES)('hub migrations on %s', (engine) => {
  let hub: HubDatabase;
  beforeAll(async () => {
    hub = await openTestHub(engine);
  }, 120_000);
  afterAll(async () => {
    await hub.close();
  }, 60_000);

  it('records each migration once; running the migrations again changes nothing', async () => {
    await migrateHubDatabase(hub.db);
    const applied = await sql<{ name: string }>`SELECT name FROM kysely_migration ORDER BY name`.execute(hub.db);
    expect(applied.rows.map((row) => row.name)).toEqual(['001-initial', '002-case-next-step', '003-key-collation-c']);
  });

  it('reads an officer, a ledger row and events stored under 001 (stored-data fixture)', async () => {
    // As migration 001's hub wrote them: SHA-256 of the token 'yq_fixture', one folder import, one capture.
    await sql`INSERT INTO officers (name, department, role, token_hash, created_at, revoked_at)
      VALUES ('李四', '市信息办', 'officer', '0d6a9eaf026f670a770ebbe7108daa13e19691cb1ebced8543136034f63d742c', 1795000000000, NULL)`.execute(hub.db);
    await sql`INSERT INTO imports (raw_digest, file_digest, officer_id, officer, department, via, events_new, imported_at)
      VALUES (${'1'.repeat(64)}, ${'2'.repeat(64)}, 1, '李四', '市信息办', 'folder', 1, 1795000000000)`.execute(hub.db);
    await storeCapture(hub.db, 9, '夜市占道经营扰民', 1);

    expect(await rebuildAllCases(hub.db, policy)).toBe(1);
    expect(await dailyLogSql(hub.db, '2026-12-01')).toEqual([
      expect.objectContaining({ caseId: 'fx9-case', title: '夜市占道经营扰民', status: 'captured' }),
    ]);
    // Tokens issued under 001 still open the hub: the hash is the same SHA-256.
    expect(await authenticateToken(hub.db, 'yq_fixture')).toMatchObject({ ok: true, officer: { name: '李四', role: 'officer' } });
    expect(await authenticateToken(hub.db, 'yq_guess')).toEqual({ ok: false, reason: 'unknown' });
  });

  it('a case row projected before 002 gets its next step and deadline at the next start (stored-data fixture)', async () => {
    // Only 001 applied, one capture stored and its case projected as 001's hub wrote it.
    const old = await openTestHub(engine, { migrateTo: '001-initial' });
    try {
      await storeFolderImport(old.db, '4', '5');
      const capture = await storeCapture(old.db, 10, '学校门口交通拥堵', 1);
      await sql`INSERT INTO cases (case_id, captured_at, last_at, title, url, site, tier, department, claimed_by, claimed_at,
          assigned, responded_at, status, closed_at, event_count, rejected_events, policy_id)
        VALUES (${capture.caseId}, ${capture.at}, ${capture.at}, '学校门口交通拥堵', ${capture.payload.url}, 'discuz', NULL, NULL, NULL, NULL,
          false, NULL, 'captured', NULL, 1, 0, ${policy.id})`.execute(old.db);

      await migrateHubDatabase(old.db);
      // Marked for re-projection, then re-projected as the hub does when it starts.
      expect(await rebuildAllCases(old.db, policy)).toBe(1);
      const row = await old.db.selectFrom('cases').selectAll().where('case_id', '=', capture.caseId).executeTakeFirstOrThrow();
      // A captured, unclaimed case: the next step is to claim it (认领); the policy's clocks start at the 研判 tier, so none runs yet.
      expect(row).toMatchObject({ policy_id: policy.id, next_step: 'claim', next_deadline_at: null, next_deadline_step: null, provisional: false, author: null });
    } finally {
      await old.close();
    }
  }, 120_000);

  it('events, case rows and deadlines stored before 003 read the same with their keys compared by code point (stored-data fixture)', async () => {
    // Up to 002: a capture, a claim and an assessment stored and their case projected (row and deadlines) as 002's hub wrote them.
    const old = await openTestHub(engine, { migrateTo: '002-case-next-step' });
    try {
      await storeFolderImport(old.db, '6', '7');
      const capture = await storeCapture(old.db, 11, '菜市场噪音扰民', 1);
      // Claimed and assessed: the policy's clocks run, so the case has deadline rows.
      const later = [
        { id: 'fx11-e02', type: 'claimed', payload: { department: '市信息办' } },
        { id: 'fx11-e03', type: 'assessed', payload: { tier: 'general', category: 'other', department: '市信息办', flags: [], mustRespondCriteria: [], reasons: [] } },
      ];
      for (const [n, event] of later.entries()) {
        const at = capture.at + (n + 1) * 60_000;
        const body = { id: event.id, caseId: capture.caseId, at, actor: capture.actor, type: event.type, payload: event.payload };
        await sql`INSERT INTO events (id, case_id, type, at, officer, department, content_digest, body, import_id)
          VALUES (${event.id}, ${capture.caseId}, ${event.type}, ${at}, '李四', '市信息办', ${'3'.repeat(64)}, CAST(${JSON.stringify(body)} AS jsonb), 1)`.execute(old.db);
      }
      expect(await rebuildAllCases(old.db, policy)).toBe(1);
      const snapshot = async () => ({
        events: (await sql`SELECT * FROM events ORDER BY id`.execute(old.db)).rows,
        cases: await old.db.selectFrom('cases').selectAll().execute(),
        deadlines: await old.db.selectFrom('case_deadlines').selectAll().orderBy('rule_id').execute(),
      });
      const before = await snapshot();
      expect(before.cases).toHaveLength(1);
      expect(before.deadlines.length).toBeGreaterThan(0);

      await migrateHubDatabase(old.db);
      expect(await snapshot()).toEqual(before);
      const collations = await sql<{ table_name: string; column_name: string; collation_name: string | null }>`
        SELECT table_name, column_name, collation_name FROM information_schema.columns
        WHERE (table_name, column_name) IN (('events', 'id'), ('events', 'case_id'), ('cases', 'case_id'), ('case_deadlines', 'case_id'), ('case_deadlines', 'rule_id'))
        ORDER BY table_name, column_name`.execute(old.db);
      expect(collations.rows.map((row) => `${row.table_name}.${row.column_name}: ${String(row.collation_name)}`)).toEqual([
        'case_deadlines.case_id: C',
        'case_deadlines.rule_id: C',
        'cases.case_id: C',
        'events.case_id: C',
        'events.id: C',
      ]);
      // Their statistics, which the change of type dropped, are there again for the planner.
      const analysed = await sql<{ column: string }>`
        SELECT tablename || '.' || attname AS column FROM pg_stats
        WHERE (tablename, attname) IN (('events', 'id'), ('events', 'case_id'), ('cases', 'case_id'), ('case_deadlines', 'case_id'), ('case_deadlines', 'rule_id'))
        ORDER BY 1`.execute(old.db);
      expect(analysed.rows.map((row) => row.column)).toEqual(['case_deadlines.case_id', 'case_deadlines.rule_id', 'cases.case_id', 'events.case_id', 'events.id']);
      // Still one event per id, found by its id and by its case as before.
      await expect(storeCapture(old.db, 11, '菜市场噪音扰民', 2)).rejects.toMatchObject({ code: '23505' });
      expect((await sql`SELECT id FROM events WHERE id = ${capture.id}`.execute(old.db)).rows).toHaveLength(1);
      expect((await sql`SELECT id FROM events WHERE case_id = ANY(${[capture.caseId]}::text[])`.execute(old.db)).rows).toHaveLength(3);
      // The projection is rebuilt from the stored events as before.
      await sql`UPDATE cases SET policy_id = 'other'`.execute(old.db);
      expect(await rebuildAllCases(old.db, policy)).toBe(1);
      expect(await snapshot()).toEqual(before);
    } finally {
      await old.close();
    }
  }, 120_000);
});
