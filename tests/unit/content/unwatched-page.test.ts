// @vitest-environment jsdom
/**
 * A page whose text names nothing the office watches has no post to flag:
 * its first scan only checks the page's text, and its posts are located and
 * remembered when the page is idle. These tests hold the first scan to what
 * the full scan (locate every post, then flag) gives, on every saved page
 * the site adapters are tested with and several watch lists.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import * as sites from '../../../lib/sites';
import { createFlagger, pageMayMatch, SCAN_LOG_KEY, type ScanRecord } from '../../../lib/content/flagger';
import { isOwnElement } from '../../../lib/content/post-badge';
import { createSeenPosts } from '../../../lib/content/seen-posts';
import { compileWatchlist, DEMO_WATCHLIST, type CompiledWatchlist, type WatchEntry } from '../../../lib/match';
import { flagPost, isAnchored } from '../../../lib/match/flag';
import { CORPUS_URLS } from '../sites/corpus-pages';
import { DEMO_PATHS, resolveRoute } from '../../demo-site/routes';
import { renderCommunityBenchPage } from '../../demo-site/pages/community';
import { flaggerDeps } from '../../support/flagger-deps';

vi.mock('../../../lib/sites', { spy: true });

const NOW = new Date('2026-11-23T12:00:00+08:00');
const FIXTURES = join(import.meta.dirname, '../../fixtures');

/** Every saved page the site adapters' tests read, with the URL it is read under. */
function savedPages(): { name: string; html: string; url: string }[] {
  const pages: { name: string; html: string; url: string }[] = [];
  const dir = (sub: string, url: (file: string) => string) => {
    for (const file of readdirSync(join(FIXTURES, sub)).filter((f) => f.endsWith('.html')).sort()) {
      pages.push({ name: `${sub}/${file}`, html: readFileSync(join(FIXTURES, sub, file), 'utf8'), url: url(file) });
    }
  };
  dir('corpus', (file) => CORPUS_URLS[file] ?? 'https://example.test/');
  dir('engines', (file) => `https://forum.example.test/${file}`);
  dir('reported', (file) => `https://reported.example.test/${file}`);
  dir('gov', (file) => `https://liuyan.example.test/${file}`);
  dir('probe', (file) => `https://probe.example.test/${file}`);
  dir('sites', (file) => `https://board.example.test/${file}`);
  const demo = (name: keyof typeof DEMO_PATHS) => {
    const url = `http://127.0.0.1:4173${DEMO_PATHS[name]}`;
    pages.push({ name: `demo ${name}`, html: resolveRoute(new URL(url)).body, url });
  };
  demo('forumThread');
  demo('communityThread');
  pages.push({ name: 'demo community 60 posts', html: renderCommunityBenchPage(60), url: 'http://127.0.0.1:4173/community/t/1000-posts?n=60' });
  // A name split across elements, in a body and in chrome, on a page no adapter knows.
  pages.push({
    name: 'split names',
    url: 'https://forum.example.test/t/1',
    html: `<html><head><title>讨论</title></head><body><div class="list">${[1, 2, 3, 4]
      .map(
        (n) =>
          `<div class="item"><div class="head"><a class="user" href="/u/${n}">${n === 2 ? '青<i>州</i>人' : `网友${n}`}</a><span class="time">2026-11-2${n} 10:0${n}</span><span class="ip">IP属地：${n === 3 ? '青<b>州</b>市' : '浙江'}</span></div><div class="text"><p>${n === 4 ? '听说青<b>州</b>市那边也<em>停</em>水了' : `第${n}条评论，说点别的。`}</p></div></div>`,
      )
      .join('')}</div></body></html>`,
  });
  return pages;
}

/** The flagged posts as the full scan gives them: every post located, each body's text matched (lib/content/flagger.ts `flagPosts`). */
function fullScanFlags(doc: Document, url: string, watchlist: CompiledWatchlist): { postId: string; body: string; element: string; terms: string[] }[] {
  const posts = sites.locatePosts(doc, url, { now: NOW });
  const first = posts[0];
  const threadAnchored = isAnchored(`${doc.title}\n${first ? (first.bodyText ?? first.bodyElement.textContent ?? '') : ''}`, watchlist);
  const out: { postId: string; body: string; element: string; terms: string[] }[] = [];
  const seen = new Set<Element>();
  for (const post of posts) {
    if (seen.has(post.bodyElement)) continue;
    seen.add(post.bodyElement);
    const verdict = flagPost(sites.takeBodyText(post), watchlist, { threadAnchored });
    if (verdict.flagged) out.push({ postId: post.postId, body: pathOf(post.bodyElement), element: pathOf(post.element), terms: [...new Set(verdict.matches.map((m) => m.term))] });
  }
  return out;
}

