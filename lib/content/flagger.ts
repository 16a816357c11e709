/**
 * The always-on part of the content script: find the posts of a page, flag
 * the ones that name a watched region or agency, highlight the words and
 * mount a capture badge beside each.
 *
 * It scans once on load and afterwards only what a MutationObserver reports
 * as added (infinite scroll, "load more replies"), batched into idle time, so
 * a long thread is never rescanned. Pages with no match are left untouched.
 * Browser APIs come in as dependencies so the whole flow runs under jsdom.
 */
// Direct modules, not the lib/match barrel (zod, OpenCC): this runs on every page.
import type { CompiledWatchlist } from '../match/compile';
import { flagMatches, isAnchored } from '../match/flag';
import { findListedThreads, locatePosts, locatePostsIn, type PostData, type PostRef } from '../sites';
import type { SeenPosts } from './seen-posts';
import { HIGHLIGHT_ATTR, highlightMatches } from '../highlight';
import { mountPostBadge, UI_ATTRIBUTE, type BadgeLabels, type BadgeState, type PostBadge } from './post-badge';

/** A flagged post and its badge. */
export interface FlaggedPost {
  post: PostRef;
  terms: string[];
  badge: PostBadge;
}

/** What the flagger needs from the browser and the extension. */
export interface FlaggerDeps {
  doc: Document;
  /** The page's URL now (single-page sites change it without reloading). */
  url(): string;
  now(): Date;
  watchlist: CompiledWatchlist;
  labels: BadgeLabels;
  /**
   * Captures one post; resolves to an error message, undefined on success,
   * or `{ note }` on success with something to tell (e.g. "已加入案件 …").
   */
  capture(post: PostRef): Promise<string | { note: string } | undefined>;
  /** Posts already in the claim log, by post id, as the badge should show them. */
  knownStates(posts: PostRef[]): Promise<Map<string, BadgeState>>;
  /** Opens the side panel (called inside the officer's click). */
  openDesk(): void;
  /** Tells the toolbar how many posts on this tab are flagged. */
  reportCount(count: number): void;
  /** Runs `task` when the main thread is idle (requestIdleCallback in the page). */
  whenIdle(task: () => void): void;
  /** Where every post shown is remembered (recycling lists drop them from the DOM). */
  seen?: SeenPosts;
  /** Reads a located post's fields (author, time…) while it is on the page. */
  readFields?(post: PostRef): PostData | undefined;
}

/** Batches up to this size have their fields read at once (rows a recycling list adds); larger ones only on capture. */
const FIELDS_BATCH = 100;

/** A running flagger. */
export interface Flagger {
  /** Scans the whole page (on load). */
  scanPage(): FlaggedPost[];
  /** Scans the posts inside nodes added since the last scan. */
  scanAdded(nodes: Iterable<Node>): FlaggedPost[];
  /** Starts watching the page for added posts; returns a function that stops. */
  observe(): () => void;
  /** Every post flagged so far, by post id. */
  readonly flagged: ReadonlyMap<string, FlaggedPost>;
}

