/**
 * The desk and its plumbing: the extension's own pages talk to the
 * background and a web page cannot; a click really opens Chromium's side
 * panel; the settings screen refuses a broken watch list and keeps the one
 * in force; the office console reports this quarter per department.
 */
import { THREAD_1001_FLOORS } from '../demo-site/data/forum-thread-1001.ts';
import { FORUM_FLAGGED_PIDS, TIEBA_FLAGGED_POST_IDS } from '../demo-site/expected.ts';
import { TIEBA_FLOORS } from '../demo-site/pages/tieba.ts';
import { DEMO_PATHS } from '../demo-site/routes.ts';
import { expect, test } from './fixtures.ts';
import { badgeText, clickBadgeButton } from './pages/closed-ui.ts';
import { DiscuzThreadPage } from './pages/discuz-thread-page.ts';
import type { ExtensionGlobals, WireAnswer, WireMessage } from './pages/extension-api.ts';
import { FlaggedPage } from './pages/flagged-page.ts';
import { currentQuarterLabel, OfficeConsole } from './pages/office-console.ts';
import { Popup } from './pages/popup.ts';
import { SettingsScreen } from './pages/settings-screen.ts';
import { SidePanel } from './pages/side-panel.ts';

const OFFICER = { name: '李明', department: '澜江市住房和城乡建设局' } as const;

/** A message as @webext-core/messaging's `sendMessage(type, data)` puts it on the wire. */
const wire = (type: string, data: unknown): WireMessage => ({ id: 1, type, data, timestamp: Date.now() });

test('an extension page pings the background and gets an answer; payloads and senders the protocol does not allow are refused', async ({
  openExtensionPage,
}) => {
  const panel = await openExtensionPage('sidepanel.html');
  const send = (message: WireMessage) =>
    panel.evaluate(async (m): Promise<WireAnswer> => {
      const { chrome } = globalThis as unknown as ExtensionGlobals;
      return (await chrome.runtime.sendMessage(m)) as WireAnswer;
    }, message);

  const before = Date.now();
  const pong = await send(wire('ping', {}));
  expect(pong).toEqual({ res: { ok: true, data: { at: expect.any(Number) } } });
  const at = pong.res?.ok ? (pong.res.data as { at: number }).at : 0;
  expect(at).toBeGreaterThanOrEqual(before);
  expect(at).toBeLessThanOrEqual(Date.now());

  // A payload that is not the ping's schema.
  expect(await send(wire('ping', { extra: 1 }))).toMatchObject({ res: { ok: false, error: { code: 'invalid-input' } } });
  // capturePost is for the content script in a tab, never for an extension page.
  expect(await send(wire('capturePost', { postId: '1' }))).toMatchObject({ res: { ok: false, error: { code: 'no-tab' } } });
});

test('a web page cannot message the background: it has no extension runtime and forged messages capture nothing', async ({
  page,
  demoUrl,
  extensionId,
  openExtensionPage,
}) => {
  const tieba = new FlaggedPage(page, demoUrl);
  await tieba.goto(DEMO_PATHS.tiebaThread);
  const [forgedId, realId] = TIEBA_FLAGGED_POST_IDS;
  const probe = await page.evaluate(
    async ({ id, message }) => {
      const w = window as unknown as { chrome?: { runtime?: { sendMessage?: (id: string, m: unknown) => Promise<unknown> } } };
      const hasRuntime = w.chrome?.runtime !== undefined;
      let sent = false;
      try {
        await w.chrome?.runtime?.sendMessage?.(id, message);
        sent = w.chrome?.runtime?.sendMessage !== undefined;
      } catch {
        sent = false;
      }
      // The same message posted to the window, where the content script listens to nothing.
      window.postMessage(message, '*');
      return { hasRuntime, sent };
    },
    { id: extensionId, message: wire('capturePost', { postId: String(forgedId) }) },
  );
  expect(probe).toEqual({ hasRuntime: false, sent: false });

  // A real click on another post: the desk then holds that one case and only it.
  const realBody = page.locator(`#post_content_${realId}`);
  await tieba.capture(realBody);
  await expect.poll(() => tieba.badgeText(realBody)).toContain('已采集');
  const panel = new SidePanel(await openExtensionPage('sidepanel.html'));
  await expect(panel.rows).toHaveCount(1);
  await expect(panel.rows.first()).toContainText(TIEBA_FLOORS.find((f) => f.postId === realId)!.nickname);
  await expect.poll(() => tieba.buttonsIn(page.locator(`#post_content_${forgedId}`))).toContain('采集');
});

