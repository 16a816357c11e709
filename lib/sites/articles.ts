/**
 * Article platforms whose comments sit beside the article: Toutiao (今日头条)
 * and WeChat official-account articles (微信公众号).
 *
 * Toutiao (corpus/reported R02, cut from toutiao.com/article/…): the
 * article's date and source are in `.article-meta`, the body in
 * `article.tt-article-content`, comments in `.ttp-comment-wrapper` items
 * (author `.user-name .name`, body `p.content`, time `.time` printed as
 * `05月10日`). The article's date is read from its own meta line only: the
 * first `.time` of the page is a comment's.
 *
 * WeChat: body `#js_content`, which the page keeps `visibility: hidden`
 * until its script runs — read from the DOM text, so capture gets it either
 * way; title `#activity-name`, account `#js_name`, time `#publish_time`
 * (filled in by script) or the `var ct = "<unix seconds>"` the page's
 * inline script carries.
 */
import { cleanText, fingerprintIn, metaContent, readText, textOf } from './dom.ts';
import { contentId, readTimeIn } from './engine.ts';
import { parseChineseTime } from './parse-time.ts';
import type { AdapterContext, FoundPost, SiteAdapter } from './types.ts';

const TOUTIAO_BODY = 'article.tt-article-content, .article-content article';
const TOUTIAO_COMMENT = '.ttp-comment-wrapper .ttp-comment-item';

/** The Toutiao article adapter. */
export const toutiaoAdapter: SiteAdapter = {
  key: 'toutiao',
  containerSelector: TOUTIAO_COMMENT,
  detect(doc, url) {
    if (fingerprintIn(doc, '.article-content .article-meta') && fingerprintIn(doc, TOUTIAO_BODY)) return 90;
    return url && /(^|\.)toutiao\.com$/.test(url.hostname) ? 60 : 0;
  },
  pageKind: () => 'article',
  title: (doc) => textOf(doc, '.article-content h1'),
  readPost: (item, ctx) => readToutiaoComment(item, ctx),
  findAll(root, ctx) {
    const out: FoundPost[] = [];
    if (root === ctx.doc) {
      const body = ctx.doc.querySelector(TOUTIAO_BODY);
      if (body) {
        const meta = ctx.doc.querySelector('.article-content .article-meta');
        const author = meta ? textOf(meta, '.name') : undefined;
        // The date is a span of the meta line itself, never a comment's `.time`.
        const dateSpan = meta ? Array.from(meta.querySelectorAll('span')).find((s) => /\d{4}-\d{1,2}-\d{1,2}/.test(s.textContent ?? '')) : undefined;
        const publishedAt = dateSpan ? parseChineseTime(cleanText(dateSpan.textContent), ctx.now) : undefined;
        out.push({
          site: 'toutiao',
          kind: 'article',
          postId: lastPathSegment(ctx) ?? 'article',
          ...(author ? { author } : {}),
          ...(publishedAt ? { publishedAt } : {}),
          text: readText(body),
          element: body,
          bodyElement: body,
        });
      }
    }
    const items = 'closest' in root && (root as Element).closest(TOUTIAO_COMMENT) ? [(root as Element).closest(TOUTIAO_COMMENT) as Element] : Array.from(root.querySelectorAll(TOUTIAO_COMMENT));
    for (const item of items) {
      const post = readToutiaoComment(item, ctx);
      if (post) out.push(post);
    }
    return out;
  },
};

function readToutiaoComment(item: Element, ctx: AdapterContext): FoundPost | null {
  const body = item.querySelector('p.content, .content');
  if (!body) return null;
  const text = readText(body);
  const author = textOf(item, '.user-name .name, .user-name');
  const publishedAt = readTimeIn(item, '.time', ctx.now);
  return {
    site: 'toutiao',
    kind: 'comment',
    postId: item.getAttribute('data-id') ?? contentId(author, undefined, text),
    ...(author ? { author } : {}),
    ...(publishedAt ? { publishedAt } : {}),
    text,
    element: item,
    bodyElement: body,
  };
}

/** The WeChat official-account article adapter. */
export const wechatAdapter: SiteAdapter = {
  key: 'wechat',
  containerSelector: ':not(*)',
  detect(doc, url) {
    if (fingerprintIn(doc, '#js_content') && fingerprintIn(doc, '#activity-name, #js_name')) return 90;
    return url && url.hostname === 'mp.weixin.qq.com' ? 60 : 0;
  },
  pageKind: () => 'article',
  title: (doc) => textOf(doc, '#activity-name') ?? metaContent(doc, 'og:title'),
  readPost: () => null,
  findAll(root, ctx) {
    if (root !== ctx.doc) return [];
    const body = ctx.doc.querySelector('#js_content');
    if (!body) return [];
    const author = textOf(ctx.doc, '#js_name') ?? metaContent(ctx.doc, 'author');
    const publishedAt = readTimeIn(ctx.doc.documentElement, '#publish_time', ctx.now) ?? scriptTime(ctx.doc, ctx.now);
    return [
      {
        site: 'wechat',
        kind: 'article',
        postId: wechatId(ctx) ?? 'article',
        ...(author ? { author } : {}),
        ...(publishedAt ? { publishedAt } : {}),
        text: readText(body),
        element: body,
        bodyElement: body,
      },
    ];
  },
};

/** The publish time the page's own script carries before it fills #publish_time. */
function scriptTime(doc: Document, now: Date): string | undefined {
  for (const s of Array.from(doc.scripts)) {
    const m = /\bvar\s+ct\s*=\s*["'](\d{10})["']/.exec(s.textContent ?? '');
    if (m?.[1]) return parseChineseTime(m[1], now);
  }
  return undefined;
}

/** `/s/<id>`, or the `__biz`+`mid`+`idx` triple of long links. */
function wechatId(ctx: AdapterContext): string | undefined {
  const url = ctx.url;
  if (!url) return undefined;
  const short = /^\/s\/([\w-]+)/.exec(url.pathname)?.[1];
  if (short) return short;
  const mid = url.searchParams.get('mid');
  return mid ? `${url.searchParams.get('__biz') ?? ''}-${mid}-${url.searchParams.get('idx') ?? '1'}` : undefined;
}

function lastPathSegment(ctx: AdapterContext): string | undefined {
  return ctx.url?.pathname.split('/').filter(Boolean).pop();
}
