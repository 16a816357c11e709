/**
 * Page object for any demo page the content script flags (Tieba, news,
 * message board, Weibo, Discuz touch…): waiting for the first scan, the
 * capture badges (`[data-yq-ui="badge"]`, an open shadow root that
 * Playwright's CSS engine pierces), and the toolbar badge count.
 */
import type { Locator, Page, Worker } from '@playwright/test';
import type { ExtensionGlobals } from './extension-api.ts';

/** Selector of a capture badge the content script mounts at the start of a flagged post's body. */
export const BADGE = '[data-yq-ui="badge"]';
/** Selector of a highlighted watch-list match. */
export const HIGHLIGHT = 'mark[data-yq-hl]';

/** A demo page as the officer sees it with the extension running. */
export class FlaggedPage {
  /** Every capture badge on the page. */
  readonly badges: Locator;

  constructor(
    readonly page: Page,
    private readonly demoUrl: (path: string) => string,
  ) {
    this.badges = page.locator(BADGE);
  }

  /** Opens a demo page and waits until the content script has scanned it once. */
  async goto(path: string): Promise<void> {
    await this.page.goto(this.demoUrl(path));
    await this.scanned();
  }

  /**
   * Waits for the content script's first whole-page scan. The flagger records
   * it as the `yq:scan-page` performance measure (read by `npm run bench`),
   * and it mounts every badge of the page synchronously before recording it,
   * so after this a post without a badge is a post that was not flagged.
   */
  async scanned(): Promise<void> {
    await this.page.waitForFunction(() => performance.getEntriesByName('yq:scan-page').length > 0);
  }

  /** The capture badge inside `body` (a post's body element). */
  badgeIn(body: Locator): Locator {
    return body.locator(BADGE);
  }

  /** The "采集" button of the badge inside `body`. */
  captureButtonIn(body: Locator): Locator {
    return this.badgeIn(body).getByRole('button', { name: '采集' });
  }

  /** Anything the extension added inside `scope` (badges or highlight marks). */
  extensionMarksIn(scope: Locator): Locator {
    return scope.locator(`${BADGE}, ${HIGHLIGHT}`);
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
