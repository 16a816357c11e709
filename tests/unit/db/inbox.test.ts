/**
 * The inbox read from indexes: the same cases, in the same order, as
 * filtering every case would give, and counts that leave merged cases out.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { appendEvents } from '../../../lib/db/repos/events';
import { countInbox, inboxFacetValues, listInbox } from '../../../lib/db/repos/inbox';
import { matchesInbox, INBOX_VIEWS, type InboxFilter } from '../../../lib/desk/inbox';
import type { CaseEventInput } from '../../../lib/cases';
import { assessed, captured, claimed, closed, HOUR, T0 } from '../../fixtures/db/builders';
import { freshDb, NOW } from './helpers';
import type { AppDB } from '../../../lib/db/app-db';

let db: AppDB;
afterEach(async () => {
  await db?.delete();
});

const OFFICER = { officer: '李明', department: '澜江市网信办' };

/** A captured event with its own title and text. */
function post(caseId: string, at: number, title: string, excerpt: string, site = 'discuz'): CaseEventInput {
  const base = captured(caseId, at);
  if (base.type !== 'captured') throw new Error('builder changed');
  return { ...base, payload: { ...base.payload, title, excerpt, site } };
}

/**
 * Six cases: two claimed (pending limits), one only captured, one closed,
 * one from another site, and one captured then merged into 'early'.
 */
async function seed(): Promise<void> {
  const result = await appendEvents(
    db,
    [
      post('early', T0, '澜江市滨江花园小区停水三天', '业主反映停水无人处理'),
      claimed('early', T0 + HOUR),
      post('late', T0 + 10 * HOUR, '城东菜市场占道经营', '早高峰堵车'),
      claimed('late', T0 + 30 * HOUR),
      post('fresh', T0 + 40 * HOUR, '学校食堂饭菜质量差', '家长说孩子吃了拉肚子'),
      post('done', T0, '路灯不亮', '晚上走路不安全'),
      claimed('done', T0 + HOUR),
      assessed('done', T0 + 2 * HOUR),
      closed('done', T0 + 50 * HOUR),
      post('tieba', T0 + 41 * HOUR, '澜江吧：公交线路调整', '12路改线后不方便', 'tieba'),
      post('dup', T0 + 42 * HOUR, '滨江花园又停水了', '第四天了，自来水公司电话打不通'),
      { id: 'dup-merged', caseId: 'dup', at: T0 + 43 * HOUR, actor: OFFICER, type: 'merged', payload: { into: 'early' } },
    ],
    { now: NOW },
  );
  expect(result.ok && result.data.every((r) => r.ok)).toBe(true);
}

/** What the inbox must list: every case filtered and ordered in memory (the slow way the panel used to do it). */
async function expected(filter: InboxFilter, now: number): Promise<string[]> {
  const rows = (await db.cases.toArray()).filter((row) => matchesInbox(row, filter, now));
  const withLimit = rows.filter((r) => r.nextDeadlineAt !== null).sort((a, b) => a.nextDeadlineAt! - b.nextDeadlineAt!);
  const without = rows.filter((r) => r.nextDeadlineAt === null).sort((a, b) => b.lastEventAt - a.lastEventAt);
  return [...withLimit, ...without].map((r) => r.caseId);
}

