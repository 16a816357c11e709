/**
 * Article extraction with @mozilla/readability, for news and government
 * pages where the "post" is the article itself.
 *
 * Readability's defaults suit long Latin-script articles (a 500-character
 * threshold); Chinese reports are short and dense, so the threshold is
 * lowered. `isProbablyReaderable` answers false on most Chinese news pages of
 * the corpus, so it never gates capture: when Readability finds nothing the
 * caller falls back to the site adapter's element.
 */
import { Readability } from '@mozilla/readability';

/** What Readability found, as a plain object that survives messaging. */
export interface ExtractedArticle {
  title: string;
  html: string;
  text: string;
  byline?: string;
  siteName?: string;
  publishedTime?: string;
  excerpt?: string;
}

/** Characters of text Readability needs before it accepts a candidate (Chinese text is dense). */
const CHAR_THRESHOLD = 120;

/**
 * Runs Readability on a copy of `doc` (it mutates what it reads); undefined
 * when it finds no article. The copy is parsed by DOMParser, an inert
 * document where nothing loads or runs, rather than cloned from the live page.
 */
export function extractArticle(doc: Document): ExtractedArticle | undefined {
  const parser = new (doc.defaultView?.DOMParser ?? DOMParser)();
  const clone = parser.parseFromString(doc.documentElement.outerHTML, 'text/html');
  const article = new Readability(clone, { charThreshold: CHAR_THRESHOLD, keepClasses: false }).parse();
  if (!article?.content || !article.textContent?.trim()) return undefined;
  return {
    title: article.title?.trim() || doc.title.trim(),
    html: article.content,
    text: collapseWhitespace(article.textContent),
    byline: article.byline?.trim() || undefined,
    siteName: article.siteName?.trim() || undefined,
    publishedTime: article.publishedTime?.trim() || undefined,
    excerpt: article.excerpt?.trim() || undefined,
  };
}

/** Trims each line and drops blank runs, which Readability's text keeps from the page's indentation. */
export function collapseWhitespace(text: string): string {
  return text
    .split('\n')
    .map((line) => line.replace(/[\s\u3000]+/g, ' ').trim())
    .filter(Boolean)
    .join('\n');
}
