/**
 * The `#comments .comment-item` comment list (Douban short comments, and the
 * comment lists news portals render in the same shape): author, time in
 * `title`, text in `.short`, votes.
 */
import { cleanText, readText, textOf } from './dom.ts';
import { parseChineseTime } from './parse-time.ts';
import type { AdapterContext, FoundPost } from './types.ts';

/** Selector of one comment of the list. */
export const COMMENT_ITEM = '#comments .comment-item';

/** Reads one `.comment-item`; null when it has no text body. */
export function readCommentItem(item: Element, ctx: AdapterContext, site: string, index: number): FoundPost | null {
  const body = item.querySelector('.short, .comment-content, .comment-text');
  if (!body) return null;
  const time = item.querySelector('.comment-time');
  const cid = item.getAttribute('data-cid') ?? item.getAttribute('data-id') ?? item.id;
  return {
    site,
    kind: 'comment',
    postId: cid || `comment-${index + 1}`,
    author: textOf(item, '.comment-info > a') ?? (cleanText(item.querySelector('.avatar a')?.getAttribute('title')) || undefined),
    publishedAt: time ? parseChineseTime(time.getAttribute('title') || time.textContent || '', ctx.now) : undefined,
    text: readText(body),
    element: item,
    bodyElement: body,
  };
}
