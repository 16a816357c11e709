/**
 * Page object for the office console (`office.html`): the quarter picker,
 * the per-department table and the bulletin text.
 */
import type { Locator, Page } from '@playwright/test';

export class OfficeConsole {
  readonly quarter: Locator;
  readonly table: Locator;
  readonly bulletin: Locator;

  constructor(readonly page: Page) {
    this.quarter = page.getByTestId('quarter');
    this.table = page.getByTestId('office-stats');
    this.bulletin = page.getByTestId('bulletin');
  }

  /** The cells of the table row whose first cell is `name` (a department, or 全办合计). */
  cells(name: string): Locator {
    return this.table.locator('tbody tr').filter({ has: this.page.locator('td:first-child', { hasText: name }) }).locator('td');
  }
}

/** The current quarter in China time, as the console labels it ("2026年第4季度"). */
export function currentQuarterLabel(now = Date.now()): string {
  const china = new Date(now + 8 * 60 * 60 * 1000);
  return `${china.getUTCFullYear()}年第${Math.floor(china.getUTCMonth() / 3) + 1}季度`;
}
