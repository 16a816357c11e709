/**
 * One case per 舆情: the floors of one thread are evidence of one case,
 * with one claim clock, and every floor of the thread shows that case on revisit.
 */
import { THREAD_1001_FLOORS } from '../demo-site/data/forum-thread-1001.ts';
import { TIEBA_LANWEI_FLOORS } from '../demo-site/pages/tieba.ts';
import { DEMO_PATHS } from '../demo-site/routes.ts';
import { expect, test } from './fixtures.ts';
import { badgeText, clickBadgeButton } from './pages/closed-ui.ts';
import { DiscuzThreadPage } from './pages/discuz-thread-page.ts';
import { FlaggedPage } from './pages/flagged-page.ts';
import { OfficeConsole } from './pages/office-console.ts';
import { SidePanel } from './pages/side-panel.ts';

const floorPid = (n: number) => THREAD_1001_FLOORS[n - 1]!.pid;

test('capturing floors 1 and 4 of one thread gives one case with two evidence items', async ({ page, demoUrl, openExtensionPage }) => {
  const panel = new SidePanel(await openExtensionPage('sidepanel.html'));
  await panel.signIn('李明', '澜江市网信办');
  const thread = new DiscuzThreadPage(page, demoUrl);
  await thread.goto();

  await clickBadgeButton(thread.body(floorPid(1)), '采集');
  await expect.poll(() => badgeText(thread.body(floorPid(1)))).toContain('已采集');
  // Every other flagged floor of the thread now shows the case, and can still be captured.
  await expect.poll(() => badgeText(thread.body(floorPid(4)))).toContain('本帖已立案');
  await expect.poll(() => badgeText(thread.body(floorPid(6)))).toContain('本帖已立案');

  await clickBadgeButton(thread.body(floorPid(4)), '采集');
  await expect.poll(() => badgeText(thread.body(floorPid(4)))).toContain('已加入案件');
  await expect.poll(() => badgeText(thread.body(floorPid(4)))).toContain('已采集');

  await expect(panel.rows).toHaveCount(1);
  await panel.rows.first().click();
  const items = panel.page.getByTestId('evidence-item');
  await expect(items).toHaveCount(2);
  await expect(items.nth(0)).toContainText('1楼');
  await expect(items.nth(0)).toContainText(THREAD_1001_FLOORS[0]!.author);
  await expect(items.nth(1)).toContainText('4楼');
  await expect(items.nth(1)).toContainText(THREAD_1001_FLOORS[3]!.author);
  // One claim clock: the timeline has the thread's capture and the added evidence, one claim step pending.
  await expect(panel.page.getByTestId('timeline').locator('li')).toHaveCount(2);
  await expect(panel.page.getByTestId('next-step')).toContainText('认领');

  await panel.act('claimed');
  await page.reload();
  await expect.poll(() => badgeText(thread.body(floorPid(6)))).toContain('本帖已立案 · 已认领');
  await expect.poll(() => badgeText(thread.body(floorPid(1)))).toContain('已采集 · 已认领');
});

test('the same story on Tieba and Weibo is offered as a possible duplicate, merged in one click, and the bulletin counts one case', async ({
  page,
  demoUrl,
  openExtensionPage,
}) => {
  const panel = new SidePanel(await openExtensionPage('sidepanel.html'));
  await panel.signIn('李明', '澜江市网信办');
  const sites = new FlaggedPage(page, demoUrl);

  await sites.goto(DEMO_PATHS.tiebaLanwei);
  const tiebaFirst = page.locator(`#post_content_${TIEBA_LANWEI_FLOORS[0]!.postId}`);
  await sites.capture(tiebaFirst);
  await expect.poll(() => sites.badgeText(tiebaFirst)).toContain('已采集');

  await sites.goto(DEMO_PATHS.weiboStatus);
  const status = page.locator('article[class*="Feed_wrap"] [class*="detail_wbtext"]');
  await sites.capture(status);
  await expect.poll(() => sites.badgeText(status)).toContain('已采集');

  await expect(panel.rows).toHaveCount(2);
  await panel.rows.first().click();
  const offer = panel.page.getByTestId('duplicate-offer');
  await expect(offer).toHaveCount(1);
  await expect(offer).toContainText('可能与案件');
  await expect(offer).toContainText('锦江华府');
  await panel.page.screenshot({ path: 'test-results/case-duplicate-offer.png' });
  await offer.getByTestId('merge-duplicate').click();

  // The later capture (Weibo) joins the earlier one (Tieba): one case, both sources, both evidence items.
  await expect(panel.page.getByTestId('case-sources').locator('li')).toHaveCount(2);
  await expect(panel.page.getByTestId('evidence-item')).toHaveCount(2);
  await expect(panel.page.getByTestId('duplicate-offer')).toHaveCount(0);
  await panel.page.getByRole('button', { name: /返回/ }).click();
  await expect(panel.rows).toHaveCount(1);

  const office = new OfficeConsole(await openExtensionPage('office.html'));
  await expect(office.bulletin).toHaveValue(/本季度共收集1件/);
});

