/**
 * The officer's minute-to-minute flow in a real Chromium with the built
 * extension: flagged posts on the forum, one-click capture, the case live in
 * the side panel, claim, and the "already captured" state on revisit.
 */
import { FORUM_FLAGGED_PIDS, FORUM_MORE_FLAGGED_PIDS, FORUM_UNFLAGGED_PIDS } from '../demo-site/expected.ts';
import { THREAD_1001_FLOORS, THREAD_1001_MORE_FLOORS } from '../demo-site/data/forum-thread-1001.ts';
import { expect, test } from './fixtures.ts';
import { DiscuzThreadPage } from './pages/discuz-thread-page.ts';
import { SidePanel } from './pages/side-panel.ts';
import { badgeButtons, badgeIn, badgesIn, badgeText, clickBadgeButton } from './pages/closed-ui.ts';


test('posts naming the city or its agencies are flagged and highlighted; the others are left untouched', async ({ page, demoUrl }) => {
  const thread = new DiscuzThreadPage(page, demoUrl);
  await thread.goto();
  for (const pid of FORUM_FLAGGED_PIDS) {
    await expect.poll(() => badgeButtons(thread.body(pid)), { message: `floor ${pid}` }).toContain('采集');
    await expect.poll(async () => (await badgeIn(thread.body(pid)))?.highlightBoxes ?? 0, { message: `floor ${pid}` }).toBeGreaterThan(0);
  }
  for (const pid of FORUM_UNFLAGGED_PIDS.filter((p) => THREAD_1001_FLOORS.some((f) => f.pid === p))) {
    expect(await badgesIn(thread.post(pid), { withoutButtons: true }), `floor ${pid}`).toEqual([]);
  }
});

test('replies loaded later ("加载更多回复") are flagged without reloading', async ({ page, demoUrl }) => {
  const thread = new DiscuzThreadPage(page, demoUrl);
  await thread.goto();
  await thread.loadMore(THREAD_1001_FLOORS.length + THREAD_1001_MORE_FLOORS.length);
  for (const pid of FORUM_MORE_FLAGGED_PIDS) {
    await expect.poll(() => badgeButtons(thread.body(pid)), { message: `floor ${pid}` }).toContain('采集');
  }
});

test('a capture in the page appears live in the open side panel, is claimed there, and shows on revisit', async ({
  context,
  page,
  demoUrl,
  openExtensionPage,
}) => {
  const panel = new SidePanel(await openExtensionPage('sidepanel.html'));
  await panel.signIn('李明', '澜江市住房和城乡建设局');

  const thread = new DiscuzThreadPage(page, demoUrl);
  await thread.goto();
  // The officer clicks 采集 in the tab they are looking at: the screenshot is only taken of the shown tab.
  await page.bringToFront();
  const pid = FORUM_FLAGGED_PIDS[0]!;
  const floor = THREAD_1001_FLOORS.find((f) => f.pid === pid)!;
  await clickBadgeButton(thread.body(pid), '采集');
  await expect.poll(() => badgeText(thread.body(pid))).toContain('已采集');

  // Content script → background → side panel, with no reload of the panel.
  await expect(panel.rows).toHaveCount(1);
  await expect(panel.rows.first()).toContainText('待认领');
  await panel.rows.first().click();
  await expect(panel.detail).toContainText(floor.author);
  // The evidence screenshot of the visible tab, cropped to the post, is kept with the case.
  const shot = panel.page.getByTestId('evidence-screenshot');
  await expect(shot).toBeVisible();
  expect(await shot.evaluate((img: HTMLImageElement) => img.naturalWidth > 50 && img.naturalHeight > 20)).toBe(true);
  await expect(panel.page.getByTestId('next-step')).toContainText('认领');
  await panel.act('claimed');
  await expect(panel.detail.locator('.badge').first()).toHaveText('已认领');
  // 宣政办秘〔2015〕1号: the investigation report is due 5 working days after the claim.
  await expect(panel.page.getByTestId('deadlines')).toContainText('核实调查报告');
  await expect(panel.page.getByTestId('next-step')).toContainText('研判');
  await panel.act('assessed');
  // A general case must be reported within 2 hours of the claim.
  await expect(panel.page.getByTestId('deadlines')).toContainText('上报');
  await expect(panel.page.getByTestId('timeline').locator('li')).toHaveCount(3);

  await page.reload();
  await expect.poll(() => badgeText(thread.body(pid))).toContain('已认领 · 澜江市住房和城乡建设局');
  await expect.poll(() => badgeText(thread.body(pid))).toContain('剩余');
  expect(context.pages().length).toBeGreaterThan(1);
});

test('the claim log survives closing and restarting the browser', async ({ page, demoUrl, relaunch }) => {
  const thread = new DiscuzThreadPage(page, demoUrl);
  await thread.goto();
  const pids = FORUM_FLAGGED_PIDS.slice(0, 3);
  for (const pid of pids) {
    await clickBadgeButton(thread.body(pid), '采集');
    await expect.poll(() => badgeText(thread.body(pid))).toContain('已采集');
  }
  const relaunched = await relaunch();
  const panelPage = await relaunched.context.newPage();
  await panelPage.goto(`chrome-extension://${relaunched.extensionId}/sidepanel.html`);
  // Three floors of one thread are one case (one 舆情) with three evidence items.
  const restarted = new SidePanel(panelPage);
  await expect(restarted.rows).toHaveCount(1);
  await restarted.rows.first().click();
  await expect(panelPage.getByTestId('evidence-item')).toHaveCount(pids.length);
});

test('clicking a captured post’s state opens the desk in the browser’s real side panel', async ({ context, page, demoUrl }) => {
  const thread = new DiscuzThreadPage(page, demoUrl);
  await thread.goto();
  const pid = FORUM_FLAGGED_PIDS[1]!;
  await clickBadgeButton(thread.body(pid), '采集');
  await expect.poll(async () => (await badgeButtons(thread.body(pid))).some((b) => b.includes('已采集'))).toBe(true);
  await clickBadgeButton(thread.body(pid), /已采集/);
  // The real panel is not a Playwright page, only a CDP target.
  const cdp = await context.newCDPSession(page);
  await expect
    .poll(async () => {
      const { targetInfos } = (await cdp.send('Target.getTargets')) as { targetInfos: { url: string }[] };
      return targetInfos.some((target) => target.url.endsWith('/sidepanel.html'));
    })
    .toBe(true);
});
