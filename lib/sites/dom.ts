/**
 * Small DOM readers shared by the adapters. textContent only: innerText
 * would force a layout on every post.
 */

/** Collapses whitespace (incl. NBSP and the ideographic space) and trims. */
export function cleanText(text: string | null | undefined): string {
  return (text ?? '').replace(SPACE_RUN, ' ').trim();
}

/**
 * The characters `cleanText` collapses, as a regex character-class body: one
 * set for it, `hasText` and the author test in records.ts, so that the cheap
 * tests always agree with the text they stand in for.
 */
export const COLLAPSED_SPACES = '\\s\\u00a0\\u3000\\u200b\\ufeff';
const SPACE_RUN = new RegExp(`[${COLLAPSED_SPACES}]+`, 'g');

/** Whether `cleanText(text)` is not empty: `text` has a character other than a space it collapses. */
export function hasText(text: string): boolean {
  return NOT_SPACE.test(text);
}

const NOT_SPACE = new RegExp(`[^${COLLAPSED_SPACES}]`);

/**
 * The readable text of an element: its textContent without <script>/<style>
 * contents, whitespace collapsed.
 */
export function readText(el: Element | null | undefined): string {
  if (!el) return '';
  if (!el.querySelector('script,style,noscript,template')) return cleanText(el.textContent);
  const clone = el.cloneNode(true) as Element;
  for (const junk of Array.from(clone.querySelectorAll('script,style,noscript,template'))) junk.remove();
  return cleanText(clone.textContent);
}

/** Text of the first element matching `selector` under `root`, cleaned; undefined when absent or empty. */
export function textOf(root: ParentNode, selector: string): string | undefined {
  const t = cleanText(root.querySelector(selector)?.textContent);
  return t === '' ? undefined : t;
}

/** First integer in a text ("3,930", "1.2万" → 12000); undefined when none. */
export function readCount(text: string | null | undefined): number | undefined {
  const m = /(\d[\d,]*(?:\.\d+)?)\s*(万|w|k|千)?/i.exec(text ?? '');
  if (!m) return undefined;
  const n = Number((m[1] ?? '').replace(/,/g, ''));
  const scale = m[2] === '万' || m[2]?.toLowerCase() === 'w' ? 10_000 : m[2] ? 1000 : 1;
  return Number.isFinite(n) ? Math.round(n * scale) : undefined;
}

/** Content of a `<meta name|property=…>` (name compared ignoring ASCII case); undefined when absent. */
export function metaContent(doc: Document, name: string): string | undefined {
  const v = metaNamed(doc, name, true)?.getAttribute('content')?.trim();
  return v ? v : undefined;
}

/**
 * The first `<meta>` whose `name` (or, with `orProperty`, `property`) is
 * `name` ignoring ASCII case, as `meta[name="…" i]` would select it. Read
 * from the document's meta collection: a page has a handful of metas, while
 * an attribute selector (a selector list even more) is matched against every
 * element — on a 1,000-floor thread each such query cost milliseconds, and
 * choosing an adapter asks several.
 */
function metaNamed(doc: Document, name: string, orProperty: boolean): Element | undefined {
  const wanted = asciiLower(name);
  const metas = presence?.doc === doc ? (presence.metas ??= metasOf(doc)) : metasOf(doc);
  for (const meta of metas) {
    const own = meta.getAttribute('name');
    if (own !== null && asciiLower(own) === wanted) return meta;
    const property = orProperty ? meta.getAttribute('property') : null;
    if (property !== null && asciiLower(property) === wanted) return meta;
  }
  return undefined;
}

/**
 * The document's metas, read as far as they are asked for: item by item
 * with `item(k)`, never `length` nor `live[k]`, since counting a live
 * collection walks the whole document (some 64,000 elements on a
 * 1,000-floor thread, 2–3 ms) while the metas sit in <head> — and Chromium
 * counts the collection on its first indexed read (`live[0]` cost as much as
 * `length`; `live.item(0)` stops at the first meta). While an adapter is
 * being chosen the items read are kept (`withPresenceIndex`), so the metas a
 * page lacks, asked by several adapters, cost one walk and not one each.
 */
