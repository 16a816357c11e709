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
import { authorOfText, authorTextAt, followPath, followPathInBulk, inChrome, type MinedRecords, mineRecords, namesAnAuthor, readRecord, recordSignature, type RecordGroup } from './records.ts';
import type { AdapterContext, FoundPost, PostRef, SiteAdapter, TextsThatMayMatch } from './types.ts';

const MAIN_CANDIDATES = '[itemprop="articleBody"], article, main, .article, .article-content, .content, #content, .post, .entry-content';
/** A date with its year: an article's own date line always prints one. */
const FULL_DATE = /\d{4}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}\s*日?(?:\s*\d{1,2}:\d{2}(?::\d{2})?)?/;

/** What was mined on one document, kept for the MutationObserver path. */
interface Mined {
  groups: RecordGroup[];
  records: Set<Element>;
  /** Records of attached reply blocks (see `RecordGroup.attached`). */
  attached: Set<Element>;
  /** Records holding records of their own (`MinedRecords.enclosing`): read in full. */
  enclosing: Set<Element>;
  /** What was mined inside the samples of lists left unmined (`MinedRecords.inside`). */
  inside?: Map<Element, MinedRecords>;
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
    const { mined, records, groupOf } = recordsUnder(root, ctx.doc, ctx.now);
    return locateMined(root === ctx.doc, ctx, mined, records, groupOf);
  },

  /**
   * The first scan of a page holding a long list of records (a thread's
   * floors): the inside of that list's records is mined, and each record
   * located, only where the record may be flagged — the text that stands
   * for what the full scan may read in it (its body through the learned
   * paths, where the full scan reads it so; else the whole record) holds a
   * raw occurrence (`mayMatch`) — and for the page's first post, which
   * decides whether the thread names the region (the flagger's
   * `threadAnchored`). Each post located is located as `locateAll` locates
   * it (same id, same body element), so the full scan in idle time adds the
   * others without repeating one. A reply inside a record shaped like the
   * samples, outside its body path, that holds a match where the record's
   * body holds none is flagged by that idle scan.
   */
  locateWhereMatched(doc, ctx, mayMatch, longList) {
    const body = doc.body;
    const found: MinedRecords = body ? mineRecords(body, ctx.now, { skipLongLists: true, ...(longList !== undefined ? { longList } : {}) }) : { groups: [], enclosing: new Set() };
    const mined = indexGroups(found);
    const groupOf = new Map<Element, RecordGroup>();
    const records = inDocumentOrder(found.groups, groupOf);
    // A long list whose samples' bodies lie at different paths (or hold replies) is read record by
    // record whatever the text: nothing would be spared, so the page is mined and located whole.
    if (!found.groups.some((g) => g.unminedInside && g.bodyPath)) {
      const { mined: whole, records: all, groupOf: groups } = found.groups.some((g) => g.unminedInside) ? recordsUnder(doc, doc, ctx.now) : { mined, records, groupOf };
      minedByDoc.set(doc, whole);
      return { posts: locateMined(true, ctx, whole, all, groups), complete: true };
    }
    return { posts: locateMayMatch(ctx, mined, records, groupOf, mayMatch), complete: false };
  },
};

/**
 * The article (on a whole document) and the records' refs, in document
 * order: the id is the page's own, else a digest of author and body read
 * through the learned paths (DEPTA's alignment); only records shaped
 * otherwise, or holding records of their own, are read in full.
 */
function locateMined(wholeDocument: boolean, ctx: AdapterContext, mined: Mined, records: Element[], groupOf: Map<Element, RecordGroup>): PostRef[] {
  const out: PostRef[] = [];
  if (wholeDocument) {
    const main = findMain(ctx.doc, mined);
    if (main) out.push(articleRef(ctx, main));
  }
  // Indexed: on a long thread this runs once per record while the code is still cold, where for…of allocates per step.
  for (let k = 0; k < records.length; k++) {
    const record = records[k] as Element;
    const ref = locateRecord(record, groupOf.get(record), mined, ctx.now);
    if (ref) out.push(ref);
  }
  return out;
}

