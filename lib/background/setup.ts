/**
 * The background's composition root: binds the message handlers, the
 * context menu and the toolbar badge to the real browser APIs. The service
 * worker is stopped when idle, so nothing here keeps state in variables:
 * everything is read from the claim log when needed.
 */
import { CAPTURE_COMMAND } from '../desk/inbox';
import { browser } from 'wxt/browser';
import { getDb } from '../db/db';
import { getActiveWatchlist } from '../db/repos/watchlists';
import { requestPersistentStorage } from '../db/repos/storage';
import { threadCaseIdOf } from '../cases/identity';
import type { CaptureEnvironment } from '../evidence/record';
import { CAPTURE_FUNCTION_GLOBAL, type CaptureOrder } from '../extract/capture-order';
import { relevantFoldPairs } from '../match';
import { createMatcherCache } from '../match/matcher-cache';
import type { PackedMatcher } from '../match/packed';
import { setupMessageHandlers } from '../messaging/handlers/register-background';
import { captureFromTab, type CaptureDeps } from '../messaging/handlers/capture-post';
import type { SenderTab } from '../messaging/handle';
import { fail, type Result } from '../messaging/result';
import type { CapturePostRequest } from '../messaging/schemas';
import { createTranslator } from '../i18n';
import { captureFailedText } from '../i18n/capture-failed';
import { getSettings } from '../db/repos/settings';
import { takeEvidenceScreenshot } from './screenshot';
import { setupDeadlineWatch } from './deadline-watch';
import { recheckNow, setupRecheckWatch } from './recheck';
import { setupTimestampWatch, stampWaitingCaptures } from './timestamp-watch';
import { officeHubDeps, pushSoon, setupOfficeHubPush } from './office-hub';

const CONTEXT_MENU_PAGE = 'yq-capture-page';
const CONTEXT_MENU_SELECTION = 'yq-capture-selection';

/** Runs the on-demand capture script in the tab's frame and returns its extraction. */
async function extractFromTab(tab: SenderTab, order: CaptureOrder): Promise<Result<CapturePostRequest>> {
  const target = { tabId: tab.id, frameIds: [tab.frameId ?? 0] };
  // File injections take no arguments: the script defines its function, then one call passes the order.
  await browser.scripting.executeScript({ target, files: ['/capture.js'] });
  const [injection] = await browser.scripting.executeScript({
    target,
    func: (name: string, value: unknown) => {
      const extract = (globalThis as Record<string, unknown>)[name];
      return typeof extract === 'function' ? (extract as (order: unknown) => unknown)(value) : undefined;
    },
    args: [CAPTURE_FUNCTION_GLOBAL, order],
  });
  return (injection?.result as Result<CapturePostRequest> | undefined) ?? fail('internal', '采集脚本没有返回结果。');
}

/** The canonical watch-list terms in `text`, by the active watch list. */
async function matchTerms(text: string): Promise<string[]> {
  const watchlist = await getActiveWatchlist(getDb());
  const matcher = await matcherCache.matcherFor(watchlist.entries, relevantFoldPairs(watchlist.entries));
  return [...new Set(matcher.scan(text).map((m) => m.term))];
}

/** The watch list's matcher, built once per list change and kept across service-worker restarts. */
const MATCHER_STORAGE_KEY = 'packedMatcher';
const matcherCache = createMatcherCache({
  get: async () => (await browser.storage.local.get(MATCHER_STORAGE_KEY))[MATCHER_STORAGE_KEY] as PackedMatcher | undefined,
  set: (packed) => browser.storage.local.set({ [MATCHER_STORAGE_KEY]: packed }),
});

async function findTab(tabId: number | undefined): Promise<SenderTab | undefined> {
  const tab = tabId !== undefined ? await browser.tabs.get(tabId) : (await browser.tabs.query({ active: true, lastFocusedWindow: true }))[0];
  if (tab?.id === undefined) return undefined;
  return { id: tab.id, ...(tab.url ? { url: tab.url } : {}), windowId: tab.windowId };
}