function metasOf(doc: Document): Iterable<Element> {
  const live = doc.getElementsByTagName('meta');
  const read: Element[] = [];
  let end = false;
  return {
    *[Symbol.iterator]() {
      for (let k = 0; ; k++) {
        const meta = read[k] ?? (end ? undefined : (live.item(k) ?? undefined));
        if (!meta) {
          end = true;
          return;
        }
        if (k === read.length) read.push(meta);
        yield meta;
      }
    },
  };
}

/** ASCII letters lowered only, as the `i` flag of an attribute selector compares. */
function asciiLower(text: string): string {
  return text.replace(/[A-Z]+/g, (upper) => upper.toLowerCase());
}

/** Every element under `root` (and `root` itself, and its enclosing match) matching `selector`. */
export function elementsIn(root: ParentNode, selector: string): Element[] {
  const out: Element[] = [];
  if (isElement(root)) {
    const enclosing = root.closest(selector);
    if (enclosing) return [enclosing];
  }
  out.push(...Array.from(root.querySelectorAll(selector)));
  return out;
}

/**
 * `el.classList.contains(cls)` without a DOMTokenList: reading `classList`
 * builds one per element, which on a 1,000-record thread cost more than the
 * path itself. Tokens are split on ASCII whitespace, as classList splits them.
 */
export function hasClass(el: Element, cls: string): boolean {
  const names = el.className;
  if (typeof names !== 'string') return el.classList.contains(cls);
  if (names === cls) return cls !== '';
  if (cls === '') return false;
  for (let at = names.indexOf(cls); at >= 0; at = names.indexOf(cls, at + 1)) {
    const end = at + cls.length;
    if ((at === 0 || ASCII_SPACE.test(names.charAt(at - 1))) && (end === names.length || ASCII_SPACE.test(names.charAt(end)))) return true;
  }
  return false;
}

/** ASCII whitespace: what separates class tokens (DOM standard). */
const ASCII_SPACE = /[\t\n\f\r ]/;

/** Type guard for Element (works across realms, unlike instanceof). */
export function isElement(node: unknown): node is Element {
  return typeof node === 'object' && node !== null && (node as Node).nodeType === 1;
}

/** Generator metas already read: every engine's fingerprint asks, and the answer never changes for a document. */
const generators = new WeakMap<Document, string>();

/**
 * The `content` of the page's `<meta name="generator">` ('' when none).
 * Asked by several adapters while one is chosen; on a page without the
 * meta each query walks the whole document, so it is read once.
 */
export function generatorOf(doc: Document): string {
  let generator = generators.get(doc);
  if (generator === undefined) {
    generator = metaNamed(doc, 'generator', false)?.getAttribute('content') ?? '';
    generators.set(doc, generator);
  }
  return generator;
}

/** What a document has, asked while an adapter is being chosen. */
interface PresenceIndex {
  doc: Document;
  /**
   * Answers so far, by `#id`, `.class` or `?alternative` (one selector of a
   * fingerprint's list, asked alone): adapters ask about a few of the same.
   */
  known: Map<string, boolean>;
  /** The metas read so far (see `metasOf`). */
  metas?: Iterable<Element>;
}

let presence: PresenceIndex | undefined;

/**
 * Runs `choose` with an index of what the document has, which
 * `fingerprintIn` consults. Choosing an adapter asks some twenty fingerprint
 * selectors of a page no adapter knows; each one a page lacks walks every
 * element (selector lists have no fast path), which on a 1,000-post thread
 * cost more than finding the posts. The index lives only during the call:
 * the page may change afterwards.
 */
export function withPresenceIndex<T>(doc: Document, choose: () => T): T {
  const outer = presence;
  presence = { doc, known: new Map() };
  try {
    return choose();
  } finally {
    presence = outer;
  }
}

/**
 * Whether the document has an element with this id or class (`key`:
 * `#id` or `.class`, a valid selector). An id is a hash lookup
 * (`getElementById`). A class is asked as the one-class selector `.name`,
 * not `getElementsByClassName(name).item(0)`: both walk the page in native
 * code where the name is present nowhere, but Chromium answers the selector
 * at once for most absent names on a page of few distinct classes (a forum
 * engine's thread: 0.005 ms against 0.07–0.1 ms per name on the 1,000-post
 * 澜江社区 thread), and where it does walk the two cost the same (the
 * 1,000-floor Discuz! thread). In quirks mode (old pages without a doctype)
 * selectors match ids and classes ignoring case: the class selector does so
 * itself, ids are asked through an attribute selector with the `i` flag.
 */
