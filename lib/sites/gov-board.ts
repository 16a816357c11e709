/**
 * Government message boards (领导留言板, 政民互动, 网络问政, 市长信箱, 12345):
 * the citizen's message, the department addressed, the handling status, and
 * the department's official reply — the reply is an entry of its own (the
 * replying unit as author, the message as parent), so an officer can flag
 * and capture the government's answer apart from the question.
 *
 * Layouts read, each from real markup (sources in the fixtures' comments):
 * - 人民网领导留言板, 2019–2020 template (tests/fixtures/gov/liuyan-people-tid-6835141.html,
 *   a saved thread): `.liuyan_box03` with `.context-title-text`, the status
 *   `em` and the type `em.domainType`, `h3.grey2 span` "A***  2020-01-15 10:11",
 *   `p.zoom.content`; the addressee in `.path_2j i`; replies
 *   `.liuyan_box05 li.reply` (unit `h3 i`, `p.zoom`, "回复时间：…"), the
 *   writer's evaluation `li.comments` (`p.zoom`, "评价时间：…", `.sec-score_firstspan`).
 * - 人民网领导留言板, today's script-rendered template
 *   (tests/fixtures/gov/liuyan-people-2023.html, rebuilt from three public
 *   scrapers): `.replyInfoHead` (`h1.fl`, `.replyObject` 留言对象, `.typeNameD`,
 *   `.domainName`, `.stateInfo`, `li.replyMsg` 留言时间), `#replyContentMain`;
 *   replies `.replyHandleMain` (`h4` unit, `.handleTime`, `.handleContent`).
 * - Boards read by the demo board's `ly-*` classes or by their printed
 *   "标签：值" lines (留言人：, 留言时间：, 办理单位：) — also as a `<strong>`
 *   label before its value, as EWCMS's 民声通道 letters print them
 *   (`#letter_detail`, tests/fixtures/gov/ewcms-interaction-detail.html: 咨询人：,
 *   提交时间：, 受理单位：, 信件内容：, 回复单位：/回复时间： above the reply):
 *   labels are what stays constant across the CMSs these boards run on.
 * - 人民网's list of a leader's board (tests/fixtures/gov/liuyan-people-list-fid-1035.html):
 *   a list page; its rows (`#list_content > li`, the page's own row template)
 *   are listed threads, not posts.
 * The thread id is the page's (`tid=`, 留言编号, the last number of the path);
 * a reply's is `<id>-reply[-n]`, an evaluation's `<id>-evaluation`.
 */
import { cleanText, elementsIn, fingerprintIn, isElement, metaContent, readText, textOf } from './dom.ts';
import { parseChineseTime } from './parse-time.ts';
import type { AdapterContext, FoundPost, ListedThread, MessageBoardFields, PageKind, SiteAdapter } from './types.ts';

const LABELLED = '.liuyan-item.ly-detail, .ly-detail, .liuyan-detail, .message-detail, #letter_detail';
const PEOPLE_2019 = '.liuyan_box03';
const PEOPLE_SPA = '.replyInfoHead';
const DETAIL = `${LABELLED}, ${PEOPLE_2019}, ${PEOPLE_SPA}`;
const LIST_ROW = 'tr.liuyan-item, li.liuyan-item, .liuyan-list .liuyan-item';
/** 人民网's list of a leader's board: rows its script renders into `ul#list_content`. */
const PEOPLE_LIST_ROW = '#list_content > li';
/** A printed date-time (or date) inside a longer line ("回复时间：2020-08-06 08:33"). */
const DATE_TIME = /\d{4}[-/年.]\d{1,2}[-/月.]\d{1,2}日?(?:\s*\d{1,2}:\d{2}(?::\d{2})?)?/;
/** "标签：值" — a board's printed label and its value. */
const LABEL_VALUE = /^([\u4e00-\u9fa5]{2,6})\s*[:：]\s*(.+)$/;
/** A label printed alone ("受理状态："), its value after it. */
const LABEL_ONLY = /^([\u4e00-\u9fa5]{2,6})\s*[:：]$/;
/** A block's leading label ("信件内容："), dropped from the entry's text. */
const LABEL_PREFIX = /^\s*[\u4e00-\u9fa5]{2,6}\s*[:：]\s*/;

