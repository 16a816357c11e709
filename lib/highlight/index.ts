/**
 * In-page highlighting of watch-list matches, without telling the page what
 * was matched.
 *
 * Choice: an overlay inside our own closed shadow root, not the CSS Custom
 * Highlight API and not <mark> elements. `CSS.highlights` is one registry per
 * document shared by every world: a forum script could iterate it and read
 * each range's text, i.e. the watched terms. Marks in the page's DOM carry
 * the same information in plain sight and change the page's markup. Here the
 * page's DOM is never touched: each match becomes a DOM Range (held only by
 * the content script), and translucent boxes are drawn over the range's
 * client rectangles inside the closed shadow root of the post's badge host.
 *
 * What a page can still infer (the documented limit):
 * - that an element with a closed shadow root was inserted in a post (the
 *   badge host, or on list pages a zero-size overlay host): so that
 *   *something* looked at this post, though not what it found, nor why;
 * - the host's own size and position (the badge's box), by layout APIs.
 * It cannot read the boxes' positions (inside the closed root, hit-testing
 * disabled), the matched text, the term or its kind.
 *
 * Offsets are those of the element's `textContent` (what the matcher
 * scanned), so every descendant text node counts, including the ones inside
 * <script>/<style> — those are counted but never drawn (they have no boxes).
 */

/** A range to highlight, in UTF-16 offsets of the element's textContent. */
export interface HighlightRange {
  start: number;
  end: number;
}

/** Styles of the overlay boxes (inside the closed root; nothing reaches the page's stylesheets). */
export const HIGHLIGHT_STYLE = `
.hl-layer { position: absolute; left: 0; top: 0; width: 0; height: 0; pointer-events: none; }
.hl { position: absolute; background: rgba(255, 214, 0, 0.38); mix-blend-mode: multiply; border-radius: 2px; pointer-events: none; }
`;

/**
 * The DOM Ranges of `matches` in `element`'s text, one per match (a range may
 * span several text nodes). Overlapping or empty ranges are dropped; offsets
 * past the text are clipped. The page's DOM is not changed.
 */
export function matchRanges(element: Element, matches: readonly HighlightRange[], doc: Document): Range[] {
  if (matches.length === 0) return [];
  const sorted = [...matches].sort((a, b) => a.start - b.start);
  const nodes: Text[] = [];
  const starts: number[] = [];
  const walker = doc.createTreeWalker(element, 4 /* NodeFilter.SHOW_TEXT */);
  let total = 0;
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const text = n as Text;
    nodes.push(text);
    starts.push(total);
    total += text.data.length;
  }
  const ranges: Range[] = [];
  let lastEnd = 0;
  for (const match of sorted) {
    const start = Math.max(match.start, lastEnd, 0);
    const end = Math.min(match.end, total);
    if (end <= start) continue;
    lastEnd = end;
    const from = lastIndexAtOrBefore(starts, start);
    const to = lastIndexAtOrBefore(starts, end - 1);
    const range = doc.createRange();
    range.setStart(nodes[from] as Text, start - (starts[from] as number));
    range.setEnd(nodes[to] as Text, end - (starts[to] as number));
    ranges.push(range);
  }
  return ranges;
}

/** A layer of highlight boxes drawn over ranges of the page, from inside a closed shadow root. */
export interface HighlightLayer {
  /** Draws boxes over `ranges` (replacing earlier ones); again after the page reflows. */
  paint(ranges: readonly Range[]): void;
  /** Redraws the last ranges (after a resize or reflow). */
  repaint(): void;
  /** Removes every box. */
  clear(): void;
}

/** One box to draw, in CSS px relative to the layer's host. */
interface Box {
  left: number;
  top: number;
  width: number;
  height: number;
}

/** What `paintLayers` needs of a layer: measuring (reads only) apart from drawing (writes only). */
interface LayerParts {
  setRanges(ranges: readonly Range[]): void;
  measure(): Box[];
  draw(boxes: readonly Box[]): void;
}

const partsOf = new WeakMap<HighlightLayer, LayerParts>();

/**
 * Paints many layers at once: `ranges` replace a layer's ranges, a layer
 * given without them is redrawn over its last ones. Every box is measured
 * before any is drawn: reading a box position after a write forces the
 * browser to lay the page out again, so painting a 1,000-post thread layer by
 * layer cost one layout per flagged post (~150 ms); measured first, it costs
 * one.
 */
export function paintLayers(jobs: readonly (readonly [layer: HighlightLayer, ranges?: readonly Range[]])[]): void {
  const parts: LayerParts[] = [];
  for (const [layer, ranges] of jobs) {
    const p = partsOf.get(layer);
    if (!p) continue;
    if (ranges) p.setRanges(ranges);
    parts.push(p);
  }
  const boxes = parts.map((p) => p.measure());
  parts.forEach((p, i) => p.draw(boxes[i] as Box[]));
}

/**
 * A highlight layer in `root` (a closed shadow root whose `host` is
 * `position: relative`): boxes are placed relative to the host, so they move
 * with the post when the page or any container scrolls. `root` must carry
 * `HIGHLIGHT_STYLE`.
 */
export function createHighlightLayer(root: ShadowRoot, host: HTMLElement): HighlightLayer {
  const doc = host.ownerDocument;
  // The layer's element is made when there is a first box to draw: painting happens in idle time, not while flagging.
  let layer: HTMLDivElement | undefined;
  let current: readonly Range[] = [];
  const parts: LayerParts = {
    setRanges(ranges) {
      current = ranges;
    },
    measure() {
      const boxes: Box[] = [];
      if (current.length === 0 || !host.isConnected) return boxes;
      const origin = host.getBoundingClientRect();
      for (const range of current) {
        // Ranges whose text the page removed collapse and draw nothing.
        const rects = typeof range.getClientRects === 'function' ? Array.from(range.getClientRects()) : [];
        for (const rect of rects) {
          if (rect.width === 0 || rect.height === 0) continue;
          boxes.push({ left: rect.left - origin.left, top: rect.top - origin.top, width: rect.width, height: rect.height });
        }
      }
      return boxes;
    },
    draw(boxes) {
      // Nothing drawn and nothing to draw: leave the layer alone (no write, so no layout to redo).
      if (boxes.length === 0 && (layer?.firstChild ?? null) === null) return;
      if (!layer) {
        layer = doc.createElement('div');
        layer.className = 'hl-layer';
        root.append(layer);
      }
      layer.replaceChildren(
        ...boxes.map((b) => {
          const box = doc.createElement('div');
          box.className = 'hl';
          box.style.cssText = `left:${b.left}px;top:${b.top}px;width:${b.width}px;height:${b.height}px`;
          return box;
        }),
      );
    },
  };
  const repaint = () => parts.draw(parts.measure());
  const highlightLayer: HighlightLayer = {
    paint(ranges) {
      current = ranges;
      repaint();
    },
    repaint,
    clear() {
      current = [];
      layer?.replaceChildren();
    },
  };
  partsOf.set(highlightLayer, parts);
  return highlightLayer;
}

function lastIndexAtOrBefore(starts: readonly number[], offset: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  let found = 0;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if ((starts[mid] as number) <= offset) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}
