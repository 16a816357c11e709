/**
 * The first scan of a long thread no adapter knows (the demo's 1,000-post
 * 澜江社区 thread, every floor printing "IP属地：澜江市" outside its body)
 * locates only the floors that may be flagged, in Chromium's own selector
 * engine: it flags the 50 floors that name a watched place, and the full
 * scan in idle time flags nothing more and remembers every floor.
 */
import { expect, test } from './fixtures.ts';
import { badgeText, evaluateInContentScript, scanLog, waitForFirstScan } from './pages/closed-ui.ts';

test('a 1,000-floor thread no adapter knows: the first scan flags the 50 floors naming a place, idle time registers all 1,000', async ({ page, demoUrl }) => {
  test.setTimeout(120_000);
  await page.goto(demoUrl('/community/t/1000-posts?n=1000'));
  await waitForFirstScan(page, 60_000);
  await expect.poll(async () => (await scanLog(page)).some((r) => r.name === 'register'), { timeout: 30_000 }).toBe(true);
  const log = await scanLog(page);
  // Every 20th floor from the 7th names the city in its body (tests/demo-site/pages/bench-thread.ts).
  expect(log.find((r) => r.name === 'scan-page')?.flagged).toBe(50);
  expect(log.find((r) => r.name === 'register')?.flagged).toBe(0);
  expect(await evaluateInContentScript<number>(page, 'globalThis.__yuqingSeenPosts?.size ?? 0')).toBe(1000);
  for (const floor of [7, 987]) {
    const post = page.locator(`.cm-post[data-floor="${floor}"]`);
    await post.scrollIntoViewIfNeeded();
    await expect.poll(() => badgeText(post), { timeout: 30_000 }).toContain('采集');
  }
  // A floor whose only mention of the city is its IP-location label carries no badge.
  const unflagged = page.locator('.cm-post[data-floor="8"]');
  await unflagged.scrollIntoViewIfNeeded();
  await page.waitForTimeout(300);
  expect(await badgeText(unflagged)).toBe('');
});
