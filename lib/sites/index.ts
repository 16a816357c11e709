/**
 * Site adapters: which site family a page belongs to, and its posts with
 * their fields and elements.
 *
 * `findPosts` is the contract (plain data); the content script uses
 * `detectSite`, `findPostElements` (posts with `element`/`bodyElement`) and
 * `findPostsIn` (posts inside nodes a MutationObserver reported). List pages
 * (a Discuz forumdisplay, a Tieba front page, a message-board list) show
 * threads, not posts: they give no posts, and `findListedThreads` lists the
 * threads instead.
 *
 * For highlighting, scan `bodyElement.textContent` (raw, so offsets line up
 * with `highlightMatches`); `text` is the same text with whitespace collapsed.
 */
import { elementsIn, isElement } from './dom.ts';
import { boundedPostId, MAX_POST_ID_LENGTH } from './post-id.ts';
import { chooseAdapter } from './registry.ts';
import type { AdapterContext, FoundPost, ListedThread, PostData, PostRef, SiteAdapter, SiteInfo, TextsThatMayMatch } from './types.ts';

export type {
  FoundPost,
  ListedThread,
  MessageBoardFields,
  PageKind,
  PostData,
  PostKind,
  PostRef,
  SiteAdapter,
  SiteInfo,
  SiteKey,
} from './types.ts';
export { ADAPTERS, chooseAdapter } from './registry.ts';
export { parseChineseTime, toChinaIso } from './parse-time.ts';

/** Options of the element-returning finders. */
export interface FindOptions {
  /** Clock for relative times ("6 天前"); defaults to the current time. */
  now?: Date;
}

/** Page-level information: site family, page kind, title, declared canonical URL. */
export function detectSite(doc: Document, url: string): SiteInfo {
  const parsed = parseUrl(url);
  const adapter = adapterFor(doc, url, parsed);
  const title = adapter.title(doc);
  const canonicalUrl = declaredCanonicalUrl(doc, parsed);
  return {
    site: adapter.key,
    pageKind: adapter.pageKind(doc),
    ...(title ? { title } : {}),
    ...(canonicalUrl ? { canonicalUrl } : {}),
  };
}

/** Every post on the page, with its container and body elements. List pages give none. */
export function findPostElements(doc: Document, url: string, options: FindOptions = {}): FoundPost[] {
  const ctx = context(doc, url, options);
  const adapter = adapterFor(doc, url, ctx.url);
  if (adapter.pageKind(doc) === 'list') return [];
  const posts = collect(adapter, doc, ctx);
  // Thread-level counts (查看/回复) belong on the thread's first post.
  const counts = adapter.threadCounts?.(doc);
  const first = posts.find((p) => p.floor === 1) ?? (adapter.key === 'tieba' ? posts[0] : undefined);
  if (first && counts) {
    if (counts.replies !== undefined && first.replies === undefined) first.replies = counts.replies;
    if (counts.views !== undefined && first.views === undefined) first.views = counts.views;
  }
  return posts;
}

/**
 * The posts inside `root` (a node a MutationObserver reported as added), or
 * the post enclosing it. Uses the page's adapter, so call it with the same
 * document and URL as `findPostElements`.
 */
export function findPostsIn(root: Element, doc: Document, url: string, options: FindOptions = {}): FoundPost[] {
  const ctx = context(doc, url, options);
  const adapter = adapterFor(doc, url, ctx.url);
  if (adapter.pageKind(doc) === 'list') return [];
  return collect(adapter, root, ctx);
}

/**
 * The fields of located posts (author, time, floor…), each read from its own
 * container as `findPostsIn(post.element)` reads it; undefined for a post no
 * longer found there. The page (URL, adapter, kind) is looked up once for
 * the batch: the flagger reads the posts a "load more" or a recycling list
 * adds, a few dozen at a time.
 */
export function readPostFields(posts: readonly PostRef[], doc: Document, url: string, options: FindOptions = {}): (PostData | undefined)[] {
  if (posts.length === 0) return [];
  const ctx = context(doc, url, options);
  const adapter = adapterFor(doc, url, ctx.url);
  if (adapter.pageKind(doc) === 'list') return posts.map(() => undefined);
  return posts.map((post) => {
    const found = collect(adapter, post.element, ctx).find((p) => p.postId === post.postId);
    return found ? toPostData(found) : undefined;
  });
}

