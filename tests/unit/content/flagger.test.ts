import { describe, expect, it, vi } from 'vitest';
import { compileWatchlist, DEMO_WATCHLIST } from '../../../lib/match';
import { createFlagger, type FlaggerDeps } from '../../../lib/content/flagger';
import { FORUM_FLAGGED_PIDS, FORUM_MORE_FLAGGED_PIDS } from '../../demo-site/expected';
import { DEMO_PATHS, resolveRoute } from '../../demo-site/routes';
import { THREAD_1001_MORE_FLOORS } from '../../demo-site/data/forum-thread-1001';
import { renderDiscuzPost } from '../../demo-site/pages/discuz';

const URL_1001 = `http://127.0.0.1:4173${DEMO_PATHS.forumThread}`;

function loadForum(): Document {
  const doc = new DOMParser().parseFromString(resolveRoute(new URL(URL_1001)).body, 'text/html');
  return doc;
}

function deps(doc: Document, overrides: Partial<FlaggerDeps> = {}): FlaggerDeps {
  return {
    doc,
    url: () => URL_1001,
    now: () => new Date('2026-11-23T12:00:00+08:00'),
    watchlist: compileWatchlist(DEMO_WATCHLIST),
    labels: { capture: '采集', capturing: '采集中…', captured: '已采集 ✓', flaggedTitle: '命中关注词：$1', openDesk: '打开工作台' },
    openDesk: vi.fn(),
    capture: vi.fn(async () => undefined),
    knownStates: vi.fn(async () => new Map()),
    reportCount: vi.fn(),
    whenIdle: (task) => task(),
    ...overrides,
  };
}

const badgeOf = (doc: Document, pid: number) => doc.querySelector(`#postmessage_${pid} [data-yq-ui="badge"]`);

describe('flagging the posts of a forum thread', () => {
  it('marks exactly the floors that name the city, its districts or agencies, and counts them on the toolbar', () => {
    const doc = loadForum();
    const d = deps(doc);
    const flagged = createFlagger(d).scanPage();
    expect(flagged.map((f) => Number(f.post.postId)).sort()).toEqual([...FORUM_FLAGGED_PIDS].sort());
    expect(d.reportCount).toHaveBeenLastCalledWith(FORUM_FLAGGED_PIDS.length);
    for (const pid of FORUM_FLAGGED_PIDS) expect(badgeOf(doc, pid), `floor ${pid}`).not.toBeNull();
  });

  it('highlights the matched words without changing the text of the post', () => {
    const doc = loadForum();
    const pid = FORUM_FLAGGED_PIDS[0]!;
    const before = doc.querySelector(`#postmessage_${pid}`)!.textContent;
    createFlagger(deps(doc)).scanPage();
    const body = doc.querySelector(`#postmessage_${pid}`)!;
    expect(body.querySelectorAll('mark[data-yq-hl]').length).toBeGreaterThan(0);
    expect(body.textContent).toBe(before);
  });

  it('leaves a page that names nothing watched untouched', () => {
    const doc = new DOMParser().parseFromString('<html><body><p>今天天气很好，去公园散步。</p></body></html>', 'text/html');
    const before = doc.body.innerHTML;
    const d = deps(doc);
    expect(createFlagger(d).scanPage()).toEqual([]);
    expect(doc.body.innerHTML).toBe(before);
    expect(d.reportCount).not.toHaveBeenCalled();
  });

  it('scans only the floors added later ("加载更多回复"), never the whole page again', () => {
    const doc = loadForum();
    const flagger = createFlagger(deps(doc));
    flagger.scanPage();
    const list = doc.querySelector('#postlist')!;
    const holder = doc.createElement('div');
    holder.innerHTML = THREAD_1001_MORE_FLOORS.map((f, i) => renderDiscuzPost({ tid: 1001, fid: 2 }, f, 100 + i)).join('');
    const added = [...holder.children];
    list.append(...added);
    const fresh = flagger.scanAdded(added);
    expect(fresh.map((f) => Number(f.post.postId)).sort()).toEqual([...FORUM_MORE_FLAGGED_PIDS].sort());
    expect(flagger.scanAdded(added)).toEqual([]);
  });

  it('shows the state of a post already in the claim log instead of the button', async () => {
    const doc = loadForum();
    const pid = String(FORUM_FLAGGED_PIDS[0]);
    const knownStates = vi.fn(async () => new Map([[pid, { kind: 'known' as const, text: '已采集 · 已认领 · 澜江市公安局 · 剩余 3小时0分', overdue: false }]]));
    createFlagger(deps(doc, { knownStates })).scanPage();
    await vi.waitFor(() => expect(badgeOf(doc, Number(pid))!.shadowRoot!.textContent).toContain('已认领 · 澜江市公安局'));
    expect(badgeOf(doc, Number(pid))!.shadowRoot!.querySelector('button')?.textContent).not.toBe('采集');
  });

  it('only a trusted click captures: a page script clicking the button does nothing', () => {
    const doc = loadForum();
    const d = deps(doc);
    createFlagger(d).scanPage();
    const button = badgeOf(doc, FORUM_FLAGGED_PIDS[0]!)!.shadowRoot!.querySelector('button')!;
    button.click();
    expect(d.capture).not.toHaveBeenCalled();
  });
});

describe('flagging a list page', () => {
  it('highlights the thread titles that name the city and counts them, without capture buttons', () => {
    const url = `http://127.0.0.1:4173${DEMO_PATHS.liuyanList}`;
    const doc = new DOMParser().parseFromString(resolveRoute(new URL(url)).body, 'text/html');
    const d = deps(doc, { url: () => url });
    expect(createFlagger(d).scanPage()).toEqual([]);
    expect(doc.querySelectorAll('mark[data-yq-hl]').length).toBeGreaterThan(0);
    expect(doc.querySelector('[data-yq-ui]')).toBeNull();
    expect(d.reportCount).toHaveBeenCalledWith(expect.any(Number));
  });
});
