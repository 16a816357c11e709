/**
 * URL → page table of the demo site. Pure (no I/O) so unit tests and the
 * server share it.
 */
import { THREAD_1001, THREAD_1001_MORE_FLOORS } from './data/forum-thread-1001.ts';
import { BENCH_DEFAULT_FLOORS, renderBenchThreadPage } from './pages/bench-thread.ts';
import { renderCommunityBenchPage, renderCommunityThreadPage, renderCommunityVirtualPage } from './pages/community.ts';
import { renderDiscuzThreadPage, renderDiscuzTouchPage } from './pages/discuz.ts';
import { renderLiuyanDetailPage, renderLiuyanListPage } from './pages/gov-liuyan.ts';
import { renderHostilePage } from './pages/hostile.ts';
import { renderIndexPage } from './pages/index-page.ts';
import { renderNewsArticlePage } from './pages/news.ts';
import { renderNotFoundPage } from './pages/not-found.ts';
import { renderTiebaThreadPage } from './pages/tieba.ts';
import { renderWeiboStatusPage } from './pages/weibo.ts';

/** What the server sends for one request. */
export interface RouteResult {
  status: number;
  body: string;
  /** Defaults to `text/html; charset=utf-8`. */
  contentType?: string;
}

/** Paths of the demo pages, for tests and the demo walk-through. */
export const DEMO_PATHS = {
  index: '/',
  forumThread: '/forum/thread-1001-1-1.html',
  forumTouch: '/forum/touch-thread-1001.html',
  benchThread: '/forum/thread-1000-posts.html',
  tiebaThread: '/tieba/p/9000001',
  newsArticle: '/news/2026-11/20/content_1.html',
  liuyanList: '/gov/liuyan/list.html',
  liuyanDetail: '/gov/liuyan/detail-5001.html',
  weiboStatus: '/weibo/status/Nx1',
  hostile: '/hostile/post.html',
  communityThread: '/community/t/2077',
  communityVirtual: '/community/t/2077?virtual=1',
  communityBench: '/community/t/1000-posts',
} as const;

/** Name of a demo page. */
export type DemoPageName = keyof typeof DEMO_PATHS;

const ok = (body: string): RouteResult => ({ status: 200, body });

const STATIC_ROUTES: ReadonlyMap<string, () => string> = new Map([
  ['/', renderIndexPage],
  ['/index.html', renderIndexPage],
  [DEMO_PATHS.forumThread, () => renderDiscuzThreadPage(THREAD_1001, { loadMore: THREAD_1001_MORE_FLOORS })],
  [DEMO_PATHS.forumTouch, () => renderDiscuzTouchPage(THREAD_1001)],
  [DEMO_PATHS.tiebaThread, renderTiebaThreadPage],
  [DEMO_PATHS.newsArticle, renderNewsArticlePage],
  [DEMO_PATHS.liuyanList, renderLiuyanListPage],
  [DEMO_PATHS.weiboStatus, renderWeiboStatusPage],
  [DEMO_PATHS.hostile, renderHostilePage],
]);

/** Resolves a request URL to a page (404 page for unknown paths). */
export function resolveRoute(url: URL): RouteResult {
  const path = url.pathname;
  if (path === '/community/t/2077') return ok(url.searchParams.get('virtual') === '1' ? renderCommunityVirtualPage() : renderCommunityThreadPage());
  if (path === DEMO_PATHS.communityBench) {
    const n = Number(url.searchParams.get('n') ?? BENCH_DEFAULT_FLOORS);
    return ok(renderCommunityBenchPage(Number.isFinite(n) ? n : BENCH_DEFAULT_FLOORS));
  }
  const render = STATIC_ROUTES.get(path);
  if (render) return ok(render());
  if (path === DEMO_PATHS.benchThread) {
    const n = Number(url.searchParams.get('n') ?? BENCH_DEFAULT_FLOORS);
    return ok(renderBenchThreadPage(Number.isFinite(n) ? n : BENCH_DEFAULT_FLOORS));
  }
  const detail = /^\/gov\/liuyan\/detail-(\d+)\.html$/.exec(path);
  if (detail) {
    const page = renderLiuyanDetailPage(Number(detail[1]));
    if (page) return ok(page);
  }
  return { status: 404, body: renderNotFoundPage(path) };
}
