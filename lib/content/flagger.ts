/**
 * The always-on part of the content script: find the posts of a page, flag
 * the ones that name a watched region or agency, highlight the words and
 * mount a capture badge beside each.
 *
 * It scans once on load and afterwards only what a MutationObserver reports
 * as added (infinite scroll, "load more replies"), batched into idle time, so
 * a long thread is never rescanned. A page whose text names nothing watched
 * (most pages) is only checked on load; its posts are located in idle time. Posts the page re-renders (a clone put in
 * place of the post, the body's innerHTML rewritten, a whole <body> swapped
 * by a single-page app) lose our badge with their old DOM: the badge's
 * disconnection is noticed in the same batch and the post is flagged again.
 * Pages with no match are left untouched.
 *
 * Nothing here is visible to the page: no attribute or id on our elements,
 * no performance marks, no console output. The scan times the benchmark and
 * the browser tests read are kept in the extension's isolated world
 * (`SCAN_LOG_KEY`), which page scripts cannot reach.
 * Browser APIs come in as dependencies so the whole flow runs under jsdom.
 */
// Direct modules, not the lib/match barrel (zod, OpenCC): this runs on every page.
import type { CompiledWatchlist } from '../match/compile';
import { flagPost, isAnchored } from '../match/flag';
import { findListedThreads, locatePosts, locatePostsIn, locatePostsToFlag, takeBodyText, type PostData, type PostRef } from '../sites';
import { matchRanges, paintLayers, type HighlightLayer } from '../highlight';
import type { SeenPosts } from './seen-posts';
import { isOwnElement, mountHighlightHost, mountPostBadge, type BadgeLabels, type BadgeState, type PostBadge } from './post-badge';

/** A flagged post and its badge. */
export interface FlaggedPost {
  post: PostRef;
  terms: string[];
  /**
   * The post's badge. A flagged post far from the viewport gets it in idle
   * time after the scan (see `mountNearFirst`); reading it before then mounts
   * it at once, so whoever needs the badge always has it.
   */
  readonly badge: PostBadge;
  /** Whether the badge is in the post yet (false only while it waits for its idle chunk). */
  readonly mounted: boolean;
  /**
   * The matches' ranges in the post body, drawn by the badge's highlight
   * layer. Made when first read — the first paint, in idle time: DOM Ranges
   * serve only to draw, and flagging should not wait for them. None when the
   * page changed the body's text in between (the matches' offsets are those
   * of the text flagged), as a range whose text the page removed draws nothing.
   */
  readonly ranges: Range[];
}

/** Most post ids one `knownStates` call asks about (the message protocol's limit is 2,000). */
export const STATE_QUERY_BATCH = 500;

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
  /** Reads located posts' fields (author, time…) while they are on the page, one entry per post (undefined: not found). */
  readFields?(posts: PostRef[]): (PostData | undefined)[];
}

/** Batches up to this size have their fields read at once (rows a recycling list adds); larger ones only on capture. */
const FIELDS_BATCH = 100;

/**
 * Badges mounted per idle task for the flagged posts far from the viewport:
 * some 0.1 ms each on an idle machine, so a chunk stays well inside one idle
 * period (50 ms at most).
 */
export const MOUNT_CHUNK = 100;

/**
 * How far from the viewport a flagged post gets its badge with the first
 * frame after the scan, as an IntersectionObserver root margin (viewport
 * heights above and below): what the officer sees at once or after a flick
 * of the wheel. The others get theirs in idle chunks, the nearest first.
 */
