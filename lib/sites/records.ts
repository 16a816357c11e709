/**
 * Record mining: the repeated post records of a page (floors, comments,
 * answers), found from the page's own DOM structure, with no site-specific
 * code. It is the fallback for every page no adapter claims, and adapters
 * use `readRecord` to split one record into body and chrome.
 *
 * Method. Data records are sibling subtrees under one parent that share a
 * shape — MDR (B. Liu, R. Grossman, Y. Zhai, "Mining Data Records in Web
 * Pages", KDD 2003). Fields are then aligned across the records — DEPTA
 * (Y. Zhai, B. Liu, "Web Data Extraction Based on Partial Tree Alignment",
 * WWW 2005). Two simplifications keep it within a content script's budget
 * (a 1,000-floor thread in a few milliseconds):
 * - "same shape" is a signature (tag + class tokens with digits removed)
 *   instead of MDR's edit distance between tag strings: forum templates
 *   print every record from one loop, so the signatures are equal;
 * - alignment is done on a few sample records only: the body's path inside
 *   a record (tag + class at each step) is learned from them and followed in
 *   the others, falling back to a full reading when the path is missing.
 * The tests of a candidate group run cheapest first, and a test that cannot
 * be passed any more stops it (MDR's candidates pruned before comparison):
 * a group whose samples are mostly textless fails the body test before any
 * sample is read, and reading a sample element by element comes last. No
 * step reads a subtree once per enclosing candidate, so the mining grows with
 * the page, not with the page times its depth (tests/unit/sites/records-scale.test.ts).
 *
 * What makes a group of records posts rather than navigation, a related-news
 * list or a link list: each record carries text of its own that is not a
 * link (link density, as in Kohlschütter et al., "Boilerplate Detection using
 * Shallow Text Features", WSDM 2010, and Readability), it is not inside
 * `<nav>`/`<aside>`/`<header>`/`<footer>` or a block named like one
 * (related, recommend, sidebar…), and most records carry a time or an author.
 *
 * Body, not chrome: inside a record, short texts are given a role — time,
 * author, IP-location label (`IP属地：…`, `来自…`), count (likes, replies),
 * floor label, action link (回复/举报/分享…), signature — and the body is
 * the smallest element holding the rest. Names, times, labels and counts
 * become fields, never text to match.
 */
import { cleanText, COLLAPSED_SPACES, hasClass } from './dom.ts';
import { parseChineseTime } from './parse-time.ts';
import { readFloor } from './discuz.ts';
import { LOCATION_LABEL as LOCATION } from './engine.ts';

/** Roles a short text in a record can have. */
type Role = 'time' | 'author' | 'location' | 'count' | 'floor' | 'action' | 'signature';

/** What one record yields. */
export interface RecordReading {
  /** The element that holds the post body only (no chrome). */
  body: Element;
  /** The element the author was read from. */
  authorElement?: Element;
  /** Whether chrome or nested records sit inside `body` (then `text` is not its plain text). */
  bodyHasChrome?: boolean;
  /** The body's text, whitespace collapsed. */
  text: string;
  author?: string;
  /** The record's time (attribute times beat printed text), ISO in China time. */
  publishedAt?: string;
  /** IP-location label (`IP属地：澜江市`, `来自澜江市`) without its prefix. */
  location?: string;
  floor?: number;
  /** A like/upvote count printed on the record. */
  likes?: number;
}

/** A group of sibling records that passed the tests. */
export interface RecordGroup {
  records: Element[];
  /** The records the paths were learned from and the group was tested on (at most `SAMPLES`). */
  samples: Element[];
  /**
   * Path of the body inside a record, learned from the samples: null when
   * their bodies lie at different paths, or when a sample holds records of
   * its own (replies shown inside it), whose text was then read as its body.
   * A record holding records of its own is never read through it (see
   * `MinedRecords.enclosing`).
   */
  bodyPath: string[] | null;
  /**
   * Path of the author's element, learned like the body's, when the samples'
   * bodies held no chrome: then a record's id is read from the two paths
   * alone, without reading the record (the flagging path on long threads).
   */
  authorPath?: string[] | null;
  /**
   * Each record follows a record of another group under the same parent
   * (Sina's `.item` + `.dialog-list-wrap`): it holds the replies to that
   * record — MDR's generalized node of two siblings.
   */
  attached?: boolean;
  /**
   * Its records, but the samples, were not mined inside (`MiningOptions.skipLongLists`):
   * whether one holds replies of its own is not known.
   */
  unminedInside?: boolean;
}

/** What `mineRecords` found under a root. */
export interface MinedRecords {
  /** The groups, outermost first. */
  groups: RecordGroup[];
  /**
   * Records that hold another group's records (楼中楼, a reply list inside a
   * comment): their text is read without those records', never through the
   * group's body path, which was learned from records that hold none.
   */
  enclosing: Set<Element>;
  /** What was mined inside the samples of the lists left unmined (`MiningOptions.skipLongLists`). */
  inside?: Map<Element, MinedRecords>;
}

/** How much of a page `mineRecords` mines. */
export interface MiningOptions {
  /**
   * Do not mine inside the records of a list of more than `LONG_LIST`
   * records (a long thread's floors), but inside its samples (its children
   * other than records are mined): the page's first scan then mines inside only the records that
   * may be flagged (generic.ts `locateWhereMatched`), and the rest of the
   * page when it is idle. Mining inside every floor of a long thread was
   * most of its first scan.
   */
  skipLongLists?: boolean;
  /** The records a list must exceed to be long (default `LONG_LIST`; tests lower it to run the path on short pages). */
  longList?: number;
}

