// @vitest-environment jsdom
/**
 * Which adapter each page of the tests gets. Choosing one asks every
 * adapter's fingerprint, and the shortcuts that make it cheap on a long
 * thread (ids and classes a page lacks answered without walking it, each
 * alternative of a selector list asked alone) must never change an answer:
 * every page the unit tests read (tests/fixtures, the same files as
 * corpus/pages, reported and probe, and the demo site's pages) gets the
 * adapter it got before them, from the URL it was saved from, from another
 * host and from no URL, and every adapter scores each page, and the same
 * page without its doctype (quirks mode), as it does with plain queries.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { alternativesOf, fingerprintIn, withPresenceIndex } from '../../../lib/sites/dom.ts';
import { ADAPTERS, chooseAdapter } from '../../../lib/sites/registry.ts';
import { DEMO_PATHS, resolveRoute, type DemoPageName } from '../../demo-site/routes.ts';
import { CORPUS_URLS, parseHtml } from './corpus-pages.ts';

const FIXTURES = join(import.meta.dirname, '../../fixtures');

/** Each page and the adapter chosen for it (as chosen before the presence shortcuts; the tests of each family say the same where they name one). */
const CHOSEN: [page: string, site: string][] = [
  ['corpus/discuz-csolbbs-tid38672.html', 'discuz'],
  ['corpus/discuz-list-nsh-netease-forum.html', 'discuz'],
  ['corpus/douban-movie-comments-36151693.html', 'douban'],
  ['corpus/gov-kepu-changsanjiao-1755244.html', 'news'],
  ['corpus/gov-shanxi-sichoulu.html', 'news'],
  ['corpus/news-163-J22CN60P0514R9KQ.html', 'news'],
  ['corpus/news-chinacomcn-huhehaote-117184963.html', 'news'],
  ['corpus/news-people-finance-40232587.html', 'news'],
  ['corpus/news-sina-qingdao-jibinchang.html', 'news'],
  ['corpus/rubychina-topic-43661.html', 'homeland'],
  ['corpus/tieba-list-rebang.html', 'tieba'],
  ['corpus/tieba-p8057560733.html', 'tieba'],
  ['corpus/weibo-toutiao-Oe6wIynDn.html', 'weibo'],
  ['corpus/zhidao-q1247295277789522099.html', 'zhidao'],
  ['engines/discourse-crawler.html', 'discourse'],
  ['engines/douban-group-topic-ip.html', 'douban'],
  ['engines/douban-group-topic.html', 'douban'],
  ['engines/douban-note.html', 'douban'],
  ['engines/flarum-discussion.html', 'flarum'],
  ['engines/generic-nested-replies.html', 'generic'],
  ['engines/generic-photo-lists.html', 'generic'],
  ['engines/generic-qa-site.html', 'generic'],
  ['engines/news-comment-time-first.html', 'news'],
  ['engines/nodebb-topic.html', 'nodebb'],
  ['engines/phpbb-viewtopic.html', 'phpbb'],
  ['engines/phpwind-read.html', 'phpwind'],
  ['engines/wechat-article.html', 'wechat'],
  ['engines/xenforo-thread.html', 'xenforo'],
  ['gov/ewcms-interaction-detail.html', 'gov-board'],
  ['gov/liuyan-people-2023.html', 'gov-board'],
  ['gov/liuyan-people-list-fid-1035.html', 'gov-board'],
  ['gov/liuyan-people-tid-6835141.html', 'gov-board'],
  ['gov/liuyan-people-tid-9233844.html', 'gov-board'],
  ['reported/R01-zhihu-answers.html', 'zhihu'],
  ['reported/R02-toutiao-article-date.html', 'toutiao'],
  ['reported/R03-generic-related-list.html', 'generic'],
  ['reported/R05-discuz72-thread.html', 'discuz'],
  ['reported/R07-generic-comment-meta-in-text.html', 'generic'],
  ['probe/fingerprint.html', 'generic'],
  ['probe/iframe-host.html', 'generic'],
  ['probe/rerender-clone.html', 'discuz'],
  ['probe/rerender-innerhtml.html', 'discuz'],
  ['probe/spa-swap-body.html', 'discuz'],
  ['sites/gov-board-labels.html', 'gov-board'],
  ['demo:index', 'generic'],
  ['demo:forumThread', 'discuz'],
  ['demo:forumTouch', 'discuz'],
  ['demo:benchThread', 'discuz'],
  ['demo:tiebaThread', 'tieba'],
  ['demo:tiebaLanwei', 'tieba'],
  ['demo:newsArticle', 'news'],
  ['demo:liuyanList', 'gov-board'],
  ['demo:liuyanDetail', 'gov-board'],
  ['demo:weiboStatus', 'weibo'],
  ['demo:hostile', 'discuz'],
  ['demo:communityThread', 'generic'],
  ['demo:communityVirtual', 'generic'],
  ['demo:communityBench', 'generic'],
];

