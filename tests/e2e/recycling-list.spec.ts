/**
 * A comment list that recycles its rows (澜江社区 `?virtual=1`: 40 posts, only
 * 12 rows in the DOM at a time, re-rendered while the officer scrolls). The
 * officer scrolls to the end and captures the page: the capture holds every
 * post that was shown, including those whose rows are gone.
 */
import { COMMUNITY_VIRTUAL_ROWS, communityVirtualPosts } from '../demo-site/pages/community.ts';
import { DEMO_PATHS } from '../demo-site/routes.ts';
import { expect, test } from './fixtures.ts';
import { FlaggedPage } from './pages/flagged-page.ts';
import { Popup } from './pages/popup.ts';
import { SidePanel } from './pages/side-panel.ts';
import { scanLog } from './pages/closed-ui.ts';

test('scrolling a recycling list, then "采集本页", captures every post that was shown', async ({ page, demoUrl, openExtensionPage }) => {
  const thread = new FlaggedPage(page, demoUrl);
  await thread.goto(DEMO_PATHS.communityVirtual);
  const posts = communityVirtualPosts();
  const scroller = page.locator('.cm-scroller');
  await expect(page.locator('.cm-posts > .cm-post')).toHaveCount(COMMUNITY_VIRTUAL_ROWS);

  // Scroll down a few rows at a time, letting the content script scan each batch of new rows.
  for (let y = 0; y <= posts.length * 132; y += 400) {
    const scansBefore = (await scanLog(page)).filter((r) => r.name === 'scan-added').length;
    await scroller.evaluate((el, top) => el.scrollTo(0, top), y);
    await expect
      .poll(async () => (await scanLog(page)).filter((r) => r.name === 'scan-added').length, { timeout: 5_000 })
      .toBeGreaterThan(scansBefore)
      .catch(() => undefined);
  }
  // The last post is on screen, the first one's row is long gone.
  await expect(page.locator('.cm-post[data-floor="40"]')).toHaveCount(1);
  await expect(page.locator('.cm-post[data-floor="1"]')).toHaveCount(0);

  const popup = await Popup.openOver(page, openExtensionPage);
  await popup.capturePageButton.click();
  await expect(popup.status).toHaveText('已采集 ✓');

  const panel = new SidePanel(await openExtensionPage('sidepanel.html'));
  await expect(panel.rows).toHaveCount(1);
  await panel.rows.first().click();
  const excerpt = panel.detail.locator('.excerpt').first();
  for (const [i, post] of posts.entries()) await expect(excerpt, `post #${i + 1}`).toContainText(post.text);
});
