/**
 * The page is hostile: a post carrying <img onerror>, <script> and
 * javascript: links, on a page whose scripts clobber window.chrome,
 * document.body and DOM prototypes and forge extension messages. Flagging
 * and capture must work without running anything from the post and without
 * breaking the page.
 */
import { DEMO_PATHS } from '../demo-site/routes.ts';
import { HOSTILE_FLAGGED_PIDS } from '../demo-site/expected.ts';
import { expect, test } from './fixtures.ts';
import { SidePanel } from './pages/side-panel.ts';
import { badgeButtons, badgeText, clickBadgeButton } from './pages/closed-ui.ts';

type Markers = Record<'pwned' | 'onerror' | 'script' | 'fakeMessages', number | undefined>;

test('a hostile post is flagged and captured without executing anything or breaking the page', async ({ page, demoUrl, openExtensionPage }) => {
  await page.goto(demoUrl(DEMO_PATHS.hostile));
  const markers = () =>
    page.evaluate((): Markers => {
      const w = window as unknown as Record<string, number | undefined>;
      return { pwned: w.__pwned, onerror: w.__pageOwnOnerror, script: w.__pageOwnScript, fakeMessages: w.__fakeMessagesSent };
    });
  for (const pid of HOSTILE_FLAGGED_PIDS) {
    await expect.poll(() => badgeButtons(page.locator(`#postmessage_${pid}`))).toContain('采集');
  }
  const before = await markers();
  expect(before).toEqual({ pwned: 0, onerror: 1, script: 1, fakeMessages: 3 });

  for (const pid of HOSTILE_FLAGGED_PIDS) {
    const body = page.locator(`#postmessage_${pid}`);
    await clickBadgeButton(body, '采集');
    await expect.poll(() => badgeText(body)).toContain('已采集');
  }
  expect(await markers()).toEqual(before);

  const panel = new SidePanel(await openExtensionPage('sidepanel.html'));
  // The three forged "capturePost" messages the page posted created nothing.
  // Every captured floor is evidence of the page's one case (one 舆情 per thread).
  await expect(panel.rows).toHaveCount(1);
  await panel.rows.first().click();
  await expect(panel.detail).toBeVisible();
  await expect(panel.page.getByTestId('evidence-item')).toHaveCount(HOSTILE_FLAGGED_PIDS.length);
  await expect(panel.detail.locator('script, img[onerror], a[href^="javascript:"]')).toHaveCount(0);
  expect(await markers()).toEqual(before);
});