/** Creates the flagger of one page. */
export function createFlagger(deps: FlaggerDeps): Flagger {
  const flagged = new Map<string, FlaggedPost>();
  const seen = new WeakSet<Element>();
  // Whether the thread (title and first post) names the watched region: then a comment
  // that only says "住建局" is about that region's bureau. Decided once per page.
  let threadAnchored: boolean | undefined;
  const anchoredBy = (first: PostRef | undefined) => {
    // The document title carries the thread or article title on every site family.
    threadAnchored ??= isAnchored(`${deps.doc.title}\n${first?.bodyElement.textContent ?? ''}`, deps.watchlist);
    return threadAnchored;
  };

  const flagPosts = (posts: PostRef[]): FlaggedPost[] => {
    const fresh: FlaggedPost[] = [];
    const options = { threadAnchored: anchoredBy(posts[0]) };
    const readFields = posts.length <= FIELDS_BATCH ? deps.readFields : undefined;
    for (const post of posts) {
      // A flagged post re-rendered by a recycling list (a new element, the same id) is flagged again.
      if (seen.has(post.bodyElement) || flagged.get(post.postId)?.post.bodyElement.isConnected) continue;
      seen.add(post.bodyElement);
      // Raw textContent, so the offsets line up with the highlighter's.
      const text = post.bodyElement.textContent ?? '';
      if (deps.seen) {
        deps.seen.remember(post, text);
        const data = readFields?.(post);
        if (data) deps.seen.rememberFields(data);
      }
      const verdict = flagMatches(deps.watchlist.scan(text), deps.watchlist, options);
      if (!verdict.flagged) continue;
      highlightMatches(post.bodyElement, verdict.matches, deps.doc);
      const terms = [...new Set(verdict.matches.map((m) => m.term))];
      const badge = mountPostBadge(post.bodyElement, terms, deps.labels, () => void captureOne(entry), deps.openDesk);
      const entry: FlaggedPost = { post, terms, badge };
      flagged.set(post.postId, entry);
      fresh.push(entry);
    }
    if (fresh.length > 0) {
      // Messaging the background is not part of flagging: let the page paint first.
      deps.whenIdle(() => {
        deps.reportCount(flagged.size);
        void showKnownStates(fresh);
      });
    }
    return fresh;
  };

  const captureOne = async (entry: FlaggedPost) => {
    entry.badge.setState({ kind: 'busy' });
    // The background may be restarting or the extension reloaded: the officer must see it, not a spinner.
    const answer = await deps.capture(entry.post).catch((failure: unknown) => (failure instanceof Error ? failure.message : String(failure)));
    if (typeof answer === 'string' && answer) {
      entry.badge.setState({ kind: 'error', message: answer });
      return;
    }
    entry.badge.setState({ kind: 'done' });
    // A capture can make the whole thread a case: every flagged floor shows it, the captured one with the note.
    const note = typeof answer === 'object' ? answer.note : undefined;
    const others = [...flagged.values()].filter((other) => other !== entry);
    await showKnownStates([entry, ...others], note ? { entry, note } : undefined);
  };

  const showKnownStates = async (entries: FlaggedPost[], noted?: { entry: FlaggedPost; note: string }) => {
    // Without an answer the capture buttons simply stay: nothing is lost.
    const states = await deps.knownStates(entries.map((e) => e.post)).catch(() => new Map<string, BadgeState>());
    for (const entry of entries) {
      const state = states.get(entry.post.postId);
      if (!state) continue;
      entry.badge.setState(noted?.entry === entry && state.kind === 'known' ? { ...state, text: `${noted.note} · ${state.text}` } : state);
    }
  };

  /**
   * A list page (forum board, message-board list) shows thread titles, not
   * posts: matched titles are highlighted and counted, and the officer opens
   * the thread to capture its posts.
   */
  const flagListedThreads = () => {
    let count = 0;
    for (const thread of findListedThreads(deps.doc, deps.url(), { now: deps.now() })) {
      const verdict = flagMatches(deps.watchlist.scan(thread.titleElement.textContent ?? ''), deps.watchlist);
      if (!verdict.flagged) continue;
      highlightMatches(thread.titleElement, verdict.matches, deps.doc);
      count++;
    }
    if (count > 0) deps.reportCount(count);
  };

  const scanPage = () =>
    measured('yq:scan-page', () => {
      const posts = locatePosts(deps.doc, deps.url(), { now: deps.now() });
      if (posts.length === 0) flagListedThreads();
      return flagPosts(posts);
    });

  const scanAdded = (nodes: Iterable<Node>) =>
    measured('yq:scan-added', () => {
      const posts: PostRef[] = [];
      for (const node of nodes) {
        if (!isForeignElement(node)) continue;
        posts.push(...locatePostsIn(node, deps.doc, deps.url(), { now: deps.now() }));
      }
      return flagPosts(posts);
    });

  const observe = () => {
    let pending: Node[] = [];
    const observer = new (deps.doc.defaultView ?? globalThis).MutationObserver((records) => {
      const wasIdle = pending.length === 0;
      for (const record of records) {
        // A recycling list may reuse a row and only replace its text: scan the row's element.
        for (const node of Array.from(record.addedNodes)) pending.push(node.nodeType === 3 && node.parentElement ? node.parentElement : node);
      }
      if (wasIdle && pending.length > 0) {
        deps.whenIdle(() => {
          const batch = pending;
          pending = [];
          scanAdded(batch);
        });
      }
    });
    observer.observe(deps.doc.body ?? deps.doc.documentElement, { childList: true, subtree: true });
    return () => observer.disconnect();
  };

  return { scanPage, scanAdded, observe, flagged };
}

/**
 * Runs `work` and records its main-thread time as a performance measure, so
 * the scan cost can be read from the page's timeline (npm run bench) without
 * a profiler.
 */
function measured<T>(name: string, work: () => T): T {
  const start = performance.now();
  try {
    return work();
  } finally {
    performance.measure(name, { start, end: performance.now() });
  }
}

/** An element the page added (not one of our badges or highlight marks, not text). */
function isForeignElement(node: Node): node is Element {
  if (node.nodeType !== 1) return false;
  const element = node as Element;
  return !element.hasAttribute(UI_ATTRIBUTE) && !element.hasAttribute(HIGHLIGHT_ATTR);
}
