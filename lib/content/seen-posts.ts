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
  /**
   * Records a post the flagger located; `rawText` is its body's textContent.
   * Later sightings keep the first. Its id is read at the next `settle` or
   * read of the registry, not now (a generic post's id is digested when read).
   */
  remember(ref: PostRef, rawText: string): void;
  /** Reads the ids of the posts remembered since the last read (the flagger calls it when the page is idle). */
  settle(): void;
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
  // Posts remembered but not yet keyed by id, in the order shown: reading a
  // generic post's id digests its text, and the first scan of a long thread
  // remembers a thousand posts. Their refs (and elements) are held only until
  // the next settle, which the flagger asks for when the page is idle.
  let pending: { ref: PostRef; rawText: string }[] = [];
  const settle = () => {
    if (pending.length === 0) return;
    const batch = pending;
    pending = [];
    for (const { ref, rawText } of batch) {
      const postId = ref.postId;
      if (posts.has(postId) || posts.size >= MAX_POSTS) continue;
      const post: SeenPost = { postId, kind: ref.kind, text: rawText };
      posts.set(postId, post);
      raw.add(post);
    }
  };
  return {
    remember(ref, rawText) {
      // Beyond the cap nothing more is kept; settled first, so the cap counts posts, not sightings.
      if (posts.size + pending.length >= MAX_POSTS) settle();
      if (posts.size < MAX_POSTS) pending.push({ ref, rawText });
    },
    settle,
    rememberFields(data) {
      settle();
      const seen = posts.get(data.postId);
      if (seen && !seen.data) seen.data = data;
    },
    get: (postId) => {
      settle();
      const post = posts.get(postId);
      return post && settled(post);
    },
    all: () => {
      settle();
      return Array.from(posts.values(), settled);
    },
    get size() {
      settle();
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
