/**
 * Small DOM readers shared by the adapters. textContent only: innerText
 * would force a layout on every post.
 */

/** Collapses whitespace (incl. NBSP and the ideographic space) and trims. */
export function cleanText(text: string | null | undefined): string {
  return (text ?? '').replace(/[\s\u00a0\u3000\u200b\ufeff]+/g, ' ').trim();
}

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

/** Content of a `<meta name|property=…>`; undefined when absent. */
export function metaContent(doc: Document, name: string): string | undefined {
  const el = doc.querySelector(`meta[name="${name}" i], meta[property="${name}" i]`);
  const v = el?.getAttribute('content')?.trim();
  return v ? v : undefined;
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

/** Type guard for Element (works across realms, unlike instanceof). */
export function isElement(node: unknown): node is Element {
  return typeof node === 'object' && node !== null && (node as Node).nodeType === 1;
}
