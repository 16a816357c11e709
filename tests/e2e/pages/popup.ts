/**
 * Page object for the toolbar popup opened as a tab. The real popup opens
 * over the page the officer is on and reads "the active tab of the current
 * window" once, when it loads (entrypoints/popup/App.tsx). A tab opened by
 * the test is itself the active tab, so `openOver` brings the page to the
 * front first and then loads the popup again in its background tab: from
 * then on the popup sees the page as the real popup would.
 */
import type { Locator, Page } from '@playwright/test';
import type { OpenExtensionPageOptions } from '../fixtures.ts';

/** Width of Chromium's action popup for this extension (PopupView is 340 px plus padding). */
const POPUP_SIZE = { width: 364, height: 360 } as const;

export class Popup {
  /** "本页命中 N 条帖子". */
  readonly flagged: Locator;
  /** "办理中 N 件，超期 M 件". */
  readonly cases: Locator;
  readonly capturePageButton: Locator;
  readonly captureSelectionButton: Locator;
  readonly openDeskButton: Locator;
  /** The success line after a capture ("已采集 ✓"). */
  readonly status: Locator;
  /** The error line after a refused capture. */
  readonly alert: Locator;

  constructor(readonly page: Page) {
    this.flagged = page.getByTestId('popup-flagged');
    this.cases = page.getByTestId('popup-cases');
    this.capturePageButton = page.getByTestId('capture-page');
    this.captureSelectionButton = page.getByTestId('capture-selection');
    this.openDeskButton = page.getByTestId('open-desk');
    this.status = page.getByRole('status');
    this.alert = page.getByRole('alert');
  }

  /** Opens the popup as it would open over `target` (a tab of the same window). */
  static async openOver(
    target: Page,
    openExtensionPage: (path: string, options?: OpenExtensionPageOptions) => Promise<Page>,
  ): Promise<Popup> {
    const page = await openExtensionPage('popup.html', POPUP_SIZE);
    await target.bringToFront();
    await page.reload();
    const popup = new Popup(page);
    await popup.cases.waitFor();
    return popup;
  }

  /** Loads the popup again (it reads the tab and the counts when it opens). */
  async reopen(): Promise<void> {
    await this.page.reload();
    await this.cases.waitFor();
  }
}
