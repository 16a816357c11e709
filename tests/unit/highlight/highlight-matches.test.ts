import { describe, expect, it } from 'vitest';
import { highlightMatches, removeHighlights } from '../../../lib/highlight/index.ts';
import { compileWatchlist, DEMO_WATCHLIST } from '../../../lib/match/index.ts';

const demo = compileWatchlist(DEMO_WATCHLIST);

/** A post body parsed into the test document. */
function body(html: string): HTMLElement {
  const el = document.createElement('div');
  el.innerHTML = html;
  document.body.replaceChildren(el);
  return el;
}

function marked(el: Element): string[] {
  return Array.from(el.querySelectorAll('mark[data-yq-hl]')).map((m) => m.textContent ?? '');
}

function highlight(el: Element, options = {}): number {
  return highlightMatches(el, demo.scan(el.textContent ?? ''), document, options);
}

describe('highlightMatches wraps what the matcher found', () => {
  it.each([
    ['one text node', '江北区白沙镇停水了', ['江北区', '白沙镇', '停水']],
    ['a name split over elements (one mark per text node piece)', '<b>澜</b>江<i>市</i>公安局通报', ['澜', '江', '市', '公安局']],
    ['a name with a space inside', '澜 江市政府', ['澜 江市政府']],
    ['text after a <br>', '第一行<br>云溪县河口镇', ['云溪县', '河口镇']],
  ])('in %s', (_label, html, expected) => {
    const el = body(html);
    const before = el.textContent;
    highlight(el);
    expect(marked(el)).toEqual(expected);
    expect(el.textContent).toBe(before);
  });

  it('marks carry the canonical term and kind, and a light inline style by default', () => {
    const el = body('澜江警方');
    highlight(el);
    const mark = el.querySelector('mark');
    expect(mark?.getAttribute('data-yq-term')).toBe('澜江市公安局');
    expect(mark?.getAttribute('data-yq-kind')).toBe('agency');
    expect(mark?.getAttribute('style')).toContain('background-color');
  });

  it('uses a class instead of an inline style when the content script injects one', () => {
    const el = body('澜江市');
    highlight(el, { className: 'yq-hl' });
    expect(el.querySelector('mark')?.className).toBe('yq-hl');
    expect(el.querySelector('mark')?.hasAttribute('style')).toBe(false);
  });

  it.each([
    ['a script', '<script>var city="澜江市";</script>澜江市', 1],
    ['a style', '<style>/*澜江市*/</style>澜江市', 1],
    ['a textarea', '<textarea>澜江市</textarea>澜江市', 1],
    ['a contenteditable box', '<div contenteditable="true">澜江市</div>澜江市', 1],
    ['a contenteditable="false" island (wrapped)', '<div contenteditable><span contenteditable="false">澜江市</span></div>', 1],
  ])('never touches the inside of %s (offsets still count its text)', (_label, html, marks) => {
    const el = body(html);
    highlight(el);
    expect(el.querySelectorAll('mark').length).toBe(marks);
  });

  it('is idempotent: a second call does not double-wrap', () => {
    const el = body('<p>江北区白沙镇</p>');
    highlight(el);
    const once = el.innerHTML;
    highlight(el);
    expect(el.innerHTML).toBe(once);
    expect(el.querySelectorAll('mark mark').length).toBe(0);
  });

  it('returns the number of marks it inserted', () => {
    expect(highlight(body('<b>澜</b>江市'))).toBe(2);
  });
});

describe('removeHighlights restores the page', () => {
  it.each([
    ['plain text', '江北区白沙镇停水了'],
    ['nested inline elements', '<p><b>澜</b>江<i>市</i>公安局 and <a href="#">青石乡</a></p>'],
  ])('for %s', (_label, html) => {
    const el = body(html);
    const original = el.innerHTML;
    const nodeCount = el.querySelectorAll('*').length;
    highlight(el);
    removeHighlights(el);
    expect(el.innerHTML).toBe(original);
    expect(el.querySelectorAll('*').length).toBe(nodeCount);
    // Text nodes are joined back: no empty or split leftovers.
    el.normalize();
    expect(el.innerHTML).toBe(original);
  });

  it('leaves marks the page itself uses alone', () => {
    const el = body('<mark>澜江市</mark>');
    highlight(el);
    removeHighlights(el);
    expect(el.innerHTML).toBe('<mark>澜江市</mark>');
  });
});
