/**
 * Deadline notifications (issue 12): the background's minute alarm shows a
 * warning at 75 % of a deadline. (The second half of the test —
 * again after the service worker was stopped — is not written yet.)
 *
 * Clocks: the service worker checks deadlines on the real clock, which
 * Playwright cannot move; so the deadline is placed in real time instead.
 * The desk stamps 认领 and 研判 with the panel's clock (`page.clock`), set
 * 100 minutes back: the Xuancheng 2-hour 上报 deadline that 认领 starts
 * (its rule chosen by the tier 研判 gives) is then 83 % gone. The captures arrive, earlier still, in a colleague's sync file
 * imported in the office console (same browser, same database), built by
 * lib/sync through tests/e2e/oracles/xuancheng-clock.ts.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import type { Page, Worker } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import { SidePanel } from './pages/side-panel.ts';

const OFFICER = { name: '李明', department: '宣城市住房和城乡建设局' } as const;
const COLLEAGUE = { officer: '王芳', department: '宣城市信息办' } as const;
const MINUTE = 60_000;

function capture(caseId: string, at: number, title: string) {
  return {
    id: `${caseId}-captured`,
    caseId,
    at,
    actor: COLLEAGUE,
    type: 'captured',
    payload: {
      url: `https://bbs.example.cn/${caseId}.html`,
      canonicalUrl: `https://bbs.example.cn/${caseId}.html`,
      site: 'discuz',
      postId: `pid-${caseId}`,
      title,
      author: '网友',
      excerpt: `${title}，请有关部门尽快处理。`,
      matchedTerms: ['宣城市'],
      digest: caseId.length % 2 === 0 ? 'b'.repeat(64) : 'c'.repeat(64),
    },
  };
}

/** The ids of the notifications the extension shows now, read in its service worker. */
async function shownNotifications(worker: Worker): Promise<string[]> {
  return worker.evaluate(async () => {
    const api = (globalThis as unknown as { chrome: { notifications: { getAll(): Promise<Record<string, boolean>> } } }).chrome;
    return Object.keys(await api.notifications.getAll());
  });
}

/** 认领并研判 (claim and accept the suggested tier, which picks the 上报 rule) with the panel's clock at `at` (epoch ms). */
async function claimAt(page: Page, title: string, at: number): Promise<void> {
  await page.clock.setFixedTime(at);
  await page.goto(page.url().replace(/#.*$/, '#inbox'));
  const panel = new SidePanel(page);
  await panel.row(title).click();
  await page.getByTestId('quick-claim').click();
  await page.getByTestId('form-reported').waitFor();
}

test('a deadline warning is shown at 75 % of the 上报 deadline by the background’s minute alarm', async ({
  openExtensionPage,
  serviceWorker,
}) => {
  test.setTimeout(300_000);
  const now = Date.now();
  const first = { id: 't-notify-first', title: '宣城市某路段井盖缺失无人管' };
  const input = {
    starts: {},
    days: [],
    sync: {
      exporter: COLLEAGUE,
      exportedAt: now - 150 * MINUTE,
      since: null,
      events: [capture(first.id, now - 180 * MINUTE, first.title)],
      evidence: [],
    },
  };
  const { sync } = JSON.parse(execFileSync('npx', ['tsx', 'tests/e2e/oracles/xuancheng-clock.ts', JSON.stringify(input)], { encoding: 'utf8' })) as {
    sync: unknown;
  };
  const dir = test.info().outputPath('sync');
  mkdirSync(dir, { recursive: true });
  writeFileSync(`${dir}/colleague.json`, JSON.stringify(sync));
  const office = await openExtensionPage('office.html', { width: 1200, height: 900 });
  await office.getByTestId('import-files').setInputFiles(`${dir}/colleague.json`);
  await expect(office.getByTestId('import-row')).toContainText('已导入');
  await office.close();

  const page = await openExtensionPage('sidepanel.html');
  await new SidePanel(page).signIn(OFFICER.name, OFFICER.department);

  // 认领 100 minutes ago: the 2-hour 上报 deadline is 83 % gone; the next minute alarm warns.
  await claimAt(page, first.title, Date.now() - 100 * MINUTE);
  const worker = await serviceWorker();
  await expect
    .poll(async () => (await shownNotifications(worker)).filter((id) => id.startsWith(`${first.id}|`) && id.endsWith('|0.75')), { timeout: 150_000, intervals: [2_000] })
    .not.toHaveLength(0);
});