const NEAR_VIEWPORT_MARGIN = '100% 0px 200% 0px';

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
    threadAnchored ??= isAnchored(`${deps.doc.title}\n${first ? (first.bodyText ?? first.bodyElement.textContent ?? '') : ''}`, deps.watchlist);
    return threadAnchored;
  };

  // Posts of a first scan that located only some, not yet in the registry of posts shown: the full
  // scan in idle time (`registering`) remembers them in their place in the page. A flagged one by its
  // id (read when it was flagged): its badge now sits in its body, and the full scan may find the
  // body one level up. The others by their body, so that their ids are not digested before the page
  // is idle. Emptied by that scan, whatever it found.
  let notRemembered = { ids: new Set<string>(), bodies: new WeakSet<Element>() };

  /**
   * Flags `posts`; their badges are mounted as the page lays them out (see
   * `mountNearFirst`), or at once with `mountNow` (posts whose badge the
   * page took away: it is put back in the same batch). `partial`: the first
   * scan's posts when it located only some (see `scanPage`): they are
   * remembered, and their fields read, by the full scan in idle time, which
   * flags with `registering`.
   */
  const flagPosts = (posts: PostRef[], { mountNow = false, partial = false, registering = false } = {}): FlaggedPost[] => {
    const fresh: FlaggedPost[] = [];
    const options = { threadAnchored: anchoredBy(posts[0]) };
    const unseen: PostRef[] = [];
    const texts: string[] = [];
    // The posts this batch remembers, in page order: their fields are read together.
    const remembered: PostRef[] = [];
    for (const post of posts) {
      // A flagged post re-rendered (a recycling list's new row, a clone put in its place) is flagged again.
      // Not looked up while nothing is flagged (the page's first scan): a generic post's id is digested when read.
      const known = flagged.size > 0 ? flagged.get(post.postId) : undefined;
      let text: string | undefined;
      if (registering && (notRemembered.bodies.delete(post.bodyElement) || notRemembered.ids.delete(post.postId))) {
        text = takeBodyText(post);
        deps.seen?.remember(post, text);
        remembered.push(post);
      }
      if (seen.has(post.bodyElement) || (known && (!known.mounted || known.badge.host.isConnected) && known.post.bodyElement.isConnected)) continue;
      seen.add(post.bodyElement);
      unseen.push(post);
      // Raw textContent, so the offsets line up with the highlighter's.
      if (text === undefined) {
        text = takeBodyText(post);
        if (!partial) {
          deps.seen?.remember(post, text);
          remembered.push(post);
        }
      }
      texts.push(text);
    }
    // Read in one batch, before any badge is mounted in this batch's posts.
    if (deps.seen && deps.readFields && posts.length <= FIELDS_BATCH && remembered.length > 0) {
      for (const data of deps.readFields(remembered)) if (data) deps.seen.rememberFields(data);
    }
    // The posts remembered get their ids when the page is idle, not during the scan (see SeenPosts.settle).
    const registry = deps.seen;
    if (registry && remembered.length > 0) deps.whenIdle(() => registry.settle());
    const matched = textsWithMatches(texts, deps.watchlist);
    unseen.forEach((post, k) => {
      // A post without a single match is not flagged (flagPost decides on matches): only the others are decided.
      if (matched[k] === 0) return;
      const text = texts[k] as string;
      const verdict = flagPost(text, deps.watchlist, options);
      if (!verdict.flagged) return;
      const terms = [...new Set(verdict.matches.map((m) => m.term))];
      let badge: PostBadge | undefined;
      let ranges: Range[] | undefined;
      const entry: FlaggedPost = {
        post,
        terms,
        get badge() {
          if (!badge) {
            badge = mountPostBadge(post.bodyElement, terms, deps.labels, () => void captureOne(entry), deps.openDesk);
            resizes?.observe(post.bodyElement);
          }
          return badge;
        },
        get mounted() {
          return badge !== undefined;
        },
        get ranges() {
          ranges ??= post.bodyElement.textContent === text ? matchRanges(post.bodyElement, verdict.matches, deps.doc) : [];
          return ranges;
        },
      };
      flagged.set(post.postId, entry);
      byBody.set(post.bodyElement, entry);
      fresh.push(entry);
    });
    if (partial) {
      for (const post of unseen) {
        if (byBody.has(post.bodyElement)) notRemembered.ids.add(post.postId);
        else notRemembered.bodies.add(post.bodyElement);
      }
    }
    if (mountNow) mountAll(fresh);
    else mountNearFirst(fresh);
    return fresh;
  };

  /**
   * Mounts the badges of `entries` near the viewport with the next frame and
   * the others in idle chunks of `MOUNT_CHUNK`, nearest first; each mount is
   * logged as `mount`. A thread of 1,000 floors shows a screenful: mounting
   * every badge before the page may paint again would make the officer wait
   * for badges of floors he has not scrolled to. Where the posts are comes
   * from an IntersectionObserver, which the browser answers from the layout
   * of its next frame: reading each post's box here would make it lay the
   * page out on the spot (3–6 ms for 50 posts of the 1,000-floor thread;
   * for floors a "load more" just added, their whole layout). The floors a
   * batch adds get their badges the same way, one frame after their text
   * was scanned. Every badge is mounted a few idle periods later all the same, and one
   * read before (a state to show, a capture) is mounted at once. Without
   * IntersectionObserver (a detached document) all are mounted now.
   */
  const mountNearFirst = (entries: FlaggedPost[]) => {
    const Observer = deps.doc.defaultView?.IntersectionObserver;
    if (entries.length === 0) return;
    if (!Observer) {
      mountAll(entries);
      return;
    }
    const mountLogged = (chunk: FlaggedPost[]) => {
      const start = performance.now();
      const mounted: FlaggedPost[] = [];
      for (const entry of chunk) {
        // A post forgotten meanwhile (its body re-rendered) needs no badge; one read meanwhile is mounted already.
        if (flagged.get(entry.post.postId) !== entry || !entry.post.bodyElement.isConnected) continue;
        mountBadge(entry);
        mounted.push(entry);
      }
      logScanTime({ name: 'mount', ms: performance.now() - start, flagged: mounted.length });
      return mounted;
    };
    // The entries the observer has not reported yet, by body (not the flagger's `byBody`: these only).
    const unplaced = new Map(entries.map((entry) => [entry.post.bodyElement, entry] as const));
    const placed = new Observer(
      (records) => {
        // The first delivery holds every observed post; one is enough.
        placed.disconnect();
        const near: FlaggedPost[] = [];
        const far: { entry: FlaggedPost; distance: number }[] = [];
        const viewport = records[0]?.rootBounds?.height ?? 0;
        for (const record of records) {
          const entry = unplaced.get(record.target);
          if (!entry) continue;
          unplaced.delete(record.target);
          const box = record.boundingClientRect;
          if (record.isIntersecting) near.push(entry);
          else far.push({ entry, distance: box.bottom < 0 ? -box.bottom : box.top - viewport });
        }
        // Posts the observer did not report (none, as specified) are mounted with the far ones.
        for (const entry of unplaced.values()) far.push({ entry, distance: Number.POSITIVE_INFINITY });
        afterMount(mountLogged(near));
        far.sort((a, b) => a.distance - b.distance);
        // Far badges are drawn and asked for their states up to `STATE_QUERY_BATCH` at a time: drawing
        // lays the page out, once per batch rather than once per chunk.
        let unpainted: FlaggedPost[] = [];
        const mountChunk = (from: number) => {
          unpainted.push(...mountLogged(far.slice(from, from + MOUNT_CHUNK).map(({ entry }) => entry)));
          const more = from + MOUNT_CHUNK < far.length;
          if (!more || unpainted.length >= STATE_QUERY_BATCH) {
            afterMount(unpainted);
            unpainted = [];
          }
          if (more) deps.whenIdle(() => mountChunk(from + MOUNT_CHUNK));
        };
        if (far.length > 0) deps.whenIdle(() => mountChunk(0));
      },
      { rootMargin: NEAR_VIEWPORT_MARGIN },
    );
    for (const entry of entries) placed.observe(entry.post.bodyElement);
    // The toolbar count does not wait for the badges (a background tab lays nothing out until shown).
    deps.whenIdle(() => deps.reportCount(flagged.size));
  };

  /** Puts the badge of `entry` in its post (reading it mounts it; once mounted, reading it does nothing more). */
  const mountBadge = (entry: FlaggedPost): PostBadge => entry.badge;

  /** Mounts every badge of `entries` now, then draws them and shows their states in idle time. */
  const mountAll = (entries: FlaggedPost[]) => {
    entries.forEach(mountBadge);
    afterMount(entries);
  };

  /** Draws the highlights of freshly mounted badges and shows their known states, in idle time. */
  const afterMount = (entries: FlaggedPost[]) => {
    if (entries.length === 0) return;
    // Drawing needs layout and messaging the background is not part of flagging: let the page paint first.
    deps.whenIdle(() => {
      // All layers measured, then all drawn: one layout for the batch, not one per post.
      const start = performance.now();
      paintLayers(entries.map((entry) => [entry.badge.highlights, entry.ranges] as const));
      logScanTime({ name: 'paint', ms: performance.now() - start, flagged: entries.length });
      deps.reportCount(flagged.size);
      void showKnownStates(entries);
    });
  };

  // Highlight boxes sit relative to the badge: redraw them when the post's box changes (window resize, images, fonts).
  // The flagged post of a resized body is looked up by element (a thread may have a thousand), and
  // every post resized in one frame is redrawn in one batch (see paintLayers).
  const byBody = new WeakMap<Element, FlaggedPost>();
  const View = deps.doc.defaultView;
  const resizes =
    View && 'ResizeObserver' in View
      ? new View.ResizeObserver((records) => {
          const layers: [HighlightLayer][] = [];
          for (const record of records) {
            const entry = byBody.get(record.target);
            if (entry?.mounted && flagged.get(entry.post.postId) === entry) layers.push([entry.badge.highlights]);
          }
          paintLayers(layers);
        })
      : undefined;

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
    // Badges still waiting for their idle chunk ask for their state when mounted.
    const others = [...flagged.values()].filter((other) => other !== entry && other.mounted);
    await showKnownStates([entry, ...others], note ? { entry, note } : undefined);
  };

  const showKnownStates = async (entries: FlaggedPost[], noted?: { entry: FlaggedPost; note: string }) => {
    // In batches: a thread of thousands of flagged posts must not exceed what one message may ask.
    for (let i = 0; i < entries.length; i += STATE_QUERY_BATCH) {
      const batch = entries.slice(i, i + STATE_QUERY_BATCH);
      // Without an answer the capture buttons simply stay: nothing is lost.
      const states = await deps.knownStates(batch.map((e) => e.post)).catch(() => new Map<string, BadgeState>());
      for (const entry of batch) {
        const state = states.get(entry.post.postId);
        if (!state) continue;
        entry.badge.setState(noted?.entry === entry && state.kind === 'known' ? { ...state, text: `${noted.note} · ${state.text}` } : state);
      }
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
      const verdict = flagPost(thread.titleElement.textContent ?? '', deps.watchlist);
      if (!verdict.flagged) continue;
      const ranges = matchRanges(thread.titleElement, verdict.matches, deps.doc);
      const layer = mountHighlightHost(thread.titleElement);
      deps.whenIdle(() => layer.paint(ranges));
      count++;
    }
    if (count > 0) deps.reportCount(count);
  };

  /** Locates every post of the page and flags those that name a watched place; `registering`: see `flagPosts`. */
  const scanWhole = (registering = false): FlaggedPost[] => {
    const fresh = scanLocated(locatePosts(deps.doc, deps.url(), { now: deps.now() }), registering);
    if (registering) notRemembered = { ids: new Set(), bodies: new WeakSet() };
    return fresh;
  };

  /** Flags every post of the page, located: a list page's titles instead when it has none; the incremental path warmed. */
  const scanLocated = (posts: PostRef[], registering = false): FlaggedPost[] => {
    if (posts.length === 0) flagListedThreads();
    const fresh = flagPosts(posts, { registering });
    const first = posts[0];
    if (first) deps.whenIdle(() => warmIncrementalScan(first));
    return fresh;
  };

  /** The full scan in idle time, of a page whose first scan located only some posts (or none). */
  const registerWhenIdle = () =>
    deps.whenIdle(() => {
      const start = performance.now();
      const fresh = scanWhole(true);
      logScanTime({ name: 'register', ms: performance.now() - start, flagged: fresh.length });
    });

  const scanPage = () =>
    measured('scan-page', () => {
      if (!pageMayMatch(deps.doc, deps.watchlist)) {
        // No text of the page names anything watched, so no post can be flagged: the posts are
        // located (and remembered, see `seen`) when the page is idle, as their ids are settled.
        // Most pages an officer opens name nothing the office watches, and locating the posts of
        // a long thread no adapter knows (record mining) is most of a scan.
        registerWhenIdle();
        return [];
      }
      // On a long thread no adapter knows, only the posts whose text may hold a match (and the
      // first post) are located now; the full scan in idle time adds the rest, which it finds
      // already flagged or unflaggable, and remembers them.
      const first = locatePostsToFlag(deps.doc, deps.url(), (texts) => textsWithMatches(texts, deps.watchlist), { now: deps.now() });
      if (first.complete) return scanLocated(first.posts);
      const fresh = flagPosts(first.posts, { partial: true });
      registerWhenIdle();
      return fresh;
    });

  /**
   * Runs once, in idle time after the first scan, what a "load more" runs
   * and the whole-page scan did not — locating the posts inside an added
   * element, reading their fields — on the page's first post. The first
   * batch of added floors then does not pay for that code's first run in
   * this page (compiling it, the page's first use of its selectors): 5–8 ms
   * of a first batch of 20 floors against 1–2 ms for the next. Logged as
   * `warm-up`. Its fields are remembered like any batch's.
   */
  const warmIncrementalScan = (post: PostRef) => {
    const start = performance.now();
    if (post.element.isConnected) {
      const again = locatePostsIn([post.element], deps.doc, deps.url(), { now: deps.now() }).filter((ref) => ref.postId === post.postId);
      if (deps.seen && deps.readFields) for (const data of deps.readFields(again)) if (data) deps.seen.rememberFields(data);
    }
    logScanTime({ name: 'warm-up', ms: performance.now() - start, flagged: 0 });
  };

  const scanAdded = (nodes: Iterable<Node>) =>
    measured('scan-added', () => {
      const roots = Array.from(nodes).filter(isForeignElement);
      return flagPosts(locatePostsIn(roots, deps.doc, deps.url(), { now: deps.now() }));
    });

  /**
   * Posts whose badge the page took away with their old DOM (a re-render, an
   * innerHTML rewrite, a removed badge): forgotten, and those whose body is
   * still in the page flagged again at once. Re-rendered copies are new
   * elements the same batch reports as added.
   */
  const reflagLost = (): FlaggedPost[] => {
    const stillThere: PostRef[] = [];
    for (const [postId, entry] of flagged) {
      // A badge waiting for its idle chunk is not lost: its chunk mounts it, or skips a post gone from the page.
      if (!entry.mounted ? entry.post.bodyElement.isConnected : entry.badge.host.isConnected) continue;
      flagged.delete(postId);
      seen.delete(entry.post.bodyElement);
      if (entry.post.bodyElement.isConnected) stillThere.push(entry.post);
    }
    return stillThere.length > 0 ? flagPosts(stillThere, { mountNow: true }) : [];
  };

  const observe = () => {
    let pending: Node[] = [];
    let removals = false;
    const observer = new (deps.doc.defaultView ?? globalThis).MutationObserver((records) => {
      const wasIdle = pending.length === 0 && !removals;
      for (const record of records) {
        // A recycling list may reuse a row and only replace its text: scan the row's element.
        for (const node of Array.from(record.addedNodes)) pending.push(node.nodeType === 3 && node.parentElement ? node.parentElement : node);
        if (record.removedNodes.length > 0) removals = true;
      }
      if (wasIdle && (pending.length > 0 || removals)) {
        deps.whenIdle(() => {
          const batch = pending;
          const lost = removals;
          pending = [];
          removals = false;
          if (lost) reflagLost();
          scanAdded(batch);
        });
      }
    });
    // The document element, not <body>: a single-page app may replace <body> itself.
    observer.observe(deps.doc.documentElement, { childList: true, subtree: true });
    return () => {
      observer.disconnect();
      resizes?.disconnect();
    };
  };

  return { scanPage, scanAdded, observe, flagged };
}

