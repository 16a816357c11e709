/**
 * The fallback for pages no adapter recognises: the generic post detector.
 *
 * Posts are the repeated records `mineRecordGroups` finds (records.ts: MDR /
 * DEPTA-style record mining, with link-density and landmark rejection of
 * navigation and related-news lists). Each record's body, author, time,
 * IP-location label, floor and like count are read apart, so a comment's
 * text is its body only. Records inside another group's records (楼中楼,
 * replies to a comment) are entries of their own with a `parentId`.
 *
 * The article (news page, blog post) is one more entry, first, when the page
 * has a block of paragraphs outside the records; its date is the page's own
 * (meta, `<time datetime>`, a dated line outside every record), never a
 * comment's.
 */
import { cleanText, hasText, metaContent, readText } from './dom.ts';
import { CONTENT_ID_TEXT_CHARS, contentId } from './engine.ts';
import { parseChineseTime } from './parse-time.ts';
import { authorOfText, authorTextAt, followPath, inChrome, namesAnAuthor, mineRecordGroups, readRecord, recordSignature, type RecordGroup } from './records.ts';
import type { AdapterContext, FoundPost, PostRef, SiteAdapter } from './types.ts';

const MAIN_CANDIDATES = '[itemprop="articleBody"], article, main, .article, .article-content, .content, #content, .post, .entry-content';
/** A date with its year: an article's own date line always prints one. */
const FULL_DATE = /\d{4}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}\s*日?(?:\s*\d{1,2}:\d{2}(?::\d{2})?)?/;

/** What was mined on one document, kept for the MutationObserver path. */
interface Mined {
  groups: RecordGroup[];
  records: Set<Element>;
  /** Records of attached reply blocks (see `RecordGroup.attached`). */
  attached: Set<Element>;
  /** Group by its parent element and record signature, to recognise an appended record. */
  byParent: Map<Element, Map<string, RecordGroup>>;
}

const minedByDoc = new WeakMap<Document, Mined>();

/** The generic adapter. */
export const genericAdapter: SiteAdapter = {
  key: 'generic',
  containerSelector: ':not(*)',
  detect: () => 1,
  pageKind: () => 'article',
  title: (doc) => metaContent(doc, 'og:title') ?? (cleanText(doc.querySelector('h1')?.textContent) || cleanText(doc.title) || undefined),
  readPost: () => null,

  findAll(root, ctx) {
    if (root !== ctx.doc) return minedPosts(root as Element, ctx, 'generic');
    const { mined, records } = recordsUnder(ctx.doc, ctx.doc, ctx.now);
    const article = readArticle(ctx, mined);
    return [...(article ? [article] : []), ...postsOf(records, mined, ctx, 'generic')];
  },

  locateAll(root, ctx) {
    const doc = ctx.doc;
    const now = ctx.now;
    const { mined, records, groupOf } = recordsUnder(root, doc, now);
    const out: PostRef[] = [];
    if (root === doc) {
      const main = findMain(doc, mined);
      if (main) out.push({ postId: articleIdOf(ctx), kind: 'article', element: main, bodyElement: main });
    }
    // Indexed: on a long thread this runs once per record while the code is still cold, where for…of allocates per step.
    for (let k = 0; k < records.length; k++) {
      const record = records[k] as Element;
      const group = groupOf.get(record);
      const fromPath = group?.bodyPath ? followPath(record, group.bodyPath) : null;
      // The id: the page's own, else a digest of author and body read through the learned paths
      // (DEPTA's alignment); only records shaped otherwise are read in full.
      const direct = directId(record);
      if (fromPath && direct) {
        out.push({ postId: direct, kind: 'comment', element: record, bodyElement: fromPath });
        continue;
      }
      if (fromPath && group?.authorPath) {
        // Read once: the flagger scans the same raw text (PostRef.bodyText).
        const raw = fromPath.textContent ?? '';
        const author = authorTextAt(followPath(record, group.authorPath));
        if (hasText(raw) && namesAnAuthor(author)) {
          out.push(new DigestedRef(record, fromPath, raw, author));
          continue;
        }
      }
      const reading = readRecord(record, now, mined.records);
      if (reading.text === '') continue;
      out.push({ postId: recordId(record, reading.author, reading.text), kind: 'comment', element: record, bodyElement: reading.body });
    }
    return out;
  },
};

/**
 * The records under `root`: all of them on a whole document; under an added
 * node, the node itself when it is one more record of a known group, else
 * the records mined inside it.
 */
