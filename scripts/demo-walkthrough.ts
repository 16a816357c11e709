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
import { FORUM_FLAGGED_PIDS, FORUM_MORE_FLAGGED_PIDS } from '../tests/demo-site/expected.ts';
import { badgeButtons, badgeText, clickBadgeButton, readBadges, waitForFirstScan } from '../tests/e2e/pages/closed-ui.ts';
import { OFFICE_SYNC_STEPS } from './demo-steps/office-sync.ts';
import { OFFICE_HUB_STEPS } from './demo-steps/office-hub.ts';
import { GENERIC_ENGINE_STEPS } from './demo-steps/generic-engine.ts';
import { DESK_STEPS } from './demo-steps/desk.ts';

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
      // Every demo page names the city somewhere: wait for the content script's first flag
      // (a capture badge on a post, or a highlighted title on a list page).
      await waitForFirstScan(ctx.page, 10_000);
      await ctx.screenshot(name, { fullPage });
    },
  };
}

/** The body of a flagged floor (its badge is in a closed shadow root: see tests/e2e/pages/closed-ui.ts). */
function floorBody(page: Page, pid: number) {
  return page.locator(`#postmessage_${pid}`);
}

/** Waits until some badge of the page shows `text`. */
async function waitForBadgeText(page: Page, text: string): Promise<void> {
  const until = Date.now() + 15_000;
  while (!(await readBadges(page)).some((b) => b.text.includes(text))) {
    if (Date.now() > until) throw new Error(`no badge shows ${text}`);
    await page.waitForTimeout(100);
  }
}

/** The officer of the demo. */
const OFFICER = { name: '李明', department: '澜江市住房和城乡建设局' };

/** The steps, in order: the officer's morning, from flagged posts to deadlines. */
export const WALKTHROUGH_STEPS: WalkthroughStep[] = [
  {
    name: 'settings',
    async run(ctx) {
      const panel = await ctx.openExtensionPage('sidepanel.html#settings', SIDE_PANEL_SIZE);
      const form = panel.getByTestId('settings-form');
      await form.locator('input[name="officerName"]').fill(OFFICER.name);
      await form.locator('input[name="department"]').fill(OFFICER.department);
      await form.getByRole('button', { name: '提交' }).click();
      await form.getByRole('status').filter({ hasText: '已保存' }).waitFor();
      await ctx.screenshot('side-panel-settings', { page: panel });
      await panel.close();
    },
  },
  {
    name: 'forum-thread',
    async run(ctx) {
      await ctx.page.goto(ctx.url(DEMO_PATHS.forumThread));
      await ctx.page.locator('#postlist > div[id^="post_"]').nth(THREAD_1001_FLOORS.length - 1).waitFor();
      await waitForBadgeText(ctx.page, '采集');
      await ctx.page.waitForTimeout(300); // highlight boxes are drawn in the next idle moment
      await ctx.screenshot('forum-thread-flagged');
      await ctx.screenshot('forum-thread', { fullPage: true });
    },
  },
  {
    name: 'forum-thread-load-more',
    async run(ctx) {
      await ctx.page.getByRole('button', { name: '加载更多回复' }).click();
      const total = THREAD_1001_FLOORS.length + THREAD_1001_MORE_FLOORS.length;
      await ctx.page.locator('#postlist > div[id^="post_"]').nth(total - 1).waitFor();
      const pid = FORUM_MORE_FLAGGED_PIDS[0]!;
      while (!(await badgeButtons(floorBody(ctx.page, pid))).includes('采集')) await ctx.page.waitForTimeout(100);
      await ctx.page.locator(`#post_${pid}`).scrollIntoViewIfNeeded();
      await ctx.screenshot('forum-thread-after-load-more-flagged');
    },
  },
  {
    name: 'capture',
    async run(ctx) {
      await ctx.page.goto(ctx.url(DEMO_PATHS.forumThread));
      for (const pid of FORUM_FLAGGED_PIDS.slice(0, 3)) {
        await clickBadgeButton(floorBody(ctx.page, pid), '采集');
        while (!(await badgeText(floorBody(ctx.page, pid))).includes('已采集')) await ctx.page.waitForTimeout(100);
      }
      await ctx.page.locator(`#post_${FORUM_FLAGGED_PIDS[0]}`).scrollIntoViewIfNeeded();
      await ctx.screenshot('forum-thread-captured');
    },
  },
  {
    name: 'side-panel-inbox',
    async run(ctx) {
      const panel = await ctx.openExtensionPage('sidepanel.html', SIDE_PANEL_SIZE);
      // The three floors captured from one thread are one case (one case per thread).
      await panel.getByTestId('case-row').first().waitFor();
      await ctx.screenshot('side-panel-inbox', { page: panel });
      await panel.close();
    },
  },
  {
    name: 'claim-and-assess',
    async run(ctx) {
      const panel = await ctx.openExtensionPage('sidepanel.html', SIDE_PANEL_SIZE);
      await panel.getByTestId('case-row').first().click();
      for (const action of ['claimed', 'assessed']) {
        await panel.getByTestId(`action-${action}`).click();
        const form = panel.getByTestId(`form-${action}`);
        if (action === 'assessed') await ctx.screenshot('side-panel-assess-form', { page: panel, fullPage: true });
        await form.getByRole('button', { name: '提交' }).click();
        await form.waitFor({ state: 'detached' });
      }
      await panel.getByTestId('deadline').first().waitFor();
      await ctx.screenshot('side-panel-case-deadlines', { page: panel, fullPage: true });
      await panel.close();
    },
  },
  {
    name: 'revisit',
    async run(ctx) {
      await ctx.page.reload();
      await waitForBadgeText(ctx.page, '已认领');
      await ctx.page.locator(`#post_${FORUM_FLAGGED_PIDS[0]}`).scrollIntoViewIfNeeded();
      await ctx.screenshot('forum-thread-revisit-state');
    },
  },
  {
    name: 'popup',
    async run(ctx) {
      const popup = await ctx.openExtensionPage('popup.html', POPUP_SIZE);
      await popup.getByTestId('popup-cases').waitFor();
      await ctx.screenshot('popup', { page: popup });
      await popup.close();
    },
  },
  {
    name: 'office-console',
    async run(ctx) {
      const office = await ctx.openExtensionPage('office.html', { width: 1000, height: 700 });
      await office.getByTestId('office-stats').waitFor();
      await ctx.screenshot('office-console', { page: office });
      await office.close();
    },
  },
  ...OFFICE_HUB_STEPS,
  ...DESK_STEPS,
  demoPageStep('forum-touch', DEMO_PATHS.forumTouch),
  demoPageStep('tieba-thread', DEMO_PATHS.tiebaThread),
  demoPageStep('news-article', DEMO_PATHS.newsArticle),
  demoPageStep('gov-liuyan-list', DEMO_PATHS.liuyanList),
  demoPageStep('gov-liuyan-detail', DEMO_PATHS.liuyanDetail),
  demoPageStep('weibo-status', DEMO_PATHS.weiboStatus),
  demoPageStep('hostile-page', DEMO_PATHS.hostile, false),
  // A forum engine no adapter knows: the generic post detector finds and flags exactly the posts naming the city.
  ...GENERIC_ENGINE_STEPS,
  ...OFFICE_SYNC_STEPS,
];
