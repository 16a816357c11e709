/**
 * Discuz! threads — X2.5/X3.x desktop and touch templates, and the older
 * 7.x `viewthread` template — and forum lists.
 *
 * Discuz! 7.x prints `div#post_<pid> > table#pid<pid>` without X's `plhin`
 * class, the body in `td.t_msgfont#postmessage_<pid>`, the author in
 * `td.postauthor` (first floor) or `a.posterlink`, and the time in
 * `em#authorposton<pid>` (corpus/reported R05).
 *
 * Recognised by its generator meta, and — because city forums often strip
 * it — by the DOM the stock templates always print (#postlist with
 * postmessage_<pid> bodies, touch `div.plc#pid<pid>`, forumdisplay's
 * #threadlisttableid) or the `discuz_uid` script variable. SOURCES.md §A
 * documents the templates.
 */
import { cleanText, fingerprintIn, generatorOf, readCount, readText, textOf } from './dom.ts';
import { parseChineseTime } from './parse-time.ts';
import type { AdapterContext, FoundPost, ListedThread, PageKind, PostRef, SiteAdapter } from './types.ts';

/** Default floor labels ($postno) of the first four floors. */
const FLOOR_LABELS: Record<string, number> = { 楼主: 1, 沙发: 2, 板凳: 3, 地板: 4 };

const DESKTOP_POST = '#postlist > div[id^="post_"]';
/** Discuz! 7.x post bodies. */
const LEGACY_BODY = 'td.t_msgfont[id^="postmessage_"]';
const TOUCH_POST = 'div.plc[id^="pid"]';

/** The Discuz! X adapter. */
export const discuzAdapter: SiteAdapter = {
  key: 'discuz',
  containerSelector: `${DESKTOP_POST}, ${TOUCH_POST}`,

  detect(doc) {
    const generator = generatorOf(doc);
    if (/discuz/i.test(generator)) return 100;
    if (fingerprintIn(doc, '#postlist [id^="postmessage_"], #threadlisttableid, div.plc[id^="pid"] .message')) return 90;
    if (fingerprintIn(doc, '#postlist td.t_msgfont, #threadlist form[name="moderate"]')) return 90;
    if (/Powered by\s*Discuz/i.test(doc.getElementById('ft')?.textContent ?? '')) return 80;
    for (const s of Array.from(doc.scripts).slice(0, 20)) {
      if (/\bdiscuz_uid\b/.test(s.textContent ?? '')) return 80;
    }
    return 0;
  },

  pageKind(doc): PageKind {
    if (doc.querySelector('#postlist, div.plc[id^="pid"]')) return 'thread';
    return doc.querySelector('#threadlisttableid, #threadlist') ? 'list' : 'thread';
  },

  title(doc) {
    const desktop = textOf(doc, '#thread_subject');
    if (desktop) return desktop;
    // Touch template: <div class="vt"><h2>subject <span class="xg1">views, replies</span></h2>.
    const h2 = doc.querySelector('.vt h2, .view_tit');
    if (!h2) return undefined;
    const meta = cleanText(h2.querySelector('.xg1')?.textContent);
    return cleanText(cleanText(h2.textContent).replace(meta, '')) || undefined;
  },

  threadCounts(doc) {
    const spans = doc.querySelectorAll('#postlist > table:first-child td.pls .hm span.xi1');
    return { views: readCount(spans[0]?.textContent), replies: readCount(spans[1]?.textContent) };
  },

  readPost(container, ctx, index) {
    return isTouch(container) ? readTouchPost(container, ctx, index) : readDesktopPost(container, ctx, index);
  },

  locate(container) {
    return isTouch(container) ? locateTouchPost(container) : locateDesktopPost(container);
  },

  locateAll(root) {
    const enclosing = 'closest' in root ? root.closest(this.containerSelector) : null;
    if (enclosing) {
      const ref = this.locate?.(enclosing);
      return ref ? [ref] : [];
    }
    const out: PostRef[] = [];
    // Deleted floors print a notice instead of a postmessage body, so every body found is a live post.
    // The floor's container is only looked up when asked for (a flagged post): on a long thread
    // most posts are never flagged, and touching 1,000 containers costs more than scanning them.
    const bodies = desktopBodies(root);
    for (const body of bodies.length > 0 ? bodies : Array.from(root.querySelectorAll(LEGACY_BODY))) {
      const pid = body.id.slice('postmessage_'.length);
      if (!/^\d+$/.test(pid)) continue;
      let container: Element | undefined;
      out.push({
        postId: pid,
        kind: 'post',
        bodyElement: body,
        get element() {
          container ??= body.ownerDocument.getElementById(`post_${pid}`) ?? body.closest('div[id^="post_"]') ?? body;
          return container;
        },
      });
    }
    // A page is desktop or touch: only look for touch posts when there were no desktop ones.
    if (out.length > 0) return out;
    for (const container of Array.from(root.querySelectorAll(TOUCH_POST))) {
      const ref = locateTouchPost(container);
      if (ref) out.push(ref);
    }
    return out;
  },

  listThreads(root, ctx) {
    const out: ListedThread[] = [];
    for (const row of Array.from(root.querySelectorAll('tbody[id^="normalthread_"], tbody[id^="stickthread_"]'))) {
      const titleEl = row.querySelector('th a.s.xst, th a.xst');
      if (!titleEl) continue;
      const threadId = row.id.replace(/^\D+_/, '');
      const by = row.querySelector('td.by');
      const dateEl = by?.querySelector('em span[title]') ?? by?.querySelector('em');
      const href = titleEl.getAttribute('href');
      out.push({
        site: 'discuz',
        threadId,
        title: cleanText(titleEl.textContent),
        author: textOf(by ?? row, 'cite a') ?? undefined,
        publishedAt: dateEl ? parseChineseTime(dateEl.getAttribute('title') || dateEl.textContent || '', ctx.now) : undefined,
        replies: readCount(row.querySelector('td.num a')?.textContent),
        views: readCount(row.querySelector('td.num em')?.textContent),
        element: row,
        titleElement: titleEl,
        url: href && ctx.url ? safeUrl(href, ctx.url) : undefined,
      });
    }
    return out;
  },
};

