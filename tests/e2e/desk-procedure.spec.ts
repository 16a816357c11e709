/**
 * The procedure walked from the case page (issue 12): every step of the
 * Xuancheng profile is reachable with its domain label, 上报 opens with the
 * 舆情专报 text ready, and the printable 舆情专报 and 舆情日志 pages read
 * from the log.
 */
import { mkdirSync } from 'node:fs';
import { expect, test } from './fixtures.ts';
import { captureFromBadge, openDeskBesideThread } from './pages/desk-beside-thread.ts';

const OFFICER = { name: '李明', department: '澜江市住房和城乡建设局' } as const;
const SHOTS = process.env.ISSUE12_SHOTS;

test('one case walks claim → assess → 上报 with the 舆情专报 → written report → investigation → extension → response → follow-up → close → reopen → note', async ({
  page,
  demoUrl,
  openExtensionPage,
}) => {
  test.setTimeout(120_000);
  const desk = await openDeskBesideThread({ page, demoUrl, openExtensionPage }, OFFICER);
  const { panel } = desk;
  await captureFromBadge(desk);
  await panel.row(desk.floor.author).click();

  const labelOf = (action: string) => panel.page.getByTestId(`action-${action}`);
  await expect(labelOf('claimed')).toHaveText('认领');
  await expect(labelOf('assigned')).toHaveText('指定认领');
  await panel.act('claimed');
  await expect(labelOf('assessed')).toHaveText('研判');
  // The suggestion fills the assessment form, reasons included.
  await panel.page.getByTestId('action-assessed').click();
  await expect(panel.page.getByTestId('form-assessed').locator('textarea[name="text"]')).not.toHaveValue('');
  await panel.page.getByTestId('form-assessed').getByRole('button', { name: '提交' }).click();
  await panel.page.getByTestId('form-assessed').waitFor({ state: 'detached' });

  // 上报: the form opens with the 舆情专报 text, sent as a 舆情专报.
  await expect(labelOf('reported')).toHaveText('上报');
  await labelOf('reported').click();
  const reportForm = panel.page.getByTestId('form-reported');
  const note = reportForm.locator('textarea[name="text"]');
  await expect(note).toHaveValue(/^舆情专报\n关于“.+”的舆情专报\n报送单位：澜江市住房和城乡建设局\n时间：/);
  await expect(note).toHaveValue(/\n研判：/);
  await expect(note).toHaveValue(/\n处置建议：\n {2}1\. /);
  await expect(reportForm.locator('select[name="channel"]')).toHaveValue('special-report');
  if (SHOTS) {
    mkdirSync(SHOTS, { recursive: true });
    await panel.page.screenshot({ path: `${SHOTS}/report-form.png`, fullPage: true });
  }
  await reportForm.getByRole('button', { name: '提交' }).click();
  await reportForm.waitFor({ state: 'detached' });

  await panel.act('written-report');
  await panel.act('extension-requested', (form) => form.locator('textarea[name="text"]').fill('需协调规划部门，申请延期'));
  await panel.act('extension-granted', (form) => form.locator('input[name="newLimit"]').fill('2099-12-31T17:00'));
  await panel.act('investigation-report', (form) => form.locator('textarea[name="text"]').fill('经核实，小区停水系管道检修，已恢复供水'));
  await panel.act('responded', async (form) => {
    await form.locator('input[name="channel"]').fill('政民互动·网络新闻发言人');
    await form.locator('input[name="url"]').fill('https://www.example.gov.cn/reply/1');
  });
  await panel.act('follow-up');
  await panel.act('closed');
  await expect(panel.detail.locator('.badge').first()).toHaveText('已办结');
  await panel.act('reopened', (form) => form.locator('textarea[name="text"]').fill('网友反映问题复发'));
  await panel.act('note', (form) => form.locator('textarea[name="text"]').fill('已电话回访'));
  for (const step of ['书面报告', '延期申请', '批准延期', '核实调查报告', '回应', '跟踪', '办结', '重新打开', '备注']) {
    await expect(panel.detail).toContainText(`${step} · ${OFFICER.name}`);
  }

  // The printable 舆情专报 of this case, from the log.
  const caseId = await panel.detail.getAttribute('data-case-id');
  const reportPage = await openExtensionPage(`report.html#case/${encodeURIComponent(caseId!)}`);
  const doc = reportPage.getByTestId('special-report');
  await expect(doc.locator('h1')).toHaveText('舆情专报');
  for (const heading of ['一、来源', '二、摘要', '三、研判', '四、处置建议']) await expect(doc.getByRole('heading', { name: heading })).toBeVisible();
  await expect(doc).toContainText('报送单位：澜江市住房和城乡建设局');
  if (SHOTS) await reportPage.screenshot({ path: `${SHOTS}/special-report.png`, fullPage: true });

  // The day's 舆情日志 lists the case with what was done today.
  const logPage = await openExtensionPage('report.html#day/');
  const log = logPage.getByTestId('daily-log');
  await expect(log.locator('tbody tr')).toHaveCount(1);
  await expect(log.locator('tbody tr').first()).toContainText('采集、认领、研判、上报');
  if (SHOTS) await logPage.screenshot({ path: `${SHOTS}/daily-log.png`, fullPage: true });
});
