/**
 * Sync to the office, in Chromium: the office console imports the two
 * officers' exports (tests/fixtures/sync, made by the extension's own
 * export) at once, sees their shared post as one case in conflict (both
 * departments claimed it) at the top, the bulletin figures per department,
 * and refuses a tampered file without changing anything. The desk exports
 * an encrypted file the office reads with the passphrase. Across three
 * browser profiles: two officers export encrypted, the office imports both,
 * assigns their competing claims (指定认领) and sends back a signed package
 * that an officer's browser takes (new watch list, the assignment).
 */
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { EXTENSION_PATH, expect, test } from './fixtures.ts';
import { launchWithExtension, makeUserDataDir, type LaunchedExtension } from '../../scripts/chromium.ts';
import { SidePanel } from './pages/side-panel.ts';
import { DiscuzThreadPage } from './pages/discuz-thread-page.ts';
import { THREAD_1001_FLOORS } from '../demo-site/data/forum-thread-1001.ts';
import { FORUM_FLAGGED_PIDS } from '../demo-site/expected.ts';
import { generateOfficeKeys, signOfficePackage } from '../../lib/sync/office-package.ts';
import { getBuiltInProfile } from '../../lib/policy/index.ts';
import { badgeText, clickBadgeButton } from './pages/closed-ui.ts';

const FIXTURES = ['officer-li-ming-zhujian', 'officer-wang-fang-binjiang'].map((n) => `tests/fixtures/sync/${n}.json`);
/** 2024-08-06 09:00 +08:00: the fixtures' quarter is the current one. */
const AUGUST_2024 = Date.parse('2024-08-06T09:00:00+08:00');
const SHOTS = 'test-results/office-sync';

test('the office imports two officers’ files: one shared case in conflict first, and the bulletin per department', async ({
  openExtensionPage,
}) => {
  const office = await openExtensionPage('office.html', { width: 1200, height: 1800 });
  await office.clock.setFixedTime(AUGUST_2024);
  await office.reload();

  // A tampered copy is refused and changes nothing; the two good files import.
  mkdirSync(SHOTS, { recursive: true });
  const tampered = `${SHOTS}/tampered.json`;
  writeFileSync(tampered, readFileSync(FIXTURES[0]!, 'utf8').replace('江边老陈', '江边老王'));
  await office.getByTestId('import-files').setInputFiles([tampered]);
  await expect(office.getByTestId('import-row')).toHaveCount(1);
  await expect(office.getByTestId('import-row')).toContainText('未导入');
  await expect(office.getByTestId('import-row')).toContainText('$.digest');
  await expect(office.getByTestId('office-case-count')).toHaveText('共 0 件');

  await office.getByTestId('import-files').setInputFiles(FIXTURES);
  const rows = office.getByTestId('import-row');
  await expect(rows).toHaveCount(2);
  // 文件 · 来自 · 新记录 · 重复 · 冲突 · 错误
  await expect(rows.nth(0).locator('td')).toHaveText([/officer-li-ming-zhujian.json\s*已导入/, '市住建局 李明', '9', '0', '0', '0']);
  await expect(rows.nth(1).locator('td')).toHaveText([/officer-wang-fang-binjiang.json\s*已导入/, '滨江街道办 王芳', '4', '0', '1', '0']);

  await expect(office.getByTestId('office-case-count')).toHaveText('共 3 件');
  const first = office.getByTestId('case-row').first();
  await expect(first).toContainText('锦绣小区停水三天了');
  await expect(first).toContainText('冲突待指定');

  // 部门 · 采集 · 自主认领 · 指定认领 …
  const zhujian = office.locator('[data-testid="bulletin-table"] tr[data-department="市住建局"] td');
  await expect(zhujian.nth(1)).toHaveText('2');
  await expect(zhujian.nth(2)).toHaveText('2');
  await expect(office.locator('[data-testid="bulletin-table"] tr[data-department="滨江街道办"] td').nth(1)).toHaveText('1');
  await expect(office.getByTestId('bulletin-chart')).toBeVisible();
  await office.screenshot({ path: `${SHOTS}/office-after-import.png`, fullPage: true });

  // Every figure links to its cases: 市住建局's conflicts show the water-cut case alone.
  await office.locator('[data-testid="bulletin-table"] tr[data-department="市住建局"] td[data-figure="conflicts"] button').click();
  await expect(office.getByTestId('office-case-count')).toHaveText(/显示 1 件/);

  // The same files again change nothing.
  await office.getByTestId('import-files').setInputFiles(FIXTURES);
  await expect(rows.nth(0).locator('td').nth(2)).toHaveText('0');
  await expect(rows.nth(0).locator('td').nth(3)).toHaveText('9');
});

