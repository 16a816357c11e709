/**
 * Douban short-comment lists (movie/book `comments` pages): one post per
 * comment.
 */
import { COMMENT_ITEM, readCommentItem } from './comment-list.ts';
import { fingerprintIn, textOf } from './dom.ts';
import type { SiteAdapter } from './types.ts';

/** The Douban adapter. */
export const doubanAdapter: SiteAdapter = {
  key: 'douban',
  containerSelector: COMMENT_ITEM,
  detect(doc, url) {
    if (url && /(^|\.)douban\.com$/.test(url.hostname)) return 95;
    return doc.getElementById('db-global-nav') && fingerprintIn(doc, COMMENT_ITEM) ? 95 : 0;
  },
  pageKind: () => 'thread',
  title: (doc) => textOf(doc, '#content > h1'),
  readPost: (item, ctx, index) => readCommentItem(item, ctx, 'douban', index),
};