/** Where an element is (child indices from the root), our badges left out. */
function pathOf(el: Element): string {
  const steps: number[] = [];
  for (let at: Element | null = el; at?.parentElement; at = at.parentElement) {
    let index = 0;
    for (let sib = at.previousElementSibling; sib; sib = sib.previousElementSibling) if (!isOwnElement(sib)) index++;
    steps.unshift(index);
  }
  return steps.join('.');
}

/** Region terms made of the page's own chrome (authors, IP-location labels) and of a body's words. */
function pageWords(doc: Document, url: string): { chrome: string[]; body: string[] } {
  const posts = sites.findPostElements(doc, url, { now: NOW });
  const chrome = [...new Set(posts.flatMap((p) => [p.author, p.location]).filter((w): w is string => !!w && w.length >= 2))].slice(0, 4);
  const body = posts
    .slice(-2)
    .map((p) => p.text.replace(/\s+/g, '').slice(2, 6))
    .filter((w) => w.length >= 2);
  return { chrome, body };
}

function regions(terms: string[]): WatchEntry[] {
  return terms.map((term) => ({ term, kind: 'region' }));
}

/** A flagger whose idle tasks wait until `idle()` runs them. */
function flaggerOf(doc: Document, url: string, watchlist: CompiledWatchlist) {
  const queue: (() => void)[] = [];
  const seen = createSeenPosts();
  const flagger = createFlagger(flaggerDeps(doc, url, { watchlist, seen, whenIdle: (task) => queue.push(task) }));
  const idle = () => {
    while (queue.length > 0) queue.shift()?.();
  };
  return { flagger, seen, idle };
}

const parse = (html: string) => new DOMParser().parseFromString(html, 'text/html');

afterEach(() => {
  vi.clearAllMocks();
});

describe('the first scan of a page that names nothing watched', () => {
  const pages = savedPages();
  /** How often the first scan took each way, over all pages and lists (checked at the end). */
  const ways = { checkedOnly: 0, located: 0, flagged: 0 };

  it.each(pages.map((p) => [p.name, p] as const))('flags what the full scan flags, and registers every post once idle: %s', (_name, page) => {
    const words = pageWords(parse(page.html), page.url);
    const lists: [string, WatchEntry[]][] = [
      ['demo city', [...DEMO_WATCHLIST]],
      ['nothing on the page', regions(['青州市', '临川县'])],
      ['authors and IP labels', regions(words.chrome)],
      ['words of a body', regions(words.body)],
      ['split across elements', [{ term: '青州市', kind: 'region', aliases: ['青州'] }, { term: '停水', kind: 'topic' }]],
      ['an exclusion only', [{ term: '青州路', kind: 'exclusion' }]],
    ];
    for (const [label, entries] of lists) {
      if (entries.length === 0) continue;
      const watchlist = compileWatchlist(entries);
      const expected = fullScanFlags(parse(page.html), page.url, watchlist);
      const doc = parse(page.html);
      const { flagger, seen, idle } = flaggerOf(doc, page.url, watchlist);
      const flagged = flagger.scanPage().map((f) => ({ postId: f.post.postId, body: pathOf(f.post.bodyElement), element: pathOf(f.post.element), terms: f.terms }));
      expect(flagged, `${page.name}, ${label}`).toEqual(expected);
      if (!pageMayMatch(doc, watchlist)) {
        // Nothing was located: no post shown is remembered yet.
        expect(seen.size, `${page.name}, ${label}`).toBe(0);
        ways.checkedOnly++;
      } else ways.located++;
      if (expected.length > 0) ways.flagged++;
      if (page.name === 'split names' && label === 'split across elements') expect(expected.map((e) => e.terms)).toEqual([['青州市', '停水']]);
      idle();
      const all = sites.locatePosts(parse(page.html), page.url, { now: NOW }).map((p) => p.postId);
      expect(
        seen.all().map((p) => p.postId),
        `${page.name}, ${label}`,
      ).toEqual([...new Set(all)]);
      expect(flagger.flagged.size, `${page.name}, ${label}`).toBe(new Set(expected.map((e) => e.postId)).size);
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
    expect(sites.locatePosts).toHaveBeenCalledTimes(1);
  });
});
