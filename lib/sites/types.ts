/**
 * Shared shapes of the site adapters.
 */

/** Keys of the site families this module knows. */
export type SiteKey =
  | 'discuz'
  | 'tieba'
  | 'weibo'
  | 'news'
  | 'gov-board'
  | 'zhidao'
  | 'douban'
  | 'homeland'
  | 'zhihu'
  | 'toutiao'
  | 'wechat'
  | 'flarum'
  | 'discourse'
  | 'phpbb'
  | 'xenforo'
  | 'nodebb'
  | 'phpwind'
  | 'generic';

/** What kind of page this is: posts live on thread/article pages; list pages only list threads. */
export type PageKind = 'thread' | 'article' | 'list';

/** What a post is on its page. */
export type PostKind = 'post' | 'comment' | 'answer' | 'article' | 'message';

/** A post as CONTRACT.md gives it: plain data, safe to send in a message. */
export interface PostData {
  /** Site family key. */
  site: string;
  /** The post's own id on the site (pid, cid, answer id…), stable across officers. */
  postId: string;
  /** Floor number (1 = the thread's first post) where the site numbers posts. */
  floor?: number;
  /** Display name of the author. */
  author?: string;
  /** ISO 8601 in China time, relative forms resolved against `now`. */
  publishedAt?: string;
  /** The post's text, whitespace collapsed. */
  text: string;
  /** Reply count shown for the post (or the thread, on its first post). */
  replies?: number;
  /** View count shown (the thread's, on its first post). */
  views?: number;
  /** A reply to another entry (楼中楼, reply to a comment): that entry's postId. */
  parentId?: string;
  /**
   * The IP-location label printed with the post (`IP属地：澜江市`, `来自澜江市`),
   * without its prefix: where the writer's IP is, shown to the officer but
   * never matched as post text.
   */
  location?: string;
  /** Like/upvote count printed on the post. */
  likes?: number;
}

/** Government message-board fields (留言板). */
export interface MessageBoardFields {
  /** The message's title. */
  title?: string;
  /** Department addressed or handling (留言对象 / 办理单位). */
  department?: string;
  /** Handling status as printed (已回复, 办理中…). */
  status?: string;
  /** The official reply, when published. */
  officialReply?: { unit?: string; time?: string; text: string };
  /** Category printed by the board (咨询, 投诉…). */
  category?: string;
  /** The writer's verdict on the reply, as printed (很满意, 基本满意…). */
  satisfaction?: string;
}

/** A post with its elements, for the content script. */
export interface FoundPost extends PostData {
  /** What the post is on its page. */
  kind: PostKind;
  /** The post container: where the capture button is mounted. */
  element: Element;
  /** Where the post's text is, and where highlighting happens. */
  bodyElement: Element;
  /** Message-board fields, on `gov-board` pages. */
  board?: MessageBoardFields;
}

/**
 * Where a post is, without its fields: what the always-on content script
 * needs to flag a post. Reading every field of every post (author, dates,
 * counts) costs far more than scanning its text, and only the few flagged
 * posts are ever captured — the capture script reads their fields then.
 */
export interface PostRef {
  postId: string;
  kind: PostKind;
  element: Element;
  bodyElement: Element;
  /**
   * `bodyElement.textContent` (raw) when locating the post already read it
   * (the generic detector digests the text into an id): valid only in the
   * task that located the post — the page may rewrite the body afterwards.
   * Use `takeBodyText`.
   */
  bodyText?: string;
  /**
   * Set when `postId` is a digest (always within `MAX_POST_ID_LENGTH`)
   * computed when first read: code that only bounds ids need not read it.
   */
  idFits?: true;
}

/** A thread listed on a list page (forum board, Tieba front page, message-board list). */
export interface ListedThread {
  site: string;
  /** Thread id (tid) or message id. */
  threadId: string;
  title: string;
  author?: string;
  publishedAt?: string;
  replies?: number;
  views?: number;
  /** The row: where a button could go. */
  element: Element;
  /** The title element: where highlighting happens. */
  titleElement: Element;
  /** Absolute URL of the thread, when the row links to it. */
  url?: string;
}

/** Page-level information. */
export interface SiteInfo {
  /** Site family key. */
  site: SiteKey;
  /** Thread, article or list page. */
  pageKind: PageKind;
  /** Thread or article title, when the page shows one. */
  title?: string;
  /** Canonical URL the page declares (`link[rel=canonical]`, `og:url`), absolute. */
  canonicalUrl?: string;
}

/** What an adapter needs besides the DOM. */
export interface AdapterContext {
  doc: Document;
  /** The page URL (parsed), or null when it is not a valid URL. */
  url: URL | null;
  /** The clock for relative times ("6 天前"). */
  now: Date;
}

/**
 * Which of `texts` may hold a match (1) and which cannot (0): the flagger's
 * `textsWithMatches`, handed to the adapter so that it need not know the
 * watch list.
 */
export type TextsThatMayMatch = (texts: readonly string[]) => Uint8Array;

/** One site family: its fingerprint, selectors and field readers. */
export interface SiteAdapter {
  key: SiteKey;
  /**
   * How surely the page belongs to this family: 0 = not at all; higher wins.
   * DOM markers score higher than the host name, so a Discuz! city forum on
   * any host is recognised.
   */
  detect(doc: Document, url: URL | null): number;
  /** Thread, article or list page. */
  pageKind(doc: Document): PageKind;
  /** The thread or article title. */
  title(doc: Document): string | undefined;
  /** Selector of post containers, used to find posts inside newly added nodes. */
  containerSelector: string;
  /** Reads one post container; null when it is not a live post (deleted, placeholder). */
  readPost(container: Element, ctx: AdapterContext, index: number): FoundPost | null;
  /**
   * Finds one post container's id and body only (cheap); null when it is not
   * a live post. Adapters without it are located through `readPost`.
   */
  locate?(container: Element): PostRef | null;
  /**
   * Finds every post under `root` (a document, or a node added later: then
   * also the post enclosing it) in one query over post bodies, cheaper than
   * a query over containers plus a lookup per container on long threads.
   */
  locateAll?(root: Document | Element, ctx: AdapterContext): PostRef[];
  /**
   * The page's first scan, where locating every post costs most of it (the
   * generic detector on a long thread): the posts that may be flagged and
   * the page's first post, `complete: false`, and the full `locateAll` is
   * left to idle time; or every post, `complete: true`. `longList` lowers
   * the list length from which this applies (tests).
   */
  locateWhereMatched?(doc: Document, ctx: AdapterContext, mayMatch: TextsThatMayMatch, longList?: number): { posts: PostRef[]; complete: boolean };
  /** Thread-level counts the first post carries (Discuz 查看/回复, Tieba 回复贴). */
  threadCounts?(doc: Document): { replies?: number; views?: number };
  /** Listed threads, on list pages. */
  listThreads?(root: ParentNode, ctx: AdapterContext): ListedThread[];
  /**
   * Posts when the page has no repeated containers (an article): the
   * adapter builds them itself. Used instead of `containerSelector` when given.
   */
  findAll?(root: ParentNode, ctx: AdapterContext): FoundPost[];
}
