// @vitest-environment node
/**
 * An officer's extension pushes its sync file to a real hub listening on
 * 127.0.0.1 (lib/office-push against lib/hub): synced once, a replay counts
 * as synced and changes nothing, a refusal is not retried, an unreachable
 * hub is retried with growing waits.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import type { HubDatabase } from '../../../lib/hub/db';
import { addOfficer } from '../../../lib/hub/officers';
import { createHubServer } from '../../../lib/hub/server';
import { backoffDelay, pushSyncFile } from '../../../lib/office-push';
import { getBuiltInProfile } from '../../../lib/policy';
import { openTestHub, tableCounts, twoOfficersFiles } from './support';

describe('an officer’s extension pushing to the office hub', () => {
  let hub: HubDatabase;
  let app: FastifyInstance;
  let url: string;
  let token: string;
  const waits: number[] = [];
  const sleep = (ms: number) => {
    waits.push(ms);
    return Promise.resolve();
  };

  beforeAll(async () => {
    hub = await openTestHub('pglite');
    app = createHubServer({ hub, policy: getBuiltInProfile('xuancheng-2015')! });
    url = await app.listen({ host: '127.0.0.1', port: 0 });
    token = (await addOfficer(hub.db, '李四', '市信息办', Date.now())).token;
  }, 120_000);

  afterAll(async () => {
    await app.close();
    await hub.close();
  });

  it('is synced with the ledger’s counts, and a replayed push changes nothing', async () => {
    const text = JSON.stringify(twoOfficersFiles().lisi);
    const first = await pushSyncFile({ url, token }, text, { sleep });
    expect(first).toMatchObject({ status: 'synced', attempts: 1, alreadyImported: false, import: { new: 10, officer: '李四' } });
    const before = await tableCounts(hub);
    const again = await pushSyncFile({ url: `${url}/`, token }, text, { sleep });
    expect(again).toMatchObject({ status: 'synced', alreadyImported: true });
    expect(await tableCounts(hub)).toEqual(before);
  });

  it('stops at a refusal and says why (a revoked or wrong token is not retried)', async () => {
    waits.length = 0;
    const outcome = await pushSyncFile({ url, token: 'yq_wrong' }, JSON.stringify(twoOfficersFiles().wangwu), { sleep });
    expect(outcome).toMatchObject({ status: 'refused', attempts: 1, code: 'token-unknown' });
    expect(waits).toEqual([]);
  });

  it('retries an unreachable hub with growing waits, then reports it failed', async () => {
    waits.length = 0;
    const outcome = await pushSyncFile({ url: 'http://127.0.0.1:9', token }, '{}', { sleep, maxAttempts: 4, backoffMs: 1000 });
    expect(outcome).toMatchObject({ status: 'failed', attempts: 4, message: expect.stringContaining('unreachable') });
    expect(waits).toEqual([1000, 2000, 4000]);
    expect(backoffDelay(20)).toBe(300_000);
  });
});