test('the desk exports an encrypted file that the office reads only with the passphrase', async ({ page, demoUrl, openExtensionPage }) => {
  const panel = new SidePanel(await openExtensionPage('sidepanel.html'));
  await panel.signIn('李明', '市住建局');
  const thread = new DiscuzThreadPage(page, demoUrl);
  await thread.goto();
  const pid = FORUM_FLAGGED_PIDS[0]!;
  const floor = THREAD_1001_FLOORS.find((f) => f.pid === pid)!;
  await clickBadgeButton(thread.body(pid), '采集');
  await expect.poll(() => badgeText(thread.body(pid))).toContain('已采集');

  const desk = panel.page;
  await desk.getByTestId('open-settings').click();
  await desk.getByTestId('sync-scope-all').check();
  await desk.getByTestId('sync-export-button').click();
  await expect(desk.getByTestId('sync-export-message')).toHaveText('请输入办公室口令，或明确选择不加密导出。');
  await desk.getByTestId('sync-passphrase').fill('澜江办公室口令');
  const downloading = desk.waitForEvent('download');
  await desk.getByTestId('sync-export-button').click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^舆情同步-市住建局-\d{4}-\d{2}-\d{2}\.enc\.json$/);
  mkdirSync(SHOTS, { recursive: true });
  const saved = `${SHOTS}/${download.suggestedFilename()}`;
  await download.saveAs(saved);
  await expect(desk.getByTestId('sync-export-message')).toContainText('1 件舆情');
  // The netizen's name and the post never travel in clear.
  const text = readFileSync(saved, 'utf8');
  expect(text).toContain('"kind":"yuqing-sync-encrypted"');
  expect(text).not.toContain(floor.author);

  const office = await openExtensionPage('office.html', { width: 1200 });
  await office.getByTestId('import-passphrase').fill('错误的口令');
  await office.getByTestId('import-files').setInputFiles([saved]);
  await expect(office.getByTestId('import-row')).toContainText('口令错误');
  await office.getByTestId('import-passphrase').fill('澜江办公室口令');
  await office.getByTestId('import-files').setInputFiles([saved]);
  // This browser already holds the events: all duplicates, nothing new.
  await expect(office.getByTestId('import-row').locator('td')).toHaveText([/已导入/, '市住建局 李明', '0', '1', '0', '0']);

  // The office's signed package: the desk pins the key, takes the new watch list and the passphrase id.
  const keys = await generateOfficeKeys();
  const pkg = await signOfficePackage(
    {
      office: '澜江市委网信办',
      issuedAt: Date.now(),
      publicKey: keys.publicKey,
      content: {
        watchlist: [{ term: '锦绣小区', kind: 'topic' }],
        profile: { ...getBuiltInProfile('xuancheng-2015')!, id: 'lanjiang-2025', builtIn: false, basedOn: 'xuancheng-2015' },
        calendarOverrides: [],
        passphraseKeyId: 'lanjiang-2025-q1',
      },
    },
    keys.privateJwk,
  );
  const packagePath = `${SHOTS}/office-package.json`;
  writeFileSync(packagePath, JSON.stringify({ ...pkg, content: { ...pkg.content, passphraseKeyId: 'forged' } }));
  await desk.getByTestId('import-package').setInputFiles([packagePath]);
  await expect(desk.getByTestId('sync-export-message')).toContainText('$.signature');
  writeFileSync(packagePath, JSON.stringify(pkg));
  await desk.getByTestId('import-package').setInputFiles([packagePath]);
  await expect(desk.getByTestId('sync-export-message')).toHaveText('已导入 澜江市委网信办 的办公室包：词表、规程和日历已更新。');
  await expect(desk.getByText('口令编号：lanjiang-2025-q1')).toBeVisible();
  await desk.screenshot({ path: `${SHOTS}/desk-export.png`, fullPage: true });
});

