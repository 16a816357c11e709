// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { compileWatchlist, DEMO_WATCHLIST } from '../../../lib/match';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createFlagger, MOUNT_CHUNK, SCAN_LOG_KEY, STATE_QUERY_BATCH, TEXT_BREAK, type ScanRecord, textsWithMatches, type Flagger, type FlaggerDeps } from '../../../lib/content/flagger';
import { unusableTermReason } from '../../../lib/match/schema';
import { benchFloorMentionsCity, renderBenchThreadPage } from '../../demo-site/pages/bench-thread';
import { FORUM_FLAGGED_PIDS, FORUM_MORE_FLAGGED_PIDS } from '../../demo-site/expected';
import { DEMO_PATHS, resolveRoute } from '../../demo-site/routes';
import { THREAD_1001_MORE_FLOORS } from '../../demo-site/data/forum-thread-1001';
import { renderDiscuzPost } from '../../demo-site/pages/discuz';
import { createSeenPosts } from '../../../lib/content/seen-posts';
import { findPostsIn, toPostData, type PostRef } from '../../../lib/sites';
import { flaggerDeps } from '../../support/flagger-deps';

const URL_1001 = `http://127.0.0.1:4173${DEMO_PATHS.forumThread}`;

function loadForum(): Document {
  const doc = new DOMParser().parseFromString(resolveRoute(new URL(URL_1001)).body, 'text/html');
  return doc;
}

function deps(doc: Document, overrides: Partial<FlaggerDeps> = {}): FlaggerDeps {
  return flaggerDeps(doc, URL_1001, overrides);
}

/** The badge's closed shadow root, as only the content script holds it. */
const rootOf = (flagger: Flagger, pid: number | string) => flagger.flagged.get(String(pid))?.badge.root;

