// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { createFlagger } from '../../../lib/content/flagger';
import { createSeenPosts, publishSeenPosts, seenPostsOf } from '../../../lib/content/seen-posts';
import { findPostsIn, toPostData } from '../../../lib/sites';
import { COMMUNITY_VIRTUAL_FLAGGED_FLOORS, COMMUNITY_VIRTUAL_POST_COUNT } from '../../demo-site/expected';
import { communityPostHtml, communityVirtualPosts } from '../../demo-site/pages/community';
import { flaggerDeps } from '../../support/flagger-deps';

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
  const flagger = createFlagger(
    flaggerDeps(doc, URL, {
      seen,
      readFields: (refs) =>
        refs.map((ref) => {
          const found = findPostsIn(ref.element, doc, URL).find((p) => p.postId === ref.postId);
          return found ? toPostData(found) : undefined;
        }),
    }),
  );
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

describe('the registry of posts shown, before their ids are read', () => {
  it('keys the posts remembered since the last read by id, in the order shown, the first sighting kept', () => {
    const registry = createSeenPosts();
    const reads: string[] = [];
    const ref = (postId: string) => ({
      get postId() {
        reads.push(postId);
        return postId;
      },
      kind: 'comment' as const,
      element: document.body,
      bodyElement: document.body,
    });
    registry.remember(ref('a'), '  第一条 ');
    registry.remember(ref('b'), '第二条');
    registry.remember(ref('a'), '第一条，再次显示');
    // Nothing is read until the registry is read or settled.
    expect(reads).toEqual([]);
    registry.settle();
    expect(reads).toEqual(['a', 'b', 'a']);
    expect(registry.all().map((p) => [p.postId, p.text])).toEqual([
      ['a', '第一条'],
      ['b', '第二条'],
    ]);
    registry.remember(ref('c'), '第三条');
    expect(registry.size).toBe(3);
  });
});
