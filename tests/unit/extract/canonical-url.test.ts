// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { canonicalUrlOf, normalizeUrl } from '../../../lib/extract/canonical-url';

function docWithCanonical(href: string): Document {
  const doc = document.implementation.createHTMLDocument('t');
  const link = doc.createElement('link');
  link.rel = 'canonical';
  link.href = href;
  doc.head.append(link);
  return doc;
}

describe('two officers reach one post by one address', () => {
  it.each([
    ['a rewritten Discuz! thread page', 'https://bbs.lj.example/thread-1001-2-1.html', 'https://bbs.lj.example/forum.php?mod=viewthread&tid=1001'],
    ['a link to a floor', 'https://bbs.lj.example/forum.php?mod=viewthread&tid=1001#pid5003', 'https://bbs.lj.example/forum.php?mod=viewthread&tid=1001'],
    ['tracking parameters', 'https://news.example.cn/a.html?utm_source=wx&spm=1.2&id=7', 'https://news.example.cn/a.html?id=7'],
    ['parameters in another order', 'https://x.example/p?b=2&a=1', 'https://x.example/p?a=1&b=2'],
    ['another page of a Discuz! thread', 'https://bbs.lj.example/forum.php?mod=viewthread&tid=1001&page=3&extra=page%3D1', 'https://bbs.lj.example/forum.php?mod=viewthread&tid=1001'],
    ['a ThinkPHP route, which names the article', 'https://www.lj.gov.cn/index.php?s=/home/article/id/123', 'https://www.lj.gov.cn/index.php?s=%2Fhome%2Farticle%2Fid%2F123'],
  ])('%s', (_what, url, expected) => {
    expect(normalizeUrl(url)).toBe(expected);
  });

  it('follows the page’s own canonical link on the same site', () => {
    const doc = docWithCanonical('https://www.163.com/dy/article/J22CN60P0514R9KQ.html');
    expect(canonicalUrlOf(doc, 'https://m.163.com/dy/article/J22CN60P0514R9KQ.html?spss=x')).toBe(
      'https://www.163.com/dy/article/J22CN60P0514R9KQ.html',
    );
  });

  it('ignores a canonical link to another agency under the same gov.cn suffix', () => {
    const doc = docWithCanonical('https://www.other.gov.cn/art/1.html');
    expect(canonicalUrlOf(doc, 'https://www.lj.gov.cn/art/2.html')).toBe('https://www.lj.gov.cn/art/2.html');
  });

  it('ignores a canonical link that points to another site', () => {
    const doc = docWithCanonical('https://evil.example/other');
    expect(canonicalUrlOf(doc, 'https://bbs.lj.example/thread-9-1-1.html')).toBe(
      'https://bbs.lj.example/forum.php?mod=viewthread&tid=9',
    );
  });
});
