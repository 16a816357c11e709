/**
 * Capturing a post (the background's side of `capturePost` and
 * `captureActivePage`): have the tab's capture script extract and sanitize
 * it, validate what comes back (it was read from a hostile page), match it
 * against the watch list here rather than trusting the page's word, take the
 * screenshot, digest the content and every file and write the extraction
 * record (lib/evidence/record.ts), then store the `captured` event and the
 * evidence in one transaction. Every browser-touching step is an injected
 * function so this is unit-testable without a browser.
 */
import type { AppDB } from '../../db/app-db';
import { recordCapture } from '../../db/repos/record-capture';
import { getSettings } from '../../db/repos/settings';
import type { HandlerContext, SenderTab } from '../handle';
import type { CaptureOrder } from '../../extract/capture-order';
import { bytesOfBlob } from '../../evidence/hash';
import { buildCaptureRecord, postContentOf, recordDigestOf, type CaptureEnvironment, type CaptureRecord } from '../../evidence/record';
import { fail, invalidInput, type Result } from '../result';
import {
  CapturePostRequestSchema,
  type CaptureRect,
  type CapturePostOrder,
  type CapturePostRequest,
  type CapturePostResponse,
} from '../schemas';

/** What capturing needs from the outside world. */
export interface CaptureDeps {
  db: AppDB;
  now: () => number;
  /** A new unique event id (e.g. `crypto.randomUUID`). */
  newId: () => string;
  /** Runs the capture script in the tab (frame) for `order`; its HTML comes back sanitized. */
  extractFromTab: (tab: SenderTab, order: CaptureOrder) => Promise<Result<CapturePostRequest>>;
  /** The canonical watch-list terms `text` matches (the active watch list, compiled in the background). */
  matchTerms: (text: string) => Promise<string[]>;
  /** The tool's name and version, the browser and the OS, for the extraction record. */
  environment: () => Promise<CaptureEnvironment>;
  /** The case id of a thread (`threadCaseIdOf`: one 舆情 per canonical thread URL). */
  threadCaseIdOf: (canonicalUrl: string) => Promise<string>;
  /** Called after a capture is stored (the background then asks for its trusted timestamp). */
  onCaptured?: (caseId: string) => void;
  /** The visible tab's screenshot cropped to `rect`, or undefined when not allowed/possible. */
  captureScreenshot: (windowId: number | undefined, rect?: CaptureRect) => Promise<Blob | undefined>;
}

/** Placeholders so an officer who has not filled in settings still never loses a capture. */
const UNNAMED_OFFICER = '未填写姓名';
const UNNAMED_DEPARTMENT = '未填写部门';

/**
 * Captures one post from `tab`. Answers the case id, whether the case is
 * new, and whether the post joined an open case of its thread ("已加入案件");
 * a post already captured keeps its case (changed content is added beside).
 */
