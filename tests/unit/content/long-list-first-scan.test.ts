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
import { expectFirstScanAsFull, flaggerOf, parse, savedPages, watchListsFor } from '../../support/first-scan-pages';

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
      expect.arrayContaining(['demo communityThread', 'engines/generic-nested-replies.html', 'engines/generic-qa-site.html', 'reported/R07-generic-comment-meta-in-text.html', 'split names']),
    );
    expect(ways.flagged.size).toBeGreaterThanOrEqual(4);
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
