/**
 * Officers' deadlines are China working days whatever the machine's clock
 * says: the same capture and claim give the same limits in a browser running
 * in Los Angeles time (west of UTC, where the holiday package's own parsing
 * shifts answers by a day) as the calendar computes in China.
 */
import { rmSync } from 'node:fs';
import { badgeButtons, badgeText, clickBadgeButton } from './pages/closed-ui.ts';
import { expect, test } from '@playwright/test';
import { launchWithExtension } from '../../scripts/chromium.ts';
import { execFileSync } from 'node:child_process';
import { startDemoServer, type DemoServer } from '../demo-site/server.ts';
import { FORUM_FLAGGED_PIDS } from '../demo-site/expected.ts';
import { DEMO_PATHS } from '../demo-site/routes.ts';
import { SidePanel } from './pages/side-panel.ts';

/**
 * The limit as lib/calendar computes it in a separate Node process in UTC
 * (the calendar's JSON data is loaded the way vitest and tsx load it).
 */
function chinaLimitAfterWorkingDays(startMs: number, n: number): string {
  const script = `import { addWorkingDays } from './lib/calendar/index.ts';
import { formatChinaTime } from './lib/format/china-time.ts';
console.log(formatChinaTime(addWorkingDays(new Date(${startMs}), ${n}).getTime()));`;
  const output = execFileSync('node_modules/.bin/tsx', ['-e', script], {
    env: { ...process.env, TZ: 'UTC' },
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return output.trim().split('\n').at(-1) ?? '';
}

let server: DemoServer;
test.beforeAll(async () => {
  server = await startDemoServer();
});
test.afterAll(async () => {
  await server.close();
});

test('a browser in Los Angeles time shows the China working-day limit of the investigation report', async () => {
  const { context, extensionId, userDataDir } = await launchWithExtension({ headless: true, timezone: 'America/Los_Angeles' });
  try {
    const page = await context.newPage();
    expect(await page.evaluate(() => new Date().getTimezoneOffset())).toBeGreaterThan(0);
    const panelPage = await context.newPage();
    await panelPage.setViewportSize({ width: 360, height: 900 });
    await panelPage.goto(`chrome-extension://${extensionId}/sidepanel.html`);
    const panel = new SidePanel(panelPage);
    await panel.signIn('李明', '澜江市住房和城乡建设局');

    await page.goto(`${server.url}${DEMO_PATHS.forumThread}`);
    const pid = FORUM_FLAGGED_PIDS[0]!;
    const body = page.locator(`#postmessage_${pid}`);
    await expect.poll(() => badgeButtons(body)).toContain('采集');
    await clickBadgeButton(body, '采集');
    await expect.poll(() => badgeText(body)).toContain('已采集');

    await panelPage.bringToFront();
    await panel.rows.first().click();
    const claimedAt = Date.now();
    await panel.act('claimed');
    // 宣政办秘〔2015〕1号: the investigation report is due 5 working days after the claim, at the end of that China day.
    const expected = chinaLimitAfterWorkingDays(claimedAt, 5);
    await expect(panelPage.getByTestId('deadline').filter({ hasText: '核实调查报告' })).toContainText(`时限 ${expected}`);
    expect(expected.endsWith('23:59')).toBe(true);
  } finally {
    await context.close();
    rmSync(userDataDir, { recursive: true, force: true });
  }
});
