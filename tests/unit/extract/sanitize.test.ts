// @vitest-environment jsdom
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

/**
 * The allow-list, tested as one: every URL kind on every tag and attribute
 * that can hold a URL, and exactly the allowed combinations survive.
 */
describe('URLs survive only as the allow-list says', () => {
  const PNG = 'data:image/png;base64,iVBORw0KGgo=';
  const urls: Record<string, string> = {
    https: 'https://bbs.example.cn/a.png',
    http: 'http://bbs.example.cn/a.png',
    relative: '/attachments/a.png',
    protocolRelative: '//img.example.cn/a.png',
    png: PNG,
    gif: 'data:image/gif;base64,R0lGODlh',
    jpeg: 'data:image/jpeg;base64,/9j/4AAQ',
    webp: 'data:image/webp;base64,UklGRg==',
    svg: 'data:image/svg+xml;base64,PHN2Zz48L3N2Zz4=',
    svgPlain: 'data:image/svg+xml,<svg onload=alert(1)>',
    script: 'data:application/javascript,alert(1)',
    html: 'data:text/html,<script>alert(1)</script>',
    video: 'data:video/mp4;base64,AAAA',
    audio: 'data:audio/mpeg;base64,AAAA',
    javascript: 'javascript:alert(1)',
    javascriptObfuscated: 'java\tscript:alert(1)',
    upperJavascript: 'JAVASCRIPT:alert(1)',
    vbscript: 'vbscript:msgbox(1)',
    file: 'file:///etc/passwd',
    blob: 'blob:https://evil.example/uuid',
    ftp: 'ftp://files.example.cn/a',
  };
  const webKinds = ['https', 'http', 'relative', 'protocolRelative'];
  const inlineImageKinds = ['png', 'gif', 'jpeg', 'webp'];
  const places: [tag: string, attribute: string, markup: (url: string) => string][] = [
    ['img', 'src', (u) => `<img src="${u}">`],
    ['a', 'href', (u) => `<a href="${u}">原帖</a>`],
    ['video', 'src', (u) => `<video src="${u}"></video>`],
    ['video', 'poster', (u) => `<video poster="${u}"></video>`],
    ['audio', 'src', (u) => `<audio src="${u}"></audio>`],
    ['source', 'src', (u) => `<video><source src="${u}"></video>`],
    ['blockquote', 'cite', (u) => `<blockquote cite="${u}">引用</blockquote>`],
    ['area', 'href', (u) => `<map name="m"><area href="${u}"></map>`],
  ];
  const cases = places.flatMap(([tag, attribute, markup]) =>
    Object.entries(urls).map(([kind, url]) => ({
      place: `${tag} ${attribute}`,
      kind,
      tag,
      attribute,
      html: markup(url.replace(/"/g, '&quot;')),
      allowed: webKinds.includes(kind) || (inlineImageKinds.includes(kind) && tag === 'img' && attribute === 'src'),
    })),
  );

  it.each(cases)('$place = $kind → kept: $allowed', ({ tag, attribute, html, allowed }) => {
    const doc = new DOMParser().parseFromString(sanitizeHtml(html, win), 'text/html');
    const element = doc.body.querySelector(tag);
    expect(element?.hasAttribute(attribute) ?? false).toBe(allowed);
  });

  it('keeps an inline PNG on an image byte for byte', () => {
    expect(sanitizeHtml(`<img src="${PNG}" alt="截图">`, win)).toContain(`src="${PNG}"`);
  });
});
