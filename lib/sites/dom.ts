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

/** Which ids and class names a document has, asked while an adapter is being chosen. */
interface PresenceIndex {
  doc: Document;
  /** Answers so far, by `#id` or `.class`: every adapter asks about a few of the same names. */
  known: Map<string, boolean>;
  /** The metas read so far (see `metasOf`). */
  metas?: Iterable<Element>;
}

let presence: PresenceIndex | undefined;

/**
 * Runs `choose` with an index of the document's ids and class names, which
 * `fingerprintIn` consults. Choosing an adapter asks some twenty fingerprint
 * selectors of a page no adapter knows; each one a page lacks walks every
 * element (selector lists and descendant selectors have no fast path),
 * which on a 1,000-post thread cost more than finding the posts. The index
 * lives only during the call: the page may change afterwards.
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
 * Whether the document has an element with this id or class name, asked of
 * the browser's own indexes: `getElementById` is a hash lookup, and
 * `getElementsByClassName(…).item(0)` stops at the first element (an absent
 * name walks the tree in native code, not element by element in script, as
 * reading every element's id and class into sets here did; `[0]` would
 * count the whole collection first, see `metasOf`). In quirks mode
 * (old pages without a doctype) selectors match ids and classes ignoring
 * case: class collections follow the same rule (DOM standard), ids are
 * asked through an attribute selector with the `i` flag.
 */
function present(index: PresenceIndex, kind: string, name: string): boolean {
  const key = kind + name;
  let answer = index.known.get(key);
  if (answer === undefined) {
    const doc = index.doc;
    if (kind === '.') answer = doc.getElementsByClassName(name).item(0) !== null;
    else if (doc.compatMode === 'BackCompat') answer = doc.querySelector(`[id="${name}" i]`) !== null;
    else answer = doc.getElementById(name) !== null;
    index.known.set(key, answer);
  }
  return answer;
}

/**
 * `doc.querySelector(selector)` for an adapter's fingerprint: while
 * `withPresenceIndex` runs on `doc`, a selector is answered null without
 * walking the page when each of its comma-separated alternatives names an
 * id or a class (outside brackets and parentheses) the page does not have.
 */
export function fingerprintIn(doc: Document, selector: string): Element | null {
  if (presence?.doc === doc && !mayMatch(selector, presence)) return null;
  return doc.querySelector(selector);
}

/** Whether some alternative of `selector` names only ids and classes present in the index. */
function mayMatch(selector: string, index: PresenceIndex): boolean {
  // Escapes are not parsed here: such a selector is simply asked.
  if (selector.includes('\\')) return true;
  // Attribute values, :not(…)/:is(…) arguments and quoted strings say nothing about what must be present.
  const plain = selector.replace(/"[^"]*"|'[^']*'/g, '').replace(/\[[^\]]*\]/g, '').replace(/\([^)]*\)/g, '');
  return plain.split(',').some((alternative) => {
    for (const [, kind, name = ''] of alternative.matchAll(/([.#])(-?[_a-zA-Z][\w-]*)/g)) {
      if (!present(index, kind ?? '.', name)) return false;
    }
    return true;
  });
}
