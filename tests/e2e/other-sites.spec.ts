/**
 * Beyond the Discuz thread: the officer patrols Tieba, a news portal's
 * comments, the government message board, Weibo and the Discuz touch
 * layout. On each, exactly the posts that name 澜江市, its places or its
 * agencies (tests/demo-site/expected.ts) carry a "采集" badge inside the post
 * body; the traps (澜江啤酒, 上海澜江路, a department column that always names
 * an agency) and the chatter carry nothing. A capture from the news comments
 * or the message board lands in the desk with the right author.
 */
import { THREAD_1001_FLOORS } from '../demo-site/data/forum-thread-1001.ts';
import { LIUYAN_MESSAGES } from '../demo-site/data/liuyan.ts';
import {
  FORUM_FLAGGED_PIDS,
  LIUYAN_FLAGGED_IDS,
  LIUYAN_FLAGGED_REPLY_IDS,
  NEWS_FLAGGED_COMMENT_IDS,
  TIEBA_FLAGGED_POST_IDS,
  WEIBO_FLAGGED_COMMENT_INDEXES,
} from '../demo-site/expected.ts';
import { NEWS_COMMENTS } from '../demo-site/pages/news.ts';
import { TIEBA_FLOORS } from '../demo-site/pages/tieba.ts';
import { WEIBO_COMMENTS } from '../demo-site/pages/weibo.ts';
import { DEMO_PATHS } from '../demo-site/routes.ts';
import { expect, test } from './fixtures.ts';
import { FlaggedPage } from './pages/flagged-page.ts';
import { SidePanel } from './pages/side-panel.ts';

test('Tieba: the floors naming the city are flagged, the beer joke, the Shanghai road and the chatter are not', async ({ page, demoUrl }) => {
  const tieba = new FlaggedPage(page, demoUrl);
  await tieba.goto(DEMO_PATHS.tiebaThread);
  const body = (postId: number) => page.locator(`#post_content_${postId}`);
  for (const floor of TIEBA_FLOORS) {
    if (TIEBA_FLAGGED_POST_IDS.includes(floor.postId)) {
      await expect.poll(() => tieba.buttonsIn(body(floor.postId)), { message: `floor ${floor.postNo}` }).toContain('采集');
    } else {
      expect(await tieba.extensionMarksIn(body(floor.postId)), `floor ${floor.postNo}`).toBe(0);
    }
  }
  await expect.poll(() => tieba.badgeCount()).toBe(TIEBA_FLAGGED_POST_IDS.length);
});

test('news article: the article and the comments naming the city are flagged, the other comments are not', async ({ page, demoUrl }) => {
  const news = new FlaggedPage(page, demoUrl);
  await news.goto(DEMO_PATHS.newsArticle);
  // The article itself names the city and its agencies throughout.
  await expect.poll(() => news.buttonsIn(page.locator('.post_body'))).toContain('采集');
  for (const comment of NEWS_COMMENTS) {
    const body = page.locator(`#comments .comment-item[data-cid="${comment.cid}"] .comment-content`);
    if (NEWS_FLAGGED_COMMENT_IDS.includes(comment.cid)) {
      await expect.poll(() => news.buttonsIn(body), { message: `comment ${comment.cid}` }).toContain('采集');
    } else {
      expect(await news.extensionMarksIn(body), `comment ${comment.cid}`).toBe(0);
    }
  }
  await expect.poll(() => news.badgeCount()).toBe(1 + NEWS_FLAGGED_COMMENT_IDS.length);
  // The sidebar's 澜江啤酒节 and 上海澜江路 headlines are not posts and not about the city.
  expect(await news.extensionMarksIn(page.locator('.post_side'))).toBe(0);
});

/** The demo city's places (tests/demo-site/README.md): a message-board title naming one is about the city. */
const DEMO_PLACES = ['澜江', '江北区', '白沙镇', '江南区', '桃源街道', '云溪县', '河口镇', '石门县', '青石乡'] as const;