/** An officer's own browser profile with the extension (a persistent context besides the test's). */
async function officerBrowser(): Promise<LaunchedExtension> {
  return launchWithExtension({ extensionPath: EXTENSION_PATH, userDataDir: makeUserDataDir('yuqing-e2e-officer-'), headless: !process.env.HEADED });
}

async function openPage({ context, extensionId }: LaunchedExtension, path: string, width = 1280): Promise<Page> {
  const page = await context.newPage();
  await page.setViewportSize({ width, height: 900 });
  await page.goto(`chrome-extension://${extensionId}/${path}`);
  return page;
}

/** The officer signs in, captures floor `pid` of thread 1001, claims the case, and exports it encrypted. */
async function captureClaimExport(browser: LaunchedExtension, demoUrl: (path: string) => string, who: [string, string], pid: number) {
  const panel = new SidePanel(await openPage(browser, 'sidepanel.html', 360));
  await panel.signIn(...who);
  const thread = new DiscuzThreadPage(await browser.context.newPage(), demoUrl);
  await thread.goto();
  await clickBadgeButton(thread.body(pid), '采集');
  await expect.poll(() => badgeText(thread.body(pid))).toContain('已采集');
  await panel.rows.first().click();
  await panel.act('claimed');
  await panel.page.getByRole('button', { name: '← 返回' }).click();

  const desk = panel.page;
  await desk.getByTestId('open-settings').click();
  await desk.getByTestId('sync-scope-all').check();
  await desk.getByTestId('sync-passphrase').fill(PASSPHRASE);
  const downloading = desk.waitForEvent('download');
  await desk.getByTestId('sync-export-button').click();
  const saved = `${SHOTS}/${who[1]}-${(await downloading).suggestedFilename()}`;
  await (await downloading).saveAs(saved);
  expect(readFileSync(saved, 'utf8')).toContain('"kind":"yuqing-sync-encrypted"');
  return { panel, thread, saved };
}

const PASSPHRASE = '澜江办公室口令2026';

