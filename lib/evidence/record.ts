/**
 * What a capture keeps as evidence, and its extraction record (提取笔录).
 *
 * Original and derived are kept apart (the 2016 两高一部 rules on electronic
 * data ask for the original medium where possible and an integrity value for
 * each item):
 * - original: the raw DOM snapshot of the page as the browser held it, and
 *   the screenshot; each has its own SHA-256, which changes whenever the page
 *   does (a view counter, the page's clock).
 * - derived: the post's content (canonical URL, the adapter's fields, title,
 *   extracted text, sanitized HTML) and its reproducible content digest,
 *   which covers nothing volatile — not the capture time, not the view and
 *   reply counters, not the publish time (a relative "3 分钟前" resolves
 *   against the page's clock), not the URL's tracking parameters — so an
 *   unchanged post captured again gives the same digest.
 *
 * The record names everything the 2021 procuratorate rules on network crimes
 * ask an on-line extraction to note: URL and how it was reached, page title,
 * time (UTC+8), tool and version, browser and OS, officer and department,
 * and every digest. Its own SHA-256 (the capture digest) is what a trusted
 * timestamp covers.
 */
import { z } from 'zod';
import { canonicalJson, sha256HexOfBytes, sha256HexOfJson, sha256HexOfText, SHA256_HEX } from './hash';
import { formatChinaTime } from '../format/china-time';

/** Format tags written into the files, so a reader years later knows what they hold. */
export const CONTENT_FORMAT = 'yq-post-content/1';
export const RECORD_FORMAT = 'yq-capture-record/1';

/** The post's content: exactly what the content digest covers. */
export interface PostContent {
  format: typeof CONTENT_FORMAT;
  canonicalUrl: string;
  site: string;
  postId: string;
  floor?: number;
  author?: string;
  title: string;
  /** Extracted text (whitespace collapsed by the site adapter). */
  text: string;
  /** Sanitized HTML of the post body (lib/extract/sanitize.ts). */
  html: string;
}

/** The fields of a post a content digest is made from; anything else given is ignored. */
export interface PostContentInput {
  canonicalUrl: string;
  site: string;
  postId: string;
  floor?: number | undefined;
  author?: string | undefined;
  title: string;
  text: string;
  html: string;
}

/** The content of a post, volatile fields dropped (see the module comment for why each one). */
export function postContentOf(input: PostContentInput): PostContent {
  return {
    format: CONTENT_FORMAT,
    canonicalUrl: input.canonicalUrl,
    site: input.site,
    postId: input.postId,
    ...(input.floor !== undefined ? { floor: input.floor } : {}),
    ...(input.author !== undefined ? { author: input.author } : {}),
    title: input.title,
    text: input.text,
    html: input.html,
  };
}

/** The content file's text (canonical JSON); its SHA-256 is the content digest. */
export function contentFileText(content: PostContent): string {
  return canonicalJson(content);
}

/** The reproducible content digest (SHA-256 hex of `contentFileText`). */
export function contentDigestOf(content: PostContent): string {
  return sha256HexOfText(contentFileText(content));
}