/** See `genericAdapter.locateWhereMatched`: the posts of a page whose long lists were left unmined inside. */
function locateMayMatch(ctx: AdapterContext, mined: Mined, records: Element[], groupOf: Map<Element, RecordGroup>, mayMatch: TextsThatMayMatch): PostRef[] {
  const now = ctx.now;
  const out: PostRef[] = [];
  const main = findMain(ctx.doc, mined);
  if (main) out.push(articleRef(ctx, main));
  // Each post's text as far as it is read now: a located post's own; for a record not mined inside
  // (`ref` undefined), the text that stands for what the full scan may read in it, and the record
  // is mined inside and located only if that text may match.
  const entries: { record: Element; ref: PostRef | null | undefined }[] = [];
  const texts: string[] = [];
  const located = (record: Element) => {
    const ref = locateRecord(record, groupOf.get(record), mined, now);
    entries.push({ record, ref });
    texts.push(ref ? (ref.bodyText ?? ref.bodyElement.textContent ?? '') : '');
  };
  const childCounts = new Map<RecordGroup, number | null>();
  // The bodies and authors of each list left unmined, found for all its records at once, and where
  // each group's walk through its records is (its records come in `records` in their own order).
  const paths = new Map<RecordGroup, PathsInBulk>();
  for (let k = 0; k < records.length; k++) {
    const record = records[k] as Element;
    const group = groupOf.get(record);
    let inBulk: PathsInBulk | undefined;
    if (group?.unminedInside && group.bodyPath) {
      inBulk = paths.get(group);
      if (!inBulk) {
        inBulk = { bodies: followPathInBulk(group.records, group.bodyPath), authors: group.authorPath ? followPathInBulk(group.records, group.authorPath) : undefined, next: 0 };
        paths.set(group, inBulk);
      }
    }
    const at = inBulk ? inBulk.next++ : -1;
    if (!group?.unminedInside || group.samples.includes(record)) {
      // Mined inside (a sample, a record of a short list): located as the full scan locates it.
      const replies = group?.unminedInside ? resolveInside(record, mined, groupOf, now) : [];
      located(record);
      for (const reply of replies) located(reply);
      continue;
    }
    // Not mined inside: its text read through the paths when it is shaped as its samples are and the
    // full scan would read it so (`locateRecord`: its body, and any replies shown inside it); else its
    // whole text, which holds all a full reading may find in it. A record of more or fewer blocks than
    // its samples holds something they lack, most often its replies (楼中楼) after its body.
    const viaPaths = childCountOf(group, childCounts) === record.childElementCount ? textThroughPaths(record, group, inBulk?.bodies[at], inBulk?.authors?.[at]) : null;
    entries.push({ record, ref: undefined });
    texts.push(viaPaths ?? record.textContent ?? '');
  }
  const matched = mayMatch(texts);
  // The page's first post is located whatever its text: the flagger reads it to tell whether the thread names the region.
  let first = out.length === 0;
  for (let k = 0; k < entries.length; k++) {
    if (!first && matched[k] === 0) continue;
    const { record, ref } = entries[k] as (typeof entries)[number];
    if (ref !== undefined) {
      if (ref) {
        out.push(ref);
        first = false;
      }
      continue;
    }
    // A record left unmined inside that may be flagged: mined inside now, then located with its replies.
    const replies = resolveInside(record, mined, groupOf, now);
    for (const at of [record, ...replies]) {
      const atRef = locateRecord(at, groupOf.get(at), mined, now);
      if (!atRef) continue;
      out.push(atRef);
      first = false;
    }
  }
  return out;
}

/** What a long list's paths lead to, for all its records (`followPathInBulk`), and the index of its next record. */
interface PathsInBulk {
  bodies: (Element | undefined)[];
  authors: (Element | undefined)[] | undefined;
  next: number;
}

/** The element children every sample of `group` has, or null when they differ; kept in `counts`. */
function childCountOf(group: RecordGroup, counts: Map<RecordGroup, number | null>): number | null {
  let count = counts.get(group);
  if (count === undefined) {
    const first = group.samples[0]?.childElementCount ?? null;
    count = group.samples.every((s) => s.childElementCount === first) ? first : null;
    counts.set(group, count);
  }
  return count;
}

/**
 * Mines inside a record of a list left unmined: its replies' groups join
 * `mined` (and `groupOf` through the records' group), and the record is
 * marked as holding records when it does; `groupOf` learns the replies'
 * groups. Returns the replies, in document order.
 */
function resolveInside(record: Element, mined: Mined, groupOf: Map<Element, RecordGroup>, now: Date): Element[] {
  const inner = mined.inside?.get(record) ?? mineRecords(record, now);
  if (inner.groups.length === 0) return [];
  mined.enclosing.add(record);
  for (const r of inner.enclosing) mined.enclosing.add(r);
  for (const g of inner.groups) {
    for (const r of g.records) mined.records.add(r);
    if (g.attached) for (const r of g.records) mined.attached.add(r);
  }
  return inDocumentOrder(inner.groups, groupOf);
}

/** The article's ref: the page's path as its id, the main content as its body. */
function articleRef(ctx: AdapterContext, main: Element): PostRef {
  return { postId: articleIdOf(ctx), kind: 'article', element: main, bodyElement: main };
}

/** One record's ref (see `locateMined`); null for a record without text. */
function locateRecord(record: Element, group: RecordGroup | undefined, mined: Mined, now: Date): PostRef | null {
  // A record holding records of its own is read in full: its replies' text is not its body's.
  const viaPaths = group && !mined.enclosing.has(record) ? locateThroughPaths(record, group) : null;
  if (viaPaths) return viaPaths;
  const reading = readRecord(record, now, mined.records);
  if (reading.text === '') return null;
  return { postId: recordId(record, reading.author, reading.text), kind: 'comment', element: record, bodyElement: reading.body };
}

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
    const found: MinedRecords = body ? mineRecords(body, now) : { groups: [], enclosing: new Set() };
    mined = indexGroups(found);
    minedByDoc.set(doc, mined);
    if (root === doc) return { mined, records: inDocumentOrder(found.groups, groupOf), groupOf };
  }
  const el = root as Element;
  const known = knownGroupOf(el, mined);
  if (known) {
    known.records.push(el);
    mined.records.add(el);
    groupOf.set(el, known);
    return { mined, records: [el], groupOf };
  }
  const enclosing = findEnclosingRecord(el, mined.records);
  if (enclosing) return { mined, records: [], groupOf };
  const { groups: fresh, enclosing: holding } = mineRecords(el, now);
  for (const r of holding) mined.enclosing.add(r);
  for (const g of fresh) {
    mined.groups.push(g);
    for (const r of g.records) mined.records.add(r);
    addToIndex(mined, g);
  }
  return { mined, records: inDocumentOrder(fresh, groupOf), groupOf };
}