/** Tool, browser and OS for the extraction record, as the browser reports them. */
async function captureEnvironment(): Promise<CaptureEnvironment> {
  const platform = await browser.runtime.getPlatformInfo().catch(() => undefined);
  return {
    // The product's own name, whatever the browser's language: the record is a Chinese document.
    tool: { name: '舆情助手', version: browser.runtime.getManifest().version },
    browser: navigator.userAgent,
    os: platform ? `${platform.os} ${platform.arch}` : 'unknown',
  };
}

/** What capturing needs, bound to the browser. */
function captureDeps(): CaptureDeps {
  return {
    db: getDb(),
    now: Date.now,
    newId: () => crypto.randomUUID(),
    environment: captureEnvironment,
    threadCaseIdOf,
    onCaptured: () => {
      stampWaitingCaptures().catch((error: unknown) => console.error('timestamping failed', error));
      pushSoon();
    },
    matchTerms,
    extractFromTab,
    captureScreenshot: (tab, rect) =>
      takeEvidenceScreenshot(
        {
          captureVisibleTab: (id) => browser.tabs.captureVisibleTab(id ?? browser.windows.WINDOW_ID_CURRENT, { format: 'png' }),
          viewOf: async (tabId) => {
            const shown = await browser.tabs.get(tabId).catch(() => undefined);
            if (!shown) return undefined;
            const window = await browser.windows.get(shown.windowId).catch(() => undefined);
            return { active: shown.active, ...(window?.state ? { windowState: window.state } : {}) };
          },
          sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
        },
        tab,
        rect,
      ),
  };
}

/** Registers every listener of the background. Called synchronously from the entrypoint. */
export function setupBackground(): void {
  setupMessageHandlers({
    ...captureDeps(),
    findTab,
    matcherCache,
    recheck: recheckNow,
    officeHub: officeHubDeps,
    setBadge: async (tabId, count) => {
      await browser.action.setBadgeBackgroundColor({ tabId, color: '#c0392b' });
      await browser.action.setBadgeText({ tabId, text: count > 0 ? String(count) : '' });
    },
    ...(browser.sidePanel ? { openSidePanel: (tabId: number) => browser.sidePanel.open({ tabId }) } : {}),
  });

  setupDeadlineWatch();
  setupRecheckWatch();
  setupTimestampWatch();
  setupOfficeHubPush();
  browser.runtime.onInstalled.addListener(() => {
    void setupContextMenus();
    void requestPersistentStorage();
  });
  browser.contextMenus.onClicked.addListener((info, tab) => {
    if (tab?.id === undefined) return;
    const order: CaptureOrder = { mode: info.menuItemId === CONTEXT_MENU_SELECTION ? 'selection' : 'page' };
    captureFromMenu(tab.id, order).catch((error: unknown) => console.error('capture from the context menu failed', error));
  });
  // The capture shortcut acts like the context menu's 采集 on the page.
  browser.commands?.onCommand.addListener((command, tab) => {
    if (command !== CAPTURE_COMMAND.name) return;
    void (async () => {
      const tabId = tab?.id ?? (await browser.tabs.query({ active: true, currentWindow: true }))[0]?.id;
      if (tabId !== undefined) await captureFromMenu(tabId, { mode: 'page' });
    })().catch((error: unknown) => console.error('capture from the keyboard failed', error));
  });
}

async function setupContextMenus(): Promise<void> {
  const { locale } = await getSettings(getDb());
  const t = createTranslator(locale);
  await browser.contextMenus.removeAll();
  browser.contextMenus.create({ id: CONTEXT_MENU_PAGE, title: t('contextMenuCapture'), contexts: ['page'] });
  browser.contextMenus.create({ id: CONTEXT_MENU_SELECTION, title: `${t('contextMenuCapture')}：%s`, contexts: ['selection'] });
}

/** A capture from the context menu has no page UI to answer in: the result is a notification. */
async function captureFromMenu(tabId: number, order: CaptureOrder): Promise<void> {
  const tab = await findTab(tabId);
  if (!tab) return;
  const result = await captureFromTab(captureDeps(), tab, order);
  const t = createTranslator((await getSettings(getDb())).locale);
  await browser.notifications.create({
    type: 'basic',
    iconUrl: browser.runtime.getURL('/icon/128.png'),
    title: t('extName'),
    message: result.ok ? t('captured') : captureFailedText(result.error.message, t),
  });
}
