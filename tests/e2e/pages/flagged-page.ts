/**
 * Page object for any demo page the content script flags (Tieba, news,
 * message board, Weibo, Discuz touch…): waiting for the first scan, the
 * capture badges (closed shadow roots, reached through the DevTools protocol
 * as the page's own scripts cannot: see closed-ui.ts), and the toolbar badge
 * count.
 */
import type { Locator, Page, Worker } from '@playwright/test';
import type { ExtensionGlobals } from './extension-api.ts';
import { badgeButtons, badgesIn, badgeText, clickBadgeButton, readBadges, waitForFirstScan } from './closed-ui.ts';

/** A demo page as the officer sees it with the extension running. */
export class FlaggedPage {
  constructor(
    readonly page: Page,
    private readonly demoUrl: (path: string) => string,
  ) {}

  /** Opens a demo page and waits until the content script has scanned it once. */
  async goto(path: string): Promise<void> {
    await this.page.goto(this.demoUrl(path));
    await this.scanned();
  }

  /**
   * Waits for the content script's first whole-page scan (its log in the
   * extension's isolated world); every badge of the page is mounted before
   * it is logged, so after this a post without a badge was not flagged.
   */
  async scanned(): Promise<void> {
    await waitForFirstScan(this.page);
  }

  /** How many capture badges the page shows. */
  async badgeCount(): Promise<number> {
    return (await readBadges(this.page)).length;
  }

  /** The text of the badge inside `body` ('' when none). */
  badgeText(body: Locator): Promise<string> {
    return badgeText(body);
  }

  /** The button texts of the badge inside `body` ([] when none). */
  buttonsIn(body: Locator): Promise<string[]> {
    return badgeButtons(body);
  }

  /** Clicks "采集" in the badge inside `body`. */
  capture(body: Locator): Promise<void> {
    return clickBadgeButton(body, '采集');
  }

  /** How many things the extension added inside `scope` (badges, highlight-only hosts). */
  async extensionMarksIn(scope: Locator): Promise<number> {
    return (await badgesIn(scope, { withoutButtons: true })).length;
  }

  /** Highlight boxes drawn inside `scope` (badges and highlight-only hosts). */
  async highlightsIn(scope: Locator): Promise<number> {
    return (await badgesIn(scope, { withoutButtons: true })).reduce((sum, b) => sum + b.highlightBoxes, 0);
  }
}

/**
 * The number on the extension's toolbar button for the tab showing `url`
 * ('' when none), read from the background.
 */
export async function toolbarBadgeText(worker: Worker, url: string): Promise<string> {
  return worker.evaluate(async (tabUrl) => {
    const { chrome } = globalThis as unknown as ExtensionGlobals;
    const [tab] = await chrome.tabs.query({ url: tabUrl });
    return tab?.id === undefined ? '' : chrome.action.getBadgeText({ tabId: tab.id });
  }, url);
}
