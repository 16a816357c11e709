/**
 * The zod schema of every message payload in protocol.ts. The receiving end
 * parses with these (`handle` in handle.ts), because a content script's data
 * comes from a hostile page and a bad payload must be refused, not cast.
 */
import { z } from 'zod';
import { MAX_POST_HTML, MAX_POST_TEXT } from '../extract/fit-post';
import type { MessageKey } from '../i18n/translate';
import type { FoldPair } from '../match/fold-table';
import type { PackedMatcher } from '../match/packed';
import type { WatchEntry } from '../match/schema';
import { MAX_POST_ID_LENGTH } from '../sites/post-id';
import { MAX_POST_STATES_PER_REQUEST } from './limits';

const HttpUrl = z
  .string()
  .max(4000)
  .regex(/^https?:\/\//i, { message: '须为 http(s) 地址' });
const Count = z.number().int().nonnegative().max(1e12);
/** A post's id as lib/sites gives it (longer page ids are shortened there: lib/sites/post-id.ts). */
const PostIdSchema = z.string().trim().min(1).max(MAX_POST_ID_LENGTH);

/** Longest raw DOM snapshot carried (UTF-16 code units); a larger page is captured without one. */
export const MAX_SNAPSHOT_CHARS = 10_000_000;

/** The post as the content script's site adapter found it. */
export const CapturedPostSchema = z.object({
  site: z.string().trim().min(1).max(100),
  postId: PostIdSchema,
  floor: z.number().int().nonnegative().optional(),
  author: z.string().max(200).optional(),
  publishedAt: z.string().max(40).optional(),
  text: z.string().max(MAX_POST_TEXT),
  /** HTML of the post, sanitized with DOMPurify by the capture script in the tab's isolated world. */
  html: z.string().max(MAX_POST_HTML),
  replies: Count.optional(),
  views: Count.optional(),
});
/** The post as the content script found it. */
export type CapturedPost = z.infer<typeof CapturedPostSchema>;

/** The page the post is on. */
export const CapturedPageSchema = z.object({
  url: HttpUrl,
  canonicalUrl: HttpUrl.optional(),
  title: z.string().max(500),
  siteName: z.string().max(200).optional(),
  /** The page the officer came from (document.referrer), for the extraction record. */
  referrer: z.string().max(4000).optional(),
});
/** The page the post is on. */
export type CapturedPage = z.infer<typeof CapturedPageSchema>;

/** Where the post is on screen, in CSS pixels, for cropping the screenshot. */
export const CaptureRectSchema = z.object({
  x: z.number().finite(),
  y: z.number().finite(),
  width: z.number().finite().nonnegative(),
  height: z.number().finite().nonnegative(),
  devicePixelRatio: z.number().finite().positive().max(16),
});
/** Where the post is on screen. */
export type CaptureRect = z.infer<typeof CaptureRectSchema>;

/** What the capture script extracts from a tab: the post (or page, or selection) and where it is. */
export const CapturePostRequestSchema = z.object({
  post: CapturedPostSchema,
  page: CapturedPageSchema,
  matchedTerms: z.array(z.string().max(100)).max(200),
  rect: CaptureRectSchema.optional(),
  /**
   * The raw DOM snapshot: the page's serialized DOM as the browser held it,
   * unsanitized. Original evidence, stored as bytes and never rendered.
   */
  snapshot: z.string().max(MAX_SNAPSHOT_CHARS).optional(),
});
/** The capture script's extraction. */
export type CapturePostRequest = z.infer<typeof CapturePostRequestSchema>;
/** `capturePost` answer. */
export interface CapturePostResponse {
  caseId: string;
  /** True when the capture opened a new case (a new 舆情, with its own clocks). */
  created: boolean;
  /** True when the post joined a case that was already open (another floor of its thread): "已加入案件". */
  joined: boolean;
  /** The case's title, for "已加入案件 …". */
  title: string;
}

/**
 * `getPostStates`: the content script asks which posts on the page are
 * already cases, either by case id, or by the page's canonical URL and the
 * posts' own ids (the background derives the case ids; answers are then
 * keyed by post id).
 */
export const GetPostStatesRequestSchema = z.union([
  z.object({ caseIds: z.array(z.string().trim().min(1).max(200)).max(MAX_POST_STATES_PER_REQUEST) }),
  z.object({ canonicalUrl: HttpUrl, postIds: z.array(PostIdSchema).max(MAX_POST_STATES_PER_REQUEST) }),
]);
/** `getPostStates` payload. */
export type GetPostStatesRequest = z.infer<typeof GetPostStatesRequestSchema>;
/** A captured post's state, for its badge in the page. */
export interface PostState {
  status: string;
  /**
   * True when this post itself is evidence of the case ("已采集"); false when
   * another floor of its thread is ("本帖已立案"), so it can still be added.
   */
  evidence?: boolean;
  claimedBy?: string;
  nextDeadlineAt?: number;
  nextDeadlineStep?: string;
  /** The deadline runs past the official calendar data (shown as 暂定). */
  provisional?: boolean;
}
/** `getPostStates` answer: only the ids that are cases appear. */
export type PostStates = Record<string, PostState>;

/** `getContentConfig`: what the content script needs to flag posts (it cannot read the database). */
export const GetContentConfigRequestSchema = z.object({}).strict();
/** `getContentConfig` payload. */
export type GetContentConfigRequest = z.infer<typeof GetContentConfigRequestSchema>;
/**
 * The messages the content script shows (capture badge, case state,
 * countdowns: lib/content/start.ts and lib/format/duration.ts). They travel
 * as templates in `ContentConfig.messages`, so the always-on script bundles
 * no catalogue; add a key here when the content script starts using it.
 */
export const CONTENT_MESSAGE_KEYS = [
  'captureButton',
  'capturing',
  'captured',
  'captureFailed',
  'flaggedTitle',
  'openDesk',
  'stateCaptured',
  'stateClaimedBy',
  'case_threadState',
  'case_joined',
  'remaining',
  'overdueBy',
  'minutes',
  'hours',
  'days',
  'guardExtensionUnreachable',
  'guardProvisionalMark',
] as const satisfies readonly MessageKey[];
/** A message the content script shows. */
export type ContentMessageKey = (typeof CONTENT_MESSAGE_KEYS)[number];

/**
 * `getContentConfig` answer: everything the always-on content script needs,
 * prepared by the background so the script ships neither OpenCC's table, nor
 * zod, nor the catalogues.
 */
export interface ContentConfig {
  /** The officer's UI language. */
  locale: 'zh_CN' | 'en';
  /** The active watch list's entries. */
  watchlist: WatchEntry[];
  /**
   * The traditional/variant character pairs this watch list needs
   * (`relevantFoldPairs`): `buildFoldTable` of them matches exactly as the
   * full table does.
   */
  foldPairs: FoldPair[];
  /**
   * The list's matcher, built once in the background for this list version
   * (lib/match/packed.ts): the page loads it instead of compiling. Absent
   * when it could not be built; the page then compiles the list itself.
   */
  matcher?: PackedMatcher;
  /** Unfilled templates of `CONTENT_MESSAGE_KEYS` in `locale` (`translatorOf` fills them). */
  messages: Record<ContentMessageKey, string>;
}

/** `setFlaggedCount`: number of flagged posts on the sender's tab (toolbar badge). */
export const SetFlaggedCountRequestSchema = z.object({ count: z.number().int().nonnegative().max(100_000) });
/** `setFlaggedCount` payload. */
export type SetFlaggedCountRequest = z.infer<typeof SetFlaggedCountRequestSchema>;

/** `openSidePanel`: open the side panel on the sender's tab. */
export const OpenSidePanelRequestSchema = z.object({}).strict();
/** `openSidePanel` payload. */
export type OpenSidePanelRequest = z.infer<typeof OpenSidePanelRequestSchema>;

/** `captureActivePage`: the popup or context menu asks to capture a tab (default: the active one). */
export const CaptureActivePageRequestSchema = z.object({
  tabId: z.number().int().nonnegative().optional(),
  selectionOnly: z.boolean().optional(),
});
/** `captureActivePage` payload. */
export type CaptureActivePageRequest = z.infer<typeof CaptureActivePageRequestSchema>;

/**
 * `capturePost`: the content script names the flagged post to capture. Only
 * its id crosses: the background has the on-demand capture script read every
 * field from the page itself, so a page cannot forge a capture's content.
 */
export const CapturePostOrderSchema = z.object({ postId: PostIdSchema });
/** `capturePost` payload. */
export type CapturePostOrder = z.infer<typeof CapturePostOrderSchema>;

/** `ping`: round trip check (e2e). */
export const PingRequestSchema = z.object({}).strict();
/** `ping` payload. */
export type PingRequest = z.infer<typeof PingRequestSchema>;

/** `recheckCase`: the desk asks the background to re-check a case's sources now (立即复查). */
export const RecheckCaseRequestSchema = z.object({ caseId: z.string().trim().min(1).max(200) }).strict();
/** `recheckCase` payload. */
export type RecheckCaseRequest = z.infer<typeof RecheckCaseRequestSchema>;
/** `recheckCase` answer: how many source posts were read, by outcome. */
export interface RecheckCaseResponse {
  caseId: string;
  checked: number;
  outcomes: { found: number; deleted: number; edited: number; failed: number };
}

/** `getOfficeHub` / `pushToOfficeHub`: no payload (the link is read from local storage). */
export const OfficeHubRequestSchema = z.object({}).strict();
/** `getOfficeHub` / `pushToOfficeHub` payload. */
export type OfficeHubRequest = z.infer<typeof OfficeHubRequestSchema>;
/**
 * `saveOfficeHub`: the settings' office hub section (上报至办公室). The
 * address and token are checked in full by lib/office-push/desk.ts; here only
 * their shape and size. An empty `token` keeps the stored one; an empty
 * `url` removes the link.
 */
export const SaveOfficeHubRequestSchema = z
  .object({ url: z.string().max(2000), token: z.string().max(200), auto: z.boolean() })
  .strict();
/** `saveOfficeHub` payload. */
export type SaveOfficeHubRequest = z.infer<typeof SaveOfficeHubRequestSchema>;
