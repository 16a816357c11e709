// @vitest-environment node
/**
 * The office on a hub sees the quarter's 研判改判率 computed in SQL, equal to
 * what the console computes (lib/classify `overrideStats`) from the same
 * officers' files over the bulletin's cases: per suggested tier and
 * category, each case once by its assessment in force, with the cases
 * behind every figure. The route answers only the office's token.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import type { CaseEvent, TierId } from '../../../lib/cases';
import { overrideStats, OverrideStatsSchema } from '../../../lib/classify';
import type { HubDatabase } from '../../../lib/hub/db';
import { makeInterimSyncFile } from '../../../lib/hub/interim-sync-file';
import { addOfficer } from '../../../lib/hub/officers';
import { overrideStatsSql } from '../../../lib/hub/reports';
import { createHubServer } from '../../../lib/hub/server';
import { getBuiltInProfile } from '../../../lib/policy';
import { officeBulletin } from '../../../lib/report/office-bulletin';
import { capture, caseLog, cst } from '../report/log';
import { HUB_ENGINES, openTestHub, twoOfficersFiles } from './support';

const policy = getBuiltInProfile('xuancheng-2015')!;
const Q4_2026 = { year: 2026, quarter: 4 } as const;
const NOW = cst('2027-01-31 12:00');

/**
 * 赵六 (市应急办) assessed with the suggestion on screen (the two officers'
 * files of support.ts assessed before suggestions were recorded):
 * - the flood: 重大 suggested, lowered to 较大 (category kept);
 * - the canteen: 较大 / 应急管理 suggested, category changed to 社情民意;
 * - the bridge rumour: first raised against the suggestion, then re-assessed
 *   as suggested: the later word is in force, nothing overridden;
 * - the gas leak, from two devices with `seq`: the assessment with the higher
 *   seq is in force although recorded earlier — 一般 confirmed;
 * - the September landslide: captured in Q3, not in this quarter's figures.
 */
function zhaoLiuEvents(): CaseEvent[] {
  const suggested = (tier: TierId, category: string) => ({ tier, category, flags: [] });
  const flood = caseLog('f-flood', '市应急办')
    .add('captured', '2026-10-10 08:00', capture('城区内涝多处积水', '11'))
    .add('claimed', '2026-10-10 08:10', { department: '市应急办' })
    .add('assessed', '2026-10-10 08:20', { tier: 'larger', category: 'emergency', department: '市应急办', suggested: suggested('major', 'emergency') }).events;
  const canteen = caseLog('g-canteen', '市应急办')
    .add('captured', '2026-11-05 12:00', capture('学校食堂多名学生呕吐', '12'))
    .add('claimed', '2026-11-05 12:10', { department: '市应急办' })
    .add('assessed', '2026-11-05 12:30', { tier: 'larger', category: 'petition', department: '市应急办', suggested: suggested('larger', 'emergency') }).events;
  const bridge = caseLog('h-bridge', '市应急办')
    .add('captured', '2026-11-20 09:00', capture('网传大桥坍塌系谣言', '13'))
    .add('claimed', '2026-11-20 09:05', { department: '市应急办' })
    .add('assessed', '2026-11-20 09:10', { tier: 'major', category: 'emergency', department: '市应急办', suggested: suggested('general', 'publicity') })
    .add('assessed', '2026-11-20 10:00', { tier: 'general', category: 'publicity', department: '市网宣办', suggested: suggested('general', 'publicity') }).events;
  const gas = caseLog('i-gas', '市应急办')
    .add('captured', '2026-12-03 15:00', capture('小区燃气泄漏', '14'))
    .add('claimed', '2026-12-03 15:05', { department: '市应急办' })
    .add('assessed', '2026-12-03 15:10', { tier: 'general', category: 'emergency', department: '市应急办', suggested: suggested('general', 'emergency') })
    .add('assessed', '2026-12-03 15:20', { tier: 'larger', category: 'emergency', department: '市应急办', suggested: suggested('general', 'emergency') })
    .events.map((event, index) => ({ ...event, seq: [1, 2, 4, 3][index]! }));
  const landslide = caseLog('j-landslide', '市应急办')
    .add('captured', '2026-09-28 16:00', capture('山体滑坡阻断道路', '15'))
    .add('claimed', '2026-09-28 16:10', { department: '市应急办' })
    .add('assessed', '2026-10-08 09:00', { tier: 'general', category: 'emergency', department: '市应急办', suggested: suggested('larger', 'emergency') }).events;
  return [...flood, ...canteen, ...bridge, ...gas, ...landslide].map((event) => ({ ...event, actor: { officer: '赵六', department: '市应急办' } }));
}

