/**
 * The headless demo walk-through: an ordered list of named steps run by
 * `npm run demo -- --headless`. Each step drives the browser (extension
 * loaded) and saves screenshots through `ctx.screenshot()`.
 *
 * To add a step as a feature lands, append `{ name, run }` to
 * {@link WALKTHROUGH_STEPS}. A step that throws is reported by name and makes
 * the demo exit non-zero; later steps still run, so what could be saved is.
 */
import type { BrowserContext, Page } from '@playwright/test';
import { THREAD_1001_FLOORS, THREAD_1001_MORE_FLOORS } from '../tests/demo-site/data/forum-thread-1001.ts';
import { DEMO_PATHS } from '../tests/demo-site/routes.ts';

/** Options for {@link WalkthroughContext.screenshot}. */
export interface ScreenshotOptions {
  /** Page to capture; default `ctx.page`. */
  page?: Page;
  /** Capture the whole scrollable page; default false (the first screen). */
  fullPage?: boolean;
}

/** Options for {@link WalkthroughContext.openExtensionPage}. */
export interface ExtensionPageSize {
  width: number;
  height: number;
}

/** What a step gets. */
export interface WalkthroughContext {
  context: BrowserContext;
  /** The main tab, reused across steps. */
  page: Page;
  extensionId: string;
  /** Demo site base URL, without a trailing slash. */
  demoUrl: string;
  /** Absolute URL of a demo path. */
  url(path: string): string;
  /** Opens `chrome-extension://<id>/<path>` in a new tab of the given size. */
  openExtensionPage(path: string, size: ExtensionPageSize): Promise<Page>;
  /** Saves `NN-<name>.png` in the output folder (numbered in order) and returns its absolute path. */
  screenshot(name: string, options?: ScreenshotOptions): Promise<string>;
}

/** One named step. */
export interface WalkthroughStep {
  name: string;
  run(ctx: WalkthroughContext): Promise<void>;
}

/** Side panel width when shown as a tab (Chromium's panel is about 360 px wide). */
const SIDE_PANEL_SIZE: ExtensionPageSize = { width: 360, height: 800 };
/** Popup size (the popup's own layout targets 380×560). */
const POPUP_SIZE: ExtensionPageSize = { width: 380, height: 560 };

/** Loads a demo page in the main tab and screenshots it. */
function demoPageStep(name: string, path: string, fullPage = true): WalkthroughStep {
  return {
    name,
    async run(ctx) {
      const response = await ctx.page.goto(ctx.url(path));
      if (!response?.ok()) throw new Error(`${path} answered ${response?.status() ?? 'nothing'}`);
      await ctx.screenshot(name, { fullPage });
    },
  };
}

/** The steps, in order. */
export const WALKTHROUGH_STEPS: WalkthroughStep[] = [
  {
    name: 'forum-thread',
    async run(ctx) {
      await ctx.page.goto(ctx.url(DEMO_PATHS.forumThread));
      await ctx.page.locator('#postlist > div[id^="post_"]').nth(THREAD_1001_FLOORS.length - 1).waitFor();
      await ctx.screenshot('forum-thread-first-screen');
      await ctx.screenshot('forum-thread', { fullPage: true });
    },
  },
  {
    name: 'forum-thread-load-more',
    async run(ctx) {
      await ctx.page.getByRole('button', { name: '加载更多回复' }).click();
      const total = THREAD_1001_FLOORS.length + THREAD_1001_MORE_FLOORS.length;
      await ctx.page.locator('#postlist > div[id^="post_"]').nth(total - 1).waitFor();
      await ctx.page.locator(`#post_${THREAD_1001_MORE_FLOORS[0]?.pid ?? 0}`).scrollIntoViewIfNeeded();
      await ctx.screenshot('forum-thread-after-load-more');
    },
  },
  {
    name: 'side-panel',
    async run(ctx) {
      const panel = await ctx.openExtensionPage('sidepanel.html', SIDE_PANEL_SIZE);
      await panel.waitForLoadState('load');
      await ctx.screenshot('side-panel', { page: panel });
      await panel.close();
    },
  },
  {
    name: 'popup',
    async run(ctx) {
      const popup = await ctx.openExtensionPage('popup.html', POPUP_SIZE);
      await popup.waitForLoadState('load');
      await ctx.screenshot('popup', { page: popup });
      await popup.close();
    },
  },
  demoPageStep('forum-touch', DEMO_PATHS.forumTouch),
  demoPageStep('tieba-thread', DEMO_PATHS.tiebaThread),
  demoPageStep('news-article', DEMO_PATHS.newsArticle),
  demoPageStep('gov-liuyan-list', DEMO_PATHS.liuyanList),
  demoPageStep('gov-liuyan-detail', DEMO_PATHS.liuyanDetail),
  demoPageStep('weibo-status', DEMO_PATHS.weiboStatus),
  demoPageStep('hostile-page', DEMO_PATHS.hostile, false),
];
