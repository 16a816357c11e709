/**
 * Douban: short-comment lists (movie/book `comments` pages, one post per
 * comment), group topics (小组话题: the topic, then one post per reply) and
 * notes (日记: the note, then one post per comment).
 *
 * Group topics, from the saved page of douban.com/group/topic/4002607
 * (tests/fixtures/engines/douban-group-topic.html) and, for today's template
 * with IP属地, the markup public Douban parsers read
 * (tests/fixtures/engines/douban-group-topic-ip.html names them): the topic's
 * author in `.topic-doc h3 .from a`, its time in `.create-time` (older:
 * `h3 .color-green`), its IP location in `.ip-location`, its body in
 * `.rich-content`/`.topic-content`; each reply is `ul#comments
 * li.reply-item[data-cid]` with the name in `.reply-doc h4 > a`, the time
 * and IP location in `.pubtime` ("2024-05-18 09:02:13 辽宁"), the body in
 * `.reply-content`, the likes in `a.comment-vote` ("赞 (12)"), and the reply
 * it answers in `.reply-quote-content[data-ref-cid]`. The words printed
 * after a replier's name (楼主, a self-description), the 回应/赞/删除 links and
 * the quoted earlier reply (`.reply-quote`) are not the reply's text.
 *
 * Notes (tests/fixtures/engines/douban-note.html names its sources): the
 * note in `.note-container` with its title in `.note-header-container > h1`,
 * author `.note-author`, time `.pub-date`, body `#link-report`; comments are
 * `#comments .comment-item` with `.content > .author` (name link + time
 * span), text `.content > p`, and a quote (`.content > .reply-quote`: `.all`
 * text, `.pubdate > a` author) that names no comment id — the quoted comment
 * is found among the earlier comments by its author and text.
 */
import { COMMENT_ITEM, readCommentItem } from './comment-list.ts';
import { cleanText, elementsIn, fingerprintIn, isElement, readCount, readText, textOf } from './dom.ts';
import { parseChineseTime } from './parse-time.ts';
import type { AdapterContext, FoundPost, SiteAdapter } from './types.ts';

/** A group topic's own post (the topic, above the replies). */
const TOPIC = '.topic-doc';
/** A note's own post (the note, above its comments). */
const NOTE = '.note-container';
/**
 * A date and time with its year, as `.pubtime`/`.pub-date` print it; what
 * follows it (since 2022) is the writer's IP location (`辽宁`, `IP属地：辽宁`).
 */
const PRINTED_TIME = /(\d{4}-\d{1,2}-\d{1,2}\s+\d{1,2}:\d{2}(?::\d{2})?)\s*(?:IP属地\s*[:：]\s*)?([\u4e00-\u9fa5]{2,10})?/;
/** An IP-location label's text without its prefix. */
const LOCATION_PREFIX = /^(?:IP属地|IP|来自)\s*[:：]?\s*/;

/** The Douban adapter. */
export const doubanAdapter: SiteAdapter = {
  key: 'douban',
  containerSelector: COMMENT_ITEM,
  detect(doc, url) {
    if (url && /(^|\.)douban\.com$/.test(url.hostname)) return 95;
    return doc.getElementById('db-global-nav') && fingerprintIn(doc, `${COMMENT_ITEM}, ${TOPIC}, ${NOTE}`) ? 95 : 0;
  },
  pageKind: () => 'thread',
  title: (doc) => textOf(doc, '#content > h1') ?? textOf(doc, `${NOTE} .note-header-container > h1`),
  readPost: (item, ctx, index) => readDoubanItem(item, ctx, index),
  findAll(root, ctx) {
    const out: FoundPost[] = [];
    if (!isElement(root)) {
      const head = readTopic(root as Document, ctx) ?? readNote(root as Document, ctx);
      if (head) out.push(head);
    }
    elementsIn(root, COMMENT_ITEM).forEach((item, index) => {
      const post = readDoubanItem(item, ctx, index);
      if (post) out.push(post);
    });
    return out;
  },
};

/** One item of `#comments`: a group topic's reply, a note's comment, or a short comment. */
function readDoubanItem(item: Element, ctx: AdapterContext, index: number): FoundPost | null {
  if (item.querySelector('.reply-doc')) return readGroupReply(item, ctx, index);
  if (item.querySelector('.content > .author')) return readNoteComment(item, ctx, index);
  return readCommentItem(item, ctx, 'douban', index);
}