describe.each(HUB_ENGINES)('研判改判率 in SQL on %s', (engine) => {
  let hub: HubDatabase;
  let app: FastifyInstance;
  let office: string;
  let officer: string;
  const files = twoOfficersFiles();
  const zhaoliu = zhaoLiuEvents();
  const all = [...files.all, ...zhaoliu];

  beforeAll(async () => {
    hub = await openTestHub(engine);
    app = createHubServer({ hub, policy, now: () => NOW });
    office = (await addOfficer(hub.db, '张主任', '市委网信办', NOW, 'office')).token;
    officer = (await addOfficer(hub.db, '赵六', '市应急办', NOW)).token;
    const zhaoliuFile = makeInterimSyncFile({
      officer: { officer: '赵六', department: '市应急办' },
      range: { from: cst('2026-09-01 00:00'), to: cst('2026-12-31 23:59') },
      exportedAt: cst('2027-01-02 09:00'),
      events: zhaoliu,
      evidence: [],
    });
    for (const file of [files.lisi, files.wangwu, zhaoliuFile]) {
      const response = await app.inject({
        method: 'POST',
        url: '/v1/sync-files',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${file === zhaoliuFile ? officer : office}` },
        payload: JSON.stringify(file),
      });
      expect(response.statusCode, response.body).toBe(201);
    }
  }, 120_000);

  afterAll(async () => {
    await app.close();
    await hub.close();
  }, 60_000);

  it('equals the console’s figures over the quarter’s bulletin cases', async () => {
    const counted = new Set(officeBulletin(all, policy, { quarter: Q4_2026, now: NOW }).totals.captured.caseIds);
    const fromConsole = overrideStats(all.filter((event) => event.at <= NOW && counted.has(event.caseId)));
    expect(await overrideStatsSql(hub.db, policy, { quarter: Q4_2026, now: NOW })).toEqual(fromConsole);
  });

  it('counts each case once by its assessment in force, with the cases behind each figure', async () => {
    const stats = await overrideStatsSql(hub.db, policy, { quarter: Q4_2026, now: NOW });
    expect(stats.byTier.major).toEqual({ suggested: 1, overridden: 1, rate: 1, caseIds: ['f-flood'], overriddenCaseIds: ['f-flood'] });
    expect(stats.byTier.larger).toEqual({ suggested: 1, overridden: 0, rate: 0, caseIds: ['g-canteen'], overriddenCaseIds: [] });
    expect(stats.byTier.general).toEqual({ suggested: 2, overridden: 0, rate: 0, caseIds: ['h-bridge', 'i-gas'], overriddenCaseIds: [] });
    expect(stats.byTier['especially-major'].suggested).toBe(0);
    expect(stats.byCategory).toEqual({
      emergency: { suggested: 3, overridden: 1, rate: 1 / 3, caseIds: ['f-flood', 'g-canteen', 'i-gas'], overriddenCaseIds: ['g-canteen'] },
      publicity: { suggested: 1, overridden: 0, rate: 0, caseIds: ['h-bridge'], overriddenCaseIds: [] },
    });
    // The water-cut and lift cases were assessed before suggestions were recorded.
    expect(stats.unrecorded).toBe(2);
  });

  it('leaves out the cases of another quarter', async () => {
    const q3 = await overrideStatsSql(hub.db, policy, { quarter: { year: 2026, quarter: 3 }, now: NOW });
    expect(q3.byTier.larger).toEqual({ suggested: 1, overridden: 1, rate: 1, caseIds: ['j-landslide'], overriddenCaseIds: ['j-landslide'] });
    expect(q3.byTier.general.suggested + q3.byTier.major.suggested + q3.unrecorded).toBe(0);
  });

  it('answers GET /v1/reports/override-rates to the office’s token only', async () => {
    const url = '/v1/reports/override-rates?year=2026&quarter=4';
    const response = await app.inject({ url, headers: { authorization: `Bearer ${office}` } });
    expect(response.statusCode).toBe(200);
    expect(OverrideStatsSchema.parse(response.json())).toEqual(await overrideStatsSql(hub.db, policy, { quarter: Q4_2026, now: NOW }));
    expect((await app.inject({ url, headers: { authorization: `Bearer ${officer}` } })).statusCode).toBe(403);
    expect((await app.inject({ url: '/v1/reports/override-rates?year=2026&quarter=5', headers: { authorization: `Bearer ${office}` } })).json()).toMatchObject({
      error: { code: 'bad-query', errors: [{ path: 'quarter' }] },
    });
  });
});
