// @vitest-environment jsdom
/**
 * The first scan of a long thread no adapter knows locates only the posts
 * that may be flagged (and the first post): the records of a long list are
 * mined inside, and located, only where the text read through the body path
 * learned from the samples holds a raw occurrence of a watched form; the
 * full scan in idle time adds the others. These tests hold that first scan
 * to what the full scan gives, on every saved page the site adapters are
 * tested with and several watch lists, with "long" lowered to two records so
 * that every list of a saved page takes the shortcut.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import * as sites from '../../../lib/sites';
import { SCAN_LOG_KEY, type ScanRecord } from '../../../lib/content/flagger';
import { compileWatchlist, DEMO_WATCHLIST } from '../../../lib/match';
import { renderCommunityBenchPage } from '../../demo-site/pages/community';
import { expectFirstScanAsFull, flaggerOf, NOW, parse, savedPages, watchListsFor } from '../../support/first-scan-pages';

vi.mock('../../../lib/sites', { spy: true });

/** Whether each first scan left posts to idle time. */
const partial: boolean[] = [];

const { locatePostsToFlag: actualLocatePostsToFlag } = await vi.importActual<typeof sites>('../../../lib/sites');

function lowerLongList(): void {
  vi.mocked(sites.locatePostsToFlag).mockImplementation((doc, url, mayMatch, options) => {
    const found = actualLocatePostsToFlag(doc, url, mayMatch, { ...options, longList: 1 });
    partial.push(!found.complete);
    return found;
  });
}

afterEach(() => {
  vi.clearAllMocks();
  vi.mocked(sites.locatePostsToFlag).mockImplementation(actualLocatePostsToFlag);
});

describe('the first scan of a page with a long list of records', () => {
  beforeEach(lowerLongList);
  const pages = savedPages();
  /** The pages whose first scan took the shortcut with some list, and those where it then flagged posts. */
  const ways = { partial: new Set<string>(), flagged: new Set<string>() };

  it.each(pages.map((p) => [p.name, p] as const))('flags what the full scan flags, and registers every post in page order once idle: %s', (_name, page) => {
    for (const [label, entries] of watchListsFor(page)) {
      partial.length = 0;
      const { expected } = expectFirstScanAsFull(page, label, compileWatchlist(entries));
      if (partial[0]) {
        ways.partial.add(page.name);
        if (expected.length > 0) ways.flagged.add(page.name);
      }
    }
  });

  it('took the shortcut on the pages above whose posts are a list of records alone, and flagged posts there', () => {
    expect([...ways.partial].sort()).toEqual(
      expect.arrayContaining(['demo communityThread', 'engines/generic-qa-site.html', 'reported/R07-generic-comment-meta-in-text.html', 'split names']),
    );
    expect(ways.flagged.size).toBeGreaterThanOrEqual(4);
  });
});

/**
 * A 150-floor thread whose list also holds adverts between floors (one names
 * the city) and a "load more" button, and whose floors 57 and 88 (not among
 * the samples) hold replies, one of which names the city while its floor
 * does not.
 */
function mixedThread(): string {
  const doc = parse(renderCommunityBenchPage(150));
  const list = doc.querySelector('.cm-posts')!;
  const floors = [...list.querySelectorAll(':scope > .cm-post')];
  for (const n of [40, 80, 120]) floors[n - 1]!.insertAdjacentHTML('afterend', `<div class="promo"><p>推广：${n === 80 ? '澜江市' : '滨海'}新楼盘开盘，首付两成。</p></div>`);
  for (const [n, place] of [[57, '澜江市'], [88, '滨海']] as const) {
    floors[n - 1]!.insertAdjacentHTML(
      'beforeend',
      `<div class="cm-replies">${[1, 2]
        .map((r) => `<div class="cm-reply-item"><a class="cm-user" href="/community/u/9${n}${r}">回复者${r}</a><span class="cm-time" title="2026-11-21 09:0${r}:00">11-21 09:0${r}</span><div class="cm-reply-text">${r === 2 ? `${place}这边也一样。` : '同意楼上。'}</div></div>`)
        .join('')}</div>`,
    );
  }
  list.insertAdjacentHTML('beforeend', '<button class="cm-more">加载更多</button>');
  return `<!doctype html>${doc.documentElement.outerHTML}`;
}