/** The topic of a group topic page: its id is the topic's (…/group/topic/<id>/). */
function readTopic(doc: Document, ctx: AdapterContext): FoundPost | null {
  const topic = doc.querySelector(TOPIC);
  const body = topic?.querySelector('.rich-content, .topic-content');
  if (!topic || !body) return null;
  const printed = readPrinted(textOf(topic, '.create-time, h3 .color-green'), ctx);
  const location = locationOf(doc.querySelector('#topic-content .ip-location, .topic-doc .ip-location')) ?? printed.location;
  return {
    site: 'douban',
    kind: 'post',
    postId: /\/topic\/(\d+)/.exec(ctx.url?.pathname ?? '')?.[1] ?? 'topic',
    author: textOf(topic, 'h3 .from a'),
    ...(printed.publishedAt ? { publishedAt: printed.publishedAt } : {}),
    ...(location ? { location } : {}),
    text: readText(body),
    element: topic,
    bodyElement: body,
  };
}

/** The note of a note page: its id is the note's (…/note/<id>/, or the container's `note-<id>`). */
function readNote(doc: Document, ctx: AdapterContext): FoundPost | null {
  const note = doc.querySelector(NOTE);
  const body = note?.querySelector('#link-report .note') ?? note?.querySelector('#link-report');
  if (!note || !body) return null;
  const printed = readPrinted(textOf(note, '.pub-date'), ctx);
  const id = /\/note\/(\d+)/.exec(ctx.url?.pathname ?? '')?.[1] ?? /^note-(\d+)$/.exec(note.id)?.[1] ?? 'note';
  const author = textOf(note, '.note-author');
  return {
    site: 'douban',
    kind: 'article',
    postId: id,
    ...(author ? { author } : {}),
    ...(printed.publishedAt ? { publishedAt: printed.publishedAt } : {}),
    ...(printed.location ? { location: printed.location } : {}),
    text: readText(body),
    element: note,
    bodyElement: body,
  };
}

function readGroupReply(item: Element, ctx: AdapterContext, index: number): FoundPost | null {
  const body = item.querySelector('.reply-content');
  if (!body) return null;
  const printed = readPrinted(cleanText(item.querySelector('.pubtime')?.textContent), ctx);
  const parentId = item.querySelector('.reply-quote-content[data-ref-cid]')?.getAttribute('data-ref-cid')?.trim();
  const likes = readCount(textOf(item, '.comment-vote'));
  return {
    site: 'douban',
    kind: 'comment',
    postId: item.getAttribute('data-cid') || item.id || `reply-${index + 1}`,
    author: textOf(item, '.reply-doc h4 > a'),
    ...(printed.publishedAt ? { publishedAt: printed.publishedAt } : {}),
    ...(printed.location ? { location: printed.location } : {}),
    ...(parentId ? { parentId } : {}),
    ...(likes ? { likes } : {}),
    text: readText(body),
    element: item,
    bodyElement: body,
  };
}

function readNoteComment(item: Element, ctx: AdapterContext, index: number): FoundPost | null {
  const body = item.querySelector('.content > p');
  if (!body) return null;
  const printed = readPrinted(textOf(item, '.content > .author > span'), ctx);
  const author = textOf(item, '.content > .author > a') ?? (cleanText(item.querySelector('.pic img')?.getAttribute('alt')) || undefined);
  const parentId = quotedNoteComment(item);
  return {
    site: 'douban',
    kind: 'comment',
    postId: item.getAttribute('data-cid') || item.id || `comment-${index + 1}`,
    ...(author ? { author } : {}),
    ...(printed.publishedAt ? { publishedAt: printed.publishedAt } : {}),
    ...(printed.location ? { location: printed.location } : {}),
    ...(parentId ? { parentId } : {}),
    text: readText(body),
    element: item,
    bodyElement: body,
  };
}

/**
 * The id of the earlier comment a note comment quotes: the latest one above
 * it by the quoted author whose text is the quoted text. Undefined when the
 * quoted comment is not on this page (deleted, or on an earlier page).
 */
function quotedNoteComment(item: Element): string | undefined {
  const quote = item.querySelector('.content > .reply-quote');
  if (!quote) return undefined;
  const quotedAuthor = textOf(quote, '.pubdate > a');
  const quotedText = textOf(quote, '.all') ?? textOf(quote, '.short');
  for (let prev = item.previousElementSibling; prev; prev = prev.previousElementSibling) {
    if (!prev.matches('.comment-item')) continue;
    if (textOf(prev, '.content > .author > a') === quotedAuthor && textOf(prev, '.content > p') === quotedText) {
      return prev.getAttribute('data-cid') || prev.id || undefined;
    }
  }
  return undefined;
}

/** A printed "YYYY-MM-DD HH:mm:ss[ 辽宁]": the time, and the IP location after it. */
function readPrinted(text: string | undefined, ctx: AdapterContext): { publishedAt?: string; location?: string } {
  if (!text) return {};
  const m = PRINTED_TIME.exec(text);
  const publishedAt = parseChineseTime(m?.[1] ?? text, ctx.now);
  return { ...(publishedAt ? { publishedAt } : {}), ...(m?.[2] ? { location: m[2] } : {}) };
}

function locationOf(el: Element | null): string | undefined {
  const text = cleanText(el?.textContent).replace(LOCATION_PREFIX, '');
  return text || undefined;
}
