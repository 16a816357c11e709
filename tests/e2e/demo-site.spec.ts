/**
 * Smoke tests of the e2e harness: the extension loads (its service worker
 * runs), the demo pages render, and the hostile page's markers start as
 * documented in tests/demo-site/README.md.
 */
import { THREAD_1001_FLOORS, THREAD_1001_MORE_FLOORS } from '../demo-site/data/forum-thread-1001.ts';
import { DEMO_PATHS } from '../demo-site/routes.ts';
import { expect, test } from './fixtures.ts';
import { DiscuzThreadPage } from './pages/discuz-thread-page.ts';

test('the extension starts its service worker', async ({ serviceWorker, extensionId }) => {
  const worker = await serviceWorker();
  expect(extensionId).toMatch(/^[a-p]{32}$/);
  expect(worker.url()).toContain(`chrome-extension://${extensionId}/`);
});

test('the demo forum thread renders its floors and loads more on demand', async ({ page, demoUrl }) => {
  const thread = new DiscuzThreadPage(page, demoUrl);
  await thread.goto();
  await expect(thread.subject).toContainText('锦江华府');
  await expect(page.locator('meta[name="generator"]')).toHaveAttribute('content', 'Discuz! X3.4');
  await expect(thread.posts).toHaveCount(THREAD_1001_FLOORS.length);
  await thread.loadMore(THREAD_1001_FLOORS.length + THREAD_1001_MORE_FLOORS.length);
  await expect(thread.posts).toHaveCount(THREAD_1001_FLOORS.length + THREAD_1001_MORE_FLOORS.length);
});

test('every demo page answers 200 and unknown paths 404', async ({ page, demoUrl }) => {
  for (const path of Object.values(DEMO_PATHS)) {
    const response = await page.goto(demoUrl(path === DEMO_PATHS.benchThread ? `${path}?n=20` : path));
    expect(response?.status(), path).toBe(200);
  }
  const missing = await page.goto(demoUrl('/no-such-page'));
  expect(missing?.status()).toBe(404);
  await expect(page.locator('h1')).toHaveText('404');
});

test('the hostile page runs only its own markup once', async ({ page, demoUrl }) => {
  await page.goto(demoUrl(DEMO_PATHS.hostile));
  await expect.poll(() => page.evaluate(() => (window as unknown as Record<string, number>).__pageOwnOnerror)).toBe(1);
  const markers = await page.evaluate(() => {
    const w = window as unknown as Record<string, number>;
    return { pwned: w.__pwned, script: w.__pageOwnScript, fakeMessages: w.__fakeMessagesSent };
  });
  expect(markers).toEqual({ pwned: 0, script: 1, fakeMessages: 3 });
});

test('relaunch() restarts the browser on the same profile', async ({ page, demoUrl, relaunch, extensionId, serviceWorker }) => {
  await page.goto(demoUrl('/'));
  await page.evaluate(() => localStorage.setItem('relaunch-probe', 'kept'));
  const relaunched = await relaunch();
  expect(relaunched.extensionId).toBe(extensionId);
  const again = await relaunched.context.newPage();
  await again.goto(demoUrl('/'));
  expect(await again.evaluate(() => localStorage.getItem('relaunch-probe'))).toBe('kept');
  expect((await serviceWorker()).url()).toContain(extensionId);
});
