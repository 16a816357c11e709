/**
 * Deadline notifications (issue 12): the background's minute alarm shows a
 * warning at 75 % of a deadline, and again — for another case — after the
 * service worker was stopped (as Chrome stops an idle worker) and woken by
 * its alarm: the alarm and the warnings already shown live in the browser
 * (chrome.alarms, chrome.storage), not in the worker's memory.
 *
 * Stopping the worker: DevTools' `ServiceWorker.stopAllWorkers`, sent on an
 * extension page's CDP session. Playwright's Worker object is no witness —
 * while Playwright is attached, Chromium keeps the worker's DevTools target
 * across a stop and a restart, so its 'close' event never comes (waiting for
 * it hung a former version of this test). The witness is the ServiceWorker
 * domain's own report of the version's running status: `stopped`, then
 * `running` again when the alarm wakes it. Notifications are read from the
 * extension page (chrome.notifications is the browser's, not the worker's).
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
import type { CDPSession, Page } from '@playwright/test';
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

/** The extension APIs this test reads in an extension page. */
interface NotificationGlobals {
  chrome: {
    notifications: { getAll(): Promise<Record<string, boolean>>; clear(id: string): Promise<boolean> };
    alarms: {
      getAll(): Promise<{ name: string; periodInMinutes?: number }[]>;
      create(name: string, info: { when: number; periodInMinutes: number }): Promise<void>;
    };
  };
}

/**
 * Brings the background's next minute alarm forward to now + 1 s, as the
 * minute passing would (same name, same 1-minute period; an unpacked
 * extension's alarm may fire that soon). Called from an extension page, not
 * the worker: a stopped worker stays stopped until the alarm wakes it.
 * Saves a CI run up to a minute of waiting per alarm.
 */
async function bringAlarmForward(page: Page): Promise<void> {
  // The real time, read here: the page's Date is the desk's fake clock.
  const when = Date.now() + 1_000;
  await page.evaluate(
    (at) => (globalThis as unknown as NotificationGlobals).chrome.alarms.create('deadline-watch', { when: at, periodInMinutes: 1 }),
    when,
  );
}

/** The ids of the notifications the extension shows now. */
async function shownNotifications(page: Page): Promise<string[]> {
  return page.evaluate(async () => Object.keys(await (globalThis as unknown as NotificationGlobals).chrome.notifications.getAll()));
}

/** The ids of the 75 % warnings shown for a case. */
async function warningsOf(page: Page, caseId: string): Promise<string[]> {
  return (await shownNotifications(page)).filter((id) => id.startsWith(`${caseId}|`) && id.endsWith('|0.75'));
}

/** Running states (`starting`, `running`, `stopping`, `stopped`) the extension's worker went through, as DevTools reports them. */
async function watchWorkerStatus(page: Page, extensionId: string): Promise<{ cdp: CDPSession; statuses: string[] }> {
  const statuses: string[] = [];
  const cdp = await page.context().newCDPSession(page);
  cdp.on('ServiceWorker.workerVersionUpdated', ({ versions }) => {
    for (const version of versions) {
      if (version.scriptURL.startsWith(`chrome-extension://${extensionId}/`)) statuses.push(version.runningStatus);
    }
  });
  await cdp.send('ServiceWorker.enable');
  return { cdp, statuses };
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

test('a deadline warning is shown at 75 % of the 上报 deadline by the background’s minute alarm, and again after the worker was stopped', async ({
  openExtensionPage,
  extensionId,
}) => {
  // Two alarms (brought forward), plus the desk; every wait below is bounded.
  test.setTimeout(180_000);
  const now = Date.now();
  const first = { id: 't-notify-first', title: '宣城市某路段井盖缺失无人管' };
  const second = { id: 't-notify-second', title: '宣城市某小区电梯停运一周' };
  const input = {
    starts: {},
    days: [],
    sync: {
      exporter: COLLEAGUE,
      exportedAt: now - 150 * MINUTE,
      since: null,
      events: [capture(first.id, now - 180 * MINUTE, first.title), capture(second.id, now - 170 * MINUTE, second.title)],
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
  await bringAlarmForward(page);
  await expect.poll(() => warningsOf(page, first.id), { timeout: 90_000, intervals: [2_000] }).toHaveLength(1);
  // Dismissed by the officer: it must not come back from a worker that forgot it.
  const [firstWarning] = await warningsOf(page, first.id);
  await page.evaluate((id) => (globalThis as unknown as NotificationGlobals).chrome.notifications.clear(id), firstWarning!);

  // Chrome stops an idle worker; stop it now, as DevTools' Stop button does.
  const { cdp, statuses } = await watchWorkerStatus(page, extensionId);
  await cdp.send('ServiceWorker.stopAllWorkers');
  await expect.poll(() => statuses.at(-1), { timeout: 10_000 }).toBe('stopped');
  const stoppedAt = statuses.length;

  // The second case claimed 100 minutes ago too, while no worker runs: the alarm wakes a new one, which warns about it.
  await claimAt(page, second.title, Date.now() - 100 * MINUTE);
  await bringAlarmForward(page);
  await expect.poll(() => statuses.slice(stoppedAt).includes('running'), { timeout: 90_000, intervals: [1_000] }).toBe(true);
  await expect.poll(() => warningsOf(page, second.id), { timeout: 90_000, intervals: [2_000] }).toHaveLength(1);
  await cdp.detach();

  // The restarted worker remembered (in chrome.storage) that the first warning was shown, and the alarm is the same minute alarm.
  expect(await warningsOf(page, first.id)).toEqual([]);
  const alarms = await page.evaluate(() => (globalThis as unknown as NotificationGlobals).chrome.alarms.getAll());
  expect(alarms.filter((alarm) => alarm.name === 'deadline-watch')).toEqual([expect.objectContaining({ periodInMinutes: 1 })]);
});