describe('flagging the posts of a forum thread', () => {
  it('marks exactly the floors that name the city, its districts or agencies, and counts them on the toolbar', () => {
    const doc = loadForum();
    const d = deps(doc);
    const flagger = createFlagger(d);
    const flagged = flagger.scanPage();
    expect(flagged.map((f) => Number(f.post.postId)).sort()).toEqual([...FORUM_FLAGGED_PIDS].sort());
    expect(d.reportCount).toHaveBeenLastCalledWith(FORUM_FLAGGED_PIDS.length);
    for (const pid of FORUM_FLAGGED_PIDS) {
      const host = flagger.flagged.get(String(pid))?.badge.host;
      expect(host?.parentElement, `floor ${pid}`).toBe(doc.querySelector(`#postmessage_${pid}`));
    }
  });

  it('highlights the matched words without changing the text of the post', () => {
    const doc = loadForum();
    const pid = FORUM_FLAGGED_PIDS[0]!;
    const before = doc.querySelector(`#postmessage_${pid}`)!.textContent;
    const flagger = createFlagger(deps(doc));
    flagger.scanPage();
    const body = doc.querySelector(`#postmessage_${pid}`)!;
    expect(flagger.flagged.get(String(pid))?.ranges.map((r) => r.toString())).toEqual(expect.arrayContaining(['江北区', '白沙镇']));
    expect(body.querySelectorAll('mark').length).toBe(0);
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

  it('floors scanned as they are added come out exactly as a full scan of the final page gives them', () => {
    const moreFloors = (doc: Document) => {
      const holder = doc.createElement('div');
      holder.innerHTML = THREAD_1001_MORE_FLOORS.map((f, i) => renderDiscuzPost({ tid: 1001, fid: 2 }, f, 100 + i)).join('');
      return [...holder.children];
    };
    // What the content script remembers of each post (lib/content/start.ts reads the fields the same way).
    const scanned = (doc: Document, scan: (flagger: Flagger, doc: Document) => void) => {
      const seen = createSeenPosts();
      const readFields = (posts: PostRef[]) =>
        posts.map((post) => {
          const found = findPostsIn(post.element, doc, URL_1001).find((p) => p.postId === post.postId);
          return found ? toPostData(found) : undefined;
        });
      const flagger = createFlagger(deps(doc, { seen, readFields }));
      scan(flagger, doc);
      return {
        flagged: [...flagger.flagged.values()].map((f) => [f.post.postId, f.terms, f.ranges.map((r) => r.toString())]).sort(),
        seen: seen.all().sort((a, b) => a.postId.localeCompare(b.postId)),
      };
    };
    const incremental = scanned(loadForum(), (flagger, doc) => {
      flagger.scanPage();
      const added = moreFloors(doc);
      doc.querySelector('#postlist')!.append(...added);
      flagger.scanAdded(added);
    });
    const whole = scanned(loadForum(), (flagger, doc) => {
      doc.querySelector('#postlist')!.append(...moreFloors(doc));
      flagger.scanPage();
    });
    expect(incremental.flagged.length).toBeGreaterThan(FORUM_FLAGGED_PIDS.length);
    expect(incremental.seen.filter((p) => p.data?.author && p.data.publishedAt).length).toBe(incremental.seen.length);
    expect(incremental).toEqual(whole);
  });

  it('shows the state of a post already in the claim log instead of the button', async () => {
    const doc = loadForum();
    const pid = String(FORUM_FLAGGED_PIDS[0]);
    const knownStates = vi.fn(async () => new Map([[pid, { kind: 'known' as const, text: '已采集 · 已认领 · 澜江市公安局 · 剩余 3小时0分', overdue: false }]]));
    const flagger = createFlagger(deps(doc, { knownStates }));
    flagger.scanPage();
    await vi.waitFor(() => expect(rootOf(flagger, pid)!.textContent).toContain('已认领 · 澜江市公安局'));
    expect(rootOf(flagger, pid)!.querySelector('button')?.textContent).not.toBe('采集');
  });

  it('only a trusted click captures: a page script clicking the button does nothing', () => {
    const doc = loadForum();
    const d = deps(doc);
    const flagger = createFlagger(d);
    flagger.scanPage();
    const button = rootOf(flagger, FORUM_FLAGGED_PIDS[0]!)!.querySelector('button')!;
    button.click();
    expect(d.capture).not.toHaveBeenCalled();
  });
});

describe('a long thread shows the badges in view first', () => {
  afterEach(() => vi.unstubAllGlobals());
  // jsdom is slow: a thread long enough for floors out of view, not the bench's thousand.
  const FLOORS = 60;
  /**
   * The bench thread in the window's own document, each floor 100 px below
   * the last, the viewport at the top; the browser's IntersectionObserver
   * (jsdom has none) answers with `placed()`, as the next frame would.
   */
  function longThreadInView() {
    const parsed = new DOMParser().parseFromString(renderBenchThreadPage(FLOORS), 'text/html');
    document.title = parsed.title;
    document.head.innerHTML = parsed.head.innerHTML;
    document.body.innerHTML = parsed.body.innerHTML;
    const bodies = Array.from(document.querySelectorAll('td.t_f'));
    const viewport = window.innerHeight;
    const boxOf = (target: Element) => {
      const top = 100 * bodies.indexOf(target) + 20;
      return { top, bottom: top + 80, left: 0, right: 800, width: 800, height: 80, x: 0, y: top } as DOMRectReadOnly;
    };
    const observers: { callback: IntersectionObserverCallback; targets: Element[] }[] = [];
    vi.stubGlobal(
      'IntersectionObserver',
      class {
        private readonly mine: { callback: IntersectionObserverCallback; targets: Element[] };
        constructor(callback: IntersectionObserverCallback, options: IntersectionObserverInit) {
          // One viewport above, two below.
          expect(options.rootMargin).toBe('100% 0px 200% 0px');
          this.mine = { callback, targets: [] };
          observers.push(this.mine);
        }
        observe(target: Element) {
          this.mine.targets.push(target);
        }
        disconnect() {
          this.mine.targets = [];
        }
      },
    );
    const placed = () => {
      for (const observer of observers.splice(0)) {
        const records = observer.targets.map((target) => {
          const box = boxOf(target);
          return { target, boundingClientRect: box, rootBounds: { height: viewport }, isIntersecting: box.bottom >= -viewport && box.top <= 3 * viewport };
        });
        observer.callback(records as unknown as IntersectionObserverEntry[], observer as unknown as IntersectionObserver);
      }
    };
    const idle: (() => void)[] = [];
    const flagger = createFlagger(deps(document, { url: () => `http://127.0.0.1:4173${DEMO_PATHS.benchThread}?n=${FLOORS}`, whenIdle: (task) => idle.push(task) }));
    const runIdle = () => {
      while (idle.length > 0) idle.shift()!();
    };
    const floorOf = (pid: string) => Number(pid) - 500_000;
    return { flagger, placed, runIdle, floorOf };
  }
  const log = () => (globalThis as unknown as Record<symbol, ScanRecord[] | undefined>)[SCAN_LOG_KEY] ?? [];

  it('mounts the badges of flagged floors within two screens below with the next frame, and every other one in idle time', () => {
    const { flagger, placed, runIdle, floorOf } = longThreadInView();
    const before = log().length;
    const flagged = flagger.scanPage();
    const expected = Array.from({ length: FLOORS }, (_, i) => i + 1).filter(benchFloorMentionsCity);
    // Every flagged floor is flagged by the scan itself; its badge follows.
    expect(flagged.map((f) => floorOf(f.post.postId)).sort((a, b) => a - b)).toEqual(expected);
    expect(flagged.filter((f) => f.mounted)).toEqual([]);
    placed();
    // Floor k's body starts at 100(k-1)+20 px: near when it starts within three viewport heights.
    const near = expected.filter((floor) => 100 * (floor - 1) + 20 <= 3 * window.innerHeight);
    expect(near.length).toBeGreaterThan(0);
    expect(near.length).toBeLessThan(expected.length);
    expect(flagged.filter((f) => f.mounted).map((f) => floorOf(f.post.postId)).sort((a, b) => a - b)).toEqual(near);
    for (const entry of flagged.filter((f) => !f.mounted)) expect(entry.post.bodyElement.querySelector('span')).toBeNull();
    runIdle();
    for (const entry of flagged) {
      expect(entry.mounted).toBe(true);
      expect(entry.badge.host.parentElement).toBe(entry.post.bodyElement);
    }
    // The mounting is logged beside the scan, chunk by chunk: nothing is hidden from the benchmark.
    const mounts = log().slice(before).filter((r) => r.name === 'mount');
    expect(mounts.reduce((sum, r) => sum + r.flagged, 0)).toBe(expected.length);
    expect(mounts.every((r) => r.flagged <= MOUNT_CHUNK)).toBe(true);
    expect(log().slice(before).filter((r) => r.name === 'paint').reduce((sum, r) => sum + r.flagged, 0)).toBe(expected.length);
  });

  it('a badge needed before its idle chunk (its state to show) is mounted at once, and only once', () => {
    const { flagger, placed, runIdle } = longThreadInView();
    const scanned = flagger.scanPage();
    placed();
    const far = scanned.find((f) => !f.mounted)!;
    const badge = far.badge;
    expect(far.mounted).toBe(true);
    expect(badge.host.parentElement).toBe(far.post.bodyElement);
    runIdle();
    expect(far.badge).toBe(badge);
    expect(Array.from(far.post.bodyElement.children).filter((el) => el === badge.host || el.shadowRoot !== null)).toHaveLength(1);
  });

  it('a floor re-rendered before its badge was mounted is flagged again in its new element, the old one gets none', () => {
    const { flagger, placed, runIdle } = longThreadInView();
    const scanned = flagger.scanPage();
    placed();
    const far = scanned.find((f) => !f.mounted)!;
    const old = far.post.element;
    const clone = old.cloneNode(true) as Element;
    old.replaceWith(clone);
    flagger.scanAdded([clone]);
    placed();
    runIdle();
    const again = flagger.flagged.get(far.post.postId)!;
    expect(again.post.bodyElement.isConnected).toBe(true);
    expect(again.mounted).toBe(true);
    expect(again.badge.host.parentElement).toBe(again.post.bodyElement);
    expect(far.mounted).toBe(false);
  });
});

describe('a thread\'s posts are matched in one scan, each decided on its own text', () => {
  const watchlist = compileWatchlist(DEMO_WATCHLIST);

  it('flags exactly the floors of a long thread that name the city', () => {
    const doc = new DOMParser().parseFromString(renderBenchThreadPage(200), 'text/html');
    const flagger = createFlagger(deps(doc, { url: () => `http://127.0.0.1:4173${DEMO_PATHS.benchThread}?n=200` }));
    const floors = flagger.scanPage().map((f) => Number(f.post.postId) - 500_000);
    const expected = Array.from({ length: 200 }, (_, i) => i + 1).filter(benchFloorMentionsCity);
    expect(floors.sort((a, b) => a - b)).toEqual(expected);
  });

  it('a name split across two posts is a match in neither', () => {
    expect([...textsWithMatches(['我住在江北', '区的朋友说'], watchlist)]).toEqual([0, 0]);
    expect([...textsWithMatches(['白沙镇停水', '今天天气不错', '', '江南区施工'], watchlist)]).toEqual([1, 0, 0, 1]);
    expect([...textsWithMatches([], watchlist)]).toEqual([]);
  });

  it('the break between posts can never be read as part of a name', () => {
    // No watched term may contain it…
    expect(unusableTermReason(`江北${TEXT_BREAK}区`)).toBeDefined();
    // …and the matcher does not skip it as noise between a name's characters, as it skips a space.
    expect(watchlist.scanPacked(`江北${TEXT_BREAK}区`).length).toBe(0);
    expect(watchlist.scanPacked('江北 区').length).toBe(3);
  });
});

describe('flagging a list page', () => {
  it('highlights the thread titles that name the city and counts them, without capture buttons', () => {
    const url = `http://127.0.0.1:4173${DEMO_PATHS.liuyanList}`;
    const doc = new DOMParser().parseFromString(resolveRoute(new URL(url)).body, 'text/html');
    const d = deps(doc, { url: () => url });
    expect(createFlagger(d).scanPage()).toEqual([]);
    // A zero-size highlight host per matched title, and nothing else: no capture button.
    const hosts = [...doc.querySelectorAll('span')].filter((span) => span.style.width === '0px');
    expect(hosts.length).toBeGreaterThan(0);
    expect(doc.querySelectorAll('mark').length).toBe(0);
    expect(d.reportCount).toHaveBeenCalledWith(expect.any(Number));
  });
});

describe('posts the page re-renders keep their flags (tests/fixtures/probe)', () => {
  const PROBE_URL = 'http://127.0.0.1:4173/probe/thread.html';
  const probePage = (file: string) =>
    new DOMParser().parseFromString(readFileSync(join(import.meta.dirname, '../../fixtures/probe', file), 'utf8'), 'text/html');
  /** The page's own script does its re-render; the observer's batch then runs (whenIdle is immediate here). */
  const settle = () => new Promise((resolve) => setTimeout(resolve, 0));
  const connectedIds = (flagger: Flagger) =>
    [...flagger.flagged.entries()].filter(([, f]) => f.badge.host.isConnected && f.post.bodyElement.isConnected).map(([id]) => id).sort();

  it('rerender-clone.html: each post replaced by its clone is flagged again', async () => {
    const doc = probePage('rerender-clone.html');
    const flagger = createFlagger(deps(doc, { url: () => PROBE_URL }));
    const first = flagger.scanPage().map((f) => f.post.postId).sort();
    expect(first).toEqual(['1007', '1027']);
    flagger.observe();
    doc.querySelectorAll('#postlist > div[id^="post_"]').forEach((p) => p.replaceWith(p.cloneNode(true)));
    await settle();
    expect(connectedIds(flagger)).toEqual(first);
    // The clones carry a copy of our host without its shadow root; the new badge is the one in the page.
    for (const id of first) expect(flagger.flagged.get(id)?.badge.host.parentElement).toBe(doc.querySelector(`#postmessage_${id}`));
  });

  it('rerender-innerhtml.html: a body whose innerHTML is rewritten gets its badge back', async () => {
    const doc = probePage('rerender-innerhtml.html');
    const flagger = createFlagger(deps(doc, { url: () => PROBE_URL }));
    const first = flagger.scanPage().map((f) => f.post.postId).sort();
    flagger.observe();
    doc.querySelectorAll('td.t_f').forEach((td) => {
      td.innerHTML = td.innerHTML.replace(/<span[^>]*><\/span>/, '');
    });
    await settle();
    expect(connectedIds(flagger)).toEqual(first);
  });

  it('spa-swap-body.html: a new <body> is scanned', async () => {
    const doc = probePage('spa-swap-body.html');
    const flagger = createFlagger(deps(doc, { url: () => PROBE_URL }));
    flagger.scanPage();
    flagger.observe();
    const next = doc.createElement('body');
    next.innerHTML = '<div id="ct"><div id="postlist"><div id="post_2007"><table id="pid2007" class="plhin"><tbody><tr><td class="t_f" id="postmessage_2007">澜江市城管局半夜施工噪音</td></tr></tbody></table></div></div></div>';
    doc.body = next;
    await settle();
    expect(connectedIds(flagger)).toEqual(['2007']);
  });

  it('a badge the page removes is put back', async () => {
    const doc = probePage('rerender-clone.html');
    const flagger = createFlagger(deps(doc, { url: () => PROBE_URL }));
    flagger.scanPage();
    flagger.observe();
    flagger.flagged.get('1007')!.badge.host.remove();
    await settle();
    expect(flagger.flagged.get('1007')?.badge.host.isConnected).toBe(true);
  });

  // More than one batch (the protocol refuses more than 2,000 ids per question); jsdom is slow, so 600 posts.
  it('many flagged posts: states are asked in batches the protocol accepts', { timeout: 90_000 }, async () => {
    const rows = Array.from({ length: 600 }, (_, i) => `<div id="post_${i + 1}"><table id="pid${i + 1}" class="plhin"><tbody><tr><td class="t_f" id="postmessage_${i + 1}">澜江市江北区第${i}楼</td></tr></tbody></table></div>`);
    const doc = new DOMParser().parseFromString(`<html><head><meta name="generator" content="Discuz! X3.4"><title>澜江论坛</title></head><body><div id="ct"><div id="postlist">${rows.join('')}</div></div></body></html>`, 'text/html');
    const knownStates = vi.fn(async (posts: { postId: string }[]) => new Map(posts.map((p) => [p.postId, { kind: 'known' as const, text: '已采集', overdue: false }])));
    const flagger = createFlagger(deps(doc, { url: () => PROBE_URL, knownStates }));
    expect(flagger.scanPage()).toHaveLength(600);
    await vi.waitFor(() => expect(rootOf(flagger, 600)?.textContent).toContain('已采集'));
    expect(knownStates).toHaveBeenCalledTimes(2);
    expect(knownStates.mock.calls.every(([posts]) => posts.length <= STATE_QUERY_BATCH)).toBe(true);
  });
});