test('three browsers: two officers export encrypted, the office assigns their competing claims and sends a package back', async ({
  demoUrl,
  openExtensionPage,
}) => {
  test.setTimeout(300_000);
  mkdirSync(SHOTS, { recursive: true });
  const li = await officerBrowser();
  const wang = await officerBrowser();
  try {
    // Two officers, offline in their own browsers, capture floors of the same thread and both claim it.
    const liDesk = await captureClaimExport(li, demoUrl, ['李明', '市住建局'], FORUM_FLAGGED_PIDS[0]!);
    const wangDesk = await captureClaimExport(wang, demoUrl, ['王芳', '滨江街道办'], FORUM_FLAGGED_PIDS[1]!);

    // The office's browser (the test's own profile) imports both encrypted files at once.
    const office = await openExtensionPage('office.html', { width: 1200, height: 1800 });
    await office.getByTestId('import-passphrase').fill(PASSPHRASE);
    await office.getByTestId('import-files').setInputFiles([liDesk.saved, wangDesk.saved]);
    const rows = office.getByTestId('import-row');
    await expect(rows).toHaveCount(2);
    await expect(rows.nth(0).locator('td').nth(1)).toHaveText('市住建局 李明');
    await expect(rows.nth(1).locator('td').nth(1)).toHaveText('滨江街道办 王芳');
    // 冲突 · 错误 of the second file: its claim competes with the first.
    await expect(rows.nth(1).locator('td').nth(4)).toHaveText('1');
    await expect(rows.nth(1).locator('td').nth(5)).toHaveText('0');

    // One thread, one case: both officers' posts meet in it, in conflict, at the top.
    await expect(office.getByTestId('office-case-count')).toHaveText('共 1 件');
    await expect(office.getByTestId('case-row').first()).toContainText('冲突待指定');
    const conflict = office.getByTestId('conflict-row');
    await expect(conflict).toHaveCount(1);
    await expect(conflict).toContainText('已认领：市住建局、滨江街道办');
    // The bulletin counts it under the first claimant, as captured, claimed and in conflict.
    const zhujian = office.locator('[data-testid="bulletin-table"] tr[data-department="市住建局"]');
    await expect(zhujian.locator('td[data-figure="captured"]')).toHaveText('1');
    await expect(zhujian.locator('td[data-figure="claimed"]')).toHaveText('1');
    await expect(zhujian.locator('td[data-figure="conflicts"]')).toHaveText('1');
    await office.screenshot({ path: `${SHOTS}/three-browsers-office-conflict.png`, fullPage: true });

    // 指定认领: the office gives the case to 滨江街道办; the conflict is settled.
    await conflict.getByTestId('assign-department').selectOption('滨江街道办');
    await conflict.getByTestId('assign-reason').fill('属地管理，由街道牵头');
    await conflict.getByTestId('assign-button').click();
    await expect(office.getByTestId('conflict-assignment')).toHaveCount(0);
    await expect(office.getByTestId('case-row').first()).not.toContainText('冲突待指定');
    const binjiang = office.locator('[data-testid="bulletin-table"] tr[data-department="滨江街道办"]');
    await expect(binjiang.locator('td[data-figure="claimed"]')).toHaveText('1');
    await expect(binjiang.locator('td[data-figure="conflicts"]')).toHaveText('0');
    await expect(binjiang.locator('td[data-figure="assigned"]')).toHaveText('0');

    // The office's package: a new watch list (水库 added) and the assignment, signed.
    await office.getByTestId('package-watchlist').fill('澜江市\n水库');
    await office.getByTestId('package-key-id').fill('lanjiang-2026-q4');
    const downloading = office.waitForEvent('download');
    await office.getByTestId('package-issue').click();
    const packagePath = `${SHOTS}/three-browsers-package.json`;
    await (await downloading).saveAs(packagePath);
    expect(JSON.parse(readFileSync(packagePath, 'utf8')).content.assignments).toHaveLength(1);

    // 李明's browser takes the package: the case is 滨江街道办's now, and the new term flags on the page.
    const desk = liDesk.panel.page;
    await desk.getByTestId('import-package').setInputFiles([packagePath]);
    await expect(desk.getByTestId('sync-export-message')).toContainText('已导入');
    await desk.getByTestId('open-settings').click();
    await liDesk.panel.rows.first().click();
    await expect(liDesk.panel.detail.getByTestId('timeline')).toContainText('指定认领');
    // The case's department in the detail's header is the one the office assigned.
    await expect(liDesk.panel.detail.locator('.row-meta').first()).toContainText('滨江街道办');
    const fishing = THREAD_1001_FLOORS.find((f) => f.body.includes('水库'))!;
    await liDesk.thread.goto();
    await expect.poll(() => badgeText(liDesk.thread.body(fishing.pid)), { timeout: 15_000 }).not.toBe('');
    await desk.screenshot({ path: `${SHOTS}/three-browsers-officer-after-package.png`, fullPage: true });
  } finally {
    await li.context.close();
    await wang.context.close();
  }
});
