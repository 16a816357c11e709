/**
 * The evidence screenshot is of the captured post's tab, or none: the
 * browser photographs whatever tab a window shows, so the shot is taken only
 * while the captured tab is the shown one (checked before and after), retried
 * briefly while it is hidden, and otherwise recorded as missing with why —
 * never another tab's pixels.
 */
import { describe, expect, it, vi } from 'vitest';
import {
  SCREENSHOT_ATTEMPTS,
  screenshotBlocker,
  takeEvidenceScreenshot,
  type ScreenshotApi,
  type TabView,
} from '../../../lib/background/screenshot';

const PNG = `data:image/png;base64,${btoa('png')}`;
const TAB = { id: 7, windowId: 1 };
const SHOWN: TabView = { active: true, windowState: 'normal' };
const BEHIND: TabView = { active: false, windowState: 'normal' };

/** A browser whose tab 7 is seen as `views` in turn (the last one repeats). */
function browserShowing(...views: (TabView | undefined)[]) {
  let asked = 0;
  const api = {
    viewOf: vi.fn(async () => views[Math.min(asked++, views.length - 1)]),
    captureVisibleTab: vi.fn(async () => PNG),
    sleep: vi.fn(async () => {}),
  } satisfies ScreenshotApi;
  return api;
}

describe('whether the captured tab may be photographed', () => {
  it.each([
    ['the selected tab of a normal window', 'may be taken', SHOWN, undefined],
    ['the selected tab of a maximized window', 'may be taken', { active: true, windowState: 'maximized' }, undefined],
    ['the selected tab, window state unknown', 'may be taken', { active: true }, undefined],
    ['a background tab (the officer switched away)', 'tab-hidden', BEHIND, 'tab-hidden'],
    ['the selected tab of a minimized window', 'window-minimized', { active: true, windowState: 'minimized' }, 'window-minimized'],
    ['a closed tab', 'tab-closed', undefined, 'tab-closed'],
  ] as const)('%s → %s', (_, _said, view, blocker) => {
    expect(screenshotBlocker(view)).toBe(blocker);
  });
});

describe('taking the evidence screenshot', () => {
  it('photographs the tab while it is shown', async () => {
    const api = browserShowing(SHOWN);
    const shot = await takeEvidenceScreenshot(api, TAB);
    expect(shot).not.toHaveProperty('missing');
    expect(shot).toMatchObject({ size: 3, type: 'image/png' });
    expect(api.captureVisibleTab).toHaveBeenCalledWith(1);
  });

  it('waits for the officer to come back to the tab, then photographs it', async () => {
    const api = browserShowing(BEHIND, BEHIND, SHOWN);
    expect(await takeEvidenceScreenshot(api, TAB)).toMatchObject({ size: 3, type: 'image/png' });
    expect(api.captureVisibleTab).toHaveBeenCalledTimes(1);
    expect(api.sleep).toHaveBeenCalledTimes(2);
  });

  it('records the screenshot as missing, without ever photographing, when the tab stays in the background', async () => {
    const api = browserShowing(BEHIND);
    expect(await takeEvidenceScreenshot(api, TAB)).toEqual({ missing: 'tab-hidden' });
    expect(api.captureVisibleTab).not.toHaveBeenCalled();
    expect(api.viewOf).toHaveBeenCalledTimes(SCREENSHOT_ATTEMPTS);
  });

  it('discards a shot during which the officer switched tabs, and retries', async () => {
    // shown before the first shot, hidden right after it; shown again for the second.
    const api = browserShowing(SHOWN, BEHIND, SHOWN, SHOWN);
    expect(await takeEvidenceScreenshot(api, TAB)).toMatchObject({ size: 3, type: 'image/png' });
    expect(api.captureVisibleTab).toHaveBeenCalledTimes(2);
  });

  it('gives up at once when the tab was closed', async () => {
    const api = browserShowing(undefined);
    expect(await takeEvidenceScreenshot(api, TAB)).toEqual({ missing: 'tab-closed' });
    expect(api.viewOf).toHaveBeenCalledTimes(1);
  });

  it('records a minimized window as the reason', async () => {
    expect(await takeEvidenceScreenshot(browserShowing({ active: true, windowState: 'minimized' }), TAB)).toEqual({ missing: 'window-minimized' });
  });

  it('records a refused capture instead of throwing', async () => {
    const api = browserShowing(SHOWN);
    api.captureVisibleTab.mockRejectedValue(new Error('Cannot access contents of the page'));
    expect(await takeEvidenceScreenshot(api, TAB)).toEqual({ missing: 'capture-failed' });
  });
});