const Hex = z.string().regex(SHA256_HEX, { message: '须为 64 位小写十六进制 SHA-256' });
const HttpUrl = z.string().max(4000).regex(/^https?:\/\//i, { message: '须为 http(s) 地址' });

/** Every digest of a capture, original and derived apart. */
export const EvidenceDigestsSchema = z.object({
  algorithm: z.literal('SHA-256'),
  original: z.object({
    /** The raw DOM snapshot (dom-snapshot.html.txt). */
    snapshot: Hex.optional(),
    /** The screenshot PNG. */
    screenshot: Hex.optional(),
  }),
  derived: z.object({
    /** The content file (content.json): the reproducible content digest. */
    content: Hex,
    /** The extracted text file (post.txt). */
    text: Hex,
    /** The sanitized HTML file (post.html). */
    html: Hex,
  }),
});
export type EvidenceDigests = z.infer<typeof EvidenceDigestsSchema>;

/** How the page was reached and read. */
export const ACCESS_MODES = ['post', 'selection', 'page'] as const;

/** The extraction record (提取笔录) of one capture. */
export const CaptureRecordSchema = z.object({
  format: z.literal(RECORD_FORMAT),
  caseId: z.string().min(1).max(200),
  /** The address the browser showed (as reached, tracking parameters and all). */
  url: HttpUrl,
  /** The page's canonical address (what case identity and the content digest use). */
  canonicalUrl: HttpUrl,
  access: z.object({
    /** What was captured: one post by its badge, the officer's selection, or the whole page. */
    mode: z.enum(ACCESS_MODES),
    /** The page the officer came from (document.referrer), when the browser told it. */
    referrer: z.string().max(4000).optional(),
  }),
  title: z.string().max(500),
  /** Epoch ms of the capture. */
  capturedAt: z.number().int().nonnegative(),
  /** The same instant written in China time, e.g. "2026-11-30 08:26:03 (UTC+8)". */
  capturedAtChina: z.string().max(40),
  tool: z.object({ name: z.string().max(100), version: z.string().max(40) }),
  environment: z.object({ browser: z.string().max(500), os: z.string().max(200) }),
  officer: z.string().max(100),
  department: z.string().max(100),
  /** The adapter's fields as seen at capture, volatile ones included (outside the content digest). */
  post: z.object({
    site: z.string().max(100),
    siteName: z.string().max(200).optional(),
    postId: z.string().max(200),
    floor: z.number().int().nonnegative().optional(),
    author: z.string().max(200).optional(),
    publishedAt: z.string().max(40).optional(),
    replies: z.number().int().nonnegative().optional(),
    views: z.number().int().nonnegative().optional(),
  }),
  digests: EvidenceDigestsSchema,
  /**
   * What the stored evidence lacks, in the officer's words (no screenshot and
   * why, inline images left out of an oversized post). Absent when complete,
   * and on records written before notes existed.
   */
  notes: z.array(z.string().min(1).max(500)).max(20).optional(),
});
export type CaptureRecord = z.infer<typeof CaptureRecordSchema>;

/** Tool and environment of the capture (the background reads them from the browser). */
export interface CaptureEnvironment {
  tool: { name: string; version: string };
  browser: string;
  os: string;
}

/** Everything a record is built from. */
export interface CaptureRecordInput {
  caseId: string;
  url: string;
  access: CaptureRecord['access'];
  capturedAt: number;
  environment: CaptureEnvironment;
  officer: string;
  department: string;
  content: PostContent;
  /** What the page showed besides the content (volatile or presentational): kept in the record only. */
  observed: Pick<CaptureRecord['post'], 'siteName' | 'publishedAt' | 'replies' | 'views'>;
  /** Raw DOM snapshot bytes (UTF-8 of the page's serialized DOM). */
  snapshot?: Uint8Array;
  /** Screenshot PNG bytes. */
  screenshot?: Uint8Array;
  /** What the evidence lacks (see {@link CaptureRecordSchema}'s `notes`); empty or absent when complete. */
  notes?: readonly string[];
}

/** The digests of a capture's files. */
export function evidenceDigestsOf(content: PostContent, originals: { snapshot?: Uint8Array; screenshot?: Uint8Array }): EvidenceDigests {
  return {
    algorithm: 'SHA-256',
    original: {
      ...(originals.snapshot ? { snapshot: sha256HexOfBytes(originals.snapshot) } : {}),
      ...(originals.screenshot ? { screenshot: sha256HexOfBytes(originals.screenshot) } : {}),
    },
    derived: { content: contentDigestOf(content), text: sha256HexOfText(content.text), html: sha256HexOfText(content.html) },
  };
}

/** The extraction record of a capture (pure: the caller supplies time, environment and bytes). */
export function buildCaptureRecord(input: CaptureRecordInput): CaptureRecord {
  const { content } = input;
  return {
    format: RECORD_FORMAT,
    caseId: input.caseId,
    url: input.url,
    canonicalUrl: content.canonicalUrl,
    access: input.access,
    title: content.title,
    capturedAt: input.capturedAt,
    capturedAtChina: `${formatChinaTime(input.capturedAt, 'yyyy-MM-dd HH:mm:ss')} (UTC+8)`,
    tool: input.environment.tool,
    environment: { browser: input.environment.browser, os: input.environment.os },
    officer: input.officer,
    department: input.department,
    post: {
      site: content.site,
      postId: content.postId,
      ...(content.floor !== undefined ? { floor: content.floor } : {}),
      ...(content.author !== undefined ? { author: content.author } : {}),
      ...input.observed,
    },
    digests: evidenceDigestsOf(content, input),
    ...(input.notes?.length ? { notes: [...input.notes] } : {}),
  };
}

/** The record file's text (canonical JSON); its SHA-256 is the capture digest a timestamp covers. */
export function recordFileText(record: CaptureRecord): string {
  return canonicalJson(record);
}

/** The capture digest: SHA-256 hex of `recordFileText`. */
export function recordDigestOf(record: CaptureRecord): string {
  return sha256HexOfJson(record);
}

/** The content a stored record and its text/HTML describe (to recompute the content digest). */
export function contentOfRecord(record: CaptureRecord, body: { text: string; html: string }): PostContent {
  return postContentOf({
    canonicalUrl: record.canonicalUrl,
    site: record.post.site,
    postId: record.post.postId,
    floor: record.post.floor,
    author: record.post.author,
    title: record.title,
    ...body,
  });
}