describe('the first scan of a long thread whose list holds more than floors', () => {
  const page = { name: 'mixed 150 floors', url: 'http://127.0.0.1:4173/community/t/1000-posts?n=150', html: mixedThread() };

  it.each(watchListsFor(page).map(([label, entries]) => [label, entries] as const))('flags what the full scan flags, with the list of demo length: %s', (label, entries) => {
    vi.mocked(sites.locatePostsToFlag).mockImplementation((doc, url, mayMatch, options) => {
      const found = actualLocatePostsToFlag(doc, url, mayMatch, options);
      partial.push(!found.complete);
      return found;
    });
    partial.length = 0;
    expectFirstScanAsFull(page, label, compileWatchlist(entries));
    if (label === 'demo city') expect(partial).toEqual([true]);
  });
});

/** A thread of `count` floors of one template, floor n's markup given by `floor(n)`. */
function threadOf(count: number, floor: (n: number) => string): { name: string; url: string; html: string } {
  const floors = Array.from({ length: count }, (_, i) => floor(i + 1)).join('\n');
  return { name: `${count} floors`, url: 'https://forum.example.test/t/1', html: `<!doctype html><html><head><title>讨论</title></head><body><div class="list">${floors}</div></body></html>` };
}

const CITY = compileWatchlist([{ term: '澜江市', kind: 'region' }]);

/** Whether the flagger's first scan located only some posts (the shortcut was taken). */
function firstScanWasPartial(): boolean {
  const first = vi.mocked(sites.locatePostsToFlag).mock.results[0]?.value as { complete: boolean } | undefined;
  return first?.complete === false;
}

describe('the first scan of a long thread, where the full scan reads a floor beyond its body path', () => {
  it('flags a floor whose extra line names the city after its body (no author to read the floors through)', () => {
    const page = threadOf(150, (n) => `<div class="floor"><span class="time">2024-05-${String((n % 28) + 1).padStart(2, '0')} 10:00</span><div class="text">普通内容第${n}条，今天天气不错。</div>${n === 61 ? '<p>补充一句：澜江市停水了</p>' : ''}</div>`);
    expect(expectFirstScanAsFull(page, 'city', CITY).expected).toHaveLength(1);
    expect(firstScanWasPartial()).toBe(true);
  });

  it('flags a floor whose words after its body are bare text, in as many blocks as the others', () => {
    const page = threadOf(150, (n) => `<div class="floor"><span class="time">2024-05-${String((n % 28) + 1).padStart(2, '0')} 10:00</span><div class="text">普通内容第${n}条，今天天气不错。</div>${n === 61 ? '澜江市停水了' : ''}</div>`);
    expect(expectFirstScanAsFull(page, 'city', CITY).expected).toHaveLength(1);
    expect(firstScanWasPartial()).toBe(true);
  });

  it('flags a reply naming the city inside a floor that does not, the floor not among the samples', () => {
    const page = threadOf(150, (n) => {
      const replies = n === 70 ? `<div class="replies">${[1, 2].map((r) => `<div class="reply"><a class="user" href="/u/r${r}">回复者${r}</a><span class="time">2024-05-09 1${r}:00</span><div class="text">${r === 2 ? '澜江市也停了' : '同意'}</div></div>`).join('')}</div>` : '';
      return `<div class="floor"><a class="user" href="/u/${n}">网友${n}</a><span class="time">2024-05-${String((n % 28) + 1).padStart(2, '0')} 10:00</span><div class="text">普通内容第${n}条。</div>${replies}</div>`;
    });
    expect(expectFirstScanAsFull(page, 'city', CITY).expected).toHaveLength(1);
    expect(firstScanWasPartial()).toBe(true);
  });

  it('is the full scan at once when the first floor holds replies (the floors are read in full anyway)', () => {
    const page = threadOf(150, (n) => {
      const replies = n === 1 ? `<div class="replies">${[1, 2].map((r) => `<div class="reply"><a class="user" href="/u/r${r}">回复者${r}</a><span class="time">2024-05-09 1${r}:00</span><div class="text">这是第${r}条回复的内容。</div></div>`).join('')}</div>` : '';
      return `<div class="floor"><a class="user" href="/u/${n}">网友${n}</a><span class="time">2024-05-${String((n % 28) + 1).padStart(2, '0')} 10:00</span><div class="text">第${n}条：澜江市的事。</div>${replies}</div>`;
    });
    const found = actualLocatePostsToFlag(parse(page.html), page.url, () => new Uint8Array(200));
    expect(found.complete).toBe(true);
    expect(found.posts).toHaveLength(152);
  });
});