/**
 * A page's HTML and the URL its tests read it from (undefined where they use
 * none of their own). The demo's 1,000-floor benchmark threads are read with
 * 50 floors: the same markup, and plain queries in jsdom are slow.
 */
function source(page: string): { html: string; url?: string } {
  if (page.startsWith('demo:')) {
    const url = `http://127.0.0.1:4173${DEMO_PATHS[page.slice('demo:'.length) as DemoPageName]}`;
    const read = page.endsWith('Bench') || page.endsWith('benchThread') ? `${url}?n=50` : url;
    return { html: resolveRoute(new URL(read)).body, url };
  }
  const [dir = '', file = ''] = page.split('/');
  const html = readFileSync(join(FIXTURES, dir, file), 'utf8');
  if (dir === 'corpus') return { html, url: CORPUS_URLS[file] };
  if (dir === 'reported') return { html, url: (JSON.parse(readFileSync(join(FIXTURES, dir, file.replace(/\.html$/, '.expected.json')), 'utf8')) as { url: string }).url };
  return { html };
}

const parsed = new Map<string, Document>();

/** The page parsed once for both tests (the adapters only read it). */
function docOf(page: string, html: string): Document {
  let doc = parsed.get(page);
  if (!doc) parsed.set(page, (doc = parseHtml(html)));
  return doc;
}

/** Every adapter's score for the page, with plain queries or inside the presence index. */
function scores(doc: Document, url: URL | null, indexed: boolean): Record<string, number> {
  const score = () => Object.fromEntries(ADAPTERS.map((adapter) => [adapter.key, adapter.detect(doc, url)]));
  return indexed ? withPresenceIndex(doc, score) : score();
}

describe('every page of the tests gets the adapter it got before', () => {
  it.each(CHOSEN)('%s → %s', (page, site) => {
    const { html, url } = source(page);
    const doc = docOf(page, html);
    for (const at of [url, 'https://example.test/x', undefined]) {
      expect(chooseAdapter(doc, at ? new URL(at) : null).key).toBe(site);
    }
  });

  it.each(CHOSEN.map(([page]) => page))('%s: every adapter scores it as with plain queries, with and without its doctype', (page) => {
    const { html, url } = source(page);
    const at = url ? new URL(url) : null;
    const standards = docOf(page, html);
    const quirks = parseHtml(html.replace(/^\s*<!doctype[^>]*>/i, ''));
    expect(quirks.compatMode).toBe('BackCompat');
    for (const doc of [standards, quirks]) expect(scores(doc, at, true)).toEqual(scores(doc, at, false));
  });
});

describe('fingerprints inside the presence index answer as querySelector does', () => {
  const html = `<!DOCTYPE html><html><head><meta name="generator" content="x"></head><body>
    <div id="main" class="Post body"><p class="text" title="a, b">one</p><span data-x="[1,2]">two</span></div>
    <ul class="list"><li class="item first">x</li></ul></body></html>`;
  const selectors = [
    '.text',
    '.missing',
    '#main .text',
    '#nowhere .text',
    '.missing, .text',
    '.missing, #nowhere, li.item',
    '.missing, [title="a, b"]',
    '[data-x="[1,2]"], .missing',
    ':is(.missing, .item)',
    'div:not(.missing) > p',
    '.list > .item.first, .nothing',
    '.post',
    '.Post .text',
    '#MAIN',
    'p[title*=","], .missing',
    ':is(:not(.missing), .text) span, .missing',
  ];

  it.each(selectors)('%s', (selector) => {
    for (const doc of [parseHtml(html), parseHtml(html.replace('<!DOCTYPE html>', ''))]) {
      const plain = doc.querySelector(selector) !== null;
      expect(fingerprintIn(doc, selector)).toBe(plain);
      expect(withPresenceIndex(doc, () => fingerprintIn(doc, selector))).toBe(plain);
    }
  });

  it('splits a selector list at its own commas only, with the ids and classes each alternative needs', () => {
    expect(alternativesOf('.a, #b .c,div[title="x, y"] , :is(.d, .e) .f')).toEqual([
      { selector: '.a', names: ['.a'] },
      { selector: '#b .c', names: ['#b', '.c'] },
      { selector: 'div[title="x, y"]', names: [] },
      { selector: ':is(.d, .e) .f', names: ['.f'] },
    ]);
    expect(alternativesOf(".a[data-v='1,2'],.b:not(.c)")).toEqual([
      { selector: ".a[data-v='1,2']", names: ['.a'] },
      { selector: '.b:not(.c)', names: ['.b'] },
    ]);
    // Escapes and nested parentheses are not read: the whole list is asked as it is.
    expect(alternativesOf('.a\\,b, .c')).toEqual([{ selector: '.a\\,b, .c', names: [] }]);
    expect(alternativesOf(':is(:not(.a), .b), .c')).toEqual([{ selector: ':is(:not(.a), .b), .c', names: [] }]);
  });
});