/**
 * Put between the texts scanned at once: U+0001, a control character, which
 * no watched term may contain (lib/match/schema.ts `unusableTermReason`) and
 * which the matcher does not skip as noise (lib/match/fold-table.ts skips
 * only tab and line breaks among the controls). So it is no pattern's
 * character: the automaton restarts at it, and no match spans two texts.
 */
export const TEXT_BREAK = '\u0001';

/**
 * Which of `texts` hold at least one match (1) and which none (0), from one
 * scan of the texts joined by `TEXT_BREAK`. One scan of 75,000 code units
 * instead of 1,000 scans of 75: a fresh page runs the matcher's loop before
 * the engine has compiled it, and a single long run gets it compiled within
 * the run, while a thousand short ones mostly run it interpreted. Matches
 * come in text order (see `scanPacked`).
 */
export function textsWithMatches(texts: readonly string[], watchlist: CompiledWatchlist): Uint8Array {
  const matched = new Uint8Array(texts.length);
  if (texts.length === 0) return matched;
  const packed = watchlist.scanPacked(texts.join(TEXT_BREAK));
  // Text k spans [from, to) of the joined string; TEXT_BREAK sits at `to`.
  let k = 0;
  let to = (texts[0] as string).length;
  for (let i = 0; i < packed.length; i += 3) {
    const start = packed[i] as number;
    while (start > to && k + 1 < texts.length) to += 1 + (texts[++k] as string).length;
    matched[k] = 1;
  }
  return matched;
}

