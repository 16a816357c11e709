/**
 * Government message boards (领导留言板, 政民互动, 网络问政, 12345):
 * the message, the department addressed, the handling status and the
 * official reply.
 *
 * No real saved board page exists (SOURCES.md §C), so the adapter reads the
 * `ly-*`/`liuyan-*` class convention of the demo board, and otherwise the
 * printed labels every board uses (留言人：, 留言时间：, 办理单位：…) — labels
 * are what stays constant across the CMSs these boards run on.
 */
import { cleanText, fingerprintIn, metaContent, readText, textOf } from './dom.ts';
import { parseChineseTime } from './parse-time.ts';
import type { AdapterContext, FoundPost, ListedThread, MessageBoardFields, PageKind, SiteAdapter } from './types.ts';

const DETAIL = '.liuyan-item.ly-detail, .ly-detail, .liuyan-detail, .message-detail';
const LIST_ROW = 'tr.liuyan-item, li.liuyan-item, .liuyan-list .liuyan-item';

/** The message-board adapter. */
export const govBoardAdapter: SiteAdapter = {
  key: 'gov-board',
  containerSelector: DETAIL,

  detect(doc) {
    if (fingerprintIn(doc, `${DETAIL}, ${LIST_ROW}`)) return 85;
    const column = `${metaContent(doc, 'ColumnName') ?? ''} ${doc.title}`;
    return /留言板|政民互动|网络问政|问政|12345|信箱/.test(column) && /留言(内容|人|时间)|来信/.test(doc.body?.textContent ?? '')
      ? 60
      : 0;
  },

  pageKind(doc): PageKind {
    return doc.querySelector(DETAIL) ? 'thread' : doc.querySelector(LIST_ROW) ? 'list' : 'thread';
  },

  title: (doc) => {
    const detail = doc.querySelector(DETAIL);
    return (detail ? textOf(detail, '.ly-title, h1') : undefined) ?? metaContent(doc, 'ArticleTitle');
  },

  readPost(container, ctx) {
    return readMessage(container, ctx);
  },

  listThreads(root, ctx) {
    const out: ListedThread[] = [];
    for (const row of Array.from(root.querySelectorAll(LIST_ROW))) {
      const titleEl = row.querySelector('.ly-title a, .ly-title') ?? row.querySelector('a');
      if (!titleEl) continue;
      const href = titleEl.getAttribute('href');
      const time = textOf(row, '.ly-time');
      out.push({
        site: 'gov-board',
        threadId: row.getAttribute('data-id') ?? textOf(row, '.ly-id') ?? '',
        title: cleanText(titleEl.textContent),
        author: textOf(row, '.ly-author'),
        publishedAt: time ? parseChineseTime(time, ctx.now) : undefined,
        element: row,
        titleElement: titleEl,
        url: href && ctx.url ? new URL(href, ctx.url).href : undefined,
      });
    }
    return out;
  },
};

function readMessage(container: Element, ctx: AdapterContext): FoundPost | null {
  const body = container.querySelector('.ly-content, .liuyan-content, .message-content');
  if (!body) return null;
  const labelled = labelledValues(container);
  const time = textOf(container, '.ly-meta .ly-time, .ly-time') ?? labelled.get('留言时间') ?? labelled.get('来信时间');
  const replyBox = container.querySelector('.ly-reply, .liuyan-reply, .reply-content');
  const board: MessageBoardFields = {
    title: textOf(container, '.ly-title, h1'),
    department:
      textOf(container, '.ly-meta .ly-dept, .ly-dept') ?? labelled.get('留言对象') ?? labelled.get('办理单位') ?? labelled.get('受理单位'),
    status: cleanText(container.querySelector('.ly-status')?.getAttribute('data-status')) || textOf(container, '.ly-status') || labelled.get('办理状态'),
    category: textOf(container, '.ly-category') ?? labelled.get('类别') ?? labelled.get('留言类型'),
  };
  if (replyBox) {
    board.officialReply = {
      unit: textOf(replyBox, '.ly-reply-unit'),
      time: textOf(replyBox, '.ly-reply-time'),
      text: readText(replyBox.querySelector('.ly-reply-content') ?? replyBox),
    };
  }
  const id =
    container.getAttribute('data-id') ?? textOf(container, '.ly-id') ?? labelled.get('留言编号') ?? /(\d+)\.html?$/.exec(ctx.url?.pathname ?? '')?.[1];
  return {
    site: 'gov-board',
    kind: 'message',
    postId: id ?? 'message',
    author: textOf(container, '.ly-meta .ly-author, .ly-author') ?? labelled.get('留言人') ?? labelled.get('来信人'),
    publishedAt: time ? parseChineseTime(time, ctx.now) : undefined,
    text: readText(body),
    element: container,
    bodyElement: body,
    board,
  };
}

/** "标签：值" pairs printed in the message's meta line. */
function labelledValues(container: Element): Map<string, string> {
  const out = new Map<string, string>();
  const meta = container.querySelector('.ly-meta, .meta, .info') ?? container;
  for (const span of Array.from(meta.querySelectorAll('span, td, li, p'))) {
    const m = /^([\u4e00-\u9fa5]{2,6})\s*[:：]\s*(.+)$/.exec(cleanText(span.textContent));
    if (m?.[1] && m[2] && !out.has(m[1])) out.set(m[1], m[2]);
  }
  return out;
}