test('a captured floor deleted on the site shows 已删除 after 立即复查, with the earlier evidence kept', async ({ page, demoUrl, openExtensionPage }) => {
  await page.request.post(demoUrl('/__demo/reset'));
  const panel = new SidePanel(await openExtensionPage('sidepanel.html'));
  await panel.signIn('李明', '澜江市网信办');
  const thread = new DiscuzThreadPage(page, demoUrl);
  await thread.goto();
  for (const n of [1, 4]) {
    await clickBadgeButton(thread.body(floorPid(n)), '采集');
    await expect.poll(() => badgeText(thread.body(floorPid(n)))).toContain('已采集');
  }

  // A moderator deletes floor 4.
  const deleted = await page.request.post(demoUrl(`/__demo/delete?path=${encodeURIComponent(DEMO_PATHS.forumThread)}&post=${floorPid(4)}`));
  expect(deleted.status()).toBe(204);

  await panel.rows.first().click();
  await panel.page.getByTestId('recheck-now').click();
  const statuses = panel.page.getByTestId('recheck-status');
  await expect(statuses).toHaveCount(2);
  await expect(statuses.filter({ hasText: '4楼' })).toContainText('已删除');
  await expect(statuses.filter({ hasText: '1楼' })).toContainText('仍在');
  await expect(panel.page.getByTestId('rechecks')).toContainText('已复查 2 条');
  // Deleted at the source, kept as evidence.
  await expect(panel.page.getByTestId('evidence-item')).toHaveCount(2);
  await expect(panel.page.getByTestId('evidence-item').nth(1)).toContainText(THREAD_1001_FLOORS[3]!.author);
  await page.request.post(demoUrl('/__demo/reset'));
});

test('replies that grew before the response and slowed after it show as the response effect, on the trend chart', async ({ page, demoUrl, openExtensionPage }) => {
  await page.request.post(demoUrl('/__demo/reset'));
  const grow = (replies: number, views: number) =>
    page.request.post(demoUrl(`/__demo/grow?path=${encodeURIComponent(DEMO_PATHS.forumThread)}&replies=${replies}&views=${views}`));
  const panel = new SidePanel(await openExtensionPage('sidepanel.html'));
  await panel.signIn('李明', '澜江市住房和城乡建设局');
  const thread = new DiscuzThreadPage(page, demoUrl);
  await thread.goto();
  await clickBadgeButton(thread.body(floorPid(1)), '采集');
  await expect.poll(() => badgeText(thread.body(floorPid(1)))).toContain('已采集');

  await panel.rows.first().click();
  await panel.act('claimed');
  // The thread grows while the office prepares its answer.
  expect((await grow(30, 900)).status()).toBe(204);
  await panel.page.getByTestId('recheck-now').click();
  await expect(panel.page.getByTestId('recheck-status')).toContainText('回复 58');
  await panel.act('responded');
  // After the answer, only a few more replies.
  expect((await grow(2, 100)).status()).toBe(204);
  await panel.page.getByTestId('recheck-now').click();
  await expect(panel.page.getByTestId('recheck-status')).toContainText('回复 60');

  const effect = panel.page.getByTestId('response-effect');
  await expect(effect).toContainText('效果评估');
  await expect(effect).toContainText('回应后增长放缓');
  const chart = panel.page.getByTestId('trend-chart');
  await expect(chart.locator('polyline')).toHaveCount(2);
  await expect(chart.locator('[data-mark="responded"]')).toHaveCount(1);
  await expect(chart.locator('[data-mark="claimed"]')).toHaveCount(1);
  await panel.page.screenshot({ path: 'test-results/case-trend-effect.png', fullPage: true });
  await page.request.post(demoUrl('/__demo/reset'));
});
