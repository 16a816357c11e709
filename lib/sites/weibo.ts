/**
 * Weibo status pages (the Vue UI of weibo.com): the status and its visible
 * comments. Class names carry build hashes (Feed_body_3R0rO), so selectors
 * match on the stable prefix.
 */
import { cleanText, fingerprintIn, readCount, readText, textOf } from './dom.ts';
import { parseChineseTime } from './parse-time.ts';
import type { AdapterContext, FoundPost, SiteAdapter } from './types.ts';

const STATUS = 'article[class*="Feed_wrap"]';
const COMMENT = '.wbpro-list .item1';

/** The Weibo adapter. */
export const weiboAdapter: SiteAdapter = {
  key: 'weibo',
  containerSelector: `${STATUS}, ${COMMENT}`,

  detect(doc, url) {
    if (fingerprintIn(doc, `${STATUS} [class*="detail_wbtext"]`)) return 90;
    return url && /(^|\.)weibo\.(com|cn)$/.test(url.hostname) ? 50 : 0;
  },

  pageKind: () => 'thread',

  title(doc) {
    const text = textOf(doc, `${STATUS} [class*="detail_wbtext"]`);
    return text ? text.slice(0, 60) : undefined;
  },

  readPost(container, ctx, index) {
    return container.tagName === 'ARTICLE' ? readStatus(container, ctx) : readComment(container, ctx, index);
  },
};

function readStatus(article: Element, ctx: AdapterContext): FoundPost | null {
  const body = article.querySelector('[class*="detail_wbtext"]');
  if (!body) return null;
  const timeLink = article.querySelector('a[class*="head-info_time"]');
  const href = timeLink?.getAttribute('href') ?? '';
  // The permalink ends with the status id (mblogid); else the page URL does.
  const postId = /\/([A-Za-z0-9]+)\/?$/.exec(href)?.[1] ?? /\/([A-Za-z0-9]+)\/?$/.exec(ctx.url?.pathname ?? '')?.[1] ?? 'status';
  const nums = article.querySelectorAll('footer [class*="toolbar_num"]');
  return {
    site: 'weibo',
    kind: 'post',
    postId,
    floor: undefined,
    author: cleanText(article.querySelector('a[class*="head_name"] span[title]')?.getAttribute('title')) || textOf(article, 'a[class*="head_name"]'),
    publishedAt: timeLink ? parseChineseTime(timeLink.textContent ?? '', ctx.now) : undefined,
    text: readText(body),
    // Weibo shows forwards then comments; "replies" = comments.
    replies: readCount(nums[1]?.textContent),
    element: article,
    bodyElement: body,
  };
}

function readComment(item: Element, ctx: AdapterContext, index: number): FoundPost | null {
  const textBox = item.querySelector('.con1 .text');
  const body = textBox?.querySelector(':scope > span') ?? textBox;
  if (!body) return null;
  const authorLink = textBox?.querySelector(':scope > a');
  const uid = authorLink?.getAttribute('usercard') ?? /\/u\/(\d+)/.exec(authorLink?.getAttribute('href') ?? '')?.[1];
  const info = item.querySelector('.info > div:first-child');
  const timeText = cleanText(info?.firstChild?.textContent ?? info?.textContent);
  // Comments carry no id in the DOM: author id + printed time identify one.
  const postId = `c-${uid ?? 'anon'}-${timeText.replace(/\D/g, '') || index}`;
  return {
    site: 'weibo',
    kind: 'comment',
    postId,
    author: cleanText(authorLink?.textContent) || undefined,
    publishedAt: parseChineseTime(timeText, ctx.now),
    text: readText(body),
    element: item,
    bodyElement: body,
  };
}