export async function capturePost(
  deps: CaptureDeps,
  request: CapturePostRequest,
  tab: SenderTab,
  mode: CaptureRecord['access']['mode'] = 'post',
): Promise<Result<CapturePostResponse>> {
  const { post, page } = request;
  const canonicalUrl = page.canonicalUrl ?? page.url;
  const html = post.html;
  // Only what the author wrote and where: the same post captured again gives the same digest.
  const content = postContentOf({ ...post, canonicalUrl, title: page.title });
  const [caseId, screenshot, environment] = await Promise.all([
    deps.threadCaseIdOf(canonicalUrl),
    // A screenshot is extra evidence: failing to take one must not lose the capture.
    deps.captureScreenshot(tab.windowId, request.rect).catch(() => undefined),
    deps.environment(),
  ]);
  const snapshot = request.snapshot !== undefined ? new Blob([request.snapshot], { type: 'text/plain;charset=utf-8' }) : undefined;
  const [snapshotBytes, screenshotBytes] = await Promise.all([bytesOf(snapshot), bytesOf(screenshot)]);
  const settings = await getSettings(deps.db);
  const at = deps.now();
  const officer = settings.officerName.trim() || UNNAMED_OFFICER;
  const department = settings.department.trim() || UNNAMED_DEPARTMENT;
  const record = buildCaptureRecord({
    caseId,
    url: page.url,
    access: { mode, ...(page.referrer ? { referrer: page.referrer } : {}) },
    capturedAt: at,
    environment,
    officer,
    department,
    content,
    observed: {
      ...(page.siteName !== undefined ? { siteName: page.siteName } : {}),
      ...(post.publishedAt !== undefined ? { publishedAt: post.publishedAt } : {}),
      ...(post.replies !== undefined ? { replies: post.replies } : {}),
      ...(post.views !== undefined ? { views: post.views } : {}),
    },
    ...(snapshotBytes ? { snapshot: snapshotBytes } : {}),
    ...(screenshotBytes ? { screenshot: screenshotBytes } : {}),
  });
  const digest = record.digests.derived.content;
  const title = (page.title.trim() || post.text.trim().slice(0, 60) || post.postId).slice(0, 500);
  const stored = await recordCapture(
    deps.db,
    {
      event: {
        id: deps.newId(),
        caseId,
        at,
        actor: { officer, department },
        type: 'captured',
        payload: {
          url: page.url,
          canonicalUrl,
          site: post.site,
          ...(page.siteName !== undefined ? { siteName: page.siteName } : {}),
          postId: post.postId,
          ...(post.floor !== undefined ? { floor: post.floor } : {}),
          title,
          ...(post.author !== undefined ? { author: post.author } : {}),
          ...(post.publishedAt !== undefined ? { publishedAt: post.publishedAt } : {}),
          excerpt: post.text.trim().slice(0, 2000),
          matchedTerms: request.matchedTerms,
          ...(post.replies !== undefined ? { replies: post.replies } : {}),
          ...(post.views !== undefined ? { views: post.views } : {}),
          digest,
        },
      },
      content: {
        caseId,
        html,
        text: post.text,
        digest,
        url: page.url,
        capturedAt: at,
        record,
        recordDigest: recordDigestOf(record),
        ...(screenshot ? { screenshot } : {}),
        ...(snapshot ? { snapshot } : {}),
      },
    },
    { now: deps.now },
  );
  if (stored.ok) deps.onCaptured?.(stored.data.caseId);
  return stored;
}

async function bytesOf(blob: Blob | undefined): Promise<Uint8Array | undefined> {
  return blob ? bytesOfBlob(blob) : undefined;
}

/**
 * Extracts what `order` names from `tab` and captures it. The extraction is
 * validated like any inbound payload, and its matched terms are recomputed.
 */
export async function captureFromTab(
  deps: CaptureDeps,
  tab: SenderTab,
  order: CaptureOrder,
): Promise<Result<CapturePostResponse>> {
  if (tab.url !== undefined && !/^https?:\/\//i.test(tab.url)) return fail('invalid-input', '只能采集 http(s) 网页。');
  let extracted: Result<CapturePostRequest>;
  try {
    extracted = await deps.extractFromTab(tab, order);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return fail('unavailable', `无法读取该网页的内容：${detail}`);
  }
  if (!extracted || typeof extracted !== 'object' || !('ok' in extracted)) return fail('internal', '采集脚本的回答格式不正确。');
  if (!extracted.ok) return extracted;
  const parsed = CapturePostRequestSchema.safeParse(extracted.data);
  if (!parsed.success) return invalidInput('网页提取结果', parsed.error);
  const matchedTerms = await deps.matchTerms(`${parsed.data.page.title}\n${parsed.data.post.text}`);
  return capturePost(deps, { ...parsed.data, matchedTerms }, tab, order.mode);
}

/** The `capturePost` handler: the tab comes from the browser's sender, never the payload. */
export function handleCapturePost(deps: CaptureDeps) {
  return (order: CapturePostOrder, context: HandlerContext): Promise<Result<CapturePostResponse>> => {
    if (!context.tab) return Promise.resolve(fail('no-tab', '采集请求缺少来源标签页。'));
    return captureFromTab(deps, context.tab, { mode: 'post', postId: order.postId });
  };
}