/** Code units of the page's first text nodes checked before the whole text (see `pageMayMatch`). */
const PAGE_START_UNITS = 2048;

/**
 * Whether some text of the page may hold a match. Every post's body is part
 * of the document's text, and an occurrence of a watched form in a part is
 * one in the whole (`occursIn`): a page whose text has none has no post to
 * flag. The start of the page is first searched for the list's forms as
 * written (a page that names a watched place mostly does so early: the
 * site's name, the title), so such a page neither copies nor scans the whole
 * text of a long thread; a form found there can only send the page down the
 * full scan, as before this check.
 */
export function pageMayMatch(doc: Document, watchlist: CompiledWatchlist): boolean {
  const root = doc.documentElement;
  if (!root) return true;
  const walker = doc.createTreeWalker(root, 4 /* NodeFilter.SHOW_TEXT */);
  const start: string[] = [];
  let length = 0;
  let node = walker.nextNode();
  for (; node && length < PAGE_START_UNITS; node = walker.nextNode()) {
    const value = node.nodeValue ?? '';
    start.push(value);
    length += value.length;
  }
  const text = start.join('');
  if (namesAFormAsWritten(text, watchlist)) return true;
  // The start was the whole text.
  if (!node) return watchlist.occursIn(text);
  return watchlist.occursIn(root.textContent ?? '');
}

