import { describe, expect, it } from 'vitest';
import { sanitizeHtml } from '../../../lib/extract/sanitize';

const win = window as Window & typeof globalThis;

describe('a captured post is stored without anything that could run', () => {
  it.each([
    ['an image with an onerror handler', '<img src="x" onerror="window.__pwned=1">', /onerror/i],
    ['an inline script', '<p>正文</p><script>window.__pwned=1</script>', /<script/i],
    ['a javascript: link', '<a href="javascript:alert(1)">点我</a>', /javascript:/i],
    ['an iframe', '<iframe src="https://evil.example/"></iframe>', /<iframe/i],
    ['a form that posts elsewhere', '<form action="https://evil.example/"><input name="a"></form>', /<form|<input/i],
    ['inline styles that could overlay the panel', '<div style="position:fixed;inset:0">x</div>', /style=/i],
    ['an svg with a script', '<svg><script>alert(1)</script></svg>', /<svg|<script/i],
  ])('drops %s', (_what, html, forbidden) => {
    expect(sanitizeHtml(html, win)).not.toMatch(forbidden);
  });

  it('keeps the text, paragraphs and web links of the post', () => {
    const html = '<p>江北区白沙镇<strong>烂尾楼</strong></p><a href="https://bbs.example.cn/thread-1.html">原帖</a>';
    const clean = sanitizeHtml(html, win);
    expect(clean).toContain('<strong>烂尾楼</strong>');
    expect(clean).toContain('href="https://bbs.example.cn/thread-1.html"');
  });

  it('does not run the handlers while sanitizing', () => {
    const global = window as unknown as { __pwned?: number };
    global.__pwned = 0;
    sanitizeHtml('<img src="x" onerror="window.__pwned=1"><script>window.__pwned=2</script>', win);
    expect(global.__pwned).toBe(0);
  });
});