/**
 * The desktop post bodies under `root`, `td.t_f[id^="postmessage_"]` (a
 * deleted post prints a notice instead of one), from the class collection: the
 * browser walks the page testing one class name per element instead of
 * matching a selector against each of the some 64,000 elements of a
 * 1,000-floor thread. Read with `item(k)` until null: `length` (and Chromium's
 * first `found[k]`, which counts the collection) would walk the page once
 * more before the walk that reads the items.
 */
function desktopBodies(root: Document | Element): Element[] {
  const out: Element[] = [];
  const found = root.getElementsByClassName('t_f');
  for (let k = 0, el = found.item(0); el !== null; el = found.item(++k)) {
    if (el.localName === 'td' && el.id.startsWith('postmessage_')) out.push(el);
  }
  return out;
}

function isTouch(container: Element): boolean {
  return container.tagName === 'DIV' && container.classList.contains('plc');
}

/** Inside `container`, the element with this id: a hash lookup when attached, a subtree search otherwise. */
function byIdWithin(container: Element, id: string): Element | null {
  const found = container.ownerDocument.getElementById(id);
  if (found && container.contains(found)) return found;
  return container.querySelector(`[id="${id}"]`);
}

function locateDesktopPost(container: Element): PostRef | null {
  const pid = container.id.slice('post_'.length);
  if (!/^\d+$/.test(pid)) return null;
  const table = byIdWithin(container, `pid${pid}`);
  const legacy = byIdWithin(container, `postmessage_${pid}`);
  if (legacy?.classList.contains('t_msgfont')) return { postId: pid, kind: 'post', element: container, bodyElement: legacy };
  // Deleted posts (X) keep table#pid but lose class plhin; their body is a notice.
  if (table && !table.classList.contains('plhin')) return null;
  const body = legacy ?? container.querySelector('.t_f, .pcb');
  return body ? { postId: pid, kind: 'post', element: container, bodyElement: body } : null;
}

