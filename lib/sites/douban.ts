/**
 * Douban: short-comment lists (movie/book `comments` pages, one post per
 * comment) and group topics (小组话题: the topic, then one post per reply).
 *
 * Group topics, from the saved page of douban.com/group/topic/4002607
 * (tests/fixtures/engines/douban-group-topic.html): the topic's author in
 * `.topic-doc h3 .from a`, its time in `.topic-doc h3 .color-green` (newer
 * templates: `.create-time`), its body in `.topic-doc .topic-content`
 * (newer: `.rich-content`); each reply is `ul#comments li.reply-item[data-cid]`
 * with the name in `.reply-doc h4 > a`, the time in `.pubtime` and the body
 * in `p.reply-content`. The words printed after a replier's name (a
 * self-description in parentheses), the 回应/赞/删除 links and a quoted
 * earlier reply (`.reply-quote`) are not the reply's text.
 */
import { COMMENT_ITEM, readCommentItem } from './comment-list.ts';
import { cleanText, elementsIn, fingerprintIn, isElement, readText, textOf } from './dom.ts';
import { parseChineseTime } from './parse-time.ts';
import type { AdapterContext, FoundPost, SiteAdapter } from './types.ts';

/** A group topic's own post (the topic, above the replies). */
const TOPIC = '.topic-doc';
/** A date and time with its year, as the reply's `.pubtime` prints it (newer pages add the IP location after it). */
const PRINTED_TIME = /\d{4}-\d{1,2}-\d{1,2}\s+\d{1,2}:\d{2}(?::\d{2})?/;

/** The Douban adapter. */
export const doubanAdapter: SiteAdapter = {
  key: 'douban',
  containerSelector: COMMENT_ITEM,
  detect(doc, url) {
    if (url && /(^|\.)douban\.com$/.test(url.hostname)) return 95;
    return doc.getElementById('db-global-nav') && fingerprintIn(doc, `${COMMENT_ITEM}, ${TOPIC}`) ? 95 : 0;
  },
  pageKind: () => 'thread',
  title: (doc) => textOf(doc, '#content > h1'),
  readPost: (item, ctx, index) => readDoubanItem(item, ctx, index),
  findAll(root, ctx) {
    const out: FoundPost[] = [];
    if (!isElement(root)) {
      const topic = readTopic(root as Document, ctx);
      if (topic) out.push(topic);
    }
    elementsIn(root, COMMENT_ITEM).forEach((item, index) => {
      const post = readDoubanItem(item, ctx, index);
      if (post) out.push(post);
    });
    return out;
  },
};

/** One item of `#comments`: a group topic's reply, or a short comment. */
function readDoubanItem(item: Element, ctx: AdapterContext, index: number): FoundPost | null {
  return item.querySelector('.reply-doc') ? readGroupReply(item, ctx, index) : readCommentItem(item, ctx, 'douban', index);
}

/** The topic of a group topic page: its id is the topic's (…/group/topic/<id>/). */
function readTopic(doc: Document, ctx: AdapterContext): FoundPost | null {
  const topic = doc.querySelector(TOPIC);
  const body = topic?.querySelector('.rich-content, .topic-content');
  if (!topic || !body) return null;
  const time = textOf(topic, '.create-time, h3 .color-green');
  const id = /\/topic\/(\d+)/.exec(ctx.url?.pathname ?? '')?.[1] ?? 'topic';
  return {
    site: 'douban',
    kind: 'post',
    postId: id,
    author: textOf(topic, 'h3 .from a'),
    publishedAt: time ? parseChineseTime(PRINTED_TIME.exec(time)?.[0] ?? time, ctx.now) : undefined,
    text: readText(body),
    element: topic,
    bodyElement: body,
  };
}

function readGroupReply(item: Element, ctx: AdapterContext, index: number): FoundPost | null {
  const body = item.querySelector('.reply-content');
  if (!body) return null;
  const time = PRINTED_TIME.exec(cleanText(item.querySelector('.pubtime')?.textContent))?.[0];
  return {
    site: 'douban',
    kind: 'comment',
    postId: item.getAttribute('data-cid') || item.id || `reply-${index + 1}`,
    author: textOf(item, '.reply-doc h4 > a'),
    publishedAt: time ? parseChineseTime(time, ctx.now) : undefined,
    text: readText(body),
    element: item,
    bodyElement: body,
  };
}
