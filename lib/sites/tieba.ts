/**
 * Baidu Tieba threads (/p/<tid>) and forum front pages (thread lists).
 *
 * Floor and time are read from the tail spans ("N楼", "YYYY-MM-DD HH:MM")
 * rather than the data-field JSON: it is HTML-escaped, large, and parsing it
 * for every floor would cost more than the rest of the adapter.
 */
import { cleanText, readCount, readText, textOf } from './dom.ts';
import { parseChineseTime } from './parse-time.ts';
import type { FoundPost, ListedThread, PageKind, SiteAdapter } from './types.ts';

/** The Tieba adapter. */
export const tiebaAdapter: SiteAdapter = {
  key: 'tieba',
  containerSelector: '#j_p_postlist > div.l_post',

  detect(doc, url) {
    if (doc.querySelector('#j_p_postlist div.l_post, #thread_list li.j_thread_list')) return 90;
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