describe('the inbox read from indexes', () => {
  it.each(INBOX_VIEWS)('lists and counts the %s view as filtering every case would', async (view) => {
    db = freshDb();
    await seed();
    const filter: InboxFilter = { view };
    const ids = await expected(filter, NOW);
    expect((await listInbox(db, filter, NOW, 100)).map((r) => r.caseId)).toEqual(ids);
    expect(await countInbox(db, filter, NOW)).toBe(ids.length);
  });

  it('never lists or counts a merged case on its own: it counts under the case it joined', async () => {
    db = freshDb();
    await seed();
    expect((await listInbox(db, { view: 'all' }, NOW, 100)).map((r) => r.caseId)).not.toContain('dup');
    expect(await countInbox(db, { view: 'all' }, NOW)).toBe(5);
    expect(await countInbox(db, { view: 'open' }, NOW)).toBe(4);
    expect(await countInbox(db, { view: 'unclaimed' }, NOW)).toBe(2);
  });

  it('reads only a page: the first rows by urgency, the rest on request', async () => {
    db = freshDb();
    await seed();
    const all = await expected({ view: 'open' }, NOW);
    expect((await listInbox(db, { view: 'open' }, NOW, 2)).map((r) => r.caseId)).toEqual(all.slice(0, 2));
    expect((await listInbox(db, { view: 'open' }, NOW, 3)).map((r) => r.caseId)).toEqual(all.slice(0, 3));
    expect(await listInbox(db, { view: 'open' }, NOW, 0)).toEqual([]);
  });

  it('shows as overdue only the cases whose limit has passed at that moment', async () => {
    db = freshDb();
    await seed();
    const [first, second] = await listInbox(db, { view: 'open' }, NOW, 2);
    const between = second!.nextDeadlineAt! - 1;
    expect(first!.nextDeadlineAt!).toBeLessThan(between);
    expect((await listInbox(db, { view: 'overdue' }, between, 10)).map((r) => r.caseId)).toEqual([first!.caseId]);
    expect(await countInbox(db, { view: 'overdue' }, between)).toBe(1);
  });

  it('narrows by status, tier, category, department and site', async () => {
    db = freshDb();
    await seed();
    const ids = async (filter: InboxFilter) => (await listInbox(db, filter, NOW, 100)).map((r) => r.caseId);
    expect(await ids({ view: 'all', status: 'claimed' })).toEqual(['early', 'late']);
    expect(await ids({ view: 'all', tier: 'general' })).toEqual(['done']);
    expect(await ids({ view: 'all', category: 'livelihood' })).toEqual(['done']);
    expect(await ids({ view: 'open', department: '澜江市住房和城乡建设局' })).toEqual(['early', 'late']);
    expect(await ids({ view: 'all', site: 'tieba' })).toEqual(['tieba']);
    expect(await ids({ view: 'closed', site: 'tieba' })).toEqual([]);
    expect(await countInbox(db, { view: 'all', site: 'discuz' }, NOW)).toBe(4);
  });

  it('searches titles and the captured posts’ text, every term, case-insensitively; a merged case’s post finds its survivor', async () => {
    db = freshDb();
    await seed();
    const ids = async (text: string) => (await listInbox(db, { view: 'all', text }, NOW, 100)).map((r) => r.caseId).sort();
    expect(await ids('停水')).toEqual(['early']);
    expect(await ids('拉肚子')).toEqual(['fresh']);
    expect(await ids('滨江　无人')).toEqual(['early']);
    expect(await ids('自来水公司')).toEqual(['early']);
    expect(await ids('停水 食堂')).toEqual([]);
    expect(await countInbox(db, { view: 'all', text: '12路' }, NOW)).toBe(1);
  });

  it('offers the sites and departments present in the log', async () => {
    db = freshDb();
    await seed();
    expect(await inboxFacetValues(db)).toEqual({ sites: ['discuz', 'tieba'], departments: ['澜江市住房和城乡建设局'] });
  });

  it('finds the few cases of a narrow filter deep in a long log, in urgency order', async () => {
    db = freshDb();
    const events: CaseEventInput[] = [];
    for (let i = 0; i < 600; i++) {
      // Every case claimed (a pending limit); only every 97th from tieba, so the first pages hold none of them.
      events.push(post(`c${i}`, T0 + i * 60_000, `帖子${i}`, '正文', i % 97 === 96 ? 'tieba' : 'discuz'));
      events.push(claimed(`c${i}`, T0 + i * 60_000 + HOUR));
    }
    await appendEvents(db, events, { now: NOW });
    const filter: InboxFilter = { view: 'open', site: 'tieba' };
    const all = await expected(filter, NOW);
    expect(all).toHaveLength(6);
    expect((await listInbox(db, filter, NOW, 40)).map((r) => r.caseId)).toEqual(all);
    expect((await listInbox(db, filter, NOW, 4)).map((r) => r.caseId)).toEqual(all.slice(0, 4));
    expect(await countInbox(db, filter, NOW)).toBe(6);
  });

  it('offers each site once, however many cases share it, in order, with a site only one case has', async () => {
    db = freshDb();
    const events: CaseEventInput[] = [];
    for (let i = 0; i < 300; i++) events.push(post(`c${i}`, T0 + i * 60_000, `帖子${i}`, '正文', i === 150 ? 'tieba' : i % 2 ? 'discuz' : 'weibo'));
    await appendEvents(db, events, { now: NOW });
    expect(await inboxFacetValues(db)).toEqual({ sites: ['discuz', 'tieba', 'weibo'], departments: [] });
  });

  it('opens the first page of 2,000 cases without reading them all', async () => {
    db = freshDb();
    const events: CaseEventInput[] = [];
    for (let i = 0; i < 2000; i++) {
      events.push(captured(`c${i}`, T0 + i * 60_000));
      if (i % 2 === 0) events.push(claimed(`c${i}`, T0 + i * 60_000 + HOUR));
    }
    await appendEvents(db, events, { now: NOW });
    let read = 0;
    db.cases.hook('reading', (row) => {
      read++;
      return row;
    });
    const page = await listInbox(db, { view: 'open' }, NOW, 40);
    expect(page).toHaveLength(40);
    expect(await countInbox(db, { view: 'open' }, NOW)).toBe(2000);
    expect(read).toBeLessThanOrEqual(40);
    // A narrowed count looks at every case, over more than one page of reads.
    expect(await countInbox(db, { view: 'open', status: 'claimed' }, NOW)).toBe(1000);
    expect(await countInbox(db, { view: 'unclaimed', site: 'discuz' }, NOW)).toBe(1000);
    expect(await countInbox(db, { view: 'all', site: 'tieba' }, NOW)).toBe(0);
  });
});
