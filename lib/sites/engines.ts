/**
 * Forum engines and Q&A platforms read from their own public templates:
 * where each prints the post container, id, body, author, time and floor.
 *
 * Sources (the engines' template files, read in their repositories):
 * - Flarum: framework/core/views/frontend/content/discussion.blade.php (the
 *   server-rendered page: `article > .PostUser .PostUser-name` + `.Post-body`)
 *   and the JS post stream (`.PostStream-item[data-id] article.CommentPost`,
 *   `time[datetime]`).
 * - Discourse: the crawler view of topics/show (`div.crawler-post#post_N`,
 *   `.crawler-post-meta .creator [itemprop=name]`, `time.post-time[datetime]`,
 *   `[itemprop=position]`, `.post[itemprop=text]`) and the app's
 *   `article[data-post-id] .cooked`.
 * - phpBB 3 prosilver: viewtopic_body.html (`div.post#p<id>`,
 *   `.postbody p.author` with the author and date, `.content`, signature in
 *   `.signature` outside `.content`).
 * - XenForo 2: `article.message--post[data-author][data-content=post-<id>]`,
 *   `time.u-dt[datetime]`, `.message-body .bbWrapper`.
 * - NodeBB: topic.tpl / partials/topic/post.tpl (`[component=post][data-pid]
 *   [data-index]`, `meta[itemprop=datePublished]`, `[component=post/content]`).
 * - PHPWind 9: bbs/read_run (`#J_posts_list` floors, `td.floor_left .name a`,
 *   `.floor_top_tips .lou[data-hash=read_<pid>]`, `发布于：` time,
 *   `.editor_content`).
 * - Zhihu: question pages (`.AnswerItem[name]` with schema.org Answer
 *   microdata: author `meta[itemprop=name]`, `meta[itemprop=dateCreated]`,
 *   body `.RichContent-inner`; corpus/reported R01).
 */
import { readFloor } from './discuz.ts';
import { cleanText } from './dom.ts';
import { contentId, digitsOf, engineAdapter, valueOf } from './engine.ts';
import type { SiteAdapter } from './types.ts';

/** Zhihu question pages: one post per answer. */
export const zhihuAdapter: SiteAdapter = engineAdapter({
  key: 'zhihu',
  fingerprint: '.QuestionPage .AnswerItem, .Question-main .AnswerItem',
  hosts: /(^|\.)zhihu\.com$/,
  posts: ['.AnswerItem'],
  body: '.RichContent-inner .RichText, .RichContent-inner',
  id: (post) => post.getAttribute('name') ?? digitsOf(/"itemId":\s*(\d+)/.exec(post.getAttribute('data-zop') ?? '')?.[1]),
  author: (post) => valueOf(post.querySelector('[itemprop="author"] meta[itemprop="name"]')) ?? valueOf(post.querySelector('.AuthorInfo-name')),
  time: 'meta[itemprop="dateCreated"], .ContentItem-time',
  location: '.ContentItem-time',
  kind: 'answer',
  title: '.QuestionHeader-title',
});

/** Flarum discussions, server-rendered or from the JS post stream. */
export const flarumAdapter: SiteAdapter = engineAdapter({
  key: 'flarum',
  fingerprint: '.PostUser-name',
  generator: /flarum/i,
  posts: ['.PostStream-item[data-id]', 'article'],
  body: '.Post-body',
  // The server-rendered page prints no post id: a digest of author and text stays the same across pages.
  id: (post) => post.getAttribute('data-id') ?? contentId(valueOf(post.querySelector('.PostUser-name')), undefined, cleanText(post.querySelector('.Post-body')?.textContent)),
  author: '.PostUser-name .username, .PostUser-name',
  time: 'time[datetime], time',
  floor: (post) => numberAttr(post, 'data-number'),
  title: '.DiscussionHero-title, .container > h1',
});