/**
 * Where every post of the page is (id, container, body), without reading its
 * fields: the content script's flagging path. List pages give none.
 */
export function locatePosts(doc: Document, url: string, options: FindOptions = {}): PostRef[] {
  const ctx = context(doc, url, options);
  const adapter = adapterFor(doc, url, ctx.url);
  if (adapter.pageKind(doc) === 'list') return [];
  return locate(adapter, doc, ctx);
}

/**
 * The page's first scan: where the posts that may be flagged are, by
 * `mayMatch` over their texts, with the page's first post first (its text
 * tells whether the thread names the region). `complete` is false when
 * other posts were left for `locatePosts` in idle time (the generic
 * detector on a page with a long list, see `SiteAdapter.locateWhereMatched`);
 * true when `posts` are every post, as `locatePosts` gives them. Each post
 * given is given as `locatePosts` gives it (same id, same body element).
 */
export function locatePostsToFlag(doc: Document, url: string, mayMatch: TextsThatMayMatch, options: FindOptions & { longList?: number } = {}): { posts: PostRef[]; complete: boolean } {
  const ctx = context(doc, url, options);
  const adapter = adapterFor(doc, url, ctx.url);
  if (adapter.pageKind(doc) === 'list') return { posts: [], complete: true };
  if (!adapter.locateWhereMatched) return { posts: locate(adapter, doc, ctx), complete: true };
  const found = adapter.locateWhereMatched(doc, ctx, mayMatch, options.longList);
  return { posts: withBoundedIds(found.posts), complete: found.complete };
}

/**
 * Where the posts inside `roots` (nodes a MutationObserver reported, in the
 * order given) are; see `findPostsIn`. One batch of added nodes asks about
 * the page (its URL, adapter and kind) once, not once per node.
 */
export function locatePostsIn(roots: Element | readonly Element[], doc: Document, url: string, options: FindOptions = {}): PostRef[] {
  const list = isElement(roots) ? [roots] : roots;
  if (list.length === 0) return [];
  const ctx = context(doc, url, options);
  const adapter = adapterFor(doc, url, ctx.url);
  if (adapter.pageKind(doc) === 'list') return [];
  return list.flatMap((root) => locate(adapter, root, ctx));
}

/**
 * One post with all its fields, read from its own container only (the
 * capture path: the other posts of a long thread are not read). Thread-level
 * counts are added on the first floor as `findPostElements` does.
 */
export function findPost(doc: Document, url: string, postId: string, options: FindOptions = {}): FoundPost | undefined {
  const ctx = context(doc, url, options);
  const adapter = adapterFor(doc, url, ctx.url);
  if (!adapter.locate) return findPostElements(doc, url, options).find((post) => post.postId === postId);
  const refs = locatePosts(doc, url, options);
  const index = refs.findIndex((ref) => ref.postId === postId);
  const ref = refs[index];
  const post = ref ? adapter.readPost(ref.element, ctx, index) : null;
  if (!post) return undefined;
  const counts = post.floor === 1 ? adapter.threadCounts?.(doc) : undefined;
  if (counts?.replies !== undefined && post.replies === undefined) post.replies = counts.replies;
  if (counts?.views !== undefined && post.views === undefined) post.views = counts.views;
  return withBoundedIds([post])[0];
}

/**
 * The raw text of a located post's body (`textContent`, offsets as the
 * highlighter counts them): what locating it already read, handed over once
 * (a later call reads the page again, which may have changed), else read now.
 */
export function takeBodyText(post: PostRef): string {
  const text = post.bodyText;
  if (text === undefined) return post.bodyElement.textContent ?? '';
  // Let go, not deleted: deleting a property turns each object into a slow dictionary (a
  // thousand of them on a long thread, each allocated and read from more slowly afterwards).
  post.bodyText = undefined;
  return text;
}

/** CONTRACT.md: one entry per post the page shows, as plain data. */
export function findPosts(doc: Document, url: string): PostData[] {
  return findPostElements(doc, url).map(toPostData);
}

/** The threads a list page lists (empty on other pages). */
export function findListedThreads(doc: Document, url: string, options: FindOptions = {}): ListedThread[] {
  const ctx = context(doc, url, options);
  const adapter = adapterFor(doc, url, ctx.url);
  if (adapter.pageKind(doc) !== 'list' || !adapter.listThreads) return [];
  return adapter.listThreads(doc, ctx);
}