function recordsUnder(
  root: Document | Element,
  doc: Document,
  now: Date,
): { mined: Mined; records: Element[]; groupOf: Map<Element, RecordGroup> } {
  let mined = minedByDoc.get(doc);
  const groupOf = new Map<Element, RecordGroup>();
  if (root === doc || !mined) {
    const body = doc.body;
    const groups = body ? mineRecordGroups(body, now) : [];
    mined = indexGroups(groups);
    minedByDoc.set(doc, mined);
    if (root === doc) return { mined, records: inDocumentOrder(groups, groupOf), groupOf };
  }
  const el = root as Element;
  const known = el.parentElement ? mined.byParent.get(el.parentElement)?.get(recordSignature(el)) : undefined;
  if (known) {
    known.records.push(el);
    mined.records.add(el);
    groupOf.set(el, known);
    return { mined, records: [el], groupOf };
  }
  const enclosing = findEnclosingRecord(el, mined.records);
  if (enclosing) return { mined, records: [], groupOf };
  const fresh = mineRecordGroups(el, now);
  for (const g of fresh) {
    mined.groups.push(g);
    for (const r of g.records) mined.records.add(r);
    addToIndex(mined, g);
  }
  return { mined, records: inDocumentOrder(fresh, groupOf), groupOf };
}

function indexGroups(groups: RecordGroup[]): Mined {
  const mined: Mined = { groups, records: new Set(), attached: new Set(), byParent: new Map() };
  for (const g of groups) {
    for (const r of g.records) mined.records.add(r);
    addToIndex(mined, g);
  }
  return mined;
}

function addToIndex(mined: Mined, g: RecordGroup): void {
  if (g.attached) for (const r of g.records) mined.attached.add(r);
  const first = g.records[0];
  const parent = first?.parentElement;
  if (!first || !parent) return;
  const byKey = mined.byParent.get(parent) ?? new Map<string, RecordGroup>();
  byKey.set(recordSignature(first), g);
  mined.byParent.set(parent, byKey);
}

function findEnclosingRecord(el: Element, records: Set<Element>): Element | null {
  for (let at: Element | null = el.parentElement; at; at = at.parentElement) {
    if (records.has(at)) return at;
  }
  return null;
}

/** Every group's records in document order (replies right after the post they answer). */
function inDocumentOrder(groups: RecordGroup[], groupOf: Map<Element, RecordGroup>): Element[] {
  const all: Element[] = [];
  for (const g of groups) {
    for (const r of g.records) {
      groupOf.set(r, g);
      all.push(r);
    }
  }
  if (groups.length > 1) all.sort((a, b) => (a.compareDocumentPosition(b) & 4 ? -1 : 1));
  return all;
}

/** The record `record` replies to: the enclosing record, or the one an attached reply block follows. */
function parentRecord(record: Element, mined: Mined): Element | null {
  if (mined.attached.has(record)) return record.previousElementSibling;
  const enclosing = findEnclosingRecord(record, mined.records);
  return enclosing && mined.attached.has(enclosing) ? enclosing.previousElementSibling : enclosing;
}

function idOfParent(parent: Element, now: Date, records: Set<Element>): string {
  const r = readRecord(parent, now, records);
  return recordId(parent, r.author, r.text);
}

/** Raw characters cleaned for a record's id: enough for `contentId`'s `CONTENT_ID_TEXT_CHARS` (80) after collapsing whitespace. */
const ID_TEXT_WINDOW = 4 * CONTENT_ID_TEXT_CHARS;

/**
 * The start of a body's cleaned text, as far as `contentId` reads it (its
 * first `CONTENT_ID_TEXT_CHARS` characters), or '' for a body with no text.
 * Collapsing whitespace maps a prefix of the raw text to a prefix of the
 * cleaned text, so on a long body only a window is cleaned; a window that
 * cleans to that many characters or fewer (mostly whitespace, or the whole
 * body) is not enough and the whole text is cleaned.
 */
function idText(raw: string): string {
  if (raw.length > ID_TEXT_WINDOW) {
    const start = cleanText(raw.slice(0, ID_TEXT_WINDOW));
    // Longer than contentId reads: the window's last character (maybe half a surrogate pair) is not among those read.
    if (start.length > CONTENT_ID_TEXT_CHARS) return start;
  }
  return cleanText(raw);
}

/**
 * A record located through the learned paths, whose id is the digest of its
 * author and body (`contentId`), computed when first read: the flagger reads
 * only the ids of posts with a match on the page's first scan, and on a long
 * thread digesting every record cost as much as matching them all. The id
 * depends only on the strings read when the record was located, so it is the
 * same whenever it is read, even after the page has recycled the row.
 */
class DigestedRef implements PostRef {
  readonly kind = 'comment';
  readonly idFits = true;
  bodyText: string | undefined;
  /** The author's and body's raw text as located: what the id digests ('' once it is). */
  private authorText: string;
  private rawText: string;
  private id: string | undefined = undefined;

