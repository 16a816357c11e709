// @vitest-environment jsdom
/**
 * Highlighting tells the page nothing: the matches become DOM Ranges held by
 * the content script and boxes drawn inside a closed shadow root; the page's
 * own markup is never changed and no highlight registry the page can read
 * (`CSS.highlights`) is used.
 */
import { describe, expect, it, onTestFinished } from 'vitest';
import { createHighlightLayer, HIGHLIGHT_STYLE, matchRanges, paintLayers } from '../../../lib/highlight/index.ts';
import { compileWatchlist, DEMO_WATCHLIST } from '../../../lib/match/index.ts';

const demo = compileWatchlist(DEMO_WATCHLIST);

/** A post body parsed into the test document. */
function body(html: string): HTMLElement {
  const el = document.createElement('div');
  el.innerHTML = html;
  document.body.replaceChildren(el);
  return el;
}

function rangesOf(el: Element): Range[] {
  return matchRanges(el, demo.scan(el.textContent ?? ''), document);
}

describe('matchRanges covers exactly what the matcher found', () => {
  it.each([
    ['one text node', '江北区白沙镇停水了', ['江北区', '白沙镇', '停水']],
    ['a name split over elements', '<b>澜</b>江<i>市</i>公安局通报', ['澜江市公安局']],
    ['a name with a space inside', '澜 江市政府', ['澜 江市政府']],
    ['text after a <br>', '第一行<br>云溪县河口镇', ['云溪县', '河口镇']],
    ['offsets that count a script\'s text', '<script>var city="澜江市";</script>澜江市', ['澜江市', '澜江市']],
    ['astral characters before the name', '😀😀 澜江市', ['澜江市']],
  ])('in %s', (_label, html, expected) => {
    const el = body(html);
    const before = el.innerHTML;
    expect(rangesOf(el).map((r) => r.toString())).toEqual(expected);
    expect(el.innerHTML).toBe(before);
  });

  it('drops overlapping and empty ranges and clips ranges past the text', () => {
    const el = body('澜江市公安局');
    const ranges = matchRanges(el, [{ start: 0, end: 3 }, { start: 2, end: 6 }, { start: 4, end: 4 }, { start: 5, end: 99 }], document);
    expect(ranges.map((r) => r.toString())).toEqual(['澜江市', '公安局']);
  });

  it('adds no element, attribute or highlight registry entry to the page', () => {
    const el = body('<p>江北区白沙镇停水了</p>');
    const before = document.documentElement.outerHTML;
    rangesOf(el);
    expect(document.documentElement.outerHTML).toBe(before);
    const registry = (globalThis as { CSS?: { highlights?: { size: number } } }).CSS?.highlights;
    expect(registry?.size ?? 0).toBe(0);
  });
});

describe('the highlight layer draws inside a closed shadow root', () => {
  it('boxes live in the closed root, not in the page, and follow the ranges', () => {
    const el = body('江北区白沙镇停水了');
    const host = document.createElement('span');
    const root = host.attachShadow({ mode: 'closed' });
    const style = document.createElement('style');
    style.textContent = HIGHLIGHT_STYLE;
    root.append(style);
    el.prepend(host);
    const layer = createHighlightLayer(root, host);
    // jsdom has no layout: give the ranges boxes as a browser would.
    const ranges = rangesOf(el);
    ranges.forEach((range, i) => {
      range.getClientRects = () => [{ left: 10 * i, top: 5, width: 30, height: 16 }] as unknown as DOMRectList;
    });
    layer.paint(ranges);
    expect(root.querySelectorAll('.hl')).toHaveLength(3);
    expect(host.shadowRoot).toBeNull(); // what a page script sees
    expect(el.querySelectorAll('*')).toHaveLength(1); // only the host
    layer.clear();
    expect(root.querySelectorAll('.hl')).toHaveLength(0);
  });
});

describe('painting a long thread lays the page out once, not once per flagged post', () => {
  it('measures every layer before drawing any, and draws the same boxes as painting one by one', () => {
    const events: string[] = [];
    document.body.replaceChildren();
    // A layer's element is made at its first draw: count every layer's drawing (a <div>'s children replaced) as a write.
    const replace = Element.prototype.replaceChildren;
    Object.defineProperty(HTMLDivElement.prototype, 'replaceChildren', {
      configurable: true,
      value(this: HTMLDivElement, ...nodes: (Node | string)[]) {
        if (this.classList.contains('hl-layer')) events.push('write');
        replace.apply(this, nodes);
      },
    });
    onTestFinished(() => void delete (HTMLDivElement.prototype as { replaceChildren?: unknown }).replaceChildren);
    const layers = [0, 1, 2].map((k) => {
      const el = document.createElement('div');
      el.textContent = `第${k}楼：江北区白沙镇停水了`;
      document.body.append(el);
      const host = document.createElement('span');
      const root = host.attachShadow({ mode: 'closed' });
      el.prepend(host);
      // Reading a box after a write is what forces a layout: record the order of reads and writes.
      host.getBoundingClientRect = () => {
        events.push('read');
        return { left: 0, top: 0 } as DOMRect;
      };
      const layer = createHighlightLayer(root, host);
      const ranges = rangesOf(el);
      ranges.forEach((range, i) => {
        range.getClientRects = () => [{ left: 10 * i, top: 5, width: 30, height: 16 }] as unknown as DOMRectList;
      });
      return { layer, root, ranges };
    });
    paintLayers(layers.map(({ layer, ranges }) => [layer, ranges] as const));
    expect(events).toEqual(['read', 'read', 'read', 'write', 'write', 'write']);
    for (const { root } of layers) expect(root.querySelectorAll('.hl')).toHaveLength(3);
    // A layer given without ranges is redrawn over its last ones (a resized post).
    events.length = 0;
    paintLayers([[layers[1]!.layer]]);
    expect(events).toEqual(['read', 'write']);
    expect(layers[1]!.root.querySelectorAll('.hl')).toHaveLength(3);
  });
});
