/**
 * Homeland forums (Ruby China and other Rails community sites): the topic
 * and its replies (`#replies .reply[data-id]`).
 */
import { fingerprintIn, generatorOf, readCount, readText, textOf } from './dom.ts';
import { parseChineseTime } from './parse-time.ts';
import type { FoundPost, SiteAdapter } from './types.ts';

/** The Homeland adapter. */
export const homelandAdapter: SiteAdapter = {
  key: 'homeland',
  containerSelector: '.topic-detail, #replies .reply[data-id]',
  detect(doc) {
    const generator = generatorOf(doc);
    if (/homeland/i.test(generator)) return 100;
    return fingerprintIn(doc, '.topic-detail') && fingerprintIn(doc, '#replies') ? 80 : 0;
  },
  pageKind: () => 'thread',
  title: (doc) => textOf(doc, '.topic-detail h1'),
  readPost(container, ctx): FoundPost | null {
    const body = container.querySelector('.markdown');
    if (!body) return null;
    const isTopic = container.classList.contains('topic-detail');
    const time = container.querySelector('abbr.timeago');
    const info = container.querySelector('.info');
    const topicId = /\/topics\/(\d+)/.exec(ctx.url?.pathname ?? '')?.[1];
    return {
      site: 'homeland',
      kind: 'post',
      postId: isTopic ? `topic-${topicId ?? 'unknown'}` : (container.getAttribute('data-id') ?? container.id),
      // The topic is floor 0: replies are numbered #1, #2… on the page.
      floor: isTopic ? 0 : readCount(textOf(container, '.floor')),
      author: textOf(container, isTopic ? '.info .user-name, .info a[data-name]' : '.user-name'),
      publishedAt: time ? parseChineseTime(time.getAttribute('title') ?? time.textContent ?? '', ctx.now) : undefined,
      text: readText(body),
      views: isTopic ? readCount(/(\d[\d,]*)\s*次阅读/.exec(info?.textContent ?? '')?.[1]) : undefined,
      replies: isTopic ? readCount(/共收到\s*(\d+)\s*条回复/.exec(ctx.doc.body?.textContent ?? '')?.[1]) : undefined,
      element: container,
      bodyElement: body,
    };
  },
};