/** Discourse topics: the app's post stream, or the crawler view. */
export const discourseAdapter: SiteAdapter = engineAdapter({
  key: 'discourse',
  fingerprint: 'div.crawler-post, .topic-post article[data-post-id]',
  generator: /discourse/i,
  posts: ['.topic-post article[data-post-id]', 'div.crawler-post[id^="post_"]'],
  body: '.cooked, .post[itemprop="text"]',
  id: (post) => post.getAttribute('data-post-id') ?? digitsOf(post.id),
  author: '.creator [itemprop="name"], .names .first a, .names .username a',
  time: 'time.post-time, .post-date [data-time], .crawler-post-infos time, .crawler-post-infos',
  floor: (post) => numberOf(valueOf(post.querySelector('[itemprop="position"]'))) ?? numberAttr(post, 'data-post-number') ?? numberOf(digitsOf(post.id)),
  title: '#topic-title h1, .fancy-title, #main-outlet h1',
});

/** phpBB 3 (prosilver and its derivatives). */
export const phpbbAdapter: SiteAdapter = engineAdapter({
  key: 'phpbb',
  fingerprint: 'div.post[id^="p"] .postbody .content',
  generator: /phpbb/i,
  posts: ['div.post[id^="p"]'],
  body: '.postbody .content',
  id: (post) => digitsOf(post.id),
  author: '.postbody .author .username, .postbody .author .username-coloured, .postprofile dt .username, .postprofile dt .username-coloured',
  time: '.postbody .author time, .postbody .author',
  title: 'h2.topic-title, #page-body > h2',
});

/** XenForo 2 threads. */
export const xenforoAdapter: SiteAdapter = engineAdapter({
  key: 'xenforo',
  fingerprint: 'article.message--post[data-content]',
  posts: ['article.message--post'],
  body: '.message-body .bbWrapper, .bbWrapper',
  id: (post) => digitsOf(post.getAttribute('data-content')),
  author: (post) => cleanText(post.getAttribute('data-author')) || valueOf(post.querySelector('.message-name .username')),
  time: '.message-attribution-main time.u-dt, time.u-dt',
  floor: (post) => {
    for (const a of Array.from(post.querySelectorAll('.message-attribution-opposite a'))) {
      const n = readFloor(a.textContent);
      if (n !== undefined) return n;
    }
    return undefined;
  },
  title: 'h1.p-title-value',
});

/** NodeBB topics (Harmony, Persona and older themes). */
export const nodebbAdapter: SiteAdapter = engineAdapter({
  key: 'nodebb',
  fingerprint: '[component="post"][data-pid] [component="post/content"]',
  posts: ['[component="post"][data-pid]'],
  body: '[component="post/content"]',
  id: (post) => post.getAttribute('data-pid') ?? undefined,
  author: (post) =>
    cleanText(post.getAttribute('data-username')) || valueOf(post.querySelector('[itemprop="author"] meta[itemprop="name"]')) || valueOf(post.querySelector('a[data-username]')),
  time: 'meta[itemprop="datePublished"], .timeago[title]',
  floor: (post) => {
    const index = numberAttr(post, 'data-index');
    return index === undefined ? undefined : index + 1;
  },
  title: '[component="topic/title"]',
});

/** PHPWind 9 threads (read.php). */
export const phpwindAdapter: SiteAdapter = engineAdapter({
  key: 'phpwind',
  fingerprint: '#J_posts_list .editor_content',
  generator: /phpwind/i,
  posts: ['#J_posts_list > div'],
  body: '.editor_content',
  id: (post) => digitsOf(post.querySelector('.lou[data-hash]')?.getAttribute('data-hash')),
  author: 'td.floor_left .name a',
  time: '.floor_top_tips span.fl',
  location: '.floor_top_tips span.fl',
  // The floor label is 楼主/沙发/板凳/… or a number, followed by <sup>#</sup>.
  floor: (post) => readFloor(cleanText(post.querySelector('.floor_top_tips .lou')?.textContent).replace(/#$/, '')),
  title: '#J_post_title',
});

function numberAttr(el: Element, name: string): number | undefined {
  return numberOf(el.getAttribute(name));
}

function numberOf(value: string | null | undefined): number | undefined {
  if (!value || !/^\d+$/.test(value.trim())) return undefined;
  return Number(value);
}
