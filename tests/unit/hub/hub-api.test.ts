// @vitest-environment node
/**
 * The office hub as officers and the office meet it over HTTP: pushes with
 * a token, the ledger's counts, and every refusal (no token, a revoked one,
 * an oversized body, a tampered file, a replay) leaving the database as it was.
 * Runs on PGlite, and on a real PostgreSQL when one is given.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import type { FastifyInstance } from 'fastify';
import type { HubDatabase } from '../../../lib/hub/db';
import { addOfficer, revokeOfficer } from '../../../lib/hub/officers';
import { createHubServer } from '../../../lib/hub/server';
import { makeInterimSyncFile } from '../../../lib/hub/interim-sync-file';
import { getBuiltInProfile } from '../../../lib/policy';
import { cst } from '../report/log';
import { emptyHub, HUB_ENGINES, openTestHub, tableCounts, twoOfficersFiles } from './support';

const policy = getBuiltInProfile('xuancheng-2015')!;
const NOW = cst('2027-01-31 12:00');

describe.each(HUB_ENGINES)('the office hub API on %s', (engine) => {
  let hub: HubDatabase;
  let app: FastifyInstance;
  let lisiToken: string;
  let wangwuToken: string;
  let officeToken: string;

  beforeAll(async () => {
    hub = await openTestHub(engine);
    app = createHubServer({ hub, policy, bodyLimit: 256 * 1024, now: () => NOW });
  }, 120_000);

  afterAll(async () => {
    await app.close();
    await hub.close();
  });

  beforeEach(async () => {
    await emptyHub(hub);
    lisiToken = (await addOfficer(hub.db, '李四', '市信息办', NOW)).token;
    wangwuToken = (await addOfficer(hub.db, '王五', '市住建局', NOW)).token;
    officeToken = (await addOfficer(hub.db, '张主任', '市委网信办', NOW, 'office')).token;
  });

  function push(body: string, token?: string) {
    return app.inject({
      method: 'POST',
      url: '/v1/sync-files',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      payload: body,
    });
  }

  it('imports both officers’ files and keeps a ledger of new, duplicate, conflicting and refused events', async () => {
    const { lisi, wangwu } = twoOfficersFiles();
    const first = await push(JSON.stringify(lisi), lisiToken);
    expect(first.statusCode).toBe(201);
    expect(first.json().import).toMatchObject({ officer: '李四', department: '市信息办', via: 'push', new: 10, duplicate: 0, conflict: 0, refused: 0 });

    const second = await push(JSON.stringify(wangwu), wangwuToken);
    expect(second.statusCode).toBe(201);
    // Two copies of 李四's events, one claim competing with 市信息办's on the night-market case.
    expect(second.json().import).toMatchObject({ officer: '王五', new: 8, duplicate: 2, conflict: 1, refused: 0 });

    expect(await tableCounts(hub)).toMatchObject({ imports: 2, events: 19, evidence: 1, conflicts: 1, cases: 5 });
    const conflicts = await app.inject({ url: '/v1/conflicts', headers: { authorization: `Bearer ${officeToken}` } });
    expect(conflicts.json().conflicts).toEqual([
      expect.objectContaining({ kind: 'competing-claim', case_id: 'c-market', event_id: 'c-market-wangwu-claim' }),
    ]);
    const ledger = await app.inject({ url: '/v1/imports', headers: { authorization: `Bearer ${officeToken}` } });
    expect(ledger.json().imports.map((row: { officer: string }) => row.officer)).toEqual(['王五', '李四']);
  });

  it('lists the night-market case first: it has a claim conflict for the office to assign', async () => {
    const { lisi, wangwu } = twoOfficersFiles();
    await push(JSON.stringify(lisi), lisiToken);
    await push(JSON.stringify(wangwu), wangwuToken);
    const response = await app.inject({ url: '/v1/cases', headers: { authorization: `Bearer ${officeToken}` } });
    const cases = response.json().cases as { case_id: string; conflict: boolean }[];
    expect(cases[0]).toMatchObject({ case_id: 'c-market', conflict: true });
    expect(cases.map((c) => c.case_id).sort()).toEqual(['a-water', 'b-lift', 'c-market', 'd-bus', 'e-last-quarter']);
  });

  describe('the office reads a city’s cases a page at a time', () => {
    const get = async (query: string) => app.inject({ url: `/v1/cases?${query}`, headers: { authorization: `Bearer ${officeToken}` } });
    const ids = (response: { json(): { cases: { case_id: string }[] } }) => response.json().cases.map((c) => c.case_id);

    beforeEach(async () => {
      const { lisi, wangwu } = twoOfficersFiles();
      await push(JSON.stringify(lisi), lisiToken);
      await push(JSON.stringify(wangwu), wangwuToken);
    });

    it('pages through every case, conflicts first then newest capture, and says how many there are in all', async () => {
      const first = await get('limit=2');
      expect(ids(first)).toEqual(['c-market', 'd-bus']);
      expect(first.json().total).toBe(5);
      expect(ids(await get('limit=2&offset=2'))).toEqual(['b-lift', 'a-water']);
      const last = await get('limit=2&offset=4');
      expect(ids(last)).toEqual(['e-last-quarter']);
      expect(last.json().total).toBe(5);
    });

    it('filters by tier and by department (its own or the one that claimed it), and counts only what matches', async () => {
      const general = await get('tier=general');
      expect(ids(general).sort()).toEqual(['a-water', 'b-lift']);
      expect(general.json().total).toBe(2);
      const tourism = await get('department=' + encodeURIComponent('市文旅局'));
      expect(ids(tourism)).toEqual(['e-last-quarter']);
      expect(tourism.json().total).toBe(1);
    });

    it('offers every department named on a case for the filter with the first page, however short the page', async () => {
      const departments = (await get('limit=1')).json().departments as string[];
      expect(departments).toEqual(expect.arrayContaining(['市信息办', '市住建局', '市文旅局']));
      expect(departments).toEqual([...departments].sort((a, b) => a.localeCompare(b, 'zh-CN')));
    });

    it('does not scan every case for the departments again on a later page or a read by ids (the console keeps the first list)', async () => {
      expect(Object.keys((await get('limit=1&offset=1')).json())).not.toContain('departments');
      expect(Object.keys((await get('ids=a-water')).json())).not.toContain('departments');
    });

    it('reads the cases behind a figure by their ids', async () => {
      expect(ids(await get('ids=a-water,e-last-quarter,no-such-case')).sort()).toEqual(['a-water', 'e-last-quarter']);
    });

    it('refuses an unknown tier and too many ids, naming the field', async () => {
      const tier = await get('tier=huge');
      expect(tier.statusCode).toBe(400);
      expect(tier.json().error.errors[0].path).toBe('tier');
      const many = await get('ids=' + Array.from({ length: 101 }, (_, i) => `c${String(i)}`).join(','));
      expect(many.statusCode).toBe(400);
      expect(many.json().error.errors[0].path).toBe('ids');
    });
  });

  it('settles the night-market conflict once the office’s 指定认领 reaches the hub (same rule as the console)', async () => {
    const { lisi, wangwu } = twoOfficersFiles();
    await push(JSON.stringify(lisi), lisiToken);
    await push(JSON.stringify(wangwu), wangwuToken);
    // The office assigned the case to 市住建局; 李四's desk received it in the office package and pushes it on.
    const assignment = {
      id: 'c-market-office-assigns',
      caseId: 'c-market',
      at: cst('2026-12-01 14:00'),
      actor: { officer: '张主任', department: '市委网信办' },
      type: 'assigned' as const,
      payload: { department: '市住建局' },
    };
    const file = makeInterimSyncFile({ ...lisi, exportedAt: lisi.exportedAt + 1, events: [assignment], evidence: [] });
    const response = await push(JSON.stringify(file), lisiToken);
    expect(response.json().import).toMatchObject({ new: 1, conflict: 0, refused: 0 });

    const conflicts = await app.inject({ url: '/v1/conflicts', headers: { authorization: `Bearer ${officeToken}` } });
    expect(conflicts.json().conflicts).toEqual([]);
    const cases = (await app.inject({ url: '/v1/cases', headers: { authorization: `Bearer ${officeToken}` } })).json().cases as {
      case_id: string;
      conflict: boolean;
      claimed_by: string;
    }[];
    expect(cases.find((c) => c.case_id === 'c-market')).toMatchObject({ conflict: false, claimed_by: '市住建局' });
    // The decision is kept: the conflict row stays, resolved at the assignment's time.
    const rows = await sql<{ resolved_at: string | number }>`SELECT resolved_at FROM conflicts WHERE event_id = 'c-market-wangwu-claim'`.execute(hub.db);
    expect(rows.rows.map((row) => Number(row.resolved_at))).toEqual([assignment.at]);
  });

  it('keeps an event that reuses a known id with other content aside, as a conflict', async () => {
    const { lisi } = twoOfficersFiles();
    await push(JSON.stringify(lisi), lisiToken);
    const altered = { ...lisi.events[1]!, at: lisi.events[1]!.at + 60_000 };
    const file = makeInterimSyncFile({ ...lisi, exportedAt: lisi.exportedAt + 1, events: [altered] });
    const response = await push(JSON.stringify(file), lisiToken);
    expect(response.json().import).toMatchObject({ new: 0, duplicate: 0, conflict: 1, refused: 0 });
    const stored = await sql<{ at: number }>`SELECT at FROM events WHERE id = ${altered.id}`.execute(hub.db);
    expect(stored.rows).toEqual([{ at: lisi.events[1]!.at }]);
  });

  it('stores an impossible event but counts it refused (a response before anyone claimed the case)', async () => {
    const { lisi } = twoOfficersFiles();
    await push(JSON.stringify(lisi), lisiToken);
    const early = {
      id: 'd-bus-early-reply',
      caseId: 'd-bus',
      at: cst('2026-12-20 11:00'),
      actor: { officer: '李四', department: '市信息办' },
      type: 'responded' as const,
      payload: { kind: 'reply' as const, channel: '网络新闻发言人' },
    };
    const file = makeInterimSyncFile({ ...lisi, exportedAt: lisi.exportedAt + 1, events: [early], evidence: [] });
    const response = await push(JSON.stringify(file), lisiToken);
    expect(response.json().import).toMatchObject({ new: 0, refused: 1 });
  });

  describe('refusals change nothing', () => {
    async function expectUnchanged(run: () => Promise<{ statusCode: number; json: () => unknown }>, status: number, code: string) {
      const { lisi } = twoOfficersFiles();
      await push(JSON.stringify(lisi), lisiToken);
      const before = await tableCounts(hub);
      const response = await run();
      expect(response.statusCode).toBe(status);
      expect(response.json()).toMatchObject({ error: { code } });
      expect(await tableCounts(hub)).toEqual(before);
      return response.json() as { error: { message: string; errors?: { path: string; message: string }[] } };
    }

    it('refuses a push without a token', async () => {
      const { wangwu } = twoOfficersFiles();
      const body = await expectUnchanged(() => push(JSON.stringify(wangwu)), 401, 'token-missing');
      expect(body.error.message).toContain('Authorization: Bearer');
    });

    it('refuses an unknown token', async () => {
      const { wangwu } = twoOfficersFiles();
      await expectUnchanged(() => push(JSON.stringify(wangwu), 'yq_not-a-real-token'), 401, 'token-unknown');
    });

    it('refuses a revoked token', async () => {
      const { wangwu } = twoOfficersFiles();
      const officer = await addOfficer(hub.db, '赵六', '市住建局', NOW);
      expect(await revokeOfficer(hub.db, officer.officer.id, NOW)).toBe(true);
      await expectUnchanged(() => push(JSON.stringify(wangwu), officer.token), 401, 'token-revoked');
    });

    it('refuses a body over the size limit before reading it', async () => {
      const { wangwu } = twoOfficersFiles();
      const huge = JSON.stringify({ ...wangwu, padding: 'x'.repeat(300 * 1024) });
      await expectUnchanged(() => push(huge, wangwuToken), 413, 'body-too-large');
    });

    it('refuses a file changed after export (digest mismatch)', async () => {
      const { wangwu } = twoOfficersFiles();
      const tampered = JSON.parse(JSON.stringify(wangwu)) as typeof wangwu;
      tampered.events[2]!.at += 3_600_000;
      const body = await expectUnchanged(() => push(JSON.stringify(tampered), wangwuToken), 422, 'invalid');
      expect(body.error.errors).toEqual([{ path: 'digest', message: expect.stringContaining('changed after export') }]);
    });

    it('refuses a truncated file', async () => {
      const { wangwu } = twoOfficersFiles();
      const text = JSON.stringify(wangwu);
      const body = await expectUnchanged(() => push(text.slice(0, text.length / 2), wangwuToken), 422, 'invalid');
      expect(body.error.errors?.[0]?.message).toContain('not JSON');
    });

    it('refuses an invalid event, naming its JSON path', async () => {
      const { wangwu } = twoOfficersFiles();
      const bad = JSON.parse(JSON.stringify(wangwu)) as { events: { at: unknown }[] };
      bad.events[3]!.at = 'yesterday';
      const body = await expectUnchanged(() => push(JSON.stringify(bad), wangwuToken), 422, 'invalid');
      expect(body.error.errors?.map((e) => e.path)).toContain('events.3.at');
    });

    it('refuses a file of a newer format version', async () => {
      const { wangwu } = twoOfficersFiles();
      const body = await expectUnchanged(() => push(JSON.stringify({ ...wangwu, formatVersion: 2 }), wangwuToken), 422, 'invalid');
      expect(body.error.errors).toEqual([{ path: 'formatVersion', message: expect.stringContaining('newer') }]);
    });

    it('refuses a replayed push of the same file', async () => {
      const { lisi } = twoOfficersFiles();
      const body = await expectUnchanged(() => push(JSON.stringify(lisi), lisiToken), 409, 'already-imported');
      expect(body.error.message).toContain('already imported');
    });

    it('refuses the same content sent with other spacing (same file digest)', async () => {
      const { lisi } = twoOfficersFiles();
      await expectUnchanged(() => push(JSON.stringify(lisi, null, 2), lisiToken), 409, 'already-imported');
    });

    it('refuses one officer pushing another officer’s file', async () => {
      const { wangwu } = twoOfficersFiles();
      await expectUnchanged(() => push(JSON.stringify(wangwu), lisiToken), 403, 'wrong-sender');
    });
  });

  it('authenticates every route, and lets only the office read reports', async () => {
    expect((await app.inject({ url: '/v1/reports/quarterly?year=2026&quarter=4' })).statusCode).toBe(401);
    expect((await app.inject({ url: '/v1/package' })).statusCode).toBe(401);
    const asOfficer = await app.inject({ url: '/v1/reports/quarterly?year=2026&quarter=4', headers: { authorization: `Bearer ${lisiToken}` } });
    expect(asOfficer.statusCode).toBe(403);
    const badQuery = await app.inject({ url: '/v1/reports/quarterly?year=2026&quarter=5', headers: { authorization: `Bearer ${officeToken}` } });
    expect(badQuery.statusCode).toBe(400);
    expect(badQuery.json().error.errors[0].path).toBe('quarter');
  });

  it('serves the office’s latest package to any officer, and says when there is none', async () => {
    const headers = { authorization: `Bearer ${lisiToken}` };
    expect((await app.inject({ url: '/v1/package', headers })).json()).toMatchObject({ error: { code: 'no-package' } });
    await hub.db.insertInto('packages').values({ body: sql`CAST(${JSON.stringify({ kind: 'office-package', version: 3 })} AS jsonb)`, published_at: NOW }).execute();
    const response = await app.inject({ url: '/v1/package', headers });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ kind: 'office-package', version: 3 });
  });

  it('never stores a token, only its hash', async () => {
    const rows = await sql<{ n: number }>`SELECT count(*)::int AS n FROM officers WHERE token_hash = ${lisiToken}`.execute(hub.db);
    expect(rows.rows[0]!.n).toBe(0);
  });
});