/** The message-board adapter. */
export const govBoardAdapter: SiteAdapter = {
  key: 'gov-board',
  containerSelector: DETAIL,

  detect(doc, url) {
    if (url && /(^|\.)liuyan\.people\.com\.cn$/.test(url.hostname)) return 95;
    if (fingerprintIn(doc, `${DETAIL}, ${LIST_ROW}, .liuyan_box02 #list_content`)) return 85;
    const column = `${metaContent(doc, 'ColumnName') ?? ''} ${doc.title}`;
    return /留言板|政民互动|网络问政|问政|12345|信箱/.test(column) && /留言(内容|人|时间)|来信/.test(doc.body?.textContent ?? '')
      ? 60
      : 0;
  },

  pageKind(doc): PageKind {
    if (doc.querySelector(DETAIL)) return 'thread';
    return doc.querySelector(`${LIST_ROW}, #list_content`) ? 'list' : 'thread';
  },

  title: (doc) => {
    const detail = doc.querySelector(DETAIL);
    const own = detail ? textOf(detail, '.ly-title, .context-title-text, h1, :scope > .title') : undefined;
    return own ?? metaContent(doc, 'ArticleTitle');
  },

  readPost(container, ctx) {
    return readThread(container, ctx)[0] ?? null;
  },

  findAll(root, ctx) {
    const containers = elementsIn(root, DETAIL);
    if (containers.length > 0 || !isElement(root)) return containers.flatMap((container) => readThread(container, ctx));
    // A reply block added after the message (today's template fetches it when the page has
    // rendered): the thread's entries inside it, read with the message they answer.
    const detail = ctx.doc.querySelector(DETAIL);
    const answers = detail ? readThread(detail, ctx).slice(1) : [];
    return answers.filter((post) => root.contains(post.element) || post.element.contains(root));
  },

  listThreads(root, ctx) {
    const out: ListedThread[] = Array.from(root.querySelectorAll(PEOPLE_LIST_ROW)).flatMap((row) => listedPeopleRow(row, ctx));
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

/**
 * One row of 人民网's list (its `threads_content_tpl`): the title link
 * (`h2 b a`, `?tid=`), the status `em`, the byline "A*** 2020-01-15 10:11" (ideographic spaces between).
 */
function listedPeopleRow(row: Element, ctx: AdapterContext): ListedThread[] {
  const titleEl = row.querySelector(':scope > h2 b a');
  const href = titleEl?.getAttribute('href');
  if (!titleEl || !href) return [];
  const url = new URL(href, ctx.url ?? 'http://liuyan.people.com.cn/');
  const { author, time } = bylineOf(row.querySelector(':scope > h3 span'));
  const publishedAt = time ? parseChineseTime(time, ctx.now) : undefined;
  return [
    {
      site: 'gov-board',
      threadId: url.searchParams.get('tid') ?? '',
      title: cleanText(titleEl.textContent),
      ...(author ? { author } : {}),
      ...(publishedAt ? { publishedAt } : {}),
      element: row,
      titleElement: titleEl,
      url: url.href,
    },
  ];
}

/** One reply or evaluation below a message, before it becomes an entry. */
interface Answer {
  element: Element;
  body: Element;
  /** The body's text when it starts with a printed label ("信件内容："), without it. */
  text?: string;
  author?: string;
  time?: string;
}

/** The message, then its replies, then the writer's evaluation of them. */
function readThread(container: Element, ctx: AdapterContext): FoundPost[] {
  if (container.matches(PEOPLE_2019)) return readPeople2019(container, ctx);
  if (container.matches(PEOPLE_SPA)) return readPeopleSpa(container, ctx);
  return readLabelled(container, ctx);
}

/** 人民网, 2019–2020: the reply list is a sibling block of the message (`.liuyan_box05`). */
function readPeople2019(box: Element, ctx: AdapterContext): FoundPost[] {
  const body = box.querySelector('p.content, .zoom.content');
  if (!body) return [];
  const { author, time } = bylineOf(box.querySelector('h3.grey2 span, h3 span'));
  const board: MessageBoardFields = {
    title: textOf(box, '.context-title-text'),
    department: textOf(ctx.doc, '.path_2j i'),
    status: textOf(box, 'h2 b em:not(.domainType)'),
    category: textOf(box, 'em.domainType'),
  };
  const page = ctx.doc;
  const replies: Answer[] = Array.from(page.querySelectorAll('.liuyan_box05 li.reply')).flatMap((li) => {
    const text = li.querySelector('p.zoom');
    return text ? [{ element: li, body: text, author: textOf(li, 'h3 i'), time: dateIn(textOf(li, 'h3 em')) }] : [];
  });
  const comment = page.querySelector('.liuyan_box05 li.comments');
  const verdict = comment?.querySelector('p.zoom');
  const evaluation: Answer | undefined = comment && verdict ? { element: comment, body: verdict, time: dateIn(textOf(comment, 'h4 em')) } : undefined;
  if (evaluation) board.satisfaction = textOf(comment as Element, '.sec-score_firstspan');
  return thread(ctx, { element: box, body, author, time, board, id: threadId(ctx) }, replies, evaluation);
}

/** 人民网, today's template: the message block holds `.replyInfoHead` and `#replyContentMain`. */
function readPeopleSpa(head: Element, ctx: AdapterContext): FoundPost[] {
  const element = head.parentElement ?? head;
  const body = element.querySelector('#replyContentMain') ?? ctx.doc.querySelector('#replyContentMain');
  if (!body) return [];
  const board: MessageBoardFields = {
    title: textOf(head, 'h1'),
    department: textOf(head, '.replyObject')?.replace(/^留言对象\s*[:：]\s*/, ''),
    status: textOf(head, '.stateInfo'),
    category: textOf(head, '.typeNameD'),
  };
  const replies: Answer[] = Array.from(ctx.doc.querySelectorAll('.replyHandleMain')).flatMap((main) => {
    const text = main.querySelector('.handleContent');
    return text ? [{ element: main, body: text, author: textOf(main, 'h4'), time: dateIn(textOf(main, '.handleTime')) }] : [];
  });
  const verdict = ctx.doc.querySelector('.evaluateContent');
  if (verdict) board.satisfaction = textOf(ctx.doc, '.satisfied');
  const evaluation: Answer | undefined = verdict ? { element: verdict, body: verdict } : undefined;
  return thread(ctx, { element, body, time: dateIn(textOf(head, 'li.replyMsg')), board, id: threadId(ctx) }, replies, evaluation);
}

/** Boards read by their classes (`ly-*`) or printed labels. */
function readLabelled(container: Element, ctx: AdapterContext): FoundPost[] {
  const labelled = labelledValues(container);
  const pick = (re: RegExp): string | undefined => [...labelled].find(([label]) => re.test(label))?.[1];
  const block = labelBlock(container, /^(信件|留言|咨询|投诉|来信|诉求)内容$/);
  const body = container.querySelector('.ly-content, .liuyan-content, .message-content') ?? block?.element;
  if (!body) return [];
  const board: MessageBoardFields = {
    title: textOf(container, '.ly-title, h1, :scope > .title'),
    department: textOf(container, '.ly-meta .ly-dept, .ly-dept') ?? pick(/^(留言对象|办理单位|受理单位)$/),
    status: cleanText(container.querySelector('.ly-status')?.getAttribute('data-status')) || textOf(container, '.ly-status') || pick(/^(办理|受理)状态$/),
    category: textOf(container, '.ly-category') ?? pick(/^(类别|(留言|咨询|信件)类型)$/),
  };
  const replies: Answer[] = [];
  const replyBox = container.querySelector('.ly-reply, .liuyan-reply, .reply-content');
  const replyUnit = pick(/^(答复|回复|办理)单位$/);
  const replyTime = pick(/^(回复|答复)时间$/);
  if (replyBox) {
    const text = replyBox.querySelector('.ly-reply-content') ?? replyBox;
    board.officialReply = { unit: textOf(replyBox, '.ly-reply-unit'), time: textOf(replyBox, '.ly-reply-time'), text: readText(text) };
    replies.push({ element: replyBox, body: text, author: textOf(replyBox, '.ly-reply-unit') ?? replyUnit ?? board.department, time: textOf(replyBox, '.ly-reply-time') ?? replyTime });
  } else {
    // The reply under its "回复单位：… 回复时间：…" lines, in a block of its own (absent until the letter is answered).
    const replyBlock = labelBlock(container, /^(答复|回复)单位$/)?.element;
    const text = replyBlock?.querySelector(':scope > div, :scope > p');
    if (replyBlock && text && readText(text)) replies.push({ element: replyBlock, body: text, author: replyUnit ?? board.department, time: replyTime });
  }
  const id = container.getAttribute('data-id') ?? textOf(container, '.ly-id') ?? pick(/^(留言|信件)?编号$/) ?? threadId(ctx);
  const message: Answer = {
    element: container,
    body,
    ...(block && body === block.element ? { text: block.text } : {}),
    author: textOf(container, '.ly-meta .ly-author, .ly-author') ?? pick(/^(留言|来信|咨询|投诉|建议|反映)人$/),
    time: textOf(container, '.ly-meta .ly-time, .ly-time') ?? pick(/^(留言|来信|咨询|提交)时间$/),
  };
  return thread(ctx, { ...message, board, id }, replies, undefined);
}

/** The message as an entry, then each reply (parent: the message) and the evaluation (parent: the last reply). */
function thread(
  ctx: AdapterContext,
  message: Answer & { board: MessageBoardFields; id: string },
  replies: Answer[],
  evaluation: Answer | undefined,
): FoundPost[] {
  const out: FoundPost[] = [entry(ctx, 'message', message.id, message, undefined)];
  out[0]!.board = message.board;
  replies.forEach((reply, i) => out.push(entry(ctx, 'answer', i === 0 ? `${message.id}-reply` : `${message.id}-reply-${i + 1}`, reply, message.id)));
  if (evaluation) out.push(entry(ctx, 'comment', `${message.id}-evaluation`, evaluation, out[out.length - 1]?.postId));
  return out;
}

function entry(ctx: AdapterContext, kind: FoundPost['kind'], postId: string, part: Answer, parentId: string | undefined): FoundPost {
  const publishedAt = part.time ? parseChineseTime(part.time, ctx.now) : undefined;
  return {
    site: 'gov-board',
    kind,
    postId,
    ...(part.author ? { author: part.author } : {}),
    ...(publishedAt ? { publishedAt } : {}),
    ...(parentId ? { parentId } : {}),
    text: part.text ?? readText(part.body),
    element: part.element,
    bodyElement: part.body,
  };
}

/** The thread id the page's URL carries: `?tid=`, else the last number of the path; 'message' when none. */
function threadId(ctx: AdapterContext): string {
  return ctx.url?.searchParams.get('tid') ?? /(\d+)(?:\.s?html?)?\/?$/.exec(ctx.url?.pathname ?? '')?.[1] ?? 'message';
}

/** 人民网's byline "A***    2020-01-15 10:11": the masked writer, then the time. */
function bylineOf(span: Element | null): { author?: string; time?: string } {
  const byline = cleanText(span?.textContent);
  const time = DATE_TIME.exec(byline)?.[0];
  const author = cleanText(time ? byline.slice(0, byline.indexOf(time)) : byline);
  return { ...(author ? { author } : {}), ...(time ? { time } : {}) };
}

function dateIn(text: string | undefined): string | undefined {
  return text ? DATE_TIME.exec(text)?.[0] : undefined;
}

/**
 * "标签：值" pairs printed in the message's meta line, and labels printed in
 * `<strong>`/`<b>` with their value after them ("<strong>受理状态：</strong>已回复").
 */
function labelledValues(container: Element): Map<string, string> {
  const out = new Map<string, string>();
  const meta = container.querySelector('.ly-meta, .meta, .info') ?? container;
  for (const span of Array.from(meta.querySelectorAll('span, td, li, p'))) {
    const m = LABEL_VALUE.exec(cleanText(span.textContent));
    if (m?.[1] && m[2] && !out.has(m[1])) out.set(m[1], m[2]);
  }
  for (const strong of Array.from(container.querySelectorAll('strong, b'))) {
    const label = LABEL_ONLY.exec(cleanText(strong.textContent))?.[1];
    const value = label ? valueAfter(strong) : '';
    if (label && value && !out.has(label)) out.set(label, value);
  }
  return out;
}

/** The inline text after a label element, up to the next label, line break or block. */
function valueAfter(label: Element): string {
  let text = '';
  for (let node = label.nextSibling; node; node = node.nextSibling) {
    if (node.nodeType === 1 && (node as Element).matches('strong, b, br, div, p, table, ul')) break;
    text += node.textContent ?? '';
  }
  return cleanText(text);
}

/** The block a `<strong>` label starts ("<div><strong>信件内容：</strong>…</div>"), and its text without the label. */
function labelBlock(container: Element, label: RegExp): { element: Element; text: string } | undefined {
  for (const strong of Array.from(container.querySelectorAll('strong, b'))) {
    const name = LABEL_ONLY.exec(cleanText(strong.textContent))?.[1];
    const block = strong.parentElement;
    if (!name || !label.test(name) || !block || block === container) continue;
    return { element: block, text: cleanText(readText(block).replace(LABEL_PREFIX, '')) };
  }
  return undefined;
}
