/**
 * What a correct matcher flags on each demo page, derived from the page data
 * (so tests and pages cannot drift). Watch list assumed: the city 澜江市 and
 * its variants, its districts/townships and its agencies with their short
 * names; 澜江啤酒 and 上海澜江路 excluded.
 */
import { THREAD_1001_FLOORS, THREAD_1001_MORE_FLOORS } from './data/forum-thread-1001.ts';
import { LIUYAN_MESSAGES } from './data/liuyan.ts';
import { BENCH_DEFAULT_FLOORS, benchFloorMentionsCity } from './pages/bench-thread.ts';
import { COMMUNITY_POSTS, communityVirtualPosts } from './pages/community.ts';
import { HOSTILE_FLOORS } from './pages/hostile.ts';
import { NEWS_COMMENTS } from './pages/news.ts';
import { TIEBA_FLOORS } from './pages/tieba.ts';
import { WEIBO_COMMENTS } from './pages/weibo.ts';

/** Forum thread 1001: pids of flagged floors present on load. */
export const FORUM_FLAGGED_PIDS: readonly number[] = THREAD_1001_FLOORS.filter((f) => f.mentionsCity).map((f) => f.pid);
/** Forum thread 1001: pids of flagged floors appended by "加载更多回复". */
export const FORUM_MORE_FLAGGED_PIDS: readonly number[] = THREAD_1001_MORE_FLOORS.filter((f) => f.mentionsCity).map((f) => f.pid);
/** Forum thread 1001: pids of floors that must stay unflagged (includes the 澜江啤酒 / 上海澜江路 traps). */
export const FORUM_UNFLAGGED_PIDS: readonly number[] = [...THREAD_1001_FLOORS, ...THREAD_1001_MORE_FLOORS]
  .filter((f) => !f.mentionsCity)
  .map((f) => f.pid);
/** Tieba: `post_id`s of flagged floors. */
export const TIEBA_FLAGGED_POST_IDS: readonly number[] = TIEBA_FLOORS.filter((f) => f.mentionsCity).map((f) => f.postId);
/** News: `data-cid`s of comments that themselves mention the city (the article body always does). */
export const NEWS_FLAGGED_COMMENT_IDS: readonly number[] = NEWS_COMMENTS.filter((c) => c.mentionsCity).map((c) => c.cid);
/** Weibo: 0-based indexes of flagged comments in `.wbpro-list` order (the status itself is flagged too). */
export const WEIBO_FLAGGED_COMMENT_INDEXES: readonly number[] = WEIBO_COMMENTS.flatMap((c, i) => (c.mentionsCity ? [i] : []));
/** Message board: ids whose title or content mentions the city (the department column always names an agency). */
export const LIUYAN_FLAGGED_IDS: readonly number[] = LIUYAN_MESSAGES.filter((m) => m.mentionsCity).map((m) => m.id);
/** Message board: ids of messages whose official reply (an entry of its own) names a watched place. */
export const LIUYAN_FLAGGED_REPLY_IDS: readonly number[] = LIUYAN_MESSAGES.filter((m) => m.reply?.mentionsCity).map((m) => m.id);
/** Hostile page: pids of flagged floors. */
export const HOSTILE_FLAGGED_PIDS: readonly number[] = HOSTILE_FLOORS.filter((f) => f.mentionsCity).map((f) => f.pid);

/** Benchmark thread: how many of `n` floors mention the city. */
export function benchFlaggedCount(n: number = BENCH_DEFAULT_FLOORS): number {
  let count = 0;
  for (let i = 1; i <= n; i++) if (benchFloorMentionsCity(i)) count++;
  return count;
}

/** 澜江社区 thread (no adapter): 1-based floors of the posts that mention the city. */
export const COMMUNITY_FLAGGED_FLOORS: readonly number[] = COMMUNITY_POSTS.flatMap((p, i) => (p.mentionsCity ? [i + 1] : []));
/** 澜江社区 recycling list: every post, and the floors that mention the city. */
export const COMMUNITY_VIRTUAL_POST_COUNT = communityVirtualPosts().length;
export const COMMUNITY_VIRTUAL_FLAGGED_FLOORS: readonly number[] = communityVirtualPosts().flatMap((p, i) => (p.mentionsCity ? [i + 1] : []));
