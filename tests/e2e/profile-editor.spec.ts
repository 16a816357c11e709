/** The profile editor in settings (issue 12): copy a built-in profile, a bad edit is refused with its path, a good one is saved. */
import { expect, test } from './fixtures.ts';

const SHOTS = process.env.ISSUE12_SHOTS;

test('an officer copies the Xuancheng profile, is told which field is wrong, fixes it and saves', async ({ openExtensionPage }) => {
  const panel = await openExtensionPage('sidepanel.html', { width: 720, height: 1400 });
  await panel.getByTestId('open-settings').click();
  const editor = panel.getByTestId('profile-editor');
  await editor.locator('select[name="source"]').selectOption('xuancheng-2015');
  await editor.locator('input[name="newId"]').fill('xuancheng-office');
  await editor.locator('input[name="newName"]').fill('宣城市信息办（本地）');
  await editor.getByTestId('profile-copy').click();

  const form = editor.getByTestId('profile-form');
  await form.locator('input[name="deadlines.2.limit"]').fill('五');
  await form.locator('input[name="tiers.1.label"]').fill('');
  await form.getByRole('button', { name: '保存配置' }).click();
  const errors = form.getByTestId('profile-errors');
  await expect(errors).toContainText('deadlines.2.limit');
  await expect(errors).toContainText('tiers.1.label');
  if (SHOTS) await panel.screenshot({ path: `${SHOTS}/profile-editor-errors.png`, fullPage: true });

  await form.locator('input[name="deadlines.2.limit"]').fill('7');
  await form.locator('input[name="tiers.1.label"]').fill('重大');
  await form.getByRole('button', { name: '保存配置' }).click();
  await expect(form.getByRole('status')).toHaveText('已保存，可在上方选用');
  await expect(errors).toHaveCount(0);
  // The saved copy is offered with the built-in profiles.
  await expect(editor.locator('select[name="source"] option', { hasText: '宣城市信息办（本地）' })).toHaveCount(1);
});
