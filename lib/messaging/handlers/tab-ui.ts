/**
 * Handlers that act on the sender's tab UI: the toolbar badge and the side
 * panel. The tab id always comes from the browser's sender.
 */
import type { HandlerContext } from '../handle';
import { fail, ok, type Result } from '../result';
import type { SetFlaggedCountRequest } from '../schemas';

/** Browser calls the tab-UI handlers need (chrome.action / chrome.sidePanel in production). */
export interface TabUiDeps {
  /** Shows `count` on the toolbar badge of the tab (empty when 0). */
  setBadge: (tabId: number, count: number) => Promise<void>;
  /**
   * Opens the side panel on the tab. Must call the browser API synchronously
   * (before any await): Chrome only allows it inside the user gesture.
   */
  openSidePanel?: (tabId: number) => Promise<void>;
}

/** The `setFlaggedCount` handler. */
export function handleSetFlaggedCount(deps: TabUiDeps) {
  return async (request: SetFlaggedCountRequest, context: HandlerContext): Promise<Result<void>> => {
    if (!context.tab) return fail('no-tab', '缺少来源标签页。');
    await deps.setBadge(context.tab.id, request.count);
    return ok(undefined);
  };
}

/** The `openSidePanel` handler: calls `openSidePanel` first thing, synchronously, to keep the user gesture. */
export function handleOpenSidePanel(deps: TabUiDeps) {
  return (_request: unknown, context: HandlerContext): Promise<Result<void>> => {
    if (!context.tab) return Promise.resolve(fail('no-tab', '缺少来源标签页。'));
    if (!deps.openSidePanel) return Promise.resolve(fail('unavailable', '此浏览器不支持侧边栏。'));
    const opening = deps.openSidePanel(context.tab.id);
    return opening.then(
      () => ok(undefined),
      (error: unknown) =>
        fail('unavailable', `无法打开侧边栏：${error instanceof Error ? error.message : String(error)}`),
    );
  };
}
