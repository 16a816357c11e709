/**
 * Pages keep their flags at scale (issue 11): a thread of 2,100 posts that
 * all name the city — more than one badge-state request carries — with two
 * posts whose page ids are 10,000 characters long. Every post is flagged, the
 * long-id posts can be captured, and after a reload every badge shows the
 * captured thread again (本帖已立案 on the others, 已采集 on the captured).
 */
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import { badgeText, clickBadgeButton, scanLog, waitForFirstScan } from './pages/closed-ui.ts';

const POSTS = 2_100;
/** Floors (1-based) whose page id is 10,000 characters long. */
const LONG_ID_FLOORS = [5, 2_050];
const URL_OF_THREAD = 'http://forum.scale.test/t/88.html';

function pidOf(floor: number): string {
  return LONG_ID_FLOORS.includes(floor) ? `${floor}-${'7'.repeat(10_000)}` : String(900_000 + floor);
}

/** A forum thread of an engine no adapter knows, in the shape of the demo's 澜江社区 (author, time, IP label, body, footer). */
function threadHtml(): string {
  const posts: string[] = [];
  for (let floor = 1; floor <= POSTS; floor++) {
    posts.push(`<div class="cm-post" data-pid="${pidOf(floor)}" data-floor="${floor}">
<div class="cm-post-head"><a class="cm-user" href="/u/${floor}">居民${floor}</a><span class="cm-time">2026-11-2${floor % 9} 10:${String(floor % 60).padStart(2, '0')}</span><span class="cm-floor">#${floor}</span></div>
<div class="cm-post-text"><p>第${floor}楼：澜江市白沙镇停水第三天了，自来水公司一直没有通知，什么时候恢复？</p></div>
<div class="cm-post-foot"><span class="cm-like">赞 ${floor % 7}</span><a href="#" class="cm-reply">回复</a></div>
</div>`);
  }
  return `<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>白沙镇停水第三天 - 澜江社区</title></head>
<body><h1 class="cm-title">白沙镇停水第三天，有没有人知道原因？</h1><div class="cm-posts">${posts.join('\n')}</div></body></html>`;
}

async function serveThread(page: Page): Promise<void> {
  const body = threadHtml();
  await page.context().route(/^http:\/\/forum\.scale\.test\//, (route) => route.fulfill({ contentType: 'text/html; charset=utf-8', body }));
}

const post = (page: Page, floor: number) => page.locator(`.cm-post[data-floor="${floor}"]`);

test('a 2,100-post thread with 10,000-character post ids keeps every flag and the captured state after a reload', async ({ page }) => {
  test.setTimeout(240_000);
  await serveThread(page);
  await page.goto(URL_OF_THREAD);
  await waitForFirstScan(page, 60_000);
  const firstScan = (await scanLog(page)).find((r) => r.name === 'scan-page');
  expect(firstScan?.flagged).toBe(POSTS);

  // Capture a post with a long id deep in the thread, and an ordinary one.
  for (const floor of [2_050, 2_080]) {
    await post(page, floor).scrollIntoViewIfNeeded();
    await clickBadgeButton(post(page, floor), '采集', 30_000);
    await expect.poll(() => badgeText(post(page, floor)), { timeout: 30_000 }).toContain('已采集');
  }

  await page.reload();
  await waitForFirstScan(page, 60_000);
  // Captured posts show their state; the other posts (the first one has a long id too) show the thread is a case.
  await expect.poll(() => badgeText(post(page, 2_050)), { timeout: 30_000 }).toContain('已采集');
  await expect.poll(() => badgeText(post(page, 2_080)), { timeout: 30_000 }).toContain('已采集');
  for (const floor of [1, LONG_ID_FLOORS[0]!, 2_099]) {
    await expect.poll(() => badgeText(post(page, floor)), { timeout: 30_000 }).toContain('本帖已立案');
  }
});
