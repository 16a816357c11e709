// @vitest-environment jsdom
/**
 * The generic post detector's flagging path on a long thread of an engine
 * no adapter knows (澜江社区, the posts of the benchmark thread): what it asks
 * the browser per post. Counted, not timed. Each read of an element's class
 * or parent is a call into the browser, and on a page the content script
 * scans while its code is still cold those calls are most of the scan:
 * each child's class is read once per row (it was read again to compare
 * shapes), and the records of a group are looked up as nested in another
 * record once per group (it was once per record, up to the document root).
 */
import { describe, expect, it } from 'vitest';
import { locatePosts, takeBodyText } from '../../../lib/sites/index.ts';
import { renderCommunityBenchPage } from '../../demo-site/pages/community.ts';
import { countReads } from '../../support/dom-reads.ts';
import { authorAt, authorTextAt, namesAnAuthor } from '../../../lib/sites/records.ts';
import { cleanText, hasText } from '../../../lib/sites/dom.ts';

const NOW = new Date('2026-11-23T12:00:00+08:00');
const URL_OF_THREAD = 'http://127.0.0.1/community/t/1000-posts';

interface Reads {
  posts: number;
  className: number;
  parentElement: number;
}

/** Locates the posts of the 澜江社区 benchmark thread of `count` posts, counting class and parent reads. */
function locateCounting(count: number): Reads {
  const doc = new DOMParser().parseFromString(renderCommunityBenchPage(count), 'text/html');
  const reads = { className: 0, parentElement: 0 };
  const undo = [countReads(Element.prototype, 'className', () => reads.className++), countReads(Node.prototype, 'parentElement', () => reads.parentElement++)];
  try {
    const posts = locatePosts(doc, URL_OF_THREAD, { now: NOW }).filter((p) => p.kind === 'comment').length;
    return { posts, ...reads };
  } finally {
    for (const put of undo) put();
  }
}

describe('the generic detector on a long thread of an engine without an adapter', () => {
  it('finds every post, reading each element’s class at most once per row and each post’s parent a few times', () => {
    const short = locateCounting(100);
    const long = locateCounting(200);
    expect(short.posts).toBe(100);
    expect(long.posts).toBe(200);
    // Per added post (a post prints some 12 elements, 9 of them in rows the miner reads): about 18
    // class reads (26 when shapes were compared by reading the class again) and 3 parent reads (9
    // when each record was walked up to the document root).
    expect((long.className - short.className) / 100).toBeLessThan(20);
    expect((long.parentElement - short.parentElement) / 100).toBeLessThan(4);
  });
});

describe('the body text read while locating', () => {
  it('is handed over once; afterwards the page is read again, as the page may have changed the body', () => {
    const doc = new DOMParser().parseFromString(renderCommunityBenchPage(3), 'text/html');
    const post = locatePosts(doc, URL_OF_THREAD, { now: NOW }).find((p) => p.kind === 'comment')!;
    const located = post.bodyElement.textContent;
    expect(takeBodyText(post)).toBe(located);
    post.bodyElement.textContent = '楼主已编辑';
    expect(takeBodyText(post)).toBe('楼主已编辑');
    expect(takeBodyText(post)).toBe('楼主已编辑');
  });
});

describe('what the generic detector checks before digesting an id', () => {
  it('finds an author name exactly where authorAt would, and text exactly where cleanText would', () => {
    const samples = ['', ' ', '\u3000\u00a0', '：', ' : ', '::', '：：', '网友131', ' 网友131： ', '\u200b', 'a:', ':a', '\ufeff:\u200b'];
    for (const raw of samples) {
      const el = document.createElement('span');
      el.textContent = raw;
      expect(namesAnAuthor(authorTextAt(el)), JSON.stringify(raw)).toBe(authorAt(el) !== undefined);
      expect(hasText(raw), JSON.stringify(raw)).toBe(cleanText(raw) !== '');
    }
    expect(namesAnAuthor(authorTextAt(null))).toBe(false);
  });
});
