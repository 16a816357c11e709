/**
 * A post too large to store whole is stored without what is over the limit
 * — the largest inline images first, then the tail of the layout — and says
 * what it left out. A post within the limits is stored exactly as captured.
 */
import { describe, expect, it } from 'vitest';
import { fitPost, formatSize, MAX_POST_HTML } from '../../../lib/extract/fit-post';

const base64 = (length: number) => 'A'.repeat(length);
const img = (length: number, alt: string) => `<img src="data:image/png;base64,${base64(length)}" alt="${alt}">`;

describe('fitting a post into the evidence store', () => {
  it('stores a post within the limits unchanged, with no note', () => {
    const post = { html: `<p>小区停水</p>${img(1_000, '照片')}`, text: '小区停水' };
    expect(fitPost(post)).toEqual({ ...post, notes: [] });
  });

  it('leaves out a 6 MB inline photo and keeps the text and the rest of the markup', () => {
    const html = `<p>澜江市某小区停水三天</p>${img(6_000_000, '现场')}<p>请有关部门处理</p>`;
    const fit = fitPost({ html, text: '澜江市某小区停水三天\n请有关部门处理' });
    expect(fit.html).toBe('<p>澜江市某小区停水三天</p><img src="" alt="现场"><p>请有关部门处理</p>');
    expect(fit.text).toBe('澜江市某小区停水三天\n请有关部门处理');
    expect(fit.notes).toEqual(['帖子过大（6.0 MB，上限 5.0 MB）：1 张内嵌图片（共 6.0 MB）未保存，正文文字照常保存。']);
  });

  it('leaves out only the largest photos, as many as needed, and keeps the small ones', () => {
    const html = `<p>a</p>${img(50, 'small')}${img(400, 'big-1')}${img(50, 'small-2')}${img(300, 'big-2')}${img(100, 'mid')}`;
    const fit = fitPost({ html, text: 'a' }, { html: html.length - 600, text: 100 });
    expect(fit.html).toBe(`<p>a</p>${img(50, 'small')}<img src="" alt="big-1">${img(50, 'small-2')}<img src="" alt="big-2">${img(100, 'mid')}`);
    expect(fit.notes).toHaveLength(1);
    expect(fit.notes[0]).toContain('2 张内嵌图片');
  });

  it('cuts markup with no inline image before the last tag that fits, and says how much was left out', () => {
    const html = `${'<p>停水</p>'.repeat(10)}`; // 9 units each
    const fit = fitPost({ html, text: '停水' }, { html: 40, text: 100 });
    expect(fit.html).toBe('<p>停水</p><p>停水</p><p>停水</p><p>停水</p>');
    expect(fit.notes).toEqual(['帖子 HTML 超过上限（1 KB）：末尾 1 KB 的版式未保存，正文文字见“正文”。']);
  });

  it('cuts over-long text without splitting a character outside the BMP', () => {
    const fit = fitPost({ html: '<p>x</p>', text: `ab😀cd` }, { html: 100, text: 3 });
    expect(fit.text).toBe('ab');
    expect(fit.notes).toEqual(['帖子正文过长（6 字符，上限 3）：之后的文字未保存。']);
  });

  it('keeps to the store limit for the real limits', () => {
    const fit = fitPost({ html: `<p>a</p>${img(MAX_POST_HTML, 'x')}`, text: 'a' });
    expect(fit.html.length).toBeLessThanOrEqual(MAX_POST_HTML);
  });
});

describe('sizes as the officer reads them', () => {
  it.each([
    [6_000_000, '6.0 MB'],
    [5_000_000, '5.0 MB'],
    [320_000, '320 KB'],
    [12, '1 KB'],
  ])('%i characters → %s', (units, shown) => {
    expect(formatSize(units)).toBe(shown);
  });
});
