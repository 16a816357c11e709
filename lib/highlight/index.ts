/**
 * In-page highlighting of watch-list matches.
 *
 * Offsets are those of the element's `textContent` (what the matcher
 * scanned), so every descendant text node counts, including the ones inside
 * <script>/<style> — those are counted but never wrapped. Matches are wrapped
 * last to first: splitting a text node keeps its leading part in the
 * original node, so the offsets of the earlier matches stay valid.
 */

/** A range to highlight, in UTF-16 offsets of the element's textContent. */
export interface HighlightRange {
  start: number;
  end: number;
  /** Canonical term, written to `data-yq-term` for the tooltip and tests. */
  term?: string;
  /** Entry kind, written to `data-yq-kind` so a stylesheet can colour by kind. */
  kind?: string;
}

/** Options for `highlightMatches`. */
export interface HighlightOptions {
  /**
   * Class for the marks. When given, no inline style is set: the content
   * script injects the stylesheet. Without it, a light inline background
   * that keeps the page's layout and colours.
   */
  className?: string;
}

/** Attribute that tags our marks (and nothing else on the page). */
export const HIGHLIGHT_ATTR = 'data-yq-hl';

/** The inline style used when no class is given: inline, light, layout-neutral. */
export const HIGHLIGHT_INLINE_STYLE =
  'background-color:rgba(255,214,0,0.35);color:inherit;padding:0;margin:0;border-radius:2px;font:inherit;';

const SKIPPED_TAGS = new Set(['SCRIPT', 'STYLE', 'TEXTAREA', 'INPUT', 'SELECT', 'OPTION', 'NOSCRIPT', 'TEMPLATE']);

/**
 * Wraps the matched ranges of `element`'s text in `<mark data-yq-hl>`.
 * Ranges may span several text nodes (one mark per node piece). Idempotent:
 * marks from an earlier call are removed first, so calling twice never
 * double-wraps. Returns the number of marks inserted.
 */
export function highlightMatches(
  element: Element,
  matches: readonly HighlightRange[],
  doc: Document,
  options: HighlightOptions = {},
): number {
  removeHighlights(element);
  if (matches.length === 0) return 0;
  const sorted = [...matches].sort((a, b) => a.start - b.start);
  const nodes: Text[] = [];
  const starts: number[] = [];
  const walker = doc.createTreeWalker(element, 4 /* NodeFilter.SHOW_TEXT */);
  let offset = 0;
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const text = n as Text;
    nodes.push(text);
    starts.push(offset);
    offset += text.data.length;
  }
  const editableCache = new Map<Element, boolean>();
  let inserted = 0;
  let lastStart = Number.POSITIVE_INFINITY;
  for (let m = sorted.length - 1; m >= 0; m--) {
    const range = sorted[m] as HighlightRange;
    const start = Math.max(0, range.start);
    // Overlapping or empty ranges are dropped rather than nesting marks.
    const end = Math.min(range.end, lastStart, offset);
    if (end <= start) continue;
    lastStart = start;
    let i = lastIndexAtOrBefore(starts, end - 1);
    for (; i >= 0; i--) {
      const node = nodes[i] as Text;
      const nodeStart = starts[i] as number;
      if (nodeStart + node.data.length <= start) break;
      if (node.data.length === 0 || !isWrappable(node, editableCache)) continue;
      const localStart = Math.max(start - nodeStart, 0);
      const localEnd = Math.min(end - nodeStart, node.data.length);
      if (localEnd <= localStart) continue;
      if (localEnd < node.data.length) node.splitText(localEnd);
      const middle = localStart > 0 ? node.splitText(localStart) : node;
      const mark = doc.createElement('mark');
      mark.setAttribute(HIGHLIGHT_ATTR, '');
      if (range.term !== undefined) mark.setAttribute('data-yq-term', range.term);
      if (range.kind !== undefined) mark.setAttribute('data-yq-kind', range.kind);
      if (options.className) mark.className = options.className;
      else mark.setAttribute('style', HIGHLIGHT_INLINE_STYLE);
      middle.parentNode?.insertBefore(mark, middle);
      mark.appendChild(middle);
      inserted++;
    }
  }
  return inserted;
}

/** Removes every mark `highlightMatches` put inside `element`, restoring its text nodes. */
export function removeHighlights(element: Element): void {
  for (const mark of Array.from(element.querySelectorAll(`mark[${HIGHLIGHT_ATTR}]`))) unwrap(mark);
}

function unwrap(mark: Element): void {
  const parent = mark.parentNode;
  if (!parent) return;
  const prev = mark.previousSibling;
  const next = mark.nextSibling;
  const first = mark.firstChild;
  while (mark.firstChild) parent.insertBefore(mark.firstChild, mark);
  mark.remove();
  // Re-join the pieces the split made (up to and including `next`), so the
  // page gets its text nodes back whole.
  const stop = next ? next.nextSibling : null;
  const node: ChildNode | null = prev?.nodeType === 3 ? prev : first?.nodeType === 3 ? first : null;
  while (node && node.nextSibling && node.nextSibling !== stop && node.nextSibling.nodeType === 3) {
    const sibling = node.nextSibling as Text;
    (node as Text).appendData(sibling.data);
    sibling.remove();
  }
}

/**
 * Whether a text node may be wrapped: not inside script/style/form fields,
 * not in editable content. Each element's answer is cached, so the walk up
 * the tree is done once per element, not once per match (the ancestors above
 * the post body are shared by every mark of the post).
 */
function isWrappable(node: Text, cache: Map<Element, boolean>): boolean {
  const parent = node.parentElement;
  return parent ? elementWrappable(parent, cache) : false;
}

function elementWrappable(el: Element, cache: Map<Element, boolean>): boolean {
  const cached = cache.get(el);
  if (cached !== undefined) return cached;
  let ok: boolean;
  if (SKIPPED_TAGS.has(el.tagName.toUpperCase())) ok = false;
  else {
    const editable = el.getAttribute('contenteditable');
    if (editable !== null) ok = editable.toLowerCase() === 'false';
    else ok = el.parentElement ? elementWrappable(el.parentElement, cache) : true;
  }
  cache.set(el, ok);
  return ok;
}

function lastIndexAtOrBefore(starts: readonly number[], offset: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if ((starts[mid] as number) <= offset) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}
