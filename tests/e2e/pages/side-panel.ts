/**
 * Page object for the side panel opened as a tab (it shares the extension's
 * IndexedDB with the real panel): the inbox, one case, and settings.
 */
import type { Locator, Page } from '@playwright/test';

export class SidePanel {
  readonly rows: Locator;
  readonly detail: Locator;

  constructor(readonly page: Page) {
    this.rows = page.getByTestId('case-row');
    this.detail = page.getByTestId('case-detail');
  }

  /** Fills in who the officer is (every event records its actor). */
  async signIn(name: string, department: string): Promise<void> {
    await this.page.getByTestId('open-settings').click();
    const form = this.page.getByTestId('settings-form');
    await form.locator('input[name="officerName"]').fill(name);
    await form.locator('input[name="department"]').fill(department);
    await form.getByRole('button', { name: '提交' }).click();
    await form.getByRole('status').filter({ hasText: '已保存' }).waitFor();
    await this.page.getByTestId('open-settings').click();
  }

  /** The inbox row of a case whose title contains `text`. */
  row(text: string): Locator {
    return this.rows.filter({ hasText: text });
  }

  /** Opens an action's form, fills it with `fill`, submits, and waits for the form to close. */
  async act(action: string, fill?: (form: Locator) => Promise<void>): Promise<void> {
    await this.page.getByTestId(`action-${action}`).click();
    const form = this.page.getByTestId(`form-${action}`);
    if (fill) await fill(form);
    await form.getByRole('button', { name: '提交' }).click();
    await form.waitFor({ state: 'detached' });
  }
}