/**
 * Records a list must exceed to be left unmined inside on the first scan:
 * 100, the flagger's `FIELDS_BATCH`, so a page scanned this way is one whose
 * full scan reads no fields in its batch either.
 */
export const LONG_LIST = 100;

/** Elements whose text is never read. */
const SKIPPED = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'SVG', 'svg', 'IFRAME', 'TEXTAREA', 'SELECT', 'OPTION', 'INPUT']);
/** Landmark tags and block names of navigation, related-news and link lists. */
const CHROME_TAGS = new Set(['NAV', 'ASIDE', 'HEADER', 'FOOTER', 'MENU', 'FORM']);
const CHROME_NAME = /(^|[-_\s])(nav|navbar|menu|sidebar|side|aside|related|relate|recommend|recom|tuijian|xgxw|xiangguan|tj\d*|footer|header|breadcrumb|crumbs?|pager|pagination|toplist|banner|ad|ads)($|[-_\s\d])/i;
/** Texts of action links and buttons (回复, 举报…), in Chinese and English templates. */
const ACTIONS = new Set([
  '回复', '举报', '分享', '赞', '点赞', '删除', '引用', '收起', '展开', '更多', '编辑', '转发', '评论', '踩', '顶', '收藏',
  '只看该作者', '只看楼主', '复制链接', '查看更多', '展开全部', '回复TA', '打赏', '投诉', '屏蔽', '关注', '+关注',
  'Reply', 'Quote', 'Like', 'Share', 'Report', 'Edit', 'Delete', 'Bookmark', 'Flag', 'Copy link',
]);
/** Prefixes sites print before a time. */
const TIME_LABEL = /^(发表于|发布于|发表时间|发布时间|时间|修改于|编辑于|更新于|回复于|posted|on)\s*[:：]?\s*/i;
/** A date or a relative time somewhere in a short text. */
const TIME_IN_TEXT =
  /\d{4}[-/.年]\d{1,2}[-/.月]\d{1,2}日?(?:\s*\d{1,2}:\d{2}(?::\d{2})?)?|\d{1,2}月\d{1,2}日(?:\s*\d{1,2}:\d{2})?|\d{1,2}[-/]\d{1,2}\s+\d{1,2}:\d{2}|\d{1,2}月\d{1,2}日|\d+\s*(秒|分钟|小时|天|周|个月|年)前|刚刚|刚才|昨天|前天|今天|\b\d{1,2}:\d{2}\b|\b(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.? \d{1,2}\b/;
/** A full date (with its year) inside running text. */
const INLINE_DATE = /\d{4}[-/.年]\d{1,2}[-/.月]\d{1,2}日?(?:\s*\d{1,2}:\d{2}(?::\d{2})?)?/;
/** A count: digits, maybe with a unit or a verb before it (赞 12, 12 赞, (3), 1.2万). */
const COUNT = /^(赞|赞同|点赞|喜欢|顶|踩|回复|评论|转发|likes?|replies|votes?)?\s*[(（]?\s*\d[\d,.]*\s*[万wk千]?\s*[)）]?\s*(赞|人赞|个赞|点赞|回复|条回复|评论|likes?|replies|votes?)?$/i;
const LIKE_WORD = /赞|喜欢|顶|like|vote|digg|zan|up/i;
/** Class, id or itemprop tokens naming a time, an author, a body. */
const TIME_TOKEN = /(^|[-_])(time|date|datetime|pubtime|timeago|dateline|ctime|posttime)$|[a-z](Time|Date)$/;
const AUTHOR_TOKEN = /author|username|user-name|nickname|^nick|poster|creator|uname|^name$|[-_]name$|[a-z]Name$|^user$|[-_]user$/i;
/** Sina's `span.area`, `.ip-location`, `.reply-ip`: the text is the writer's IP location. */
const LOCATION_TOKEN = /(^|[-_])(area|ip|iploc|ip-?location|location|region)$/i;
const BODY_TOKEN = /content|message|body|text|detail|msg|cooked|bbWrapper/i;
/** Links to a person's page. */
const PROFILE_HREF = /\/(u|user|users|people|member|members|profile|space|home|c\/user|people|usr)\/|space\.php|space-uid|uid=|home\.php\?mod=space|\/members\//i;
const SIGNATURE = /(^|[-_\s])(sign|signature|sig|qianming)($|[-_\s\d])/i;

/** A record's shape key: tag + class with digits removed, so `post_123`/`post_124` and `bg1`/`bg2` share one. */
export function recordSignature(el: Element): string {
  return `${el.tagName}|${classShape(el)}`;
}

function isChromeBlock(el: Element): boolean {
  if (CHROME_TAGS.has(el.tagName)) return true;
  const role = el.getAttribute('role');
  if (role === 'navigation' || role === 'banner' || role === 'contentinfo' || role === 'complementary') return true;
  const cls = typeof el.className === 'string' ? el.className : '';
  return CHROME_NAME.test(cls) || CHROME_NAME.test(el.id);
}

/** Whether `el` or an ancestor (below `stop`) is navigation or a side list. */
export function inChrome(el: Element, stop: Element | null): boolean {
  for (let at: Element | null = el; at && at !== stop; at = at.parentElement) {
    if (isChromeBlock(at)) return true;
  }
  return false;
}

/**
 * Finds the groups of repeated post records under `root`, outermost first.
 * Records nested in another group's records (楼中楼, replies to a comment)
 * are returned as groups too; `parentRecord` tells whose they are.
 */
export function mineRecordGroups(root: Element, now: Date): RecordGroup[] {
  return mineRecords(root, now).groups;
}

/**
 * The groups of repeated post records under `root` (see `mineRecordGroups`)
 * and the records that hold records of their own. With
 * `options.skipLongLists`, the inside of a long list's records is left
 * unmined but for its samples (`RecordGroup.unminedInside`).
 */
export function mineRecords(root: Element, now: Date, options: MiningOptions = {}): MinedRecords {
  const accepted: RecordGroup[] = [];
  const recordSet = new Set<Element>();
  const longList = options.skipLongLists ? (options.longList ?? LONG_LIST) : Number.POSITIVE_INFINITY;
  // Asked only of a member that holds elements and prints no time: by its own query the first few
  // times (a page with a handful of such candidates, a side list's items), then from one query for
  // the whole page (see `holdersOf`), so no page pays for more than a few subtree walks.
  let timed: Set<Element> | undefined;
  let ownQueries = 0;
  const holdsTimeElement = (el: Element): boolean => {
    if (timed === undefined && ownQueries < OWN_QUERIES) {
      ownQueries++;
      return el.querySelector(TIME_ELEMENTS) !== null;
    }
    return (timed ??= holdersOf(root, TIME_ELEMENTS)).has(el);
  };
  const looksLikeRecord = (el: Element): boolean => TIME_IN_TEXT.test(el.textContent ?? '') || (el.firstElementChild !== null && holdsTimeElement(el));
  // Whether a parent is navigation or a side list, each ancestor judged once: thousands of
  // parents share them (every record's header and body lines under one list).
  const chrome = new Map<Element, boolean>();
  const stop = root.parentElement;
  const inChromeBelow = (el: Element | null): boolean => {
    if (!el || el === stop) return false;
    let answer = chrome.get(el);
    if (answer === undefined) {
      answer = isChromeBlock(el) || inChromeBelow(el.parentElement);
      chrome.set(el, answer);
    }
    return answer;
  };
  /** Tests the groups of one parent's children; returns how many records it accepted there. */
  const mineParent = (parent: Element): number => {
    const groups = siblingGroups(parent);
    let records = 0;
    for (let g = 0; g < groups.length; g++) {
      const members = groups[g] as Element[];
      // Cheap test first: paragraphs and list items of a post body carry no time or name.
      if (!(looksLikeRecord(members[0] as Element) || looksLikeRecord(members[1] as Element) || (members.length > 2 && looksLikeRecord(members[2] as Element)))) continue;
      if (inChromeBelow(parent)) continue;
      const group = testGroup(members, recordSet, now);
      if (!group) continue;
      accepted.push(group);
      records += group.records.length;
      for (const r of group.records) recordSet.add(r);
    }
    return records;
  };
  // Parents before their children, as MDR walks the tree. Only siblings of one tag can share a
  // shape, so only a parent with two children of one tag can hold a group: such parents are found
  // by those children, selected natively (the first of its tag that is not the last of it), and
  // script never touches the many elements whose children all differ in tag (reading each one's
  // children from script cost more than the rest of the mining on a 1,000-post thread).
  // A parent comes at its first such child: a subtree met before it lies inside a child of a tag
  // no sibling shares, which is in none of the parent's groups, so no group found there holds or
  // lies inside one of the parent's records, and the order between them changes nothing. Nor does
  // a group's test depend on groups found elsewhere: `others` never holds an element inside the
  // members tested (records inside them are met later), so leaving a list's insides unmined
  // changes no other group.
  const met = new Set<Element>([root]);
  const unmined: RecordGroup[] = [];
  /** Mines the parents of `repeated` (in document order), leaving long lists' records unmined inside. */
  const mineRun = (repeated: NodeListOf<Element>) => {
    for (let k = 0, n = repeated.length; k < n; k++) {
      const el = (repeated[k] as Element).parentElement;
      if (!el || met.has(el)) continue;
      met.add(el);
      if (SKIPPED.has(el.tagName)) continue;
      const before = accepted.length;
      const records = mineParent(el);
      if (records <= longList) continue;
      // A long list. Its inside from its first child of a repeated tag on (k) is one run of
      // `repeated`, skipped whole; what its children other than records hold (a "load more"
      // button, an advert between floors) is mined on its own.
      for (let g = before; g < accepted.length; g++) unmined.push(accepted[g] as RecordGroup);
      k = endOfSubtree(el, repeated, k) - 1;
      if (records === el.childElementCount) continue;
      for (let child = el.firstElementChild; child; child = child.nextElementSibling) {
        if (!recordSet.has(child) && child.firstElementChild) mineRun(child.querySelectorAll(REPEATED));
      }
    }
  };
  try {
    mineParent(root);
    mineRun(root.querySelectorAll(REPEATED));
  } finally {
    // The scratch rows hold elements of this page: let them go.
    rowElements.length = 0;
  }
  // The records of a group are siblings: the record enclosing one encloses all, found once per group.
  const enclosing = new Set<Element>();
  for (const group of accepted) {
    for (let at = group.records[0]?.parentElement ?? null; at; at = at.parentElement) {
      if (recordSet.has(at)) {
        enclosing.add(at);
        break;
      }
    }
  }
  // A long list left unmined: its samples are mined inside, as the body path was learned from them.
  const inside = new Map<Element, MinedRecords>();
  for (const group of unmined) {
    group.unminedInside = true;
    for (const sample of group.samples) {
      const found = mineRecords(sample, now);
      inside.set(sample, found);
      if (found.groups.length > 0) enclosing.add(sample);
    }
  }
  for (const group of accepted) {
    // A body path learned while a sample's replies were not yet known covers them: not followed.
    if (group.bodyPath && group.samples.some((r) => enclosing.has(r))) group.bodyPath = null;
    // The group's own records are keyed only for a group whose records each follow a record.
    let own: Set<Element> | undefined;
    group.attached = group.records.every((r) => {
      const prev = r.previousElementSibling;
      if (prev === null || !recordSet.has(prev)) return false;
      own ??= new Set(group.records);
      return !own.has(prev);
    });
  }
  return { groups: accepted, enclosing, ...(inside.size > 0 ? { inside } : {}) };
}

/** Elements whose parent may hold a group: the first child of its tag that is not the last one. */
const REPEATED = ':first-of-type:not(:last-of-type)';

/**
 * The index in `found` (elements in document order) of the first element
 * after `el`'s subtree, `found[from]` being inside it: a binary search, the
 * subtree's elements being one run.
 */
function endOfSubtree(el: Element, found: NodeListOf<Element>, from: number): number {
  let lo = from + 1;
  let hi = found.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (el.contains(found[mid] as Element)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** No group: shared, never written. */
const NO_GROUPS: readonly Element[][] = [];

/** The children of the parent `siblingGroups` reads, their tags, class attributes and class shapes: one row reused for every parent. */
const rowElements: Element[] = [];
const rowTags: string[] = [];
const rowClasses: string[] = [];
const rowShapes: (string | undefined)[] = [];

/** The children of `parent` that share a record signature, two or more, in order of their first member. */
function siblingGroups(parent: Element): readonly Element[][] {
  // Runs for every parent with two children of one tag (thousands on a long thread: each record's
  // header, footer and body lines), and nearly all of them hold no group: each child's tag and
  // class are read once into a reused row (no arrays made for a parent without a group), and a
  // row of one tag and one class (a list of records) is one group without keying each child.
  const first = parent.firstElementChild;
  if (!first) return NO_GROUPS;
  const firstTag = first.tagName;
  const firstClass = classOf(first);
  // A long row (a thread's floors) is asked natively whether all its children have the first one's
  // tag and class, and then taken whole: reading a thousand children's tags and classes from script,
  // while the code is still cold, was a tenth of a long thread's first scan.
  if (parent.childElementCount > LONG_ROW && isUniformRow(parent, first, firstClass)) return SKIPPED.has(firstTag) ? NO_GROUPS : [Array.from(parent.children)];
  let uniform = true;
  let count = 0;
  for (let child: Element | null = first; child; child = child.nextElementSibling) {
    const tag = child.tagName;
    // `classOf`, written out: a call per child of thousands of rows while the code is still cold.
    const className = child.className;
    const cls = typeof className === 'string' ? className : '';
    rowElements[count] = child;
    rowTags[count] = tag;
    rowClasses[count] = cls;
    rowShapes[count] = undefined;
    count++;
    if (tag !== firstTag || cls !== firstClass) uniform = false;
  }
  if (uniform) return count >= 2 && !SKIPPED.has(firstTag) ? [rowElements.slice(0, count)] : NO_GROUPS;
  if (!hasRepeatedShape(count)) return NO_GROUPS;
  const bySignature = new Map<string, Element[]>();
  for (let k = 0; k < count; k++) {
    const tag = rowTags[k] as string;
    if (SKIPPED.has(tag)) continue;
    const key = `${tag}|${rowShape(k)}`;
    const list = bySignature.get(key);
    if (list) list.push(rowElements[k] as Element);
    else bySignature.set(key, [rowElements[k] as Element]);
  }
  const out: Element[][] = [];
  for (const members of bySignature.values()) if (members.length >= 2) out.push(members);
  return out;
}

/** Children from which a row is asked natively whether it is uniform (see `siblingGroups`). */
const LONG_ROW = 64;

/**
 * Whether every child of `parent` is an element of `first`'s tag with the
 * class attribute `firstClass` (`classOf`), by one native count. Asked only
 * of an HTML element with a plain tag name (a type selector matches it as
 * `tagName` does); a class attribute that is absent and one that is empty
 * both read as ''.
 */
function isUniformRow(parent: Element, first: Element, firstClass: string): boolean {
  const tag = first.localName;
  if (first.namespaceURI !== HTML_NAMESPACE || !PLAIN_TAG.test(tag)) return false;
  const selector = firstClass === '' ? `:scope > ${tag}:not([class]), :scope > ${tag}[class=""]` : `:scope > ${tag}[class="${quotedInSelector(firstClass)}"]`;
  return parent.querySelectorAll(selector).length === parent.childElementCount;
}

const HTML_NAMESPACE = 'http://www.w3.org/1999/xhtml';
const PLAIN_TAG = /^[a-z][a-z0-9-]*$/;

/** `value` for a double-quoted CSS string: backslashes, quotes and line breaks escaped. */
function quotedInSelector(value: string): string {
  return value.replace(/[\\"]/g, '\\$&').replace(/[\n\r\f]/g, (c) => `\\${c.charCodeAt(0).toString(16)} `);
}

/** The class shape of the row's child `k`, from the class attribute the row read. */
function rowShape(k: number): string {
  return (rowShapes[k] ??= shapeOfClass(rowClasses[k] as string));
}

/** An element's class attribute as a string ('' for an SVG element's animated class). */
function classOf(el: Element): string {
  // Read once: each read of `className` is a call into the browser.
  const cls = el.className;
  return typeof cls === 'string' ? cls : '';
}

/** Class shapes by class attribute: a template prints a handful of class names thousands of times. */
const classShapes = new Map<string, string>();

/** The class part of `recordSignature`: class tokens with digits removed. */
function classShape(el: Element): string {
  return shapeOfClass(classOf(el));
}

function shapeOfClass(cls: string): string {
  let shape = classShapes.get(cls);
  if (shape === undefined) {
    shape = cls.replace(/\d+/g, '').trim();
    // Bounded: a page printing a fresh class per element (`post_123`) must not grow it without end.
    if (classShapes.size < 1024) classShapes.set(cls, shape);
  }
  return shape;
}

/**
 * Whether two children of the row may share a record signature: most
 * parents print children of different tags or classes (a header line: a,
 * span.time, span.ip), and no group can form there. Short rows are compared
 * pairwise — same tag, then the same class shape, read only for siblings of
 * one tag; a long row is assumed to repeat (it is where records are).
 */
function hasRepeatedShape(count: number): boolean {
  if (count > 8) return true;
  for (let a = 0; a < count; a++) {
    for (let b = a + 1; b < count; b++) {
      if (rowTags[b] === rowTags[a] && rowShape(a) === rowShape(b)) return true;
    }
  }
  return false;
}

/** How many candidates are searched for a time element by a query of their own before the whole page is searched once. */
const OWN_QUERIES = 16;

/** Elements that mark a record by themselves: a time, a machine-readable date, a schema.org author or date. */
const TIME_ELEMENTS = 'time, [datetime], [itemprop="author"], [itemprop="dateCreated"], [itemprop="datePublished"]';

/**
 * The elements under `root` (`root` included) that hold an element matching
 * `selector` below them: one native query, then each match's ancestors
 * marked up to the first one already marked, so every element is marked
 * once. Asking each candidate record with its own `querySelector` walked its
 * whole subtree when it held none — every element once per enclosing
 * candidate, the page's size times its depth (a 1,000-floor Discuz! page,
 * which prints no `<time>`, was walked some fifteen times over).
 */
function holdersOf(root: Element, selector: string): Set<Element> {
  const holders = new Set<Element>();
  const found = root.querySelectorAll(selector);
  for (let k = 0; k < found.length; k++) {
    for (let at = (found[k] as Element).parentElement; at && !holders.has(at); at = at === root ? null : at.parentElement) holders.add(at);
  }
  return holders;
}

/** How many sample records are read fully to decide and to learn the body path. */
const SAMPLES = 6;

function testGroup(members: Element[], others: Set<Element>, now: Date): RecordGroup | null {
  // A copy: a group's records grow when the page appends one, its samples do not.
  const samples = members.length <= SAMPLES ? members.slice() : [...members.slice(0, SAMPLES - 2), ...members.slice(-2)];
  const n = samples.length;
  // A sample whose whole text is shorter than two characters has no body: when too many of them
  // have none, the group fails the body test below, whatever the other samples hold, and none is
  // read. A Discuz! floor's table rows are such a group: the first row holds the whole post, two
  // of the three others are empty, and reading the first row element by element, on every floor,
  // was most of the mining of a long Discuz! thread.
  let mayHaveBody = 0;
  for (const sample of samples) if (cleanText(sample.textContent).length >= 2) mayHaveBody++;
  if (mayHaveBody < n * 0.8) return null;
  let withBody = 0;
  let withMeta = 0;
  let linky = 0;
  let chars = 0;
  const readings: Analysis[] = [];
  for (let k = 0; k < n; k++) {
    const r = analyze(samples[k] as Element, others, now);
    readings.push(r);
    chars += r.contentChars;
    if (r.contentChars >= 2) withBody++;
    if (r.reading.publishedAt || r.reading.author) withMeta++;
    if (r.linkChars > r.contentChars) linky++;
    // Each record carries its own non-link text; most carry a time or an author; few are link lists.
    // The counts only grow: once the samples left cannot save the group, they are not read (a post
    // body's paragraphs, one of which names a day, are a pair of siblings tested on every floor).
    const left = n - k - 1;
    if (withBody + left < n * 0.8 || withMeta + left < n * 0.6 || linky > n * 0.3) return null;
  }
  if (chars / n < 4) return null;
  const paths: (string[] | null)[] = [];
  const authorPaths: (string[] | null)[] = [];
  let chromeInBody = false;
  readings.forEach((r, k) => {
    const el = samples[k] as Element;
    r.readBody();
    paths.push(r.contentChars > 0 ? pathTo(el, r.reading.body) : null);
    authorPaths.push(r.reading.authorElement ? pathTo(el, r.reading.authorElement) : null);
    // The fast id (generic.ts locateAll) reads author and body through the paths: it must read what the full reading reads.
    if (r.reading.bodyHasChrome || authorAt(r.reading.authorElement ?? null) !== r.reading.author || cleanText(r.reading.body.textContent) !== r.reading.text) chromeInBody = true;
  });
  const first = paths[0] ?? null;
  const same = first && paths.every((p) => p && p.join('>') === first.join('>'));
  const firstAuthor = authorPaths[0] ?? null;
  const sameAuthor = firstAuthor && authorPaths.every((p) => p && p.join('>') === firstAuthor.join('>'));
  return { records: members, samples, bodyPath: same ? first : null, authorPath: same && sameAuthor && !chromeInBody ? firstAuthor : null };
}

/** Tag+class steps from `record` down to `target`. */
function pathTo(record: Element, target: Element): string[] | null {
  const steps: string[] = [];
  for (let at: Element | null = target; at && at !== record; at = at.parentElement) {
    const cls = typeof at.className === 'string' ? at.className.trim().split(/\s+/)[0] ?? '' : '';
    steps.unshift(cls && !/\d/.test(cls) ? `${at.tagName.toLowerCase()}.${CSS_ESCAPE(cls)}` : at.tagName.toLowerCase());
    if (!at.parentElement) return null;
  }
  return steps;
}

function CSS_ESCAPE(cls: string): string {
  return cls.replace(/([^\w-])/g, '\\$1');
}

/** One parsed step of a learned path: a child's tag and, when the path names one, a class it carries. */
interface PathStep {
  tag: string;
  cls: string;
}

/** Parsed paths: a group's path is followed once per record, parsed once. */
const parsedPaths = new WeakMap<string[], PathStep[]>();

function parsePath(path: string[]): PathStep[] {
  let steps = parsedPaths.get(path);
  if (!steps) {
    steps = path.map((step) => {
      const dot = step.indexOf('.');
      return { tag: (dot < 0 ? step : step.slice(0, dot)).toUpperCase(), cls: dot < 0 ? '' : step.slice(dot + 1).replace(/\\(.)/g, '$1') };
    });
    parsedPaths.set(path, steps);
  }
  return steps;
}

/**
 * `followPath` for every record of one group (siblings, in document order)
 * by one native query, where its answer is certain to be `followPath`'s:
 * an array aligned with `records`, undefined where it is not (ask
 * `followPath`). Certain where the query finds one element under a record,
 * of the path's tags (a type selector also matches an SVG element
 * `followPath` passes over), whose step above, on a path of two, is the
 * first child of its tag and class (`followPath` takes the first and does
 * not look further). Paths of one or two steps, in standards mode (a quirks
 * page matches classes ignoring case); else all undefined.
 */
export function followPathInBulk(records: readonly Element[], path: string[]): (Element | undefined)[] {
  const out: (Element | undefined)[] = new Array<Element | undefined>(records.length);
  const parent = records[0]?.parentElement;
  if (!parent || path.length === 0 || path.length > 2 || parent.ownerDocument.compatMode === 'BackCompat') return out;
  const steps = parsePath(path);
  let found: NodeListOf<Element>;
  try {
    found = parent.querySelectorAll(`:scope > * > ${path.join(' > ')}`);
  } catch {
    return out;
  }
  const last = steps[steps.length - 1] as PathStep;
  const first = steps[0] as PathStep;
  // Both in document order: a record's index is found from the last one's, looking a few ahead
  // (records without a match), else in an index built once (matches under another group's records).
  let at = 0;
  let index: Map<Element, number> | undefined;
  let lastMet: Element | undefined;
  for (let k = 0; k < found.length; k++) {
    const el = found[k] as Element;
    const step = path.length === 2 ? el.parentElement : el;
    const record = step?.parentElement;
    if (!record) continue;
    let j = at;
    while (j < records.length && j < at + 8 && records[j] !== record) j++;
    if (records[j] !== record) j = (index ??= new Map(records.map((r, i) => [r, i]))).get(record) ?? -1;
    if (j < 0) continue;
    at = j;
    if (record === lastMet) {
      // Two under one record: left to `followPath`.
      out[j] = undefined;
      continue;
    }
    lastMet = record;
    if (el.tagName !== last.tag) continue;
    // Mostly the first child (a floor's header): no sibling before it to ask about.
    if (path.length === 2 && step && (step.tagName !== first.tag || (step.previousElementSibling !== null && earlierSiblingMatches(step, first)))) continue;
    out[j] = el;
  }
  return out;
}

/** Whether a sibling before `el` has the step's tag and class: then `followPath` would take that one. */
function earlierSiblingMatches(el: Element, step: PathStep): boolean {
  for (let sib = el.previousElementSibling; sib; sib = sib.previousElementSibling) {
    if (sib.tagName === step.tag && (step.cls === '' || hasClass(sib, step.cls))) return true;
  }
  return false;
}

/** Follows a learned body path inside a record; null when the record is shaped differently. */
export function followPath(record: Element, path: string[]): Element | null {
  // Walked by hand: a selector engine per record costs more than the whole scan on long threads.
  let at: Element | null = record;
  const steps = parsePath(path);
  // Indexed, not for…of: the loop runs per record while the code is still cold, and an iterator allocates.
  for (let s = 0; s < steps.length; s++) {
    const { tag, cls } = steps[s] as PathStep;
    let next: Element | null = null;
    for (let child: Element | null = at.firstElementChild; child; child = child.nextElementSibling) {
      if (child.tagName === tag && (cls === '' || hasClass(child, cls))) {
        next = child;
        break;
      }
    }
    if (!next) return null;
    at = next;
  }
  return at;
}

interface Analysis {
  /** The fields; `body`, `text` and `bodyHasChrome` only once `readBody` ran. */
  reading: RecordReading;
  contentChars: number;
  linkChars: number;
  /** Finds the body and reads its text: the costly part, left out for samples of a group that is rejected. */
  readBody: () => void;
}

/**
 * Reads one record: roles of its short texts, then the body. `nested` holds
 * records of other groups: their text belongs to them, not to this one.
 */
export function readRecord(record: Element, now: Date, nested: Set<Element> = new Set()): RecordReading {
  const analysis = analyze(record, nested, now);
  analysis.readBody();
  return analysis.reading;
}

function analyze(record: Element, nested: Set<Element>, now: Date): Analysis {
  const reading: RecordReading = { body: record, text: '' };
  const contentParents: Element[] = [];
  const chromeParents: Element[] = [];
  // Nested records met inside this one (their text is theirs): only these, never the whole set.
  const skippedNested: Element[] = [];
  let contentChars = 0;
  let linkChars = 0;
  let attrTime: string | undefined;
  let textTime: string | undefined;
  // A date written inside the text ("说得对 2024-05-01 10:00"): the record's time when it prints no other.
  let inlineTime: string | undefined;

  const visit = (el: Element, inLink: boolean, roleAbove: Role | null) => {
    if (SKIPPED.has(el.tagName)) return;
    if (el !== record && nested.has(el)) {
      skippedNested.push(el);
      return;
    }
    const link = inLink || el.tagName === 'A';
    let role = roleAbove ?? elementRole(el);
    // Attribute times beat printed text: <time datetime>, title="2024-5-21 11:01", data-time.
    const attr = el.getAttribute('datetime') ?? (el.tagName === 'META' && /date(Created|Published)/.test(el.getAttribute('itemprop') ?? '') ? el.getAttribute('content') : null) ?? el.getAttribute('data-time') ?? el.getAttribute('data-timestamp') ?? epochAttr(el.getAttribute('date')) ?? titleTime(el);
    if (attr && !attrTime) {
      const parsed = parseChineseTime(attr, now);
      if (parsed) {
        attrTime = parsed;
        role = 'time';
      }
    }
    if (el.tagName === 'META' && el.getAttribute('itemprop') === 'name' && !reading.author && el.parentElement?.getAttribute('itemprop') === 'author') {
      reading.author = cleanText(el.getAttribute('content')) || undefined;
      if (reading.author) reading.authorElement = el;
    }
    for (let child = el.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === 1) {
        visit(child as Element, link, role);
        continue;
      }
      if (child.nodeType !== 3) continue;
      const text = cleanText(child.nodeValue);
      if (text === '') continue;
      const textRole = role ?? textRoleOf(text, el, link);
      if (textRole === null) {
        if (link) linkChars += text.length;
        else {
          contentChars += text.length;
          contentParents.push(el);
          if (inlineTime === undefined) inlineTime = INLINE_DATE.exec(text)?.[0];
        }
        continue;
      }
      chromeParents.push(el);
      switch (textRole) {
        case 'time': {
          const t = parseChineseTime(text.replace(TIME_LABEL, ''), now) ?? parseChineseTime(TIME_IN_TEXT.exec(text)?.[0] ?? '', now);
          if (t && !textTime) textTime = t;
          const loc = LOCATION.exec(text)?.[1];
          if (loc && !reading.location) reading.location = loc;
          break;
        }
        case 'author':
          if (!reading.author) {
            reading.author = authorName(text);
            reading.authorElement = el;
          }
          break;
        case 'location':
          // A labelled block (`IP属地：澜江市`), or a block named as a location whose text is the place.
          reading.location ??= LOCATION.exec(text)?.[1] ?? (role === 'location' && text.length <= 16 ? text : undefined);
          break;
        case 'count': {
          const n = Number(/\d[\d,.]*/.exec(text)?.[0].replace(/,/g, '') ?? '');
          const hint = `${text} ${el.className} ${el.parentElement?.className ?? ''}`;
          if (reading.likes === undefined && Number.isFinite(n) && LIKE_WORD.test(hint)) reading.likes = n;
          break;
        }
        case 'floor':
          reading.floor ??= readFloor(text);
          break;
        default:
          break;
      }
    }
  };
  visit(record, false, null);

  reading.publishedAt = attrTime ?? textTime ?? (inlineTime ? parseChineseTime(inlineTime, now) : undefined);
  const readBody = () => {
    const bodyChrome = { value: false };
    if (contentParents.length > 0) reading.body = bodyOf(record, contentParents);
    reading.text = contentParents.length > 0 ? readBodyText(reading.body, [...skippedNested, ...chromeParents], bodyChrome) : '';
    reading.bodyHasChrome = bodyChrome.value;
  };
  return { reading, contentChars, linkChars, readBody };
}

/** An author name as printed (`张无极:`, `雪山人狼：` lose the colon). */
export function authorName(text: string): string {
  return text.replace(/\s*[:：]$/, '');
}

/** The author read through a learned path: a meta's `content`, else the element's text. */
export function authorAt(el: Element | null): string | undefined {
  return authorOfText(authorTextAt(el)) || undefined;
}

/** The author's name in an `authorTextAt` text ('' when none): what `authorAt` gives, from text already read. */
export function authorOfText(raw: string): string {
  return authorName(cleanText(raw));
}

/** What `authorAt` reads, as the page has it (whitespace not collapsed): '' without an element. */
export function authorTextAt(el: Element | null): string {
  if (!el) return '';
  return (el.tagName === 'META' ? el.getAttribute('content') : el.textContent) ?? '';
}

/**
 * Whether `authorAt` finds a name in `raw` (an `authorTextAt` text), without
 * building it: collapsed and trimmed, the text is not empty and not a lone
 * colon (`authorName` strips the one after a name). So: a character other
 * than a space or a colon, or two colons.
 */
export function namesAnAuthor(raw: string): boolean {
  return NAME_CHAR.test(raw) || TWO_COLONS.test(raw);
}

/** Neither a space `cleanText` collapses nor a colon. */
const NAME_CHAR = new RegExp(`[^${COLLAPSED_SPACES}:：]`);
const TWO_COLONS = /[:：][^]*[:：]/;

/** Sina's `date="1715854484000"`: epoch milliseconds or seconds. */
function epochAttr(value: string | null): string | null {
  return value && /^\d{10}$|^\d{13}$/.test(value) ? value : null;
}

/** A `title` attribute that is a time (Discuz's `<span title="2024-5-21 11:01:32">6 天前</span>`). */
function titleTime(el: Element): string | null {
  const title = el.getAttribute('title');
  return title && /\d{4}-\d{1,2}-\d{1,2}|\d{1,2}:\d{2}/.test(title) && title.length <= 40 ? title : null;
}

/** A role given by the element itself (its tag, class, id, itemprop), for all text below it. */
function elementRole(el: Element): Role | null {
  const tag = el.tagName;
  if (tag === 'TIME') return 'time';
  if (tag === 'BUTTON') return 'action';
  const cls = `${typeof el.className === 'string' ? el.className : ''} ${el.id} ${el.getAttribute('itemprop') ?? ''}`.trim();
  if (cls === '') return null;
  const tokens = cls.split(/\s+/);
  if (tokens.some((t) => SIGNATURE.test(t))) return 'signature';
  if (tokens.some((t) => LOCATION_TOKEN.test(t))) return 'location';
  if (tokens.some((t) => TIME_TOKEN.test(t))) return 'time';
  // Body containers (user-content, message-body) are never chrome, whatever else their class says.
  if (tokens.some((t) => BODY_TOKEN.test(t))) return null;
  return tokens.some((t) => AUTHOR_TOKEN.test(t)) ? 'author' : null;
}

/** The role of a text by what it says, or null when it is body text. */
function textRoleOf(text: string, parent: Element, inLink: boolean): Role | null {
  if (text.length > 60) return null;
  if (/^[·•|｜/,，:：\-—\s]+$/.test(text)) return 'action';
  if (/^(楼主|沙发|板凳|地板|#\d+|\d+\s*(楼|#|F))$/i.test(text)) return 'floor';
  if (LOCATION.test(text) && text.replace(LOCATION, '').replace(/[\s·•|｜]/g, '').length <= 2) return 'location';
  if (COUNT.test(text)) return 'count';
  if (ACTIONS.has(text) || ACTIONS.has(text.replace(/[\s()（）\d]+/g, ''))) return 'action';
  const stripped = text.replace(TIME_LABEL, '');
  const time = TIME_IN_TEXT.exec(stripped);
  // A short text that is only a time (with its label, separators, an IP label) is the record's time;
  // "明天14:30见" is a body that names a time.
  if (time && stripped.replace(time[0], '').replace(LOCATION, '').replace(/[\s·•|｜・:：\-—,，于]|发布|发表|编辑|更新/g, '').length === 0) return 'time';
  if (inLink && text.length <= 30) {
    const a = parent.closest('a');
    if (a && PROFILE_HREF.test(a.getAttribute('href') ?? '')) return 'author';
  }
  return null;
}

/**
 * The smallest element holding all content texts (their lowest common
 * ancestor), widened while the parent adds no text of its own.
 */
function bodyOf(record: Element, parents: Element[]): Element {
  let lca: Element = parents[0] ?? record;
  for (const p of parents) {
    while (lca !== record && !lca.contains(p)) lca = lca.parentElement ?? record;
  }
  // `<p class="content"><span>早该这样了。</span></p>`: the body is the <p>, not the <span>.
  while (lca !== record && lca.parentElement && lca.parentElement !== record && lca.parentElement.children.length === 1 && (lca.parentElement.textContent ?? '').trim() === (lca.textContent ?? '').trim()) {
    lca = lca.parentElement;
  }
  return lca;
}

/**
 * The body's text without nested records' text (replies shown inside it)
 * and without chrome printed inside the body (Sina prints the replier's
 * name inside the reply text block).
 */
function readBodyText(body: Element, exclude: Element[], hasChrome: { value: boolean }): string {
  const drop = new Set<Element>(exclude.filter((c) => c !== body && body.contains(c)));
  hasChrome.value = drop.size > 0;
  if (drop.size === 0 && !body.querySelector('script,style,noscript,template')) return cleanText(body.textContent);
  const clone = body.cloneNode(true) as Element;
  const marks = Array.from(body.querySelectorAll('*'));
  const cloned = Array.from(clone.querySelectorAll('*'));
  marks.forEach((el, i) => {
    if (drop.has(el) || SKIPPED.has(el.tagName)) cloned[i]?.remove();
  });
  return cleanText(clone.textContent);
}
