/**
 * Reading a re-fetched source page (跟踪 / 复查): is the captured post still
 * there, deleted, or edited, and how many replies and views does its thread
 * have now? Pure over a parsed Document, with the same site adapters
 * (lib/sites) the capture used, so it runs wherever a DOM parser exists: the
 * offscreen document in Chrome, the background page in Firefox, jsdom in tests.
 *
 * A failed fetch, a login wall, a server error or a page the adapters cannot
 * read is `failed`, never `deleted`: only a 404/410, the site's own words for
 * a deleted or moderated post, or the post missing from a thread page whose
 * other posts are still read, count as deleted.
 */
import { collapseWhitespace } from '../extract/article';
import { detectSite, findPost, locatePosts } from '../sites';
import type { RecheckOutcome } from '../cases/events';

/** What fetching the page gave (the background fetches it with the officer's cookies). */
export type FetchedPage =
  | { kind: 'response'; status: number; url: string; html: string }
  | { kind: 'error'; url: string; message: string };

/** The post a re-check looks for, and its text when last recorded. */
export interface RecheckTarget {
  /** `canonicalUrl#postId`. */
  evidenceId: string;
  /** The page the post was captured on (fetched again). */
  url: string;
  postId: string;
  /** The post's text as last recorded (the latest evidence version's excerpt, ≤ 2,000 characters). */
  excerpt: string;
}

/** What a re-check found. */
export interface RecheckFinding {
  outcome: RecheckOutcome;
  httpStatus?: number;
  /** Why, in the officer's words (shown in the case). */
  reason?: string;
  /** The post's text now, when found or edited. */
  text?: string;
  /** The post's author, floor and publication time, as read now (for an edited version's evidence). */
  author?: string;
  floor?: number;
  publishedAt?: string;
  replies?: number;
  views?: number;
  /** Posts the adapter read on the page. */
  posts?: number;
}

/**
 * The words sites print in place of a deleted or moderated post or thread
 * (Discuz!, Tieba, Weibo, news portals, message boards).
 */
const DELETED_MARKERS = [
  '帖子已删除',
  '该帖已被删除',
  '该帖子已被删除',
  '指定的主题不存在或已被删除',
  '该帖被管理员或版主屏蔽',
  '该贴已被删除',
  '贴子已被删除',
  '此微博已被删除',
  '该微博已被删除',
  '该内容已被删除',
  '内容已被删除',
  '该留言已被删除',
  '文章已被删除',
  '页面不存在',
] as const;

/** Words of a page that hides content until one logs in: the officer's session must be renewed, nothing is known. */
const LOGIN_MARKERS = ['您需要登录后才可以查看', '请先登录', '登录后查看'] as const;

/** Classifies a fetched page for `target`; `parse` turns HTML into a Document (DOMParser). Never throws. */
export function classifyRecheck(fetched: FetchedPage, target: RecheckTarget, parse: (html: string, url: string) => Document): RecheckFinding {
  if (fetched.kind === 'error') return { outcome: 'failed', reason: `无法访问：${fetched.message}`.slice(0, 500) };
  const { status } = fetched;
  if (status === 404 || status === 410) return { outcome: 'deleted', httpStatus: status, reason: `HTTP ${status}` };
  if (status >= 400 || status < 200) return { outcome: 'failed', httpStatus: status, reason: `HTTP ${status}` };
  let doc: Document;
  try {
    doc = parse(fetched.html, fetched.url);
  } catch (error) {
    return { outcome: 'failed', httpStatus: status, reason: `页面无法解析：${error instanceof Error ? error.message : String(error)}`.slice(0, 500) };
  }
  const refs = locatePosts(doc, fetched.url);
  const post = findPost(doc, fetched.url, target.postId);
  const first = refs[0] ? findPost(doc, fetched.url, refs[0].postId) : undefined;
  const counts = {
    ...(first?.replies !== undefined ? { replies: first.replies } : {}),
    ...(first?.views !== undefined ? { views: first.views } : {}),
    posts: refs.length,
  };
  if (post) {
    const text = collapseWhitespace(post.text).slice(0, 2000);
    const details = {
      ...(post.author !== undefined ? { author: post.author } : {}),
      ...(post.floor !== undefined ? { floor: post.floor } : {}),
      ...(post.publishedAt !== undefined ? { publishedAt: post.publishedAt } : {}),
    };
    const unchanged = text === collapseWhitespace(target.excerpt).slice(0, 2000);
    return { outcome: unchanged ? 'found' : 'edited', httpStatus: status, text, ...details, ...counts };
  }
  const pageText = doc.body?.textContent ?? '';
  const marker = DELETED_MARKERS.find((words) => pageText.includes(words));
  if (marker) return { outcome: 'deleted', httpStatus: status, reason: marker, ...counts };
  const login = LOGIN_MARKERS.find((words) => pageText.includes(words));
  if (login) return { outcome: 'failed', httpStatus: status, reason: `需要登录：${login}`, ...counts };
  // A thread page of a known site family whose other posts are read: this one was removed. (The generic
  // adapter reads any page as one post, so on an unknown page a missing post proves nothing.)
  if (refs.length > 0 && detectSite(doc, fetched.url).site !== 'generic') {
    return { outcome: 'deleted', httpStatus: status, reason: '帖子已不在原页面（被删除或屏蔽）', ...counts };
  }
  return { outcome: 'failed', httpStatus: status, reason: '页面上读不到任何帖子（页面改版或需要验证）', ...counts };
}
