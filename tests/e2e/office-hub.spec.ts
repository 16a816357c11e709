/**
 * Two officers' extensions push to an office hub, in Chromium: the test
 * starts a hub (embedded PostgreSQL, PGlite in memory, lib/hub's server
 * factory) on a random loopback port; 李明 (市住建局) and, in a second browser
 * profile, 王芳 (滨江街道办) capture posts of the demo forum's thread and push
 * from the desk's settings (上报至办公室). The office console, opened on the
 * hub with the office's token, shows the thread as one case carrying both
 * officers' records, the ledger and the bulletin. A replayed push changes
 * nothing; a revoked token is refused and the desk says so in Chinese.
 */
import { rmSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { expect, test, EXTENSION_PATH } from './fixtures.ts';
import { SidePanel } from './pages/side-panel.ts';
import { DiscuzThreadPage } from './pages/discuz-thread-page.ts';
import { FORUM_FLAGGED_PIDS } from '../demo-site/expected.ts';
import { badgeText, clickBadgeButton } from './pages/closed-ui.ts';
import { launchWithExtension, makeUserDataDir } from '../../scripts/chromium.ts';
import { startTestHub, type TestHub } from './support/hub-client.ts';

const SHOTS = 'test-results/office-hub';

let hub: TestHub;
let hubUrl: string;

test.beforeAll(async () => {
  // Starting the hub compiles lib/hub with tsx and opens PGlite: seconds on an idle machine, but over
  // the default minute on two loaded cores while vitest runs beside Playwright (scripts/test-all.sh).
  test.setTimeout(180_000);
  hub = await startTestHub();
  hubUrl = hub.url;
});

test.afterAll(async () => {
  await hub?.close();
});

const eventCount = async () => (await hub.counts()).events;

/** Captures one flagged post of the demo thread from the page's badge. */
async function capture(page: Page, demoUrl: (path: string) => string, pid: number): Promise<void> {
  const thread = new DiscuzThreadPage(page, demoUrl);
  await thread.goto();
  await clickBadgeButton(thread.body(pid), '采集');
  await expect.poll(() => badgeText(thread.body(pid))).toContain('已采集');
}

/** Fills the desk's 上报至办公室 section and waits for the hub to name the token's holder. */
async function connectDesk(desk: Page, token: string, holder: string): Promise<void> {
  await desk.getByTestId('open-settings').click();
  const section = desk.getByTestId('office-hub');
  await section.getByTestId('hub-url').fill(hubUrl);
  await section.getByTestId('hub-token').fill(token);
  await section.getByTestId('hub-save').click();
  await expect(section.getByTestId('hub-message')).toContainText(`令牌属于 ${holder}`);
}

test('two officers push to the hub; the console on the hub shows one merged case; a replay changes nothing; a revoked token is named', async ({
  page,
  demoUrl,
  openExtensionPage,
}) => {
  test.setTimeout(180_000);
  const li = await hub.addOfficer('李明', '市住建局');
  const wang = await hub.addOfficer('王芳', '滨江街道办');
  const office = await hub.addOfficer('张主任', '市委网信办', 'office');

  // 李明, in this test's browser.
  const liPanel = new SidePanel(await openExtensionPage('sidepanel.html', { height: 1400 }));
  await liPanel.signIn('李明', '市住建局');
  await capture(page, demoUrl, FORUM_FLAGGED_PIDS[0]!);
  await connectDesk(liPanel.page, li.token, '李明（市住建局）');
  const liSection = liPanel.page.getByTestId('office-hub');
  await liSection.getByTestId('hub-push').click();
  await expect(liSection.getByTestId('hub-status')).toContainText(/^已同步 · .*（新增 1 条/);

  // 王芳, in a second browser profile of her own.
  const wangDir = makeUserDataDir('yuqing-e2e-wang-');
  const wangBrowser = await launchWithExtension({ extensionPath: EXTENSION_PATH, userDataDir: wangDir, headless: !process.env.HEADED });
  try {
    const wangDesk = await wangBrowser.context.newPage();
    await wangDesk.setViewportSize({ width: 360, height: 1400 });
    await wangDesk.goto(`chrome-extension://${wangBrowser.extensionId}/sidepanel.html`);
    const wangPanel = new SidePanel(wangDesk);
    await wangPanel.signIn('王芳', '滨江街道办');
    await capture(await wangBrowser.context.newPage(), demoUrl, FORUM_FLAGGED_PIDS[1] ?? FORUM_FLAGGED_PIDS[0]!);
    await wangDesk.bringToFront();
    await connectDesk(wangDesk, wang.token, '王芳（滨江街道办）');
    const wangSection = wangDesk.getByTestId('office-hub');
    await wangSection.getByTestId('hub-push').click();
    await expect(wangSection.getByTestId('hub-status')).toContainText(/^已同步 · /);

    // Pushing again with nothing new sends nothing and changes nothing.
    const before = await eventCount();
    await wangSection.getByTestId('hub-push').click();
    await expect(wangSection.getByTestId('hub-status')).toContainText('没有新记录');
    expect(await eventCount()).toBe(before);
    await wangSection.screenshot({ path: `${SHOTS}/desk-pushed.png` });
  } finally {
    await wangBrowser.context.close();
    rmSync(wangDir, { recursive: true, force: true });
  }

  // A replayed push of the same file (a retry after a lost answer sends it again) is refused and changes nothing.
  const last = (await hub.pushed()).at(-1)!;
  const before = await hub.counts();
  const replay = await page.request.post(`${hubUrl}/v1/sync-files`, {
    headers: { authorization: `Bearer ${last.token}`, 'content-type': 'application/json' },
    data: last.body,
  });
  expect(replay.status()).toBe(409);
  expect(await replay.json()).toMatchObject({ error: { code: 'already-imported' } });
  expect(await hub.counts()).toEqual(before);

  // The office console, opened on the hub with the office's token.
  const console = await openExtensionPage('office.html', { width: 1200, height: 2000 });
  const hubConsole = console.getByTestId('office-hub-console');
  await hubConsole.getByTestId('hub-console-url').fill(hubUrl);
  await hubConsole.getByTestId('hub-console-token').fill(office.token);
  await hubConsole.getByTestId('hub-console-connect').click();
  await expect(hubConsole.getByTestId('hub-console-who')).toContainText('张主任');
  // One thread, one case, carrying both officers' captures.
  await expect(hubConsole.getByTestId('hub-console-case-count')).toHaveText('共 1 件');
  const ledger = hubConsole.getByTestId('hub-console-ledger').locator('tbody tr');
  await expect(ledger).toHaveCount(2);
  await expect(ledger.nth(0)).toContainText('王芳');
  await expect(ledger.nth(1)).toContainText('李明');
  await expect(hubConsole.getByTestId('office-stats')).toBeVisible();
  // The office narrows the hub's cases by tier (the hub filters and counts): no 特别重大 case yet, then all again.
  // The case is not claimed yet, so the hub names no department for the department filter.
  await expect(hubConsole.getByTestId('hub-filter-department').locator('option')).toHaveText(['全部部门']);
  await hubConsole.getByTestId('hub-filter-tier').selectOption('especially-major');
  await expect(hubConsole.getByTestId('hub-console-case-count')).toHaveText('共 0 件');
  await hubConsole.getByTestId('hub-filter-tier').selectOption('');
  await expect(hubConsole.getByTestId('hub-console-case-count')).toHaveText('共 1 件');
  await console.screenshot({ path: `${SHOTS}/console-on-hub.png`, fullPage: true });

  // The office revokes 李明's token: his next push is refused, and his desk says why.
  await hub.revoke(li.id);
  await capture(page, demoUrl, FORUM_FLAGGED_PIDS[2] ?? FORUM_FLAGGED_PIDS[0]!);
  const eventsBefore = await eventCount();
  await liPanel.page.bringToFront();
  await liSection.getByTestId('hub-push').click();
  await expect(liSection.getByTestId('hub-status')).toContainText('推送被拒（401）：办公室已吊销此令牌');
  await expect(liSection.getByTestId('hub-status')).toHaveAttribute('data-result', 'refused');
  expect(await eventCount()).toBe(eventsBefore);
  await liSection.screenshot({ path: `${SHOTS}/desk-revoked.png` });
});