  constructor(
    readonly element: Element,
    readonly bodyElement: Element,
    raw: string,
    author: string,
  ) {
    this.bodyText = raw;
    this.rawText = raw;
    this.authorText = author;
  }

  get postId(): string {
    if (this.id === undefined) {
      this.id = contentId(authorOfText(this.authorText), undefined, idText(this.rawText));
      // The body's text may be long: kept only until digested.
      this.rawText = '';
      this.authorText = '';
    }
    return this.id;
  }
}

/** An id the page gives the record (data-pid, data-id, id="post-123"…). */
function directId(record: Element): string | undefined {
  // data-id, data-pid, data-post-id, data-comment-id, data-aid, data-rpid… By name, then value:
  // reading `attributes` builds an Attr object per attribute of every record.
  for (const name of record.getAttributeNames()) {
    if (!isIdAttribute(name)) continue;
    const value = record.getAttribute(name) ?? '';
    if (/\d/.test(value)) return value.trim();
  }
  const id = record.id.trim();
  if (id && /\d/.test(id)) return id;
  const name = record.getAttribute('name')?.trim();
  return name && /^\d+$/.test(name) ? name : undefined;
}

/** Attribute names already judged: a thread's records share a handful of them. */
const idAttributeNames = new Map<string, boolean>();

function isIdAttribute(name: string): boolean {
  let judged = idAttributeNames.get(name);
  if (judged === undefined) {
    judged = /^data-([a-z]+-)?([a-z]*id)$/i.test(name) && !/uid$/i.test(name);
    if (idAttributeNames.size < 512) idAttributeNames.set(name, judged);
  }
  return judged;
}

/**
 * The record's id: the page's own, else a digest of author, time and the
 * start of the text — the same each time the record is shown, so a comment
 * a recycling list re-renders keeps its id.
 */
function recordId(record: Element, author: string | undefined, text: string): string {
  // Not the time: a relative time ("3 天前") reads differently tomorrow, and the id must not change.
  return directId(record) ?? contentId(author, undefined, text);
}

function articleIdOf(ctx: AdapterContext): string {
  return ctx.url ? `${ctx.url.pathname}${ctx.url.search}` : 'article';
}

function readArticle(ctx: AdapterContext, mined: Mined): FoundPost | null {
  const main = findMain(ctx.doc, mined) ?? (mined.records.size === 0 ? ctx.doc.body : null);
  if (!main) return null;
  const publishedAt = articleTime(ctx, main, mined.records);
  const author = metaContent(ctx.doc, 'author') ?? metaContent(ctx.doc, 'article:author');
  return {
    site: 'generic',
    kind: 'article',
    postId: articleIdOf(ctx),
    ...(author ? { author } : {}),
    ...(publishedAt ? { publishedAt } : {}),
    text: readText(main),
    element: main,
    bodyElement: main,
  };
}

/**
 * The article's own date: a meta date, a `<time datetime>` or a dated line
 * outside every record (comments) and outside link lists; never a comment's.
 */
function articleTime(ctx: AdapterContext, main: Element, records: Set<Element>): string | undefined {
  const { doc, now } = ctx;
  const meta = metaContent(doc, 'article:published_time') ?? metaContent(doc, 'PubDate') ?? metaContent(doc, 'publishdate') ?? metaContent(doc, 'og:release_date');
  if (meta) return parseChineseTime(meta, now);
  for (const el of Array.from(doc.querySelectorAll('time[datetime], [itemprop="datePublished"]'))) {
    if (findEnclosingRecord(el, records) || records.has(el)) continue;
    const raw = el.getAttribute('datetime') ?? el.getAttribute('content') ?? el.textContent ?? '';
    const t = parseChineseTime(raw, now);
    if (t) return t;
  }
  // The first dated line of the page outside records, links and side lists (the date line under the title).
  const body = doc.body;
  if (!body) return undefined;
  const walker = doc.createTreeWalker(body, 4);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const parent = node.parentElement;
    if (!parent || main.contains(parent)) continue;
    const text = node.nodeValue ?? '';
    const m = FULL_DATE.exec(text);
    if (!m || text.trim().length > 80) continue;
    if (parent.closest('a, script, style') || inChrome(parent, null) || findEnclosingRecord(parent, records)) continue;
    const t = parseChineseTime(m[0], now);
    if (t) return t;
  }
  return undefined;
}

/**
 * The article body: the element whose own paragraphs hold the most text
 * (Readability's paragraph-parent scoring, simplified), outside every record
 * and side list; else the largest main-content candidate. Null when neither
 * has 15 characters.
 */
