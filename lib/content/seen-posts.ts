/**
 * Every post this page has shown, remembered after the page removes it.
 *
 * Comment lists that recycle their rows (virtualized lists keep ~20 rows in
 * the DOM and re-render them while the reader scrolls) drop a post's element
 * as soon as it scrolls away. The flagger records here each post it sees —
 * id, kind, body text, and its fields when it is cheap to read them — so a
 * post that was shown once can still be captured, and a whole-thread
 * capture holds every post the officer scrolled past.
 *
 * The capture script runs in the same isolated world as the content script
 * but is bundled apart: the registry is published on that world's global
 * object under {@link SEEN_POSTS_GLOBAL}, which the page's own scripts cannot
 * see (isolated worlds share the DOM, not globals).
 */
import type { PostData, PostKind, PostRef } from '../sites/types';

/** Name of the registry on the isolated world's global object. */
export const SEEN_POSTS_GLOBAL = '__yuqingSeenPosts';

/** Most posts remembered per page: a day of scrolling a busy thread, a few MB at most. */
const MAX_POSTS = 20_000;

/** One remembered post. */
export interface SeenPost {
  postId: string;
  kind: PostKind;
  /** The body's text when first seen, whitespace collapsed. */
  text: string;
  /** All fields, when they were read while the post was on the page. */
  data?: PostData;
}

/** The registry of one page. */
export interface SeenPosts {
  /** Records a post the flagger located; `rawText` is its body's textContent. Later sightings keep the first. */
  remember(ref: PostRef, rawText: string): void;
  /** Adds the fields read from the page to a remembered post. */
  rememberFields(data: PostData): void;
  /** A remembered post by id. */
  get(postId: string): SeenPost | undefined;
  /** Every remembered post, in the order first shown. */
  all(): SeenPost[];
  readonly size: number;
}

/** Creates an empty registry. */
export function createSeenPosts(): SeenPosts {
  const posts = new Map<string, SeenPost>();
  // Posts whose text is still as the page gave it. Collapsing whitespace
  // copies the whole body, and the flagger remembers every post of a
  // 1,000-post thread during the page's first scan: it is done when a
  // post is read (a capture), not when it is remembered.
  const raw = new Set<SeenPost>();
  const settled = (post: SeenPost): SeenPost => {
    if (raw.delete(post)) post.text = post.text.replace(/\s+/g, ' ').trim();
    return post;
  };
  return {
    remember(ref, rawText) {
      if (posts.has(ref.postId) || posts.size >= MAX_POSTS) return;
      const post: SeenPost = { postId: ref.postId, kind: ref.kind, text: rawText };
      posts.set(ref.postId, post);
      raw.add(post);
    },
    rememberFields(data) {
      const seen = posts.get(data.postId);
      if (seen && !seen.data) seen.data = data;
    },
    get: (postId) => {
      const post = posts.get(postId);
      return post && settled(post);
    },
    all: () => Array.from(posts.values(), settled),
    get size() {
      return posts.size;
    },
  };
}

/** Publishes the registry for the capture script. */
export function publishSeenPosts(registry: SeenPosts, scope: object = globalThis): void {
  Object.defineProperty(scope, SEEN_POSTS_GLOBAL, { value: registry, configurable: true });
}

/** The registry the content script published in this world, if any. */
export function seenPostsOf(scope: object = globalThis): SeenPosts | undefined {
  const value = (scope as Record<string, unknown>)[SEEN_POSTS_GLOBAL];
  return value && typeof value === 'object' && 'all' in value ? (value as SeenPosts) : undefined;
}
