/**
 * `captureActivePage`: the popup or the context menu asks the background to
 * capture a tab's article or the officer's selection; the capture script
 * extracts it like a flagged post.
 */
import type { SenderTab } from '../handle';
import { fail, ok, type Result } from '../result';
import type { CaptureActivePageRequest } from '../schemas';
import { captureFromTab, type CaptureDeps } from './capture-post';

/** What `captureActivePage` needs besides capturing. */
export interface CaptureActivePageDeps extends CaptureDeps {
  /** The tab with this id, or the active tab of the focused window when no id is given. */
  findTab: (tabId: number | undefined) => Promise<SenderTab | undefined>;
}

/** The `captureActivePage` handler. */
export function handleCaptureActivePage(deps: CaptureActivePageDeps) {
  return async (request: CaptureActivePageRequest): Promise<Result<{ caseId: string }>> => {
    const tab = await deps.findTab(request.tabId);
    if (!tab) return fail('no-tab', '找不到要采集的标签页。');
    const captured = await captureFromTab(deps, tab, { mode: request.selectionOnly ? 'selection' : 'page' });
    return captured.ok ? ok({ caseId: captured.data.caseId }) : captured;
  };
}
