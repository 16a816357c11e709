// @vitest-environment node
/**
 * The desk's "上报至办公室" against a real hub on 127.0.0.1: the link is saved
 * only once the hub confirms the token, a push sends what is new since the
 * last push and shows the hub's counts, and every failure — unreachable hub,
 * revoked token, a file over the size limit — is shown in Chinese, keeps the
 * last successful sync time, and sends the same records again next time.
 */
import 'fake-indexeddb/auto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { AppDB } from '../../../lib/db/app-db';
import { appendEvent } from '../../../lib/db/repos/events';
import type { HubDatabase } from '../../../lib/hub/db';
import { addOfficer, revokeOfficer } from '../../../lib/hub/officers';
import { createHubServer } from '../../../lib/hub/server';
import { createTranslator } from '../../../lib/i18n';
import { connectOfficeHub, officeHubView, pushDeskToHub, saveOfficeHubConfig, type OfficeHubStore } from '../../../lib/office-push/desk';
import { officeHubStatusText } from '../../../components/OfficeHubPanel';
import { getBuiltInProfile } from '../../../lib/policy';
import { cst, LI_MING, recordLiMing } from '../../fixtures/sync/officers';
import { openTestHub, tableCounts } from './support';

const policy = getBuiltInProfile('xuancheng-2015')!;
const zh = createTranslator('zh_CN');
const NOW = cst('2024-08-06 09:00');
/** No waiting between retries in tests. */
const quick = { sleep: () => Promise.resolve(), maxAttempts: 2 };

function memoryStore(): OfficeHubStore & { items: Record<string, unknown> } {
  const items: Record<string, unknown> = {};
  return {
    items,
    get: (keys) => Promise.resolve(Object.fromEntries(keys.filter((k) => k in items).map((k) => [k, structuredClone(items[k])]))),
    set: (values) => Promise.resolve(void Object.assign(items, structuredClone(values))),
    remove: (keys) => Promise.resolve(keys.forEach((k) => delete items[k])),
  };
}

const opened: AppDB[] = [];
async function liMingsDesk(): Promise<AppDB> {
  const db = new AppDB(`desk-push-${crypto.randomUUID()}`, { now: () => NOW });
  opened.push(db);
  await recordLiMing(db);
  return db;
}
afterEach(() => {
  for (const db of opened.splice(0)) db.close();
});