/** Most forms looked for as written in the page's start (see `namesAFormAsWritten`). */
const FORMS_AS_WRITTEN = 256;

/**
 * Whether `text` holds one of the list's first forms exactly as the list
 * writes it: then the matcher finds it too (a form folds to its own
 * pattern). Native searches, so that the page's first run of the matcher is
 * the scan of its posts, as before this check.
 */
function namesAFormAsWritten(text: string, watchlist: CompiledWatchlist): boolean {
  let forms = 0;
  for (const entry of watchlist.entries) {
    if (entry.kind === 'exclusion') continue;
    for (const form of [entry.term, ...(entry.aliases ?? []), ...(entry.contextAliases ?? [])]) {
      if (form !== '' && text.includes(form)) return true;
      if (++forms >= FORMS_AS_WRITTEN) return false;
    }
  }
  return false;
}

/** Key of the scan-time log in the extension's isolated world (never the page's). */
export const SCAN_LOG_KEY = Symbol.for('yq.scan-log');

/**
 * One scan's main-thread time, for `npm run bench` and the browser tests;
 * `paint` is the idle-time work a scan leaves for later (its flagged posts'
 * match ranges and highlight boxes), `flagged` then the posts painted;
 * `warm-up` the idle-time run of the incremental scan's code after the
 * first scan (see `warmIncrementalScan`); `register` the idle-time location
 * of the posts of a page whose text names nothing watched (the first scan
 * then only checked the text, see `pageMayMatch`), `flagged` then the posts
 * it flagged (none, unless the page changed in between); `mount` an idle chunk of badges
 * of flagged posts far from the viewport (see `mountNearFirst`), `flagged`
 * then the badges mounted.
 */
export interface ScanRecord {
  name: 'scan-page' | 'scan-added' | 'paint' | 'warm-up' | 'mount' | 'register';
  ms: number;
  flagged: number;
}

/**
 * Runs `work` and appends its main-thread time to the isolated world's scan
 * log. Not `performance.measure`: the performance timeline is shared with
 * the page, which would learn from it that the extension is installed.
 */
function measured(name: 'scan-page' | 'scan-added', work: () => FlaggedPost[]): FlaggedPost[] {
  const start = performance.now();
  let result: FlaggedPost[] = [];
  try {
    result = work();
    return result;
  } finally {
    logScanTime({ name, ms: performance.now() - start, flagged: result.length });
  }
}

function logScanTime(record: ScanRecord): void {
  const scope = globalThis as unknown as Record<symbol, ScanRecord[] | undefined>;
  const log = (scope[SCAN_LOG_KEY] ??= []);
  if (log.length >= 1000) log.shift();
  log.push(record);
}

/** An element the page added (not one of our badge or highlight hosts, not text). */
function isForeignElement(node: Node): node is Element {
  return node.nodeType === 1 && !isOwnElement(node as Element);
}
