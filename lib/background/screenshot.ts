/**
 * The evidence screenshot: the visible tab, cropped to the captured post.
 * Runs in the service worker, which has OffscreenCanvas and createImageBitmap
 * but no DOM.
 *
 * `captureVisibleTab` photographs whatever tab its window shows at that
 * moment, not a tab we name: after a tab switch during a long extraction it
 * would store another tab's pixels as evidence. So the captured tab is
 * checked to be the shown one just before and just after the shot; when it
 * is not, we wait briefly and try again, then record the screenshot as
 * missing with the reason, never a picture of something else.
 */
import { cropRectFor, type ViewportRect } from '../extract/crop';

/** How the captured tab is shown, as chrome.tabs.get / chrome.windows.get report it. */
export interface TabView {
  /** The tab is the selected one of its window. */
  active: boolean;
  /** Its window's state (`minimized` windows show nothing). */
  windowState?: string;
}

/** Why a screenshot was not taken; stored with the evidence in place of the image. */
export type ScreenshotMissingReason = 'tab-closed' | 'tab-hidden' | 'window-minimized' | 'capture-failed';

/** The officer-facing note of a missing screenshot, by reason (Chinese, shown on the case page). */
export const SCREENSHOT_MISSING_NOTES: Readonly<Record<ScreenshotMissingReason, string>> = {
  'tab-closed': '未留截图：截图前帖子所在的标签页已关闭。',
  'tab-hidden': '未留截图：截图时帖子所在的标签页不在前台（已切换到其他标签页），为免截到别的网页而放弃。',
  'window-minimized': '未留截图：截图时浏览器窗口已最小化。',
  'capture-failed': '未留截图：浏览器拒绝截图（例如该网页不允许扩展截图）。',
};

/**
 * Whether the captured tab may be photographed now: only while it is the
 * selected tab of a window that is not minimized. `undefined` means the tab
 * no longer exists. Pure.
 */
export function screenshotBlocker(view: TabView | undefined): ScreenshotMissingReason | undefined {
  if (!view) return 'tab-closed';
  if (!view.active) return 'tab-hidden';
  if (view.windowState === 'minimized') return 'window-minimized';
  return undefined;
}

/** A screenshot that was not taken, and why. */
export interface ScreenshotMissing {
  missing: ScreenshotMissingReason;
}

/** What taking a screenshot needs from the browser. */
export interface ScreenshotApi {
  captureVisibleTab(windowId: number | undefined): Promise<string>;
  /** How the tab is shown now; undefined when it is closed. */
  viewOf(tabId: number): Promise<TabView | undefined>;
  /** Waits `ms` milliseconds between attempts. */
  sleep(ms: number): Promise<void>;
}

/** Attempts while the tab is hidden, and the wait between them (ms): an officer switching back within ~1 s still gets a shot. */
export const SCREENSHOT_ATTEMPTS = 4;
export const SCREENSHOT_RETRY_MS = 300;

/**
 * A PNG of tab `tabId` cropped to `rect` (the whole viewport when the post is
 * out of view), or why none was taken. The tab is checked before and after
 * `captureVisibleTab`, so a switch during the shot discards it. Never throws.
 */
export async function takeEvidenceScreenshot(
  api: ScreenshotApi,
  tab: { id: number; windowId?: number },
  rect?: ViewportRect,
): Promise<Blob | ScreenshotMissing> {
  let reason: ScreenshotMissingReason = 'tab-hidden';
  for (let attempt = 0; attempt < SCREENSHOT_ATTEMPTS; attempt++) {
    if (attempt > 0) await api.sleep(SCREENSHOT_RETRY_MS);
    try {
      const before = screenshotBlocker(await api.viewOf(tab.id));
      if (before) {
        reason = before;
        if (before === 'tab-closed') break;
        continue;
      }
      const dataUrl = await api.captureVisibleTab(tab.windowId);
      const after = screenshotBlocker(await api.viewOf(tab.id));
      if (after) {
        reason = after;
        continue;
      }
      return await cropped(dataUrl, rect);
    } catch {
      reason = 'capture-failed';
    }
  }
  return { missing: reason };
}

async function cropped(dataUrl: string, rect: ViewportRect | undefined): Promise<Blob> {
  const full = await (await fetch(dataUrl)).blob();
  if (!rect) return full;
  const bitmap = await createImageBitmap(full);
  const crop = cropRectFor(rect, bitmap.width, bitmap.height);
  if (!crop) return full;
  const canvas = new OffscreenCanvas(crop.sw, crop.sh);
  canvas.getContext('2d')?.drawImage(bitmap, crop.sx, crop.sy, crop.sw, crop.sh, 0, 0, crop.sw, crop.sh);
  bitmap.close();
  return canvas.convertToBlob({ type: 'image/png' });
}
