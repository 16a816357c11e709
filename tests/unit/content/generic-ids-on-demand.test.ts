// @vitest-environment jsdom
/**
 * Post ids on demand on pages of an engine no adapter knows: a generic
 * post's id is a digest of its author and body (`contentId`), and the
 * page's first scan reads only the ids of posts with a match — the others
 * are digested when the page is idle, for the registry of posts shown. An id
 * is the same whenever it is read, even after the page recycled the row.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import * as engine from '../../../lib/sites/engine.ts';
import { createFlagger } from '../../../lib/content/flagger';
import { createSeenPosts } from '../../../lib/content/seen-posts';
import { locatePosts } from '../../../lib/sites';
import { benchFlaggedCount } from '../../demo-site/expected';
import { renderCommunityBenchPage } from '../../demo-site/pages/community';
import { flaggerDeps } from '../../support/flagger-deps';

vi.mock('../../../lib/sites/engine.ts', async (importOriginal) => {
  const actual = await importOriginal<typeof engine>();
  return { ...actual, contentId: vi.fn(actual.contentId) };
});

const NOW = new Date('2026-11-23T12:00:00+08:00');
const URL_OF_THREAD = 'http://127.0.0.1:4173/community/t/1000-posts?n=1000';
const digests = vi.mocked(engine.contentId);

function thread(count: number): Document {
  return new DOMParser().parseFromString(renderCommunityBenchPage(count), 'text/html');
}

afterEach(() => digests.mockClear());

describe('ids of posts found by the generic detector', () => {
  it('are the same read at once or after the page recycled the row for another post', () => {
    const atOnce = locatePosts(thread(20), URL_OF_THREAD, { now: NOW })
      .filter((p) => p.kind === 'comment')
      .map((p) => p.postId);
    const doc = thread(20);
    const later = locatePosts(doc, URL_OF_THREAD, { now: NOW }).filter((p) => p.kind === 'comment');
    expect(later).toHaveLength(20);
    // A recycling list re-renders each row with another post: author, body, every attribute.
    for (const row of later) {
      row.element.querySelector('.cm-user')!.textContent = '另一位网友';
      row.bodyElement.textContent = '这一行现在显示的是另一条评论。';
      row.element.setAttribute('data-floor', '999');
    }
    expect(later.map((p) => p.postId)).toEqual(atOnce);
    expect(new Set(atOnce).size).toBe(20);
  });

  it('are digested on the first scan of a 1,000-post thread only for the flagged posts; the others when the page is idle', () => {
    const doc = thread(1000);
    const seen = createSeenPosts();
    const idle: (() => void)[] = [];
    const flagger = createFlagger(flaggerDeps(doc, URL_OF_THREAD, { now: () => NOW, whenIdle: (task) => idle.push(task), seen }));
    const flagged = flagger.scanPage();
    expect(flagged).toHaveLength(benchFlaggedCount(1000));
    expect(digests).toHaveBeenCalledTimes(flagged.length);
    while (idle.length > 0) idle.shift()!();
    // Every post shown is remembered under the id it was flagged with, each digested once when the
    // page is idle (the flagged posts once more: the first scan located only them, and the full scan
    // locates them again; and the first post once more: idle time warms up the path of added posts
    // by locating it again).
    expect(seen.size).toBe(1000);
    expect(digests).toHaveBeenCalledTimes(1000 + flagged.length + 1);
    for (const entry of flagged) expect(seen.get(entry.post.postId)?.text).toBe(entry.post.bodyElement.textContent);
  }, 60_000);
});