describe('a floor flagged by the first scan of a long thread', () => {
  const page = threadOf(150, (n) => `<div class="floor" data-pid="${1000 + n}"><a class="user" href="/u/${n}">网友${n}</a><span class="time">2024-05-0${(n % 9) + 1} 10:00</span><div class="text">${n === 61 ? '澜江市停水了' : `普通内容第${n}条`}，今天天气不错。</div></div>`);

  it('is flagged again when the page shows it again after taking it away before it was idle', async () => {
    const doc = parse(page.html);
    const { flagger, idle } = flaggerOf(doc, page.url, CITY);
    expect(flagger.scanPage().map((f) => f.post.postId)).toEqual(['1061']);
    expect(firstScanWasPartial()).toBe(true);
    const stop = flagger.observe();
    const row = doc.querySelector('[data-pid="1061"]')!;
    const next = row.nextElementSibling!;
    row.remove();
    await new Promise((resolve) => setTimeout(resolve, 0));
    idle();
    next.before(doc.importNode(parse(page.html).querySelector('[data-pid="1061"]')!, true));
    await new Promise((resolve) => setTimeout(resolve, 0));
    idle();
    stop();
    expect(flagger.flagged.get('1061')?.post.bodyElement.isConnected).toBe(true);
  });

  it('is found for capture under the id it was flagged with', () => {
    const html = mixedThread();
    const url = 'http://127.0.0.1:4173/community/t/1000-posts?n=150';
    const doc = parse(html);
    const { flagger } = flaggerOf(doc, url, compileWatchlist([...DEMO_WATCHLIST]));
    const flagged = flagger.scanPage();
    expect(flagged.length).toBeGreaterThan(5);
    for (const entry of flagged) expect(sites.findPost(parse(html), url, entry.post.postId, { now: NOW })?.postId).toBe(entry.post.postId);
  });
});

describe('the first scan of a 1,000-post thread no adapter knows', () => {
  const url = 'http://127.0.0.1:4173/community/t/1000-posts?n=1000';

  it('locates the 50 floors that name the city and the first floor, flags the 50, and the rest once the page is idle', () => {
    const doc = parse(renderCommunityBenchPage(1000));
    const { flagger, seen, idle } = flaggerOf(doc, url, compileWatchlist([...DEMO_WATCHLIST]));
    const log = ((globalThis as unknown as Record<symbol, ScanRecord[]>)[SCAN_LOG_KEY] ??= []);
    const before = log.length;
    // Every 20th floor from the 7th names the city (tests/demo-site/pages/bench-thread.ts), and
    // every floor prints "IP属地：澜江市" outside its body.
    expect(flagger.scanPage()).toHaveLength(50);
    const first = vi.mocked(sites.locatePostsToFlag).mock.results[0]?.value as { posts: sites.PostRef[]; complete: boolean };
    expect(first.complete).toBe(false);
    expect(first.posts).toHaveLength(51);
    expect(first.posts[0]?.element.getAttribute('data-floor')).toBe('1');
    expect(sites.locatePosts).not.toHaveBeenCalled();
    expect(seen.size).toBe(0);
    idle();
    expect(sites.locatePosts).toHaveBeenCalledTimes(1);
    expect(seen.size).toBe(1000);
    expect(seen.all()[0]?.text).toContain('第1楼');
    expect(flagger.flagged.size).toBe(50);
    // Idle time also paints the flagged posts' highlights.
    expect(log.slice(before).map((r) => r.name).filter((name) => name !== 'paint')).toEqual(['scan-page', 'register', 'warm-up']);
  }, 60_000);

  it('is the full scan at once on a thread of 100 floors (a short list is mined whole)', () => {
    const doc = parse(renderCommunityBenchPage(100));
    const { flagger } = flaggerOf(doc, url, compileWatchlist([...DEMO_WATCHLIST]));
    expect(flagger.scanPage()).toHaveLength(5);
    const first = vi.mocked(sites.locatePostsToFlag).mock.results[0]?.value as { posts: sites.PostRef[]; complete: boolean };
    expect(first.complete).toBe(true);
    expect(first.posts).toHaveLength(100);
  });
});
