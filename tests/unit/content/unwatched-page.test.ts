// @vitest-environment jsdom
/**
 * A page whose text names nothing the office watches has no post to flag:
 * its first scan only checks the page's text, and its posts are located and
 * remembered when the page is idle. These tests hold the first scan to what
 * the full scan (locate every post, then flag) gives, on every saved page
 * the site adapters are tested with and several watch lists.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import * as sites from '../../../lib/sites';
import { pageMayMatch, SCAN_LOG_KEY, type ScanRecord } from '../../../lib/content/flagger';
import { compileWatchlist, DEMO_WATCHLIST } from '../../../lib/match';
import { renderCommunityBenchPage } from '../../demo-site/pages/community';
import { expectFirstScanAsFull, flaggerOf, parse, regions, savedPages, watchListsFor } from '../../support/first-scan-pages';

vi.mock('../../../lib/sites', { spy: true });

afterEach(() => {
  vi.clearAllMocks();
});

describe('the first scan of a page that names nothing watched', () => {
  const pages = savedPages();
  /** How often the first scan took each way, over all pages and lists (checked at the end). */
  const ways = { checkedOnly: 0, located: 0, flagged: 0 };

  it.each(pages.map((p) => [p.name, p] as const))('flags what the full scan flags, and registers every post once idle: %s', (_name, page) => {
    for (const [label, entries] of watchListsFor(page)) {
      const watchlist = compileWatchlist(entries);
      const { expected, doc, rememberedBeforeIdle } = expectFirstScanAsFull(page, label, watchlist);
      if (!pageMayMatch(doc, watchlist)) {
        // Nothing was located: no post shown is remembered yet.
        expect(rememberedBeforeIdle, `${page.name}, ${label}`).toBe(0);
        ways.checkedOnly++;
      } else ways.located++;
      if (expected.length > 0) ways.flagged++;
      if (page.name === 'split names' && label === 'split across elements') expect(expected.map((e) => e.terms)).toEqual([['青州市', '停水']]);
    }
  });

  it('took both ways over the pages above, and flagged posts on some', () => {
    expect(ways.checkedOnly).toBeGreaterThan(pages.length);
    expect(ways.located).toBeGreaterThan(pages.length);
    expect(ways.flagged).toBeGreaterThan(pages.length / 2);
  });

  it('never says "nothing watched" of a page where a post names a watched place, however the name is written', () => {
    const watchlist = compileWatchlist([{ term: '青州市', kind: 'region', aliases: ['青州'] }, { term: '青州路', kind: 'exclusion' }]);
    const bodies = ['青<b>州</b>市', '青 州', '青*州市', '<span>青</span>\n<span>州</span>', '去青州', '青州路'];
    for (const body of bodies) {
      const doc = parse(`<html><body><div id="a">${'无关的文字。'.repeat(4000)}</div><div id="b">${body}</div></body></html>`);
      expect(pageMayMatch(doc, watchlist), body).toBe(true);
    }
    // A post ending in 青州 before a line that starts with 路: the post names the city, the page's text reads 青州路.
    const doc = parse(`<html><body><div class="post">我在青州</div><div class="post">路过而已</div></body></html>`);
    expect(pageMayMatch(doc, watchlist)).toBe(true);
    expect(pageMayMatch(parse('<html><body><p>我在临川</p></body></html>'), watchlist)).toBe(false);
  });

  it('a 1,000-post thread with no watched place is scanned without locating its posts, and every post shown is registered once the page is idle', () => {
    const url = 'http://127.0.0.1:4173/community/t/1000-posts?n=1000';
    const doc = parse(renderCommunityBenchPage(1000));
    const watchlist = compileWatchlist(regions(['青州市']));
    const { flagger, seen, idle } = flaggerOf(doc, url, watchlist);
    const log = ((globalThis as unknown as Record<symbol, ScanRecord[]>)[SCAN_LOG_KEY] ??= []);
    const before = log.length;
    expect(flagger.scanPage()).toEqual([]);
    expect(sites.locatePosts).not.toHaveBeenCalled();
    expect(seen.size).toBe(0);
    idle();
    expect(sites.locatePosts).toHaveBeenCalledTimes(1);
    expect(seen.size).toBe(1000);
    expect(log.slice(before).map((r) => r.name)).toEqual(['scan-page', 'register', 'warm-up']);
  });

  it('a thread whose posts name a watched place is located and flagged in the first scan, as before', () => {
    const url = 'http://127.0.0.1:4173/community/t/1000-posts?n=100';
    const doc = parse(renderCommunityBenchPage(100));
    const { flagger } = flaggerOf(doc, url, compileWatchlist([...DEMO_WATCHLIST]));
    // Every 20th floor from the 7th names the city (tests/demo-site/pages/bench-thread.ts).
    expect(flagger.scanPage()).toHaveLength(5);
    expect(sites.locatePostsToFlag).toHaveBeenCalledTimes(1);
    expect(sites.locatePosts).not.toHaveBeenCalled();
  });
});
