/**
 * The fallback for pages no adapter recognises: the main article, plus
 * repeated comment-like blocks (at least three siblings with the same tag
 * and class, each with some text and a time on it).
 *
 * Deliberately conservative: a wrong guess highlights junk on every page,
 * a missed one only costs the officer a manual capture.
 */
import { cleanText, metaContent, readText } from './dom.ts';
import { parseChineseTime } from './parse-time.ts';
import type { AdapterContext, FoundPost, SiteAdapter } from './types.ts';

const MAIN_CANDIDATES = '[itemprop="articleBody"], article, main, .article, .article-content, .content, #content, .post, .entry-content';
const TIME_IN_TEXT = /\d{4}[-/年]\d{1,2}[-/月]\d{1,2}日?(?:\s*\d{1,2}:\d{2}(?::\d{2})?)?|\d{1,2}-\d{1,2}\s+\d{1,2}:\d{2}|\d+\s*(分钟|小时|天)前|刚刚|昨天/;

/** The generic adapter. */
export const genericAdapter: SiteAdapter = {
  key: 'generic',
  containerSelector: ':not(*)',
  detect: () => 1,
  pageKind: () => 'article',
  title: (doc) => metaContent(doc, 'og:title') ?? (cleanText(doc.querySelector('h1')?.textContent) || cleanText(doc.title) || undefined),
  readPost: () => null,
  findAll(root, ctx) {
    if (root !== ctx.doc) return [];
    const out: FoundPost[] = [];
    const main = findMain(ctx.doc);
    if (main) {
      out.push({
        site: 'generic',
        kind: 'article',
        postId: ctx.url ? `${ctx.url.pathname}${ctx.url.search}` : 'article',
        publishedAt: readPublished(ctx),
        text: readText(main),
        element: main,
        bodyElement: main,
      });
    }
    findRepeatedBlocks(ctx.doc, main).forEach((block, i) => {
      const text = readText(block);
      out.push({
        site: 'generic',
        kind: 'comment',
        postId: block.id || block.getAttribute('data-id') || `block-${i + 1}`,
        publishedAt: parseChineseTime(TIME_IN_TEXT.exec(text)?.[0] ?? '', ctx.now),
        text,
        element: block,
        bodyElement: block,
      });
    });
    return out;
  },
};

function readPublished(ctx: AdapterContext): string | undefined {
  const meta = metaContent(ctx.doc, 'article:published_time') ?? metaContent(ctx.doc, 'PubDate');
  const time = ctx.doc.querySelector('time[datetime]')?.getAttribute('datetime');
  const raw = meta ?? time;
  return raw ? parseChineseTime(raw, ctx.now) : undefined;
}

/** The candidate with the most text, or the body when no candidate has 200+ characters. */
function findMain(doc: Document): Element | null {
  let best: Element | null = null;
  let bestLength = 199;
  for (const el of Array.from(doc.querySelectorAll(MAIN_CANDIDATES))) {
    const length = cleanText(el.textContent).length;
    if (length > bestLength) {
      best = el;
      bestLength = length;
    }
  }
  return best ?? doc.body;
}

/** Groups of ≥ 3 same-tag-same-class siblings, each 10–2000 characters with a time, outside `main`. */
function findRepeatedBlocks(doc: Document, main: Element | null): Element[] {
  const groups = new Map<Element, Map<string, Element[]>>();
  for (const el of Array.from(doc.body?.querySelectorAll('li[class], div[class]') ?? [])) {
    const parent = el.parentElement;
    if (!parent || (main && main !== doc.body && main.contains(el))) continue;
    const key = `${el.tagName}.${el.className}`;
    const byKey = groups.get(parent) ?? new Map<string, Element[]>();
    const list = byKey.get(key) ?? [];
    list.push(el);
    byKey.set(key, list);
    groups.set(parent, byKey);
  }
  let best: Element[] = [];
  for (const byKey of groups.values()) {
    for (const list of byKey.values()) {
      if (list.length < 3 || list.length <= best.length) continue;
      const ok = list.every((el) => {
        const t = cleanText(el.textContent);
        return t.length >= 10 && t.length <= 2000 && TIME_IN_TEXT.test(t);
      });
      if (ok) best = list;
    }
  }
  return best;
}
