// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { AppDB } from '../../../lib/db/app-db';
import { appendEvent, getCaseState } from '../../../lib/db/repos/events';
import { digestOf } from '../../../lib/extract/digest';
import { findPost } from '../../../lib/sites';
import { classifyRecheck, createSiteThrottle, dueForRecheck, recheckCase, type FetchedPage, type RecheckTarget } from '../../../lib/recheck';
import { createDemoState, DEMO_PATHS, resolveRoute } from '../../demo-site/routes';
import { THREAD_1001_FLOORS } from '../../demo-site/data/forum-thread-1001';
import { T0 } from '../../fixtures/db/builders';

const ORIGIN = 'http://127.0.0.1:8080';
const URL_1001 = `${ORIGIN}${DEMO_PATHS.forumThread}`;
const parse = (html: string) => new DOMParser().parseFromString(html, 'text/html');
const pid = (n: number) => String(THREAD_1001_FLOORS[n - 1]!.pid);

function served(state = createDemoState()): Extract<FetchedPage, { kind: 'response' }> {
  const route = resolveRoute(new URL(URL_1001), state);
  return { kind: 'response', status: route.status, url: URL_1001, html: route.body };
}

function target(n: number, excerpt?: string): RecheckTarget {
  const text = excerpt ?? findPost(parse(served().html), URL_1001, pid(n))!.text;
  return { evidenceId: `${URL_1001}#${pid(n)}`, url: URL_1001, postId: pid(n), excerpt: text };
}

describe('reading a re-fetched page (复查)', () => {
  it('finds an unchanged post, with the thread’s replies and views', () => {
    expect(classifyRecheck(served(), target(4), parse)).toMatchObject({ outcome: 'found', httpStatus: 200, replies: 28, views: 12873 });
  });

  it('reads a post whose text changed as edited, keeping the new text', () => {
    const finding = classifyRecheck(served(), target(4, '旧的内容'), parse);
    expect(finding.outcome).toBe('edited');
    expect(finding.text).toContain('拖欠工资');
  });

  it('reads a floor a moderator removed from a thread that is still there as deleted', () => {
    const state = createDemoState();
    state.deletedPosts.set(DEMO_PATHS.forumThread, new Set([pid(4)]));
    const finding = classifyRecheck(served(state), target(4), parse);
    expect(finding.outcome).toBe('deleted');
    expect(finding.reason).toBeTruthy();
  });

  it('reads Discuz’s “主题不存在或已被删除” page and a 404 as deleted', () => {
    const state = createDemoState();
    state.deletedPosts.set(DEMO_PATHS.forumThread, new Set([pid(1)]));
    expect(classifyRecheck(served(state), target(1), parse)).toMatchObject({ outcome: 'deleted', reason: '指定的主题不存在或已被删除' });
    expect(classifyRecheck({ kind: 'response', status: 404, url: URL_1001, html: '' }, target(1, 'x'), parse)).toMatchObject({ outcome: 'deleted', httpStatus: 404 });
  });

  it('never calls a failed fetch, a server error or an unreadable page deleted', () => {
    const t = target(1, 'x');
    expect(classifyRecheck({ kind: 'error', url: URL_1001, message: 'net::ERR_CONNECTION_RESET' }, t, parse).outcome).toBe('failed');
    expect(classifyRecheck({ kind: 'response', status: 503, url: URL_1001, html: '' }, t, parse).outcome).toBe('failed');
    expect(classifyRecheck({ kind: 'response', status: 200, url: URL_1001, html: '<p>请先登录</p>' }, t, parse).outcome).toBe('failed');
    expect(classifyRecheck({ kind: 'response', status: 200, url: URL_1001, html: '<p>维护中</p>' }, t, parse).outcome).toBe('failed');
  });
});