function indexGroups({ groups, enclosing, inside }: MinedRecords): Mined {
  const mined: Mined = { groups, records: new Set(), attached: new Set(), enclosing, byParent: new Map(), ...(inside ? { inside } : {}) };
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

/** The mined group `el` belongs to, or would join (a sibling of its records with their signature). */
function knownGroupOf(el: Element, mined: Mined): RecordGroup | undefined {
  return el.parentElement ? mined.byParent.get(el.parentElement)?.get(recordSignature(el)) : undefined;
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

function idOfParent(parent: Element, now: Date, mined: Mined): string {
  const located = idThroughPaths(parent, mined);
  if (located) return located;
  const r = readRecord(parent, now, mined.records);
  return recordId(parent, r.author, r.text);
}

/**
 * The id `locateAll` gives a record it locates through the learned paths
 * (else it reads the record in full, and gives `recordId` of that reading):
 * a post read in full (capture, the office's reports) carries the id it was
 * flagged and claimed under, also where the paths read less of an odd
 * record than a full reading.
 */
function idThroughPaths(record: Element, mined: Mined): string | undefined {
  const group = knownGroupOf(record, mined);
  return group && !mined.enclosing.has(record) ? locateThroughPaths(record, group)?.postId : undefined;
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

/**
 * A record's ref read through its group's learned paths (DEPTA's
 * alignment), or null when the record must be read in full: no body path,
 * a record shaped otherwise, or neither an id of the page's own nor an
 * author found through the author path. Whether the record holds records of
 * its own is the caller's to ask.
 */
function locateThroughPaths(record: Element, group: RecordGroup): PostRef | null {
  const fromPath = group.bodyPath ? followPath(record, group.bodyPath) : null;
  if (!fromPath) return null;
  const direct = directId(record);
  if (direct) return { postId: direct, kind: 'comment', element: record, bodyElement: fromPath };
  if (!group.authorPath) return null;
  // Read once: the flagger scans the same raw text (PostRef.bodyText).
  const raw = fromPath.textContent ?? '';
  const author = authorTextAt(followPath(record, group.authorPath));
  return hasText(raw) && namesAnAuthor(author) ? new DigestedRef(record, fromPath, raw, author) : null;
}

/**
 * The raw text of the body `locateThroughPaths` finds, without making the
 * ref (the id is not needed to tell whether the text may match): null when
 * it finds none. An author found through the author path is asked first, the
 * page's own id only without one: both read the body through the path.
 * `body` and `author`: what the paths lead to, when already known
 * (`followPathInBulk`).
 */
function textThroughPaths(record: Element, group: RecordGroup, body?: Element, author?: Element): string | null {
  const fromPath = body ?? (group.bodyPath ? followPath(record, group.bodyPath) : null);
  if (!fromPath) return null;
  const raw = fromPath.textContent ?? '';
  if (group.authorPath && hasText(raw) && namesAnAuthor(authorTextAt(author ?? followPath(record, group.authorPath)))) return raw;
  return directId(record) ? raw : null;
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
    for (const text of ownTexts(el)) if (hasText(text)) own += cleanText(text).length;
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

/** Children a block may have before its own texts are selected natively (see `ownTexts`). */
const MANY_CHILDREN = 64;

/**
 * The texts of `el`'s own text nodes, maybe with some of spaces only left
 * out. A block of many children (a thread's list of a thousand floors, each
 * followed by a line break) has its text nodes holding more than XML spaces
 * selected by XPath, in native code, instead of each child being visited
 * from script.
 */
function ownTexts(el: Element): string[] {
  const out: string[] = [];
  if (el.childNodes.length <= MANY_CHILDREN) {
    for (let n = el.firstChild; n; n = n.nextSibling) if (n.nodeType === 3) out.push(n.nodeValue ?? '');
    return out;
  }
  const found = el.ownerDocument.evaluate('text()[normalize-space()]', el, null, 7 /* ORDERED_NODE_SNAPSHOT_TYPE */, null);
  for (let k = 0; k < found.snapshotLength; k++) out.push(found.snapshotItem(k)?.nodeValue ?? '');
  return out;
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
    const postId = idThroughPaths(record, mined) ?? recordId(record, reading.author, reading.text);
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
    const parentId = parent ? (ids.get(parent) ?? idOfParent(parent, ctx.now, mined)) : undefined;
    if (parentId) post.parentId = parentId;
    out.push(post);
  }
  return out;
}