describe('the desk’s office hub link (上报至办公室)', () => {
  let hub: HubDatabase;
  let app: FastifyInstance;
  let small: FastifyInstance;
  let url: string;
  let smallUrl: string;

  beforeAll(async () => {
    hub = await openTestHub('pglite');
    app = createHubServer({ hub, policy, now: () => NOW });
    url = await app.listen({ host: '127.0.0.1', port: 0 });
    // The same database behind a hub whose body limit is smaller than one officer's file.
    small = createHubServer({ hub, policy, now: () => NOW, bodyLimit: 2_000 });
    smallUrl = await small.listen({ host: '127.0.0.1', port: 0 });
  }, 120_000);

  afterAll(async () => {
    await app.close();
    await small.close();
    await hub.close();
  });

  it('refuses an address that is not http(s) or a token too short, storing nothing', async () => {
    const store = memoryStore();
    const badUrl = await saveOfficeHubConfig(store, { url: 'ftp://hub.example.gov.cn', token: 'yq_0123456789abcdefghij', auto: false });
    expect(badUrl).toMatchObject({ ok: false, error: { code: 'invalid-input', issues: [{ path: 'url' }] } });
    const badToken = await saveOfficeHubConfig(store, { url: 'https://hub.example.gov.cn', token: 'abc', auto: false });
    expect(badToken).toMatchObject({ ok: false, error: { code: 'invalid-input', issues: [{ path: 'token' }] } });
    expect(store.items).toEqual({});
  });

  it('saves the link only when the hub knows the token, and names its holder', async () => {
    const store = memoryStore();
    const unknown = await connectOfficeHub(store, { url, token: 'yq_not-a-token-the-office-issued', auto: true });
    expect(unknown).toMatchObject({ ok: false, error: { code: 'token-unknown', message: expect.stringContaining('不认识此令牌') } });
    const unreachable = await connectOfficeHub(store, { url: 'http://127.0.0.1:9', token: 'yq_0123456789abcdefghij', auto: true });
    expect(unreachable).toMatchObject({ ok: false, error: { code: 'unreachable', message: expect.stringContaining('无法连接办公室服务器') } });
    expect(store.items).toEqual({});

    const { token } = await addOfficer(hub.db, LI_MING.officer, LI_MING.department, NOW);
    const saved = await connectOfficeHub(store, { url: `${url}/`, token, auto: true });
    expect(saved).toMatchObject({ ok: true, data: { officer: { name: '李明', department: '市住建局' }, view: { url, auto: true } } });
    // The screen gets the token's last characters, never the token.
    const view = await officeHubView(store);
    expect(view.tokenHint).toBe(`…${token.slice(-4)}`);
    expect(JSON.stringify(view)).not.toContain(token);
    // Saving again with an empty token keeps it.
    expect(await connectOfficeHub(store, { url, token: '', auto: false })).toMatchObject({ ok: true, data: { view: { auto: false } } });
  });

  it('pushes the desk’s records once; the next push has nothing new; a new action goes with its case’s log', async () => {
    const db = await liMingsDesk();
    const store = memoryStore();
    const { token } = await addOfficer(hub.db, LI_MING.officer, LI_MING.department, NOW);
    await connectOfficeHub(store, { url, token, auto: false });

    const first = await pushDeskToHub({ db, store, now: () => NOW, push: quick });
    expect(first).toMatchObject({ ok: true, data: { result: 'synced', cases: 2, events: 9 } });
    expect(first.ok && first.data.counts).toMatchObject({ duplicate: 0, conflict: 0 });
    expect(first.ok && officeHubStatusText(first.data, zh)).toMatch(/^已同步 · 08-06 09:00（新增 \d+ 条/);

    const before = await tableCounts(hub);
    const second = await pushDeskToHub({ db, store, now: () => NOW + 60_000, push: quick });
    expect(second).toMatchObject({ ok: true, data: { result: 'nothing', events: 0 } });
    expect(second.ok && officeHubStatusText(second.data, zh)).toBe('已同步 · 08-06 09:01（没有新记录）');
    expect(await tableCounts(hub)).toEqual(before);

    const water = (await db.cases.toArray()).find((c) => c.title.startsWith('锦绣小区'))!;
    await appendEvent(db, { id: 'li-0100', caseId: water.caseId, at: NOW + 120_000, actor: LI_MING, type: 'note', payload: { text: '已电话联系物业' } } as never, { now: () => NOW + 120_000 });
    const third = await pushDeskToHub({ db, store, now: () => NOW + 180_000, push: quick });
    expect(third).toMatchObject({ ok: true, data: { result: 'synced', cases: 1, counts: { new: 1 } } });
  });

  it('shows a revoked token in Chinese, keeps the last sync time, and sends the same records again later', async () => {
    const db = await liMingsDesk();
    const store = memoryStore();
    const { token, officer } = await addOfficer(hub.db, LI_MING.officer, LI_MING.department, NOW);
    await connectOfficeHub(store, { url, token, auto: true });
    await revokeOfficer(hub.db, officer.id, NOW);
    const before = await tableCounts(hub);

    const refused = await pushDeskToHub({ db, store, now: () => NOW, push: quick });
    expect(refused).toMatchObject({ ok: true, data: { result: 'refused', code: 'token-revoked', attempts: 1 } });
    expect(refused.ok && officeHubStatusText(refused.data, zh)).toBe('08-06 09:00 推送被拒（401）：办公室已吊销此令牌。请向办公室申请新令牌后重新填写。');
    expect(await tableCounts(hub)).toEqual(before);
    expect((await officeHubView(store)).status).toMatchObject({ result: 'refused', code: 'token-revoked' });

    // With a new token the whole file goes again: the refused push did not move the "since" bound.
    const fresh = await addOfficer(hub.db, LI_MING.officer, LI_MING.department, NOW);
    await connectOfficeHub(store, { url, token: fresh.token, auto: true });
    const again = await pushDeskToHub({ db, store, now: () => NOW + 60_000, push: quick });
    expect(again).toMatchObject({ ok: true, data: { events: 9 } });
    expect(again.ok && ['synced', 'replayed']).toContain(again.ok && again.data.result);
  });

  it('names an unreachable hub and a file over the hub’s size limit', async () => {
    const db = await liMingsDesk();
    const { token } = await addOfficer(hub.db, LI_MING.officer, LI_MING.department, NOW);
    const store = memoryStore();
    await connectOfficeHub(store, { url: smallUrl, token, auto: false });
    const before = await tableCounts(hub);
    const tooLarge = await pushDeskToHub({ db, store, now: () => NOW, push: quick });
    expect(tooLarge).toMatchObject({ ok: true, data: { result: 'refused', code: 'body-too-large' } });
    expect(tooLarge.ok && officeHubStatusText(tooLarge.data, zh)).toContain('推送被拒（413）：这份文件（9 条记录）超过办公室服务器的大小上限');
    expect(await tableCounts(hub)).toEqual(before);

    // The hub went away after the link was saved.
    store.items.officeHub = { url: 'http://127.0.0.1:9', token, auto: false };
    const down = await pushDeskToHub({ db, store, now: () => NOW, push: quick });
    expect(down).toMatchObject({ ok: true, data: { result: 'failed', code: 'unreachable', attempts: 2 } });
    expect(down.ok && officeHubStatusText(down.data, zh)).toMatch(/^08-06 09:00 推送失败：无法连接办公室服务器（已尝试 2 次）/);
  });

  it('says what to do when there is no link yet', async () => {
    const db = await liMingsDesk();
    const answer = await pushDeskToHub({ db, store: memoryStore(), now: () => NOW });
    expect(answer).toMatchObject({ ok: false, error: { code: 'not-found', message: expect.stringContaining('尚未设置办公室服务器') } });
  });
});
