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

describe.each(HUB_ENGINES)('hub migrations on %s', (engine) => {
  let hub: HubDatabase;
  beforeAll(async () => {
    hub = await openTestHub(engine);
  }, 120_000);
  afterAll(async () => {
    await hub.close();
  });

  it('records 001-initial once; running the migrations again changes nothing', async () => {
    await migrateHubDatabase(hub.db);
    const applied = await sql<{ name: string }>`SELECT name FROM kysely_migration ORDER BY name`.execute(hub.db);
    expect(applied.rows.map((row) => row.name)).toEqual(['001-initial']);
  });

  it('reads an officer, a ledger row and events stored under 001 (stored-data fixture)', async () => {
    // As migration 001's hub wrote them: SHA-256 of the token 'yq_fixture', one folder import, one capture.
    await sql`INSERT INTO officers (name, department, role, token_hash, created_at, revoked_at)
      VALUES ('李四', '市信息办', 'officer', '0d6a9eaf026f670a770ebbe7108daa13e19691cb1ebced8543136034f63d742c', 1795000000000, NULL)`.execute(hub.db);
    await sql`INSERT INTO imports (raw_digest, file_digest, officer_id, officer, department, via, events_new, imported_at)
      VALUES (${'1'.repeat(64)}, ${'2'.repeat(64)}, 1, '李四', '市信息办', 'folder', 1, 1795000000000)`.execute(hub.db);
    const capture = {
      id: 'fx-e01',
      caseId: 'fx-case',
      at: Date.parse('2026-12-01T10:00:00+08:00'),
      actor: { officer: '李四', department: '市信息办' },
      type: 'captured',
      payload: {
        url: 'https://bbs.example.cn/thread-9-1-1.html',
        canonicalUrl: 'https://bbs.example.cn/thread-9.html',
        site: 'discuz',
        postId: '9',
        title: '夜市占道经营扰民',
        excerpt: '夜市占道经营扰民',
        matchedTerms: ['夜市'],
        digest: 'c'.repeat(64),
      },
    };
    await sql`INSERT INTO events (id, case_id, type, at, officer, department, content_digest, body, import_id)
      VALUES ('fx-e01', 'fx-case', 'captured', ${capture.at}, '李四', '市信息办', ${'3'.repeat(64)}, CAST(${JSON.stringify(capture)} AS jsonb), 1)`.execute(hub.db);

    expect(await rebuildAllCases(hub.db, policy)).toBe(1);
    expect(await dailyLogSql(hub.db, '2026-12-01')).toEqual([
      expect.objectContaining({ caseId: 'fx-case', title: '夜市占道经营扰民', status: 'captured' }),
    ]);
    // Tokens issued under 001 still open the hub: the hash is the same SHA-256.
    expect(await authenticateToken(hub.db, 'yq_fixture')).toMatchObject({ ok: true, officer: { name: '李四', role: 'officer' } });
    expect(await authenticateToken(hub.db, 'yq_guess')).toEqual({ ok: false, reason: 'unknown' });
  });
});