describe('re-checking a case', () => {
  let db: AppDB | undefined;
  afterEach(async () => {
    await db?.delete();
  });

  it('records one rechecked event per source post, and an edited post’s new text as new evidence', async () => {
    db = new AppDB(`recheck-${crypto.randomUUID()}`);
    const floor1 = findPost(parse(served().html), URL_1001, pid(1))!;
    await appendEvent(
      db,
      {
        id: 'cap-1',
        caseId: 't-1001',
        at: T0,
        actor: { officer: '李明', department: '网信办' },
        type: 'captured',
        payload: { url: URL_1001, canonicalUrl: URL_1001, site: 'discuz', postId: pid(1), floor: 1, title: '锦江华府', excerpt: floor1.text, matchedTerms: [], digest: 'a'.repeat(64) },
      },
      { now: T0 },
    );
    await appendEvent(
      db,
      {
        id: 'cap-4',
        caseId: 't-1001',
        at: T0 + 1,
        actor: { officer: '李明', department: '网信办' },
        type: 'evidence-added',
        payload: { url: URL_1001, canonicalUrl: URL_1001, site: 'discuz', postId: pid(4), floor: 4, title: '锦江华府', excerpt: '四楼当时的内容', matchedTerms: [], digest: 'b'.repeat(64) },
      },
      { now: T0 },
    );
    let fetches = 0;
    let n = 0;
    const result = await recheckCase(
      {
        db,
        now: () => T0 + 3_600_000,
        newId: () => `r-${++n}`,
        actor: { officer: '李明', department: '网信办' },
        fetchPage: async () => {
          fetches++;
          return served();
        },
        classify: async (page, targets) => targets.map((t) => classifyRecheck(page, t, parse)),
        throttle: createSiteThrottle(0),
        digestOf,
      },
      't-1001',
    );
    expect(result).toEqual({ ok: true, data: { caseId: 't-1001', checked: 2, outcomes: { found: 1, deleted: 0, edited: 1, failed: 0 } } });
    // Both floors are on one page: fetched once.
    expect(fetches).toBe(1);
    const state = await getCaseState(db, 't-1001');
    expect(state?.rechecks.map((c) => [c.evidenceId.endsWith(pid(1)) ? 1 : 4, c.outcome, c.replies])).toEqual([
      [1, 'found', 28],
      [4, 'edited', 28],
    ]);
    expect(state?.evidence.map((e) => e.origin)).toEqual(['capture', 'capture', 'recheck']);
    expect(state?.evidence[1]?.excerpt).toBe('四楼当时的内容');
  });

  it('schedules graver cases hourly and the others daily, and follows a closed case for 30 days', () => {
    const hour = 3_600_000;
    const rows = [
      { caseId: 'major', status: 'claimed', tier: 'major' as const, capturedAt: T0, lastEventAt: T0, lastRecheck: { at: T0 } },
      { caseId: 'general', status: 'claimed', tier: 'general' as const, capturedAt: T0, lastEventAt: T0, lastRecheck: { at: T0 } },
      { caseId: 'merged', status: 'captured', capturedAt: T0 - 48 * hour, lastEventAt: T0, mergedInto: 'major' },
      { caseId: 'long-closed', status: 'closed', capturedAt: T0 - 90 * 24 * hour, lastEventAt: T0 - 40 * 24 * hour },
    ];
    expect(dueForRecheck(rows, T0 + 2 * hour)).toEqual(['major']);
    expect(dueForRecheck(rows, T0 + 25 * hour)).toEqual(['major', 'general']);
  });

  it('the per-site throttle spaces requests to one site and leaves other sites alone', async () => {
    let clock = 0;
    const slept: number[] = [];
    const throttle = createSiteThrottle(5000, () => clock, async (ms) => {
      slept.push(ms);
      clock += ms;
    });
    await throttle.wait('https://bbs.a.cn/1');
    await throttle.wait('https://tieba.b.com/1');
    await throttle.wait('https://bbs.a.cn/2');
    expect(slept).toEqual([5000]);
  });
});