function present(index: PresenceIndex, key: string): boolean {
  let answer = index.known.get(key);
  if (answer === undefined) {
    const doc = index.doc;
    const name = key.slice(1);
    if (key.startsWith('.')) answer = doc.querySelector(key) !== null;
    else if (doc.compatMode === 'BackCompat') answer = doc.querySelector(`[id="${name}" i]`) !== null;
    else answer = doc.getElementById(name) !== null;
    index.known.set(key, answer);
  }
  return answer;
}

/**
 * Whether `doc` has an element matching `selector` (an adapter's
 * fingerprint), as `doc.querySelector(selector) !== null`. While
 * `withPresenceIndex` runs on `doc`, each comma-separated alternative is
 * answered apart: false without walking the page when it names an id or a
 * class (outside brackets and parentheses) the page does not have, else
 * by querying it alone. A selector list is matched against every element
 * in turn, while one selector gets the browser's fast paths (an id looked
 * up, a class's absence known at once): the news adapter's
 * `[itemprop="articleBody"], article .article-content, .article-content`
 * cost 0.7 ms on the 1,000-post 澜江社区 thread, its first alternative
 * alone half of that, and the others nothing (no `.article-content`).
 */
export function fingerprintIn(doc: Document, selector: string): boolean {
  const index = presence?.doc === doc ? presence : undefined;
  if (!index) return doc.querySelector(selector) !== null;
  for (const alternative of alternativesOf(selector)) {
    if (alternative.names.every((name) => present(index, name)) && matchedAlone(alternative.selector, index)) return true;
  }
  return false;
}

/** Whether an alternative of a fingerprint matches some element, asked once per index. */
function matchedAlone(alternative: string, index: PresenceIndex): boolean {
  const key = `?${alternative}`;
  let answer = index.known.get(key);
  if (answer === undefined) {
    answer = index.doc.querySelector(alternative) !== null;
    index.known.set(key, answer);
  }
  return answer;
}

/** One alternative of a selector list, and the ids and classes (`#id`, `.class`) an element must have somewhere for it to match. */
export interface SelectorAlternative {
  selector: string;
  names: readonly string[];
}

/** Selector lists already read (adapters ask the same few constants). */
const ALTERNATIVES = new Map<string, readonly SelectorAlternative[]>();

/**
 * The comma-separated alternatives of a selector list, each with the ids and
 * classes it names outside brackets and parentheses: commas inside
 * brackets, parentheses (`:is(a, b)`) and quoted strings do not separate,
 * and what they hold (attribute values, `:not(…)` arguments) says nothing
 * about what must be present. A selector this does not read (escapes,
 * nested parentheses) is one alternative that names nothing: it is simply asked.
 */
export function alternativesOf(selector: string): readonly SelectorAlternative[] {
  let out = ALTERNATIVES.get(selector);
  if (!out) ALTERNATIVES.set(selector, (out = readAlternatives(selector)));
  return out;
}

function readAlternatives(selector: string): SelectorAlternative[] {
  const whole = [{ selector, names: [] }];
  if (selector.includes('\\')) return whole;
  // Blanked to the same length, so that the commas left are at their places in `selector`.
  const blank = (text: string) => ' '.repeat(text.length);
  const plain = selector.replace(/"[^"]*"|'[^']*'/g, blank).replace(/\[[^\]]*\]/g, blank).replace(/\([^)]*\)/g, blank);
  if (/[()[\]"']/.test(plain)) return whole;
  const out: SelectorAlternative[] = [];
  for (let start = 0; start <= plain.length; ) {
    const comma = plain.indexOf(',', start);
    const end = comma < 0 ? plain.length : comma;
    out.push({ selector: selector.slice(start, end).trim(), names: plain.slice(start, end).match(ID_OR_CLASS) ?? [] });
    start = end + 1;
  }
  return out;
}

/** An id or class a selector names (`#main`, `.post-body`). */
const ID_OR_CLASS = /[.#]-?[_a-zA-Z][\w-]*/g;
