/**
 * News-portal and government-portal articles, with their comment lists
 * where the page renders them.
 *
 * The article is one post (kind `article`); each comment of a
 * `#comments .comment-item` list is one more. Portals differ only in where
 * title, date line and body sit, so the adapter is a table of selector
 * triples tried in order, then the TRS WCM meta set most Chinese government
 * sites print (ArticleTitle, PubDate).
 */
import { COMMENT_ITEM, readCommentItem } from './comment-list.ts';
import { cleanText, fingerprintIn, metaContent, readCount, readText, textOf } from './dom.ts';
import { minedPosts } from './generic.ts';
import { parseChineseTime } from './parse-time.ts';
import type { AdapterContext, FoundPost, SiteAdapter } from './types.ts';

/** Where one portal family prints title, date line, body and comment counter. */
interface ArticleLayout {
  title: string;
  date: string;
  body: string;
  comments?: string;
  /** Where the source (来源) is printed, when not on the date line. */
  source?: string;
}

/** Known layouts, most specific first (SOURCES.md §9–14 and the 163/Sina templates). */
const LAYOUTS: readonly ArticleLayout[] = [
  { title: 'h1.post_title', date: '.post_info', body: '.post_body', comments: '.post_top_tie_count, a.js-tielink' }, // 163
  { title: 'h1.main-title', date: '.date-source .date', body: '#article', comments: '[node-type="comment-num"]', source: '.date-source .source' }, // Sina
  { title: '.rm_txt h1', date: '.rm_txt .col-1-1, .rm_txt .channel', body: '.rm_txt_con' }, // People's Daily Online
  { title: '.content > h1', date: '.content .inform', body: '.content .article, .content .content_left' }, // China.com.cn
  { title: '.detil-new-title > div:first-child, .detil-new-title h1', date: '.detil-new-title', body: '#content.detil-new-cont' }, // kepu.gov.cn
  { title: '.detail-article-title', date: '.detail-article-infos .article-infos-source', body: '.TRS_Editor' }, // TRS WCM
  { title: 'h1', date: 'time, .time, .date, .pubtime', body: '[itemprop="articleBody"], article .article-content, .article-content' },
];

/** The news/gov article adapter. */
export const newsAdapter: SiteAdapter = {
  key: 'news',
  containerSelector: COMMENT_ITEM,

  detect(doc) {
    const layout = findLayout(doc);
    if (layout && layout !== LAYOUTS[LAYOUTS.length - 1]) return 70;
    if (metaContent(doc, 'ArticleTitle') && fingerprintIn(doc, '.TRS_Editor, .trs_editor_view')) return 70;
    return layout ? 30 : 0;
  },

  pageKind: () => 'article',

  title(doc) {
    const layout = findLayout(doc);
    const h = layout ? doc.querySelector(layout.title) : null;
    // kepu's title block holds the date line too: prefer its heading child.
    const heading = h?.querySelector('h1, h2') ?? h;
    return cleanText(heading?.textContent) || metaContent(doc, 'ArticleTitle') || metaContent(doc, 'og:title');
  },

  readPost: (item, ctx, index) => readCommentItem(item, ctx, 'news', index),

  findAll(root, ctx) {
    const out: FoundPost[] = [];
    if (root === ctx.doc) {
      const article = readArticle(ctx);
      if (article) out.push(article);
    }
    const items = Array.from(root.querySelectorAll(COMMENT_ITEM));
    items.forEach((item, i) => {
      const post = readCommentItem(item, ctx, 'news', i);
      if (post) out.push(post);
    });
    // A comment list in another shape: the generic record miner reads it (outside the article body).
    if (items.length === 0) {
      const body = out[0]?.kind === 'article' ? out[0].bodyElement : null;
      out.push(...minedPosts(root as Document | Element, ctx, 'news').filter((p) => !body?.contains(p.element)));
    }
    return out;
  },
};

function findLayout(doc: Document): ArticleLayout | undefined {
  return LAYOUTS.find((l) => fingerprintIn(doc, l.body) && fingerprintIn(doc, l.title));
}

function readArticle(ctx: AdapterContext): FoundPost | null {
  const { doc } = ctx;
  const layout = findLayout(doc);
  const body = layout ? doc.querySelector(layout.body) : doc.querySelector('.TRS_Editor');
  if (!body) return null;
  const dateLine = layout ? ownDateLine(doc, layout.date) : undefined;
  // A meta date without a time of day (publishdate=2024-05-10) loses to the page's date line.
  const metas = [metaContent(doc, 'article:published_time'), metaContent(doc, 'PubDate'), metaContent(doc, 'publishdate')];
  const published = metas.find((m) => m && /\d:\d\d/.test(m)) ?? dateLine ?? metas.find(Boolean);
  const counter = layout?.comments ? doc.querySelector(layout.comments) : null;
  return {
    site: 'news',
    kind: 'article',
    postId: articleId(ctx),
    author: (layout?.source ? textOf(doc, layout.source) : undefined) ?? articleSource(dateLine) ?? metaContent(doc, 'ContentSource') ?? metaContent(doc, 'author'),
    publishedAt: published ? parseChineseTime(published, ctx.now) : undefined,
    text: readText(body),
    replies: readCount(counter?.textContent),
    element: body,
    bodyElement: body,
  };
}

/**
 * The article's date line: the first element of the layout's date selector
 * outside comment lists (the first `.time` of a page is often a comment's:
 * corpus/reported R02).
 */
function ownDateLine(doc: Document, selector: string): string | undefined {
  for (const el of Array.from(doc.querySelectorAll(selector))) {
    if (el.closest(COMMENT_BLOCK)) continue;
    const text = cleanText(el.textContent);
    if (text) return text;
  }
  return undefined;
}

/** Blocks that hold comments, by the names portals give them. */
const COMMENT_BLOCK = '[class*="comment" i], [id*="comment" i], [class*="cmt" i], [class*="reply" i], [id*="reply" i]';

/** The source named on the date line (来源：人民网－人民日报), as the article's author. */
function articleSource(dateLine: string | undefined): string | undefined {
  const m = /来源\s*[:：]\s*([^\s|]+)/.exec(dateLine ?? '');
  return m?.[1];
}

/** The article id: the last path segment without extension (content_117184963, doc-inavmmfi1968342). */
function articleId(ctx: AdapterContext): string {
  const path = ctx.url?.pathname ?? '';
  const last = path.split('/').filter(Boolean).pop() ?? '';
  return last.replace(/\.[a-z]+$/i, '') || ctx.url?.href || 'article';
}
