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
import { fitPost } from '../../extract/fit-post';
import { SCREENSHOT_MISSING_NOTES, type ScreenshotMissing } from '../../background/screenshot';
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
  /**
   * The captured tab's screenshot cropped to `rect`, taken only while that tab
   * is the one shown (lib/background/screenshot.ts), else why it is missing.
   */
  captureScreenshot: (tab: SenderTab, rect?: CaptureRect) => Promise<Blob | ScreenshotMissing | undefined>;
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
  /** What the stored copy leaves out (fitPost), in Chinese. */
  omitted: readonly string[] = [],
): Promise<Result<CapturePostResponse>> {
  const { post, page } = request;
  const canonicalUrl = page.canonicalUrl ?? page.url;
  const html = post.html;
  // Only what the author wrote and where: the same post captured again gives the same digest.
  const content = postContentOf({ ...post, canonicalUrl, title: page.title });
  const [caseId, shot, environment] = await Promise.all([
    deps.threadCaseIdOf(canonicalUrl),
    // A screenshot is extra evidence: failing to take one must not lose the capture.
    deps.captureScreenshot(tab, request.rect).catch((): ScreenshotMissing => ({ missing: 'capture-failed' })),
    deps.environment(),
  ]);
  const missing = shot && 'missing' in shot ? shot.missing : undefined;
  const screenshot = shot && !('missing' in shot) ? shot : undefined;
  const notes = [...omitted, ...(missing ? [SCREENSHOT_MISSING_NOTES[missing]] : [])];
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
    notes,
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
        ...(notes.length > 0 ? { notes } : {}),
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
  const { data, omitted } = fitted(extracted.data);
  const parsed = CapturePostRequestSchema.safeParse(data);
  if (!parsed.success) return captureRefused(parsed.error.issues);
  const matchedTerms = await deps.matchTerms(`${parsed.data.page.title}\n${parsed.data.post.text}`);
  return capturePost(deps, { ...parsed.data, matchedTerms }, tab, order.mode, omitted);
}

/** The parts of a post as the officer names them, by the extraction's field path. */
const CAPTURE_FIELD_NAMES: Readonly<Record<string, string>> = {
  'post.postId': '帖子编号',
  'post.site': '网站名',
  'post.author': '发帖人',
  'post.publishedAt': '发帖时间',
  'post.floor': '楼层',
  'post.text': '帖子正文',
  'post.html': '帖子版式',
  'post.replies': '回复数',
  'post.views': '浏览数',
  'page.url': '网页地址',
  'page.canonicalUrl': '帖子的规范地址',
  'page.title': '网页标题',
  'page.siteName': '网站名称',
};

/** Messages written for officers (Chinese, e.g. the schema's "须为 http(s) 地址"), as opposed to zod's English defaults. */
const OFFICER_WORDED = /[\u4e00-\u9fff]/;

/** A schema issue as zod reports it (v4: `origin` says whether a bound is on a number or a length). */
type RefusalIssue = { path: readonly PropertyKey[]; message: string; code?: string; origin?: string; maximum?: unknown; minimum?: unknown };

/** Why one part could not be taken, in plain Chinese (zod's own wording goes to the log, not to the officer). */
function plainReason(issue: RefusalIssue): string {
  if (issue.code === 'too_big' && typeof issue.maximum === 'number') return `过长（最多 ${issue.maximum.toLocaleString('en-US')} 字）`;
  if (OFFICER_WORDED.test(issue.message)) return `不正确（${issue.message}）`;
  if (issue.code === 'invalid_type') return /received undefined/.test(issue.message) ? '缺失（网页上没有找到）' : '格式不对';
  if (issue.code === 'too_small' && (issue.origin === 'number' || issue.origin === 'int')) return `不能小于 ${String(issue.minimum)}`;
  if (issue.code === 'too_small') return issue.minimum === 1 ? '为空' : '过短';
  return '不符合要求';
}

/**
 * A capture refused for what the page gave, in the officer's words:
 * “采集失败：网页标题过长（最多 500 字）；发帖人缺失（网页上没有找到）。”
 * rather than a JSON path and zod's English. The issues (with their paths
 * and zod's messages) stay attached to the error and are logged for diagnosis.
 */
export function captureRefused(issues: readonly RefusalIssue[]): Result<never> {
  console.warn('capture refused: the extraction does not fit the capture schema', issues);
  const sentences = issues.map((issue) => {
    const path = issue.path.map(String).join('.');
    return `${CAPTURE_FIELD_NAMES[path] ?? (path ? '提取结果的一部分' : '提取结果')}${plainReason(issue)}`;
  });
  const refused = invalidInput<never>('网页提取结果', { issues });
  return refused.ok ? refused : { ok: false, error: { ...refused.error, message: `采集失败：${[...new Set(sentences)].join('；')}。` } };
}

/**
 * An extraction whose post is too large to store whole (e.g. a 6 MB pasted
 * photo inlined as a data: URL), fitted to the limits before validation, so
 * it is captured with its text and a note of what was left out. Anything
 * not shaped like a post is passed on for the schema to refuse.
 */
function fitted(data: unknown): { data: unknown; omitted: string[] } {
  if (!data || typeof data !== 'object' || !('post' in data)) return { data, omitted: [] };
  const post: unknown = data.post;
  if (!post || typeof post !== 'object' || !('html' in post) || !('text' in post)) return { data, omitted: [] };
  const { html, text } = post;
  if (typeof html !== 'string' || typeof text !== 'string') return { data, omitted: [] };
  const fit = fitPost({ html, text });
  if (fit.notes.length === 0) return { data, omitted: [] };
  return { data: { ...data, post: { ...post, html: fit.html, text: fit.text } }, omitted: fit.notes };
}

/** The `capturePost` handler: the tab comes from the browser's sender, never the payload. */
export function handleCapturePost(deps: CaptureDeps) {
  return (order: CapturePostOrder, context: HandlerContext): Promise<Result<CapturePostResponse>> => {
    if (!context.tab) return Promise.resolve(fail('no-tab', '采集请求缺少来源标签页。'));
    return captureFromTab(deps, context.tab, { mode: 'post', postId: order.postId });
  };
}