test('"打开工作台" in the popup opens the real side panel', async ({ context, page, demoUrl, extensionId, openExtensionPage }) => {
  const tieba = new FlaggedPage(page, demoUrl);
  await tieba.goto(DEMO_PATHS.tiebaThread);
  // The real panel is no Playwright page: only a CDP target.
  const cdp = await context.newCDPSession(page);
  const panelTargets = async () =>
    (await cdp.send('Target.getTargets')).targetInfos.filter((t) => t.url === `chrome-extension://${extensionId}/sidepanel.html`);
  expect(await panelTargets()).toHaveLength(0);

  const popup = await Popup.openOver(page, openExtensionPage);
  await popup.openDeskButton.click();
  await expect.poll(async () => (await panelTargets()).length).toBe(1);
  expect(context.pages().map((p) => p.url())).not.toContain(`chrome-extension://${extensionId}/sidepanel.html`);
});

test('settings refuse a broken watch list, saying which line or field is wrong, and keep the list in force', async ({
  page,
  demoUrl,
  openExtensionPage,
}) => {
  const settings = new SettingsScreen(await openExtensionPage('sidepanel.html#settings'));
  await settings.ready();
  const original = await settings.watchlist.inputValue();
  expect(original).toContain('澜江市');
  await settings.officerName.fill(OFFICER.name);
  await settings.department.fill(OFFICER.department);

  // JSON whose second entry has a kind the watch list does not know.
  await settings.saveWatchlist(
    JSON.stringify({
      format: 'yq-watchlist',
      version: 1,
      entries: [
        { term: '澜江市', kind: 'region' },
        { term: '江北区', kind: 'district', parent: '澜江市' },
      ],
    }),
  );
  await expect(settings.alert).toContainText('entries.1.kind');
  // JSON that does not parse: the browser's parser names the line.
  await settings.saveWatchlist('{\n  "format": "yq-watchlist",\n  "entries": [\n    { "term": "澜江市" "kind": "region" }\n  ]\n}');
  await expect(settings.alert).toContainText('line 4');
  // The text form: an unknown section on line 3.
  await settings.saveWatchlist('[region]\n澜江市 | 澜江\n[county]\n云溪县');
  await expect(settings.alert).toContainText('第3行');

  // Nothing of it was stored, not even the name typed with it: the desk still shows
  // the list in force, and pages are still flagged by it.
  await settings.page.reload();
  await settings.ready();
  await expect(settings.watchlist).toHaveValue(original);
  await expect(settings.officerName).toHaveValue('');
  const tieba = new FlaggedPage(page, demoUrl);
  await tieba.goto(DEMO_PATHS.tiebaThread);
  await expect.poll(() => tieba.badgeCount()).toBe(TIEBA_FLAGGED_POST_IDS.length);

  // The same form does store a valid list (with the officer's name, which the form requires).
  await settings.officerName.fill(OFFICER.name);
  await settings.department.fill(OFFICER.department);
  await settings.saveWatchlist(`${original}\n[region]\n新港镇 < 澜江市\n`);
  await expect(settings.status).toHaveText('已保存');
  await settings.page.reload();
  await settings.ready();
  await expect(settings.watchlist).toHaveValue(/新港镇 < 澜江市/);
});

test("the office console shows this quarter's table per department and the bulletin after a capture and a claim", async ({
  page,
  demoUrl,
  openExtensionPage,
}) => {
  const panel = new SidePanel(await openExtensionPage('sidepanel.html'));
  await panel.signIn(OFFICER.name, OFFICER.department);

  const thread = new DiscuzThreadPage(page, demoUrl);
  await thread.goto();
  const pid = FORUM_FLAGGED_PIDS[0]!;
  await clickBadgeButton(thread.body(pid), '采集');
  await expect.poll(() => badgeText(thread.body(pid))).toContain('已采集');
  await panel.row(THREAD_1001_FLOORS.find((f) => f.pid === pid)!.author).click();
  await panel.act('claimed');
  await expect(panel.detail.locator('.badge').first()).toHaveText('已认领');

  const office = new OfficeConsole(await openExtensionPage('office.html'));
  const quarter = currentQuarterLabel();
  await expect(office.quarter.locator('option:checked')).toHaveText(quarter);
  // 单位 · 案件数 · 自主认领 · 指定认领 · 回应 · 按时回应率 · 逾期环节
  await expect(office.cells(OFFICER.department)).toHaveText([OFFICER.department, '1', '1', '0', '0', '—', '0']);
  await expect(office.bulletin).toHaveValue(new RegExp(`^${quarter}网络舆情认领处置回应情况通报`));
  await expect(office.bulletin).toHaveValue(new RegExp(`1\\. ${OFFICER.department}:收集1件,自主认领1件,指定认领0件,未认领0件`));
});

test('the officer records a patrol from the desk, and the desk says when the last one was', async ({ openExtensionPage }) => {
  const panel = await openExtensionPage('sidepanel.html');
  const button = panel.getByTestId('record-patrol');
  await expect(button).toHaveText('记录巡查');
  await expect(button).not.toHaveAttribute('title');
  await button.click();
  await expect(button).toHaveAttribute('title', /^上次巡查 \d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
  // Kept in extension storage, where the background's patrol reminders read it.
  await panel.reload();
  await expect(panel.getByTestId('record-patrol')).toHaveAttribute('title', /^上次巡查 /);
});