test('message board: the list highlights the titles naming the city, and each message naming it is flagged on its page', async ({
  page,
  demoUrl,
}) => {
  // Every message page is opened and read through the DevTools protocol (closed shadow roots): slower.
  test.slow();
  const board = new FlaggedPage(page, demoUrl);
  // The list shows titles only: nothing to capture there, the officer opens the message.
  // Every row's department names an agency of the city, which alone flags nothing.
  await board.goto(DEMO_PATHS.liuyanList);
  await expect(page.locator('tr.liuyan-item')).toHaveCount(LIUYAN_MESSAGES.length);
  for (const message of LIUYAN_MESSAGES) {
    const row = page.locator(`tr.liuyan-item[data-id="${message.id}"]`);
    const titleNamesCity = LIUYAN_FLAGGED_IDS.includes(message.id) && DEMO_PLACES.some((place) => message.title.includes(place));
    if (titleNamesCity) await expect.poll(() => board.highlightsIn(row.locator('.ly-title')), { message: `row ${message.id}` }).toBeGreaterThan(0);
    else expect(await board.extensionMarksIn(row), `row ${message.id}`).toBe(0);
    expect(await board.extensionMarksIn(row.locator('.ly-dept')), `row ${message.id}`).toBe(0);
  }
  await expect.poll(() => board.badgeCount()).toBe(0);

  for (const message of LIUYAN_MESSAGES) {
    await board.goto(`/gov/liuyan/detail-${message.id}.html`);
    const flagged = LIUYAN_FLAGGED_IDS.includes(message.id);
    if (flagged) await expect.poll(() => board.buttonsIn(page.locator('.ly-detail .ly-content')), { message: `message ${message.id}` }).toContain('采集');
    // One badge for the citizen's message, one for the official reply (an entry of its own) when it names a
    // watched place; the department line is neither.
    const replyFlagged = LIUYAN_FLAGGED_REPLY_IDS.includes(message.id);
    if (replyFlagged) await expect.poll(() => board.buttonsIn(page.locator('.ly-detail .ly-reply-content')), { message: `reply ${message.id}` }).toContain('采集');
    await expect.poll(() => board.badgeCount(), { message: `message ${message.id}` }).toBe((flagged ? 1 : 0) + (replyFlagged ? 1 : 0));
    expect(await board.extensionMarksIn(page.locator('.ly-meta')), `message ${message.id}`).toBe(0);
  }
});

test('Weibo: the status and the comments naming the city are flagged, the others are not', async ({ page, demoUrl }) => {
  const weibo = new FlaggedPage(page, demoUrl);
  await weibo.goto(DEMO_PATHS.weiboStatus);
  await expect.poll(() => weibo.buttonsIn(page.locator('article[class*="Feed_wrap"] [class*="detail_wbtext"]'))).toContain('采集');
  const comments = page.locator('.wbpro-list .item1');
  await expect(comments).toHaveCount(WEIBO_COMMENTS.length);
  for (const [i, comment] of WEIBO_COMMENTS.entries()) {
    const body = comments.nth(i).locator('.con1 .text > span').first();
    if (WEIBO_FLAGGED_COMMENT_INDEXES.includes(i)) {
      await expect.poll(() => weibo.buttonsIn(body), { message: `comment by ${comment.author}` }).toContain('采集');
    } else {
      expect(await weibo.extensionMarksIn(comments.nth(i)), `comment by ${comment.author}`).toBe(0);
    }
  }
  await expect.poll(() => weibo.badgeCount()).toBe(1 + WEIBO_FLAGGED_COMMENT_INDEXES.length);
});

test('Discuz touch layout: the same floors as on the desktop thread are flagged', async ({ page, demoUrl }) => {
  const touch = new FlaggedPage(page, demoUrl);
  await touch.goto(DEMO_PATHS.forumTouch);
  const floors = THREAD_1001_FLOORS.filter((f) => !f.deleted);
  await expect(page.locator('div.plc[id^="pid"]')).toHaveCount(floors.length);
  for (const floor of floors) {
    const body = page.locator(`div.plc#pid${floor.pid} div.message`);
    if (FORUM_FLAGGED_PIDS.includes(floor.pid)) {
      await expect.poll(() => touch.buttonsIn(body), { message: `floor ${floor.pid}` }).toContain('采集');
    } else {
      expect(await touch.extensionMarksIn(page.locator(`div.plc#pid${floor.pid}`)), `floor ${floor.pid}`).toBe(0);
    }
  }
  await expect.poll(() => touch.badgeCount()).toBe(FORUM_FLAGGED_PIDS.length);
});

test('capturing a news comment and a board message creates two cases in the desk, each with its author', async ({
  page,
  demoUrl,
  openExtensionPage,
}) => {
  const comment = NEWS_COMMENTS.find((c) => NEWS_FLAGGED_COMMENT_IDS.includes(c.cid))!;
  const message = LIUYAN_MESSAGES.find((m) => m.id === 5001)!;
  const site = new FlaggedPage(page, demoUrl);

  await site.goto(DEMO_PATHS.newsArticle);
  const commentBody = page.locator(`#comments .comment-item[data-cid="${comment.cid}"] .comment-content`);
  await site.capture(commentBody);
  await expect.poll(() => site.badgeText(commentBody)).toContain('已采集');

  await site.goto(DEMO_PATHS.liuyanDetail);
  const messageBody = page.locator('.ly-detail .ly-content');
  await site.capture(messageBody);
  await expect.poll(() => site.badgeText(messageBody)).toContain('已采集');

  const panel = new SidePanel(await openExtensionPage('sidepanel.html'));
  await expect(panel.rows).toHaveCount(2);

  const commentRow = panel.row(comment.author);
  await expect(commentRow).toHaveCount(1);
  await commentRow.click();
  await expect(panel.detail).toContainText(comment.author);
  await expect(panel.detail.locator('.excerpt').first()).toHaveText(comment.text);
  await panel.detail.getByRole('button', { name: '返回' }).click();

  const messageRow = panel.row(message.title);
  await expect(messageRow).toContainText(message.author);
  await messageRow.click();
  await expect(panel.detail).toContainText(message.author);
  await expect(panel.detail.locator('.excerpt').first()).toContainText(message.content.slice(0, 20));
});