function findMain(doc: Document, mined: Mined): Element | null {
  const records = mined.records;
  const scores = new Map<Element, number>();
  // Paragraphs and blocks of records (comments) never make the article: their subtrees are not even walked.
  const outside = outsideRecords(doc, mined);
  for (const p of outside) {
    if (p.localName !== 'p') continue;
    const parent = p.parentElement;
    if (!parent) continue;
    let len = (p.textContent ?? '').trim().length;
    for (const a of Array.from(p.getElementsByTagName('a'))) len -= (a.textContent ?? '').trim().length;
    if (len <= 0) continue;
    scores.set(parent, (scores.get(parent) ?? 0) + len);
  }
  // Text written straight into a block (a question's description, old pages without <p>).
  for (const el of outside) {
    if (el.localName !== 'div' && el.localName !== 'section' && el.localName !== 'td') continue;
    let own = 0;
    // Most text nodes are the line breaks between children (a thread's list of a thousand floors has
    // as many): tested for text before being cleaned, which cost more than the rest of the article search.
    for (let n = el.firstChild; n; n = n.nextSibling) {
      if (n.nodeType !== 3) continue;
      const text = n.nodeValue ?? '';
      if (hasText(text)) own += cleanText(text).length;
    }
    if (own > 0) scores.set(el, (scores.get(el) ?? 0) + own);
  }
  let best: Element | null = null;
  // 15 characters: a question's one-line description is an entry; a menu's separators are not.
  let bestScore = 14;
  for (const [el, score] of scores) {
    if (score <= bestScore || records.has(el) || findEnclosingRecord(el, records) || inSideList(el)) continue;
    best = el;
    bestScore = score;
  }
  if (best) return best;
  let length = 199;
  // Candidates inside a record are never the article: those outside are already at hand, and
  // matching them spares a selector list matched against every element of a long thread.
  const head = doc.head ? [doc.head, ...Array.from(doc.head.querySelectorAll('*'))] : [];
  for (const el of [doc.documentElement, ...head, ...(doc.body ? [doc.body] : []), ...outside]) {
    if (!el.matches(MAIN_CANDIDATES)) continue;
    const l = cleanText(el.textContent).length;
    if (l <= length || containsRecord(el, records)) continue;
    best = el;
    length = l;
  }
  return best;
}

/** The body's elements outside every record, in document order (records' subtrees skipped whole). */
function outsideRecords(doc: Document, mined: Mined): Element[] {
  const body = doc.body;
  if (!body) return [];
  const records = mined.records;
  const out: Element[] = [];
  // A list whose children are all one group's records (a thread's floors) is not walked child by child.
  const allRecords = new Set<Element>();
  for (const g of mined.groups) {
    const parent = g.records[0]?.parentElement;
    if (parent && parent.childElementCount === g.records.length) allRecords.add(parent);
  }
  // Walked by hand, not by a TreeWalker with a filter: the browser calling a script filter for
  // every element (a thousand records among them) cost more than the walk.
  const visit = (parent: Element) => {
    if (allRecords.has(parent)) return;
    for (let el = parent.firstElementChild; el; el = el.nextElementSibling) {
      if (records.has(el)) continue;
      out.push(el);
      visit(el);
    }
  };
  visit(body);
  return out;
}

function containsRecord(el: Element, records: Set<Element>): boolean {
  for (const r of records) if (el.contains(r)) return true;
  return false;
}

function inSideList(el: Element): boolean {
  return inChrome(el, null);
}

/**
 * The posts record mining finds under `root` (not the article): what the
 * generic adapter gives, and what other adapters use for comment lists they
 * have no selectors for. `site` is the reporting adapter's key.
 */
export function minedPosts(root: Document | Element, ctx: AdapterContext, site: string): FoundPost[] {
  const { mined, records } = recordsUnder(root, ctx.doc, ctx.now);
  return postsOf(records, mined, ctx, site);
}

function postsOf(records: Element[], mined: Mined, ctx: AdapterContext, site: string): FoundPost[] {
  const out: FoundPost[] = [];
  const ids = new Map<Element, string>();
  for (const record of records) {
    const reading = readRecord(record, ctx.now, mined.records);
    if (reading.text === '') continue;
    const postId = recordId(record, reading.author, reading.text);
    ids.set(record, postId);
    const parent = parentRecord(record, mined);
    const post: FoundPost = {
      site,
      kind: 'comment',
      postId,
      text: reading.text,
      element: record,
      bodyElement: reading.body,
    };
    if (reading.floor !== undefined) post.floor = reading.floor;
    if (reading.author) post.author = reading.author;
    if (reading.publishedAt) post.publishedAt = reading.publishedAt;
    if (reading.location) post.location = reading.location;
    if (reading.likes !== undefined) post.likes = reading.likes;
    const parentId = parent ? (ids.get(parent) ?? idOfParent(parent, ctx.now, mined.records)) : undefined;
    if (parentId) post.parentId = parentId;
    out.push(post);
  }
  return out;
}

