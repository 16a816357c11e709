/**
 * Baidu Zhidao questions: one post per answer (the best answer and the
 * others, collapsed ones included — the page shows them on click).
 */
import { fingerprintIn, readText, textOf } from './dom.ts';
import { parseChineseTime } from './parse-time.ts';
import type { SiteAdapter } from './types.ts';

const BODY = '[id^="best-content-"], [id^="answer-content-"]';

/** The Zhidao adapter. */
export const zhidaoAdapter: SiteAdapter = {
  key: 'zhidao',
  // The best answer's body sits in both .wgt-best and an inner div.answer: take the body's nearest container.
  containerSelector: '.wgt-best[id^="best-answer-"], div.answer[id^="answer-"]:not(.wgt-best div.answer)',
  detect(doc, url) {
    if (fingerprintIn(doc, '.wgt-ask') && fingerprintIn(doc, BODY)) return 90;
    return url && url.hostname === 'zhidao.baidu.com' ? 50 : 0;
  },
  pageKind: () => 'thread',
  title: (doc) => textOf(doc, '.wgt-ask .ask-title'),
  readPost(container, ctx) {
    const body = container.querySelector(BODY);
    if (!body) return null;
    const postId = body.id.replace(/^\D+-/, '');
    const createTime = container.getAttribute('data-createtime') ?? container.querySelector('[data-createtime]')?.getAttribute('data-createtime');
    const timeText = createTime ?? textOf(container, '.wgt-replyer-all-time');
    return {
      site: 'zhidao',
      kind: 'answer',
      postId,
      author: textOf(container, '.wgt-replyer-all-uname'),
      publishedAt: timeText ? parseChineseTime(timeText, ctx.now) : undefined,
      // Drop the "展开全部" (expand all) toggle label the body starts with.
      text: readText(body).replace(/^展开全部\s*/, ''),
      element: container,
      bodyElement: body,
    };
  },
};
