/**
 * The toolbar popup, over the news article the officer is reading: how many
 * posts of this page are flagged, how many cases are open and overdue at the
 * desk, and capturing without leaving the page — the officer's selection, or
 * the whole article.
 */
import { NEWS_FLAGGED_COMMENT_IDS } from '../demo-site/expected.ts';
import { NEWS_COMMENTS } from '../demo-site/pages/news.ts';
import { DEMO_PATHS } from '../demo-site/routes.ts';
import { expect, test } from './fixtures.ts';
import { FlaggedPage, toolbarBadgeText } from './pages/flagged-page.ts';
import { Popup } from './pages/popup.ts';
import { SidePanel } from './pages/side-panel.ts';

const DAY_MS = 24 * 60 * 60 * 1000;

test("the popup shows the page's flagged posts and the desk's open and overdue cases", async ({
  page,
  demoUrl,
  openExtensionPage,
  serviceWorker,
}) => {
  const panel = new SidePanel(await openExtensionPage('sidepanel.html'));
  await panel.signIn('李明', '澜江市住房和城乡建设局');

  const news = new FlaggedPage(page, demoUrl);
  await news.goto(DEMO_PATHS.newsArticle);
  const [first, second] = NEWS_COMMENTS.filter((c) => NEWS_FLAGGED_COMMENT_IDS.includes(c.cid));
  for (const comment of [first!, second!]) {
    const body = page.locator(`#comments .comment-item[data-cid="${comment.cid}"] .comment-content`);
    await news.capture(body);
    await expect.poll(() => news.badgeText(body)).toContain('已采集');
  }
  // Two comments on one article are evidence of one case (one 舆情).
  // Claiming starts the procedure's clocks (an unclaimed case has no deadline under 宣政办秘〔2015〕1号).
  await expect(panel.rows).toHaveCount(1);
  await panel.row(first!.author).click();
  await panel.act('claimed');
  await expect(panel.detail.locator('.badge').first()).toHaveText('已认领');

  // The article and every comment naming the city: the toolbar button shows the number too.
  const flaggedCount = 1 + NEWS_FLAGGED_COMMENT_IDS.length;
  await expect.poll(async () => toolbarBadgeText(await serviceWorker(), page.url())).toBe(String(flaggedCount));

  const popup = await Popup.openOver(page, openExtensionPage);
  await expect(popup.flagged).toHaveText(`本页命中 ${flaggedCount} 条帖子`);
  await expect(popup.cases).toHaveText('办理中 1 件，超期 0 件');

  // A month later the claimed case's investigation report (5 working days) is overdue.
  await popup.page.clock.setFixedTime(Date.now() + 30 * DAY_MS);
  await popup.reopen();
  await expect(popup.cases).toHaveText('办理中 1 件，超期 1 件');
});

test('"采集选中内容" captures exactly the text the officer selected on the page', async ({ page, demoUrl, openExtensionPage }) => {
  const news = new FlaggedPage(page, demoUrl);
  await news.goto(DEMO_PATHS.newsArticle);
  const popup = await Popup.openOver(page, openExtensionPage);

  // Nothing selected yet: the popup says so and records nothing.
  await popup.captureSelectionButton.click();
  await expect(popup.alert).toContainText('没有选中的内容');

  const paragraph = page.locator('.post_body > p').nth(2);
  await paragraph.selectText();
  const selected = (await page.evaluate(() => getSelection()?.toString() ?? '')).replace(/\s+/g, ' ').trim();
  expect(selected).toContain('澜江市信访局');
  await popup.captureSelectionButton.click();
  await expect(popup.status).toHaveText('已采集 ✓');

  const panel = new SidePanel(await openExtensionPage('sidepanel.html'));
  await expect(panel.rows).toHaveCount(1);
  await panel.rows.first().click();
  await expect(panel.detail.locator('.excerpt').first()).toHaveText(selected);
  await expect(panel.detail.locator('.terms')).toContainText('澜江市信访局');
});

test('"采集本页" captures the news article as a case titled with the article title', async ({ page, demoUrl, openExtensionPage }) => {
  const news = new FlaggedPage(page, demoUrl);
  await news.goto(DEMO_PATHS.newsArticle);
  const title = (await page.locator('h1.post_title').textContent())!.trim();
  const firstParagraph = (await page.locator('.post_body > p').nth(1).textContent())!.trim();

  const popup = await Popup.openOver(page, openExtensionPage);
  await popup.capturePageButton.click();
  await expect(popup.status).toHaveText('已采集 ✓');

  const panel = new SidePanel(await openExtensionPage('sidepanel.html'));
  await expect(panel.rows).toHaveCount(1);
  await expect(panel.rows.first().locator('.row-title')).toHaveText(title);
  await panel.rows.first().click();
  await expect(panel.detail.locator('h1')).toHaveText(title);
  await expect(panel.detail.locator('.excerpt').first()).toContainText(firstParagraph.slice(0, 40));
});
