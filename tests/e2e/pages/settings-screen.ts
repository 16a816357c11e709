/**
 * Page object for the desk's settings screen (`sidepanel.html#settings`):
 * who the officer is and the watch list, edited as text.
 */
import type { Locator, Page } from '@playwright/test';

export class SettingsScreen {
  readonly form: Locator;
  readonly officerName: Locator;
  readonly department: Locator;
  readonly watchlist: Locator;
  /** The error line of a refused save. */
  readonly alert: Locator;
  /** "已保存" after a save. */
  readonly status: Locator;

  constructor(readonly page: Page) {
    this.form = page.getByTestId('settings-form');
    this.officerName = this.form.locator('input[name="officerName"]');
    this.department = this.form.locator('input[name="department"]');
    this.watchlist = this.form.locator('textarea[name="watchlist"]');
    this.alert = this.form.getByRole('alert');
    this.status = this.form.getByRole('status');
  }

  /** Waits for the form (it renders once settings, profiles and the watch list are loaded). */
  async ready(): Promise<void> {
    await this.form.waitFor();
  }

  /** Replaces the watch-list text and submits the form. */
  async saveWatchlist(text: string): Promise<void> {
    await this.watchlist.fill(text);
    await this.form.getByRole('button', { name: '提交' }).click();
  }
}
