/**
 * Adapters described as data: where an engine's template prints the post
 * container, its id, body, author, time and floor. Most forum engines need
 * nothing more, so each is a table (engines.ts) read by one function here.
 *
 * Times: an attribute time (`datetime`, `content` of a meta, `data-time`,
 * `title`) beats the printed text, which is often relative ("3 天前").
 */
import { cleanText, fingerprintIn, generatorOf, readText } from './dom.ts';
import { parseChineseTime } from './parse-time.ts';
import { fnv1a32 } from '../text/fnv1a.ts';
import type { AdapterContext, FoundPost, PostKind, SiteAdapter, SiteKey } from './types.ts';

/** One engine's template, as selectors and small readers. */
export interface EngineSpec {
  key: SiteKey;
  /** Present only on this engine's pages (score 90). */
  fingerprint: string;
  /** Generator meta naming the engine (score 100). */
  generator?: RegExp;
  /** Host names of the platform (score 60 without the DOM markers). */
  hosts?: RegExp;
  /** Post containers, tried in order: the first selector that finds any is used. */
  posts: string[];
  /** The body inside a container; the post is skipped when absent (deleted, placeholder). */
  body: string;
  /** The post's id from its container. */
  id(post: Element, index: number): string | undefined;
  /** Author: a selector (text, or `content` of a meta) or a reader. */
  author?: string | ((post: Element) => string | undefined);
  /** Time element(s): attribute times first, then text. */
  time?: string;
  /** Where the IP-location label is printed (`IP 属地重庆`): kept as a field, never as text. */
  location?: string;
  /** Floor number (1 = first post). */
  floor?(post: Element, index: number): number | undefined;
  /** Thread or page title. */
  title?: string;
  kind?: PostKind;
  /** The container of the post this one replies to (nested replies). */
  parentOf?(post: Element): Element | null;
}

/** An adapter from an engine table. */
export function engineAdapter(spec: EngineSpec): SiteAdapter {
  const containers = spec.posts.join(', ');
  const adapter: SiteAdapter = {
    key: spec.key,
    containerSelector: containers,
    detect(doc, url) {
      const generator = generatorOf(doc);
      if (spec.generator?.test(generator)) return 100;
      if (fingerprintIn(doc, spec.fingerprint)) return 90;
      return url && spec.hosts?.test(url.hostname) ? 60 : 0;
    },
    pageKind: () => 'thread',
    title: (doc) => (spec.title ? cleanText(doc.querySelector(spec.title)?.textContent) || undefined : undefined),
    readPost: (post, ctx, index) => readEnginePost(spec, post, ctx, index),
    findAll(root, ctx) {
      const out: FoundPost[] = [];
      const list = containersUnder(spec, root);
      list.forEach((post, i) => {
        const found = readEnginePost(spec, post, ctx, i);
        if (found) out.push(found);
      });
      return out;
    },
  };
  return adapter;
}

/** The containers under `root` (or the one enclosing it), by the first selector that finds any. */
function containersUnder(spec: EngineSpec, root: ParentNode): Element[] {
  if ('closest' in root && typeof root.closest === 'function') {
    const enclosing = (root as Element).closest(spec.posts.join(', '));
    if (enclosing) return [enclosing];
  }
  for (const selector of spec.posts) {
    const found = Array.from(root.querySelectorAll(selector));
    if (found.length > 0) return found;
  }
  return [];
}

function readEnginePost(spec: EngineSpec, post: Element, ctx: AdapterContext, index: number): FoundPost | null {
  const body = post.querySelector(spec.body);
  if (!body) return null;
  const postId = spec.id(post, index);
  if (!postId) return null;
  const found: FoundPost = {
    site: spec.key,
    kind: spec.kind ?? 'post',
    postId,
    text: readText(body),
    element: post,
    bodyElement: body,
  };
  const author = typeof spec.author === 'function' ? spec.author(post) : spec.author ? valueOf(post.querySelector(spec.author)) : undefined;
  if (author) found.author = author;
  const time = spec.time ? readTimeIn(post, spec.time, ctx.now) : undefined;
  if (time) found.publishedAt = time;
  const location = spec.location ? locationIn(post.querySelector(spec.location)?.textContent) : undefined;
  if (location) found.location = location;
  const floor = spec.floor?.(post, index);
  if (floor !== undefined) found.floor = floor;
  const parent = spec.parentOf?.(post);
  if (parent) {
    const parentId = spec.id(parent, 0);
    if (parentId) found.parentId = parentId;
  }
  return found;
}

/** Text of an element, or `content` of a meta. */
export function valueOf(el: Element | null | undefined): string | undefined {
  if (!el) return undefined;
  const v = el.tagName === 'META' ? el.getAttribute('content') : el.textContent;
  return cleanText(v) || undefined;
}

/**
 * The time of the first element matching `selector` under `root` that gives
 * one: attribute times (`datetime`, meta `content`, `data-time`,
 * `data-timestamp`, `title`) before the printed text.
 */
export function readTimeIn(root: Element, selector: string, now: Date): string | undefined {
  for (const el of Array.from(root.querySelectorAll(selector))) {
    for (const raw of [el.getAttribute('datetime'), el.tagName === 'META' ? el.getAttribute('content') : null, el.getAttribute('data-time'), el.getAttribute('data-timestamp'), el.getAttribute('title')]) {
      const t = raw ? parseChineseTime(raw.trim(), now) : undefined;
      if (t) return t;
    }
    const text = cleanText(el.textContent).replace(/^(发表于|发布于|发布时间|发表时间|修改于|Posted)\s*[:：]?\s*/i, '');
    const t = text ? parseChineseTime(text, now) : undefined;
    if (t) return t;
  }
  return undefined;
}

/** The place of an IP-location label (`IP属地：澜江市`, `IP 属地重庆`, `来自澜江市`), without its prefix. */
export function locationIn(text: string | null | undefined): string | undefined {
  return LOCATION_LABEL.exec(text ?? '')?.[1];
}

/** An IP-location label: where the writer's IP is, not what the post is about. Group 1 is the place. */
export const LOCATION_LABEL = /(?:IP\s*属地|IP\s*归属地|来自)\s*[:：]?\s*([\u4e00-\u9fa5A-Za-z·]{2,16})/;

/** How many characters of a post's cleaned text `contentId` digests. */
export const CONTENT_ID_TEXT_CHARS = 80;

/**
 * An id for a post the page gives none: a digest of author, time and the
 * start of the text (its first `CONTENT_ID_TEXT_CHARS` characters), the same
 * each time the post is shown (a recycling list re-renders it with the same id).
 */
export function contentId(author: string | undefined, time: string | undefined, text: string): string {
  return `r-${fnv1a32(`${author ?? ''}|${time ?? ''}|${text.slice(0, CONTENT_ID_TEXT_CHARS)}`).toString(36)}`;
}

/** Digits of an attribute value (`post-123` → `123`). */
export function digitsOf(value: string | null | undefined): string | undefined {
  return /(\d+)/.exec(value ?? '')?.[1];
}
