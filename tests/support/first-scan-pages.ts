/**
 * The first scan held to the full scan: every saved page the site adapters
 * are tested with, several watch lists made of each page's own words, and
 * the flagged posts the full scan (locate every post, then flag) gives.
 * Shared by the tests of the first scan's shortcuts (tests/unit/content).
 * A test file using it mocks `lib/sites` with `{ spy: true }` to count calls.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as sites from '../../lib/sites';
import { createFlagger } from '../../lib/content/flagger';
import { isOwnElement } from '../../lib/content/post-badge';
import { createSeenPosts } from '../../lib/content/seen-posts';
import { expect } from 'vitest';
import { DEMO_WATCHLIST, type CompiledWatchlist, type WatchEntry } from '../../lib/match';
import { flagPost, isAnchored } from '../../lib/match/flag';
import { CORPUS_URLS } from '../unit/sites/corpus-pages';
import { DEMO_PATHS, resolveRoute } from '../demo-site/routes';
import { renderCommunityBenchPage } from '../demo-site/pages/community';
import { flaggerDeps } from './flagger-deps';

export const NOW = new Date('2026-11-23T12:00:00+08:00');
const FIXTURES = join(import.meta.dirname, '../fixtures');

export const parse = (html: string): Document => new DOMParser().parseFromString(html, 'text/html');

/** Every saved page the site adapters' tests read, with the URL it is read under. */
export function savedPages(): { name: string; html: string; url: string }[] {
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
export function fullScanFlags(doc: Document, url: string, watchlist: CompiledWatchlist): { postId: string; body: string; element: string; terms: string[] }[] {
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
export function pathOf(el: Element): string {
  const steps: number[] = [];
  for (let at: Element | null = el; at?.parentElement; at = at.parentElement) {
    let index = 0;
    for (let sib = at.previousElementSibling; sib; sib = sib.previousElementSibling) if (!isOwnElement(sib)) index++;
    steps.unshift(index);
  }
  return steps.join('.');
}

/** Region terms made of the page's own chrome (authors, IP-location labels) and of a body's words. */
export function pageWords(doc: Document, url: string): { chrome: string[]; body: string[] } {
  const posts = sites.findPostElements(doc, url, { now: NOW });
  const chrome = [...new Set(posts.flatMap((p) => [p.author, p.location]).filter((w): w is string => !!w && w.length >= 2))].slice(0, 4);
  const body = posts
    .slice(-2)
    .map((p) => p.text.replace(/\s+/g, '').slice(2, 6))
    .filter((w) => w.length >= 2);
  return { chrome, body };
}

export function regions(terms: string[]): WatchEntry[] {
  return terms.map((term) => ({ term, kind: 'region' }));
}

/** A flagger whose idle tasks wait until `idle()` runs them. */
export function flaggerOf(doc: Document, url: string, watchlist: CompiledWatchlist) {
  const queue: (() => void)[] = [];
  const seen = createSeenPosts();
  const flagger = createFlagger(flaggerDeps(doc, url, { watchlist, seen, whenIdle: (task) => queue.push(task) }));
  const idle = () => {
    while (queue.length > 0) queue.shift()?.();
  };
  return { flagger, seen, idle };
}


/** A saved page: its name, markup and the URL it is read under. */
export type SavedPage = ReturnType<typeof savedPages>[number];

/** The watch lists each page is scanned with: the demo city, names absent from the page, the page's own chrome and body words, a name split across elements, an exclusion only. Empty lists are left out. */
export function watchListsFor(page: SavedPage): [string, WatchEntry[]][] {
  const words = pageWords(parse(page.html), page.url);
  const lists: [string, WatchEntry[]][] = [
    ['demo city', [...DEMO_WATCHLIST]],
    ['nothing on the page', regions(['青州市', '临川县'])],
    ['authors and IP labels', regions(words.chrome)],
    ['words of a body', regions(words.body)],
    ['split across elements', [{ term: '青州市', kind: 'region', aliases: ['青州'] }, { term: '停水', kind: 'topic' }]],
    ['an exclusion only', [{ term: '青州路', kind: 'exclusion' }]],
  ];
  return lists.filter(([, entries]) => entries.length > 0);
}

/**
 * Scans `page` with a flagger and expects its first scan to flag exactly
 * what the full scan flags (ids, body and post elements, terms), and, once
 * the page is idle, every post the full scan locates to be remembered, in
 * page order, with nothing more flagged.
 */
export function expectFirstScanAsFull(page: SavedPage, label: string, watchlist: CompiledWatchlist): { expected: ReturnType<typeof fullScanFlags>; doc: Document; rememberedBeforeIdle: number } {
  const expected = fullScanFlags(parse(page.html), page.url, watchlist);
  const doc = parse(page.html);
  const { flagger, seen, idle } = flaggerOf(doc, page.url, watchlist);
  const flagged = flagger.scanPage().map((f) => ({ postId: f.post.postId, body: pathOf(f.post.bodyElement), element: pathOf(f.post.element), terms: f.terms }));
  expect(flagged, `${page.name}, ${label}`).toEqual(expected);
  const rememberedBeforeIdle = seen.size;
  idle();
  const all = sites.locatePosts(parse(page.html), page.url, { now: NOW }).map((p) => p.postId);
  expect(
    seen.all().map((p) => p.postId),
    `${page.name}, ${label}`,
  ).toEqual([...new Set(all)]);
  expect(flagger.flagged.size, `${page.name}, ${label}`).toBe(new Set(expected.map((e) => e.postId)).size);
  return { expected, doc, rememberedBeforeIdle };
}