/** Strips the elements and page-only fields from a found post. */
export function toPostData(post: FoundPost): PostData {
  const out: PostData = { site: post.site, postId: post.postId, text: post.text };
  if (post.floor !== undefined) out.floor = post.floor;
  if (post.author !== undefined) out.author = post.author;
  if (post.publishedAt !== undefined) out.publishedAt = post.publishedAt;
  if (post.replies !== undefined) out.replies = post.replies;
  if (post.views !== undefined) out.views = post.views;
  if (post.parentId !== undefined) out.parentId = post.parentId;
  if (post.location !== undefined) out.location = post.location;
  if (post.likes !== undefined) out.likes = post.likes;
  return out;
}

function locate(adapter: SiteAdapter, root: Document | Element, ctx: AdapterContext): PostRef[] {
  if (adapter.locateAll) return withBoundedIds(adapter.locateAll(root, ctx));
  if (!adapter.locate) return collect(adapter, root, ctx);
  const containers = isElement(root) ? elementsIn(root, adapter.containerSelector) : Array.from(root.querySelectorAll(adapter.containerSelector));
  const out: PostRef[] = [];
  for (const container of containers) {
    const ref = adapter.locate(container);
    if (ref) out.push(ref);
  }
  return withBoundedIds(out);
}

function collect(adapter: SiteAdapter, root: Document | Element, ctx: AdapterContext): FoundPost[] {
  // Adapters that build posts themselves (articles) find, in a subtree, the comments it holds.
  if (adapter.findAll) return withBoundedIds(adapter.findAll(root, ctx));
  const containers = isElement(root) ? elementsIn(root, adapter.containerSelector) : Array.from(root.querySelectorAll(adapter.containerSelector));
  const out: FoundPost[] = [];
  containers.forEach((container, i) => {
    const post = adapter.readPost(container, ctx, i);
    if (post) out.push(post);
  });
  return withBoundedIds(out);
}

/** The posts with every id (and reply parent) within the protocol's length (post-id.ts); untouched when all fit, as nearly always. */
function withBoundedIds<T extends { postId: string; parentId?: string; idFits?: true }>(posts: T[]): T[] {
  // A digest id fits: not read here, where reading it would compute it.
  if (posts.every((p) => p.idFits === true || (p.postId.length <= MAX_POST_ID_LENGTH && (p.parentId ?? '').length <= MAX_POST_ID_LENGTH))) return posts;
  return posts.map((p) => ({
    ...p,
    postId: boundedPostId(p.postId),
    ...(p.parentId !== undefined ? { parentId: boundedPostId(p.parentId) } : {}),
  }));
}

/**
 * The adapter chosen per document and URL. Fingerprinting queries the whole
 * document, and the MutationObserver path asks again for every batch of
 * added nodes; a WeakMap keeps the answer without keeping the page alive.
 */
const chosen = new WeakMap<Document, { url: string; adapter: SiteAdapter }>();

function adapterFor(doc: Document, url: string, parsed: URL | null): SiteAdapter {
  const hit = chosen.get(doc);
  if (hit && hit.url === url) return hit.adapter;
  const adapter = chooseAdapter(doc, parsed);
  chosen.set(doc, { url, adapter });
  return adapter;
}

function context(doc: Document, url: string, options: FindOptions): AdapterContext {
  return { doc, url: parseUrl(url), now: options.now ?? new Date() };
}

function parseUrl(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/**
 * The canonical URL the page declares, absolute. `og:url` is used only when
 * it names more than a site root: china.com.cn's articles declare the home
 * page, which would merge every article into one case.
 */
export function declaredCanonicalUrl(doc: Document, base: URL | null): string | undefined {
  const candidates = [
    doc.querySelector('link[rel~="canonical" i]')?.getAttribute('href'),
    doc.querySelector('meta[property="og:url" i]')?.getAttribute('content'),
  ];
  for (const href of candidates) {
    if (!href?.trim()) continue;
    try {
      const abs = base ? new URL(href.trim(), base) : new URL(href.trim().replace(/^\/\//, 'https://'));
      if (abs.pathname === '/' && !abs.search) continue;
      return abs.href;
    } catch {
      // An unparsable declaration is ignored, never guessed at.
    }
  }
  return undefined;
}
