/**
 * Baidu Tieba threads (/p/<tid>) and forum front pages (thread lists).
 *
 * Floor and time are read from the tail spans ("N楼", "YYYY-MM-DD HH:MM")
 * rather than the data-field JSON: it is HTML-escaped, large, and parsing it
 * for every floor would cost more than the rest of the adapter.
 */
import { cleanText, fingerprintIn, readCount, readText, textOf } from './dom.ts';
import { parseChineseTime } from './parse-time.ts';
import type { FoundPost, ListedThread, PageKind, SiteAdapter } from './types.ts';

/** The Tieba adapter. */
export const tiebaAdapter: SiteAdapter = {
  key: 'tieba',
  containerSelector: '#j_p_postlist > div.l_post',

  detect(doc, url) {
    if (fingerprintIn(doc, '#j_p_postlist div.l_post, #thread_list li.j_thread_list')) return 90;
    return url && /(^|\.)tieba\.baidu\.com$/.test(url.hostname) ? 50 : 0;
  },

  pageKind(doc): PageKind {
    return doc.querySelector('#j_p_postlist') ? 'thread' : doc.querySelector('#thread_list') ? 'list' : 'thread';
  },

  title(doc) {
    const h3 = doc.querySelector('h3.core_title_txt, h1.core_title_txt');
    return cleanText(h3?.getAttribute('title') || h3?.textContent) || undefined;
  },

  threadCounts(doc) {
    return { replies: readCount(doc.querySelector('li.l_reply_num span.red')?.textContent) };
  },

  findAll(root, ctx) {
    const containers = 'closest' in root && (root as Element).closest(this.containerSelector) ? [(root as Element).closest(this.containerSelector) as Element] : Array.from(root.querySelectorAll(this.containerSelector));
    const out: FoundPost[] = [];
    containers.forEach((container, i) => {
      const post = this.readPost(container, ctx, i);
      if (!post) return;
      out.push(post);
      // 楼中楼: the replies shown under the floor are entries of their own, with the floor as parent.
      for (const li of Array.from(container.querySelectorAll('li.lzl_single_post'))) {
        const reply = readLzlReply(li, post.postId, ctx.now);
        if (reply) out.push(reply);
      }
    });
    return out;
  },

  readPost(container, ctx, index): FoundPost | null {
    const body = container.querySelector('div[id^="post_content_"]');
    if (!body) return null;
    const postId = body.id.slice('post_content_'.length);
    let floor: number | undefined;
    let publishedAt: string | undefined;
    for (const span of Array.from(container.querySelectorAll('.post-tail-wrap .tail-info, .core_reply_tail .tail-info'))) {
      const t = cleanText(span.textContent);
      const f = /^(\d+)楼$/.exec(t);
      if (f) floor = Number(f[1]);
      else if (/\d{4}-\d{1,2}-\d{1,2}/.test(t)) publishedAt = parseChineseTime(t, ctx.now);
    }
    return {
      site: 'tieba',
      kind: 'post',
      postId,
      floor: floor ?? index + 1,
      author: textOf(container, '.d_author li.d_name a.p_author_name, .d_author .p_author_name'),
      publishedAt,
      text: readText(body),
      element: container,
      bodyElement: body,
    };
  },

  listThreads(root, ctx) {
    const out: ListedThread[] = [];
    for (const row of Array.from(root.querySelectorAll('#thread_list li.j_thread_list, #thread_top_list li.j_thread_list'))) {
      const titleEl = row.querySelector('a.j_th_tit');
      if (!titleEl) continue;
      const authorTitle = row.querySelector('.tb_icon_author')?.getAttribute('title') ?? '';
      const href = titleEl.getAttribute('href');
      const dateText = textOf(row, '.threadlist_reply_date, .pull-right.is_show_create_time');
      out.push({
        site: 'tieba',
        threadId: row.getAttribute('data-tid') ?? (href ?? '').replace(/^.*\/p\//, ''),
        title: cleanText(titleEl.getAttribute('title') || titleEl.textContent),
        author: cleanText(authorTitle.replace(/^.*?[:：]/, '')) || undefined,
        publishedAt: dateText ? parseChineseTime(dateText, ctx.now) : undefined,
        replies: readCount(row.querySelector('.threadlist_rep_num')?.textContent),
        element: row,
        titleElement: titleEl,
        url: href && ctx.url ? new URL(href, ctx.url).href : undefined,
      });
    }
    return out;
  },
};

/**
 * One 楼中楼 reply (`li.lzl_single_post`): id `spid` from its data-field
 * (single-quoted, so read with a pattern, not JSON), author `.lzl_cnt > a`,
 * body `.lzl_content_main`, time `.lzl_time` (`2023-3-8 13:30`).
 */
function readLzlReply(li: Element, floorId: string, now: Date): FoundPost | null {
  const body = li.querySelector('.lzl_content_main');
  const spid = /['"]spid['"]\s*:\s*['"]?(\d+)/.exec(li.getAttribute('data-field') ?? '')?.[1];
  if (!body || !spid) return null;
  const time = textOf(li, '.lzl_time');
  const reply: FoundPost = {
    site: 'tieba',
    kind: 'comment',
    postId: spid,
    parentId: floorId,
    text: readText(body),
    element: li,
    bodyElement: body,
  };
  const author = textOf(li, '.lzl_cnt > a.at, .lzl_cnt > a');
  if (author) reply.author = author;
  const publishedAt = time ? parseChineseTime(time, now) : undefined;
  if (publishedAt) reply.publishedAt = publishedAt;
  return reply;
}
