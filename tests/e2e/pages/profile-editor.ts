/**
 * Page object for the profile editor in the desk's settings
 * (`sidepanel.html#settings`): copy a built-in profile, edit its fields by
 * their path (`deadlines.2.limit`, `tiers.1.label`…), save. Shared by the
 * profile-editor e2e test and the desk's demo step.
 */
import type { Locator, Page } from '@playwright/test';

export class ProfileEditor {
  readonly root: Locator;
  /** The form of the copy being edited (shown after {@link copy}). */
  readonly form: Locator;
  /** The list of refused fields, each with its path and reason. */
  readonly errors: Locator;
  /** "已保存，可在上方选用" after a save. */
  readonly status: Locator;

  constructor(readonly page: Page) {
    this.root = page.getByTestId('profile-editor');
    this.form = this.root.getByTestId('profile-form');
    this.errors = this.form.getByTestId('profile-errors');
    this.status = this.form.getByRole('status');
  }

  /** Copies profile `sourceId` as `newId` named `newName`, and waits for its form. */
  async copy(sourceId: string, newId: string, newName: string): Promise<void> {
    await this.root.locator('select[name="source"]').selectOption(sourceId);
    await this.root.locator('input[name="newId"]').fill(newId);
    await this.root.locator('input[name="newName"]').fill(newName);
    await this.root.getByTestId('profile-copy').click();
    await this.form.waitFor();
  }

  /** Types each value into the field named by its path. */
  async fill(values: Readonly<Record<string, string>>): Promise<void> {
    for (const [path, value] of Object.entries(values)) await this.form.locator(`input[name="${path}"]`).fill(value);
  }

  /** Presses 保存配置 (the answer is {@link errors} or {@link status}). */
  async save(): Promise<void> {
    await this.form.getByRole('button', { name: '保存配置' }).click();
  }

  /** The profiles offered as a source to copy, by visible name. */
  sourceOption(name: string): Locator {
    return this.root.locator('select[name="source"] option', { hasText: name });
  }
}
