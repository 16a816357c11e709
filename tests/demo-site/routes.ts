/**
 * URL → page table of the demo site. Pure (no I/O) so unit tests and the
 * server share it.
 */
import { THREAD_1001, THREAD_1001_MORE_FLOORS } from './data/forum-thread-1001.ts';
import { BENCH_DEFAULT_FLOORS, renderBenchThreadPage } from './pages/bench-thread.ts';
import { renderCommunityBenchPage, renderCommunityThreadPage, renderCommunityVirtualPage } from './pages/community.ts';
import { renderDiscuzMessagePage, renderDiscuzThreadPage, renderDiscuzTouchPage } from './pages/discuz.ts';
import { renderLiuyanDetailPage, renderLiuyanListPage } from './pages/gov-liuyan.ts';
import { renderHostilePage } from './pages/hostile.ts';
import { renderIndexPage } from './pages/index-page.ts';
import { renderNewsArticlePage } from './pages/news.ts';
import { renderNotFoundPage } from './pages/not-found.ts';
import { renderTiebaThreadPage, TIEBA_LANWEI_THREAD_ID, TIEBA_THREADS } from './pages/tieba.ts';
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
  tiebaLanwei: '/tieba/p/9000002',
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

/**
 * What the e2e tests changed on the demo site since it started (the server
 * keeps one per process; `POST /__demo/…` changes it, see server.ts): posts
 * deleted by a moderator and reply/view counts that grew.
 */
export interface DemoState {
  /** Deleted post ids (Discuz pids, as strings) by page path; a deleted first floor deletes the thread. */
  deletedPosts: Map<string, Set<string>>;
  /** Replies and views added to a thread, by page path. */
  growth: Map<string, { replies: number; views: number }>;
}

/** A demo site as it was built. */
export function createDemoState(): DemoState {
  return { deletedPosts: new Map(), growth: new Map() };
}

/** Discuz's own wording for a thread that was deleted or is held for moderation. */
export const DISCUZ_THREAD_GONE = '抱歉，指定的主题不存在或已被删除或正在被审核';

/** Thread 1001 as the state has it: deleted floors gone, counts grown; undefined when its first floor was deleted. */
function forumThreadPage(state: DemoState): RouteResult {
  const path = DEMO_PATHS.forumThread;
  const deleted = state.deletedPosts.get(path) ?? new Set<string>();
  const first = THREAD_1001.floors[0];
  if (first && deleted.has(String(first.pid))) {
    return { status: 200, body: renderDiscuzMessagePage(THREAD_1001, DISCUZ_THREAD_GONE) };
  }
  const growth = state.growth.get(path) ?? { replies: 0, views: 0 };
  const thread = {
    ...THREAD_1001,
    views: THREAD_1001.views + growth.views,
    replies: THREAD_1001.replies + growth.replies,
    floors: THREAD_1001.floors.filter((floor) => !deleted.has(String(floor.pid))),
  };
  return ok(renderDiscuzThreadPage(thread, { loadMore: THREAD_1001_MORE_FLOORS.filter((floor) => !deleted.has(String(floor.pid))) }));
}

const STATIC_ROUTES: ReadonlyMap<string, () => string> = new Map([
  ['/', renderIndexPage],
  ['/index.html', renderIndexPage],
  [DEMO_PATHS.forumTouch, () => renderDiscuzTouchPage(THREAD_1001)],
  [DEMO_PATHS.tiebaThread, () => renderTiebaThreadPage()],
  [DEMO_PATHS.tiebaLanwei, () => renderTiebaThreadPage(TIEBA_THREADS.get(TIEBA_LANWEI_THREAD_ID))],
  [DEMO_PATHS.newsArticle, renderNewsArticlePage],
  [DEMO_PATHS.liuyanList, renderLiuyanListPage],
  [DEMO_PATHS.weiboStatus, renderWeiboStatusPage],
  [DEMO_PATHS.hostile, renderHostilePage],
]);

/** Resolves a request URL to a page (404 page for unknown paths), as `state` has the site now. */
export function resolveRoute(url: URL, state: DemoState = createDemoState()): RouteResult {
  const path = url.pathname;
  if (path === DEMO_PATHS.forumThread) return forumThreadPage(state);
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
