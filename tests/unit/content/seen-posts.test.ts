// @vitest-environment jsdom
import { describe, expect, it, vi } from 'vitest';
import { compileWatchlist, DEMO_WATCHLIST } from '../../../lib/match';
import { createFlagger } from '../../../lib/content/flagger';
import { createSeenPosts, publishSeenPosts, seenPostsOf } from '../../../lib/content/seen-posts';
import { findPostsIn, toPostData } from '../../../lib/sites';
import { COMMUNITY_VIRTUAL_FLAGGED_FLOORS, COMMUNITY_VIRTUAL_POST_COUNT } from '../../demo-site/expected';
import { communityPostHtml, communityVirtualPosts } from '../../demo-site/pages/community';

/**
 * A comment list that recycles its rows (only 12 in the DOM at a time, as
 * virtualized lists do): every post shown once is remembered with its fields,
 * flagged posts are flagged again when re-rendered, and nothing is lost when
 * rows leave the DOM.
 */
const URL = 'http://127.0.0.1:4173/community/t/2077?virtual=1';
const posts = communityVirtualPosts();
const rows = posts.map((p, i) => communityPostHtml(p, i + 1));

function page(): { doc: Document; list: Element } {
  const doc = new DOMParser().parseFromString(
    `<html><head><title>白沙镇停水第三天 - 澜江社区</title></head><body><div class="cm-scroller"><div class="cm-posts">${rows.slice(0, 12).join('')}</div></div></body></html>`,
    'text/html',
  );
  return { doc, list: doc.querySelector('.cm-posts')! };
}

function flaggerOn(doc: Document) {
  const seen = createSeenPosts();
  const flagger = createFlagger({
    doc,
    url: () => URL,
    now: () => new Date('2026-11-23T12:00:00+08:00'),
    watchlist: compileWatchlist(DEMO_WATCHLIST),
    labels: { capture: '采集', capturing: '采集中…', captured: '已采集 ✓', flaggedTitle: '命中关注词：$1', openDesk: '打开工作台' },
    openDesk: vi.fn(),
    capture: vi.fn(async () => undefined),
    knownStates: vi.fn(async () => new Map()),
    reportCount: vi.fn(),
    whenIdle: (task) => task(),
    seen,
    readFields: (refs) =>
      refs.map((ref) => {
        const found = findPostsIn(ref.element, doc, URL).find((p) => p.postId === ref.postId);
        return found ? toPostData(found) : undefined;
      }),
  });
  return { flagger, seen };
}

/** Scrolls the list: the rows from `start` replace the ones shown, as the page script does. */
function showFrom(list: Element, start: number): Element[] {
  list.innerHTML = rows.slice(start, start + 12).join('');
  return Array.from(list.children);
}

describe('a recycling comment list', () => {
  it('remembers every post shown once, with its fields, after its row has left the DOM', () => {
    const { doc, list } = page();
    const { flagger, seen } = flaggerOn(doc);
    flagger.scanPage();
    for (let start = 4; start <= posts.length - 12; start += 4) flagger.scanAdded(showFrom(list, start));
    expect(seen.size).toBe(COMMUNITY_VIRTUAL_POST_COUNT);
    expect(seen.all().map((p) => p.data?.floor)).toEqual(posts.map((_, i) => i + 1));
    expect(seen.all().map((p) => p.text)).toEqual(posts.map((p) => p.text));
    expect(seen.all().map((p) => p.data?.author)).toEqual(posts.map((p) => p.author));
    // Only 12 rows are in the DOM now.
    expect(list.children).toHaveLength(12);
  });

  it('flags each post that names the city, and flags it again when its row is re-rendered', () => {
    const { doc, list } = page();
    const { flagger } = flaggerOn(doc);
    const floorsFlagged = new Set<number>();
    const note = (found: { post: { element: Element } }[]) => {
      for (const f of found) floorsFlagged.add(Number(f.post.element.getAttribute('data-floor')));
    };
    note(flagger.scanPage());
    for (let start = 4; start <= posts.length - 12; start += 4) note(flagger.scanAdded(showFrom(list, start)));
    expect([...floorsFlagged].sort((a, b) => a - b)).toEqual(COMMUNITY_VIRTUAL_FLAGGED_FLOORS);
    // Back to the top: the first screen is rendered anew, and its flagged posts get their badges back.
    const again = flagger.scanAdded(showFrom(list, 0));
    expect(again.length).toBeGreaterThan(0);
    for (const entry of again) expect(entry.badge.host.isConnected).toBe(true);
  });

  it('is published for the capture script in the same world only', () => {
    const scope = {};
    expect(seenPostsOf(scope)).toBeUndefined();
    const seen = createSeenPosts();
    publishSeenPosts(seen, scope);
    expect(seenPostsOf(scope)).toBe(seen);
  });
});
