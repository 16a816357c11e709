/**
 * One case per 舆情: the floors of one thread are evidence of one case,
 * with one claim clock, and every floor of the thread shows that case on revisit.
 */
import { THREAD_1001_FLOORS } from '../demo-site/data/forum-thread-1001.ts';
import { expect, test } from './fixtures.ts';
import { DiscuzThreadPage } from './pages/discuz-thread-page.ts';
import { SidePanel } from './pages/side-panel.ts';

const badgeIn = (thread: DiscuzThreadPage, pid: number) => thread.body(pid).locator('[data-yq-ui="badge"]');
const floorPid = (n: number) => THREAD_1001_FLOORS[n - 1]!.pid;

test('capturing floors 1 and 4 of one thread gives one case with two evidence items', async ({ page, demoUrl, openExtensionPage }) => {
  const panel = new SidePanel(await openExtensionPage('sidepanel.html'));
  await panel.signIn('李明', '澜江市网信办');
  const thread = new DiscuzThreadPage(page, demoUrl);
  await thread.goto();

  await badgeIn(thread, floorPid(1)).getByRole('button', { name: '采集' }).click();
  await expect(badgeIn(thread, floorPid(1))).toContainText('已采集');
  // Every other flagged floor of the thread now shows the case, and can still be captured.
  await expect(badgeIn(thread, floorPid(4))).toContainText('本帖已立案');
  await expect(badgeIn(thread, floorPid(6))).toContainText('本帖已立案');

  await badgeIn(thread, floorPid(4)).getByRole('button', { name: '采集' }).click();
  await expect(badgeIn(thread, floorPid(4))).toContainText('已加入案件');
  await expect(badgeIn(thread, floorPid(4))).toContainText('已采集');

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
  await expect(badgeIn(thread, floorPid(6))).toContainText('本帖已立案 · 已认领');
  await expect(badgeIn(thread, floorPid(1))).toContainText('已采集 · 已认领');
});
