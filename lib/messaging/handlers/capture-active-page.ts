/**
 * `captureActivePage`: the popup or the context menu asks the background to
 * capture a tab; the background asks that tab's content script to extract
 * the page (`extractPage`), validates the answer (it comes from a page) and
 * stores it like `capturePost`.
 */
import type { SenderTab } from '../handle';
import { fail, invalidInput, ok, type Result } from '../result';
import {
  CapturePostRequestSchema,
  type CaptureActivePageRequest,
  type CapturePostRequest,
  type ExtractPageRequest,
} from '../schemas';
import { capturePost, type CaptureDeps } from './capture-post';

/** What `captureActivePage` needs besides capturing. */
export interface CaptureActivePageDeps extends CaptureDeps {
  /** The tab with this id, or the active tab of the focused window when no id is given. */
  findTab: (tabId: number | undefined) => Promise<SenderTab | undefined>;
  /** Sends `extractPage` to the tab's content script (injecting it first if needed). */
  extractFromTab: (tabId: number, request: ExtractPageRequest) => Promise<Result<CapturePostRequest>>;
}

/** The `captureActivePage` handler. */
export function handleCaptureActivePage(deps: CaptureActivePageDeps) {
  return async (request: CaptureActivePageRequest): Promise<Result<{ caseId: string }>> => {
    const tab = await deps.findTab(request.tabId);
    if (!tab) return fail('no-tab', '找不到要采集的标签页。');
    if (tab.url !== undefined && !/^https?:\/\//i.test(tab.url)) {
      return fail('invalid-input', '只能采集 http(s) 网页。');
    }
    let extracted: Result<CapturePostRequest>;
    try {
      extracted = await deps.extractFromTab(tab.id, { selectionOnly: request.selectionOnly ?? false });
    } catch (error) {
      const detail = error instanceof Error ? error.message : String(error);
      return fail('unavailable', `无法读取该网页的内容（内容脚本未响应）：${detail}`);
    }
    if (!extracted || typeof extracted !== 'object' || !('ok' in extracted)) {
      return fail('internal', '内容脚本的回答格式不正确。');
    }
    if (!extracted.ok) return extracted;
    // The answer was built in a hostile page: validate it like any inbound payload.
    const parsed = CapturePostRequestSchema.safeParse(extracted.data);
    if (!parsed.success) return invalidInput('网页提取结果', parsed.error);
    const captured = await capturePost(deps, parsed.data, tab);
    return captured.ok ? ok({ caseId: captured.data.caseId }) : captured;
  };
}
