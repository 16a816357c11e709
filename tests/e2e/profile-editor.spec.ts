/** The profile editor in settings (issue 12): copy a built-in profile, a bad edit is refused with its path, a good one is saved. */
import { expect, test } from './fixtures.ts';
import { ProfileEditor } from './pages/profile-editor.ts';

const SHOTS = process.env.ISSUE12_SHOTS;

test('an officer copies the Xuancheng profile, is told which field is wrong, fixes it and saves', async ({ openExtensionPage }) => {
  const panel = await openExtensionPage('sidepanel.html', { width: 720, height: 1400 });
  await panel.getByTestId('open-settings').click();
  const editor = new ProfileEditor(panel);
  await editor.copy('xuancheng-2015', 'xuancheng-office', '宣城市信息办（本地）');

  await editor.fill({ 'deadlines.2.limit': '五', 'tiers.1.label': '' });
  await editor.save();
  await expect(editor.errors).toContainText('deadlines.2.limit');
  await expect(editor.errors).toContainText('tiers.1.label');
  if (SHOTS) await panel.screenshot({ path: `${SHOTS}/profile-editor-errors.png`, fullPage: true });

  await editor.fill({ 'deadlines.2.limit': '7', 'tiers.1.label': '重大' });
  await editor.save();
  await expect(editor.status).toHaveText('已保存，可在上方选用');
  await expect(editor.errors).toHaveCount(0);
  // The saved copy is offered with the built-in profiles.
  await expect(editor.sourceOption('宣城市信息办（本地）')).toHaveCount(1);
});
