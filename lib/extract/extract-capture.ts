/**
 * The capture script's work, run in the tab on demand: read the ordered post
 * (or the page's article, or the selection) from the live DOM with the site
 * adapter and Readability, sanitize its HTML, and return a plain DTO for the
 * background to validate, digest and store.
 */
import { isOwnElement } from '../content/post-badge';
import { detectSite, findPost, parseChineseTime } from '../sites';
import { fail, ok, type Result } from '../messaging/result';
import { MAX_SNAPSHOT_CHARS, type CapturePostRequest } from '../messaging/schemas';
import { extractArticle, collapseWhitespace } from './article';
import { canonicalUrlOf } from './canonical-url';
import { fnv1a32 } from '../text/fnv1a';
import type { CaptureOrder } from './capture-order';
import { sanitizeHtml } from './sanitize';
import { seenPostsOf, type SeenPost } from '../content/seen-posts';

/** Longest text kept for one capture; longer pages are cut (the digest covers what is kept). */
const MAX_TEXT = 200_000;

/** Extracts what `order` names from `win`'s document. */
export function extractCapture(
  win: Window & typeof globalThis,
  order: CaptureOrder,
  now: Date,
): Result<CapturePostRequest> {
  const doc = win.document;
  const url = win.location.href;
  const info = detectSite(doc, url);
  const page = {
    url,
    canonicalUrl: canonicalUrlOf(doc, url),
    title: (info.title ?? doc.title).trim().slice(0, 500),
    ...siteNameOf(doc),
    ...(doc.referrer ? { referrer: doc.referrer.slice(0, 4000) } : {}),
  };
  const original = snapshotOf(doc);

  if (order.mode === 'post') {
    const post = findPost(doc, url, order.postId, { now });
    // A recycling list may have dropped the post since it was shown: capture what was seen then.
    const remembered = post ? undefined : seenPostsOf(win)?.get(order.postId);
    if (remembered) return ok({ post: rememberedPost(remembered, info.site), page, matchedTerms: [] });
    if (!post) return fail('not-found', '页面上找不到这条帖子，可能已被删除或页面已刷新，请重新加载后再采集');
    const { element, bodyElement, kind: _kind, board: _board, ...fields } = post;
    return ok({
      post: { ...fields, text: fields.text.slice(0, MAX_TEXT), html: sanitizeHtml(bodyHtml(bodyElement, win), win) },
      page,
      matchedTerms: [],
      rect: rectOf(element, win),
      ...original,
    });
  }

  if (order.mode === 'selection') {
    const selection = win.getSelection();
    const text = collapseWhitespace(selection?.toString() ?? '');
    if (!selection || selection.rangeCount === 0 || text === '') {
      return fail('invalid-input', '没有选中的内容：请先在页面上选中要采集的文字');
    }
    const holder = doc.createElement('div');
    holder.append(selection.getRangeAt(0).cloneContents());
    return ok({
      post: { site: info.site, postId: `sel-${fnv1a(text)}`, text: text.slice(0, MAX_TEXT), html: sanitizeHtml(holder.innerHTML, win) },
      page,
      matchedTerms: [],
      ...original,
    });
  }

  // A thread or comment list: the whole thread, every post shown so far (also those a recycling list dropped).
  const thread = seenPostsOf(win)?.all() ?? [];
  if (thread.length >= 2) {
    const text = thread.map(threadLine).join('\n');
    return ok({
      post: {
        site: info.site,
        postId: 'thread',
        text: text.slice(0, MAX_TEXT),
        html: sanitizeHtml(thread.map((p) => `<p>${escapeText(threadLine(p))}</p>`).join(''), win),
      },
      page,
      matchedTerms: [],
    });
  }

  const article = extractArticle(doc);
  const text = article?.text ?? collapseWhitespace(doc.body?.textContent ?? '');
  if (text === '') return fail('invalid-input', '这个页面没有可采集的正文');
  return ok({
    post: {
      site: info.site,
      postId: 'page',
      ...(article?.byline ? { author: article.byline.slice(0, 200) } : {}),
      ...publishedOf(article?.publishedTime, now),
      text: text.slice(0, MAX_TEXT),
      html: sanitizeHtml(article?.html ?? '', win),
    },
    page,
    matchedTerms: [],
    ...original,
  });
}

/**
 * The raw DOM snapshot (original evidence): the document serialized as the
 * browser holds it now, scripts and all, never sanitized and never rendered.
 * A page larger than the limit is captured without one rather than with a
 * cut copy, since a cut original is no original.
 */
function snapshotOf(doc: Document): { snapshot?: string } {
  const doctype = doc.doctype ? `<!DOCTYPE ${doc.doctype.name}>\n` : '';
  const snapshot = doctype + (doc.documentElement?.outerHTML ?? '');
  return snapshot.length <= MAX_SNAPSHOT_CHARS ? { snapshot } : {};
}

/** Readability's publish time (any zone, as the page declared it) in China time. */
function publishedOf(raw: string | undefined, now: Date): { publishedAt?: string } {
  const china = raw ? parseChineseTime(raw, now) : undefined;
  return china ? { publishedAt: china } : {};
}

/**
 * The post body's markup without our own badge and highlight marks. The copy
 * is made in an inert DOMParser document: a clone in the live page would load
 * the post's images again and fire their inline `onerror` handlers.
 */
function bodyHtml(body: Element, win: Window & typeof globalThis): string {
  const inert = new win.DOMParser().parseFromString(`<body>${body.innerHTML}</body>`, 'text/html').body;
  // Our badge hosts carry nothing to find them by (the page must not either): drop the copies of
  // the live ones by their place among the body's elements. Highlights are not in the DOM at all.
  const live = Array.from(body.getElementsByTagName('*'));
  const copies = Array.from(inert.getElementsByTagName('*'));
  if (live.length === copies.length) live.forEach((element, i) => isOwnElement(element) && copies[i]?.remove());
  return inert.innerHTML;
}

function rectOf(element: Element, win: Window) {
  const box = element.getBoundingClientRect();
  return { x: box.x, y: box.y, width: box.width, height: box.height, devicePixelRatio: win.devicePixelRatio || 1 };
}

function siteNameOf(doc: Document): { siteName?: string } {
  const name = doc.querySelector('meta[property="og:site_name"], meta[name="SiteName"]')?.getAttribute('content')?.trim();
  return name ? { siteName: name.slice(0, 200) } : {};
}

/** A short, stable id for a selection (not a security digest: the evidence digest is SHA-256). */
function fnv1a(text: string): string {
  return fnv1a32(text).toString(16).padStart(8, '0');
}

/** One post of a whole-thread capture: `#3 作者 2024-05-10 08:00：正文`. */
function threadLine(post: SeenPost): string {
  const head = [post.data?.floor !== undefined ? `#${post.data.floor}` : '', post.data?.author ?? '', post.data?.publishedAt?.slice(0, 16).replace('T', ' ') ?? '']
    .filter(Boolean)
    .join(' ');
  return head ? `${head}：${post.text}` : post.text;
}

/** A post the page no longer shows, as it was when shown. */
function rememberedPost(post: SeenPost, site: string): CapturePostRequest['post'] {
  const fields = post.data ?? { site, postId: post.postId, text: post.text };
  return { ...fields, text: post.text.slice(0, MAX_TEXT), html: `<p>${escapeText(post.text)}</p>` };
}

function escapeText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
