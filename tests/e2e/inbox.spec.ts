/**
 * The inbox as an officer uses it (issue 12): from a flagged post to a
 * claimed, assessed case with its 舆情专报 ready in at most 4 clicks
 * (counted), then filters, search and the keyboard.
 */
import { mkdirSync } from 'node:fs';
import { expect, test } from './fixtures.ts';
import { captureFromBadge, openDeskBesideThread } from './pages/desk-beside-thread.ts';
import type { Locator } from '@playwright/test';

const OFFICER = { name: '李明', department: '澜江市住房和城乡建设局' } as const;
const SHOTS = process.env.ISSUE12_SHOTS;

test('a flagged post becomes a claimed, assessed case with its 舆情专报 ready in at most 4 clicks', async ({ page, demoUrl, openExtensionPage }) => {
  test.setTimeout(90_000);
  const desk = await openDeskBesideThread({ page, demoUrl, openExtensionPage }, OFFICER);
  const { panel, floor } = desk;

  let clicks = 0;
  const click = async (target: Locator) => {
    clicks++;
    await target.click();
  };

  // 1: 采集 on the flagged post.
  clicks++;
  await captureFromBadge(desk);
  // 2: the case in the inbox (the side panel is open beside the page).
  await click(panel.row(floor.author));
  // 3: 认领并研判 — claim for the officer's department and accept the suggestion.
  await click(panel.page.getByTestId('quick-claim'));
  // The 上报 form opens by itself with the 舆情专报 text ready to copy or send.
  const reportForm = panel.page.getByTestId('form-reported');
  await expect(reportForm.locator('textarea[name="text"]')).toHaveValue(/^舆情专报\n关于“.+”的舆情专报\n报送单位：澜江市住房和城乡建设局\n/);
  await expect(reportForm.locator('textarea[name="text"]')).toHaveValue(/\n研判：.*(一般|较大|重大|特别重大)/);
  await expect(panel.detail.locator('.badge').first()).toHaveText('已研判');
  await expect(panel.detail).toContainText(`认领 · `);
  expect(clicks).toBeLessThanOrEqual(4);
  if (SHOTS) {
    mkdirSync(SHOTS, { recursive: true });
    await panel.page.screenshot({ path: `${SHOTS}/quick-claim-report.png`, fullPage: true });
  }
  // 4: 提交 sends the 上报.
  await click(reportForm.getByRole('button', { name: '提交' }));
  await reportForm.waitFor({ state: 'detached' });
  expect(clicks).toBe(4);
  await expect(panel.detail).toContainText(`上报 · `);
});

test('filters, search and keyboard shortcuts find and open a case; the filter is kept when coming back', async ({ page, demoUrl, openExtensionPage }) => {
  test.setTimeout(90_000);
  const desk = await openDeskBesideThread({ page, demoUrl, openExtensionPage }, OFFICER);
  const { panel, floor } = desk;
  // One captured case: each filter is checked by what it counts and lists.
  await captureFromBadge(desk);
  const p = panel.page;
  await expect(p.getByTestId('case-count')).toHaveText('共 1 件');

  // The shortcuts are listed in the UI.
  await p.getByTestId('shortcut-help').locator('summary').click();
  await expect(p.getByTestId('shortcut-help')).toContainText('认领（案件页）');
  await expect(p.getByTestId('shortcut-help')).toContainText('Alt+Shift+Y');

  // Search over the post's text (not only its title).
  await p.getByTestId('inbox-search').fill('没有这样的词');
  await expect(p.getByTestId('empty-inbox')).toBeVisible();
  await expect(p.getByTestId('case-count')).toHaveText('共 0 件');
  await p.getByTestId('inbox-search').fill(floor.author);
  await expect(panel.rows).toHaveCount(1);

  // Facets: a tier nobody assessed yet lists nothing; the status of the case lists it.
  await p.getByTestId('facet-tier').selectOption('major');
  await expect(p.getByTestId('case-count')).toHaveText('共 0 件');
  await p.getByTestId('facet-tier').selectOption('');
  await p.getByTestId('facet-status').selectOption('captured');
  await expect(p.getByTestId('case-count')).toHaveText('共 1 件');
  await p.getByTestId('facet-site').selectOption('discuz');
  await expect(panel.rows).toHaveCount(1);
  await p.getByTestId('filter-closed').click();
  await expect(p.getByTestId('case-count')).toHaveText('共 0 件');
  await p.getByTestId('filter-unclaimed').click();
  await expect(panel.rows).toHaveCount(1);

  // Keyboard: leave the search box, j selects the first case, Enter opens it, c opens the claim form, Esc goes back.
  await p.getByTestId('inbox-search').blur();
  await p.keyboard.press('j');
  await expect(p.locator('.case-row.selected')).toHaveCount(1);
  await p.keyboard.press('Enter');
  await expect(panel.detail).toBeVisible();
  await p.keyboard.press('c');
  await expect(p.getByTestId('form-claimed')).toBeVisible();
  // Typing in the form is text, not a shortcut.
  await p.getByTestId('form-claimed').locator('input[name="department"]').press('u');
  await expect(panel.detail).toBeVisible();
  await p.getByTestId('form-claimed').locator('input[name="department"]').blur();
  await p.keyboard.press('Escape');
  // Back in the inbox with the same filter and search.
  await expect(p.getByTestId('filter-unclaimed')).toHaveAttribute('aria-pressed', 'true');
  await expect(p.getByTestId('inbox-search')).toHaveValue(floor.author);
  await expect(p.getByTestId('facet-status')).toHaveValue('captured');
  if (SHOTS) {
    mkdirSync(SHOTS, { recursive: true });
    await p.screenshot({ path: `${SHOTS}/inbox-filters.png`, fullPage: true });
  }
});