function locateTouchPost(container: Element): PostRef | null {
  const pid = container.id.slice('pid'.length);
  const body = container.querySelector('.message');
  return body && /^\d+$/.test(pid) ? { postId: pid, kind: 'post', element: container, bodyElement: body } : null;
}

function readDesktopPost(container: Element, ctx: AdapterContext, index: number): FoundPost | null {
  const located = locateDesktopPost(container);
  if (!located) return null;
  const { postId: pid, bodyElement: body } = located;
  const author =
    authorBesideAvatar(container, pid) ??
    textOf(container, '.pi .authi a.xi2, .pi .authi a.xw1') ??
    // Discuz! 7.x: the poster column, or the link beside the time.
    textOf(container, 'td.postauthor .postinfo a, .authorinfo a.posterlink');
  const posted = byIdWithin(container, `authorposton${pid}`);
  const exact = posted?.querySelector('span[title]')?.getAttribute('title');
  const publishedAt = posted
    ? parseChineseTime(exact || (posted.textContent ?? '').replace(/^\s*发表于/, ''), ctx.now)
    : undefined;
  return {
    site: 'discuz',
    kind: 'post',
    postId: pid,
    floor: readFloor(byIdWithin(container, `postnum${pid}`)?.textContent) ?? index + 1,
    author,
    publishedAt,
    text: readText(body),
    element: container,
    bodyElement: body,
  };
}

/**
 * The author link in the floor's avatar column (`#favatar<pid> .authi a.xw1`),
 * found from the column's id: a selector naming the floor's own id is a new
 * string per floor, which the browser parses afresh every time (its selector
 * cache keys by text). Reading the fields of the floors a "load more" adds
 * spent most of its time there. The same selector is asked as written only
 * when the first column with that id lacks the link (a page repeating ids).
 */
function authorBesideAvatar(container: Element, pid: string): string | undefined {
  const avatar = byIdWithin(container, `favatar${pid}`);
  if (!avatar) return undefined;
  return textOf(avatar, ':scope .authi a.xw1') ?? textOf(container, `#favatar${pid} .authi a.xw1`);
}

function readTouchPost(container: Element, ctx: AdapterContext, index: number): FoundPost | null {
  const located = locateTouchPost(container);
  if (!located) return null;
  const { postId: pid, bodyElement: body } = located;
  const info = container.querySelector('.authi li.grey, .authi');
  const floorText = info?.querySelector('em')?.textContent;
  // The touch template prints the raw dateline after the author link.
  const infoText = cleanText(info?.textContent);
  return {
    site: 'discuz',
    kind: 'post',
    postId: pid,
    floor: readFloor(floorText) ?? index + 1,
    author: textOf(container, '.authi b a, .authi a.blue') ?? undefined,
    publishedAt: parseChineseTime(
      info?.querySelector('span[title]')?.getAttribute('title') || infoText.replace(floorText ?? '', ''),
      ctx.now,
    ),
    text: readText(body),
    element: container,
    bodyElement: body,
  };
}

/** Floor from a label: 楼主/沙发/板凳/地板, "5#", "<em>5</em><sup>#</sup>", "5楼". */
export function readFloor(label: string | null | undefined): number | undefined {
  const t = cleanText(label);
  const named = FLOOR_LABELS[t];
  if (named) return named;
  const m = /^#?(\d+)\s*(#|楼|F)?$/i.exec(t);
  return m ? Number(m[1]) : undefined;
}

function safeUrl(href: string, base: URL): string | undefined {
  try {
    return new URL(href, base).href;
  } catch {
    return undefined;
  }
}
