/**
 * classify.1k-posts: assessment suggestions for 1,000 posts (the labelled set
 * with forum-style padding, varied by a seeded generator), against the
 * word-list version the suggestion replaced, in the same run. Goal: no
 * slower than 2× the word list (ratio ≥ 0.5).
 */
import { compared, medianMs, type BenchSuite } from './harness.ts';
import { seededRandom } from '../support/seeded-random.ts';
import { wordListSuggestion } from './classify-word-list.ts';
import { suggestAssessment } from '../../lib/classify/index.ts';
import { getBuiltInProfile } from '../../lib/policy/index.ts';
import { LABELLED_POSTS } from '../unit/classify/labelled-posts.ts';

const PADDING = [
  '楼主说的情况我们这边也有，希望有关部门尽快处理。',
  '顶一下，让更多人看到。',
  '附近居民反映很久了，一直没有结果，大家怎么看？',
  '本帖最后由 网友 于 2026-11-20 09:12 编辑',
  '转自本地论坛，原帖已被删除。',
];

function buildPosts(): string[] {
  const next = seededRandom(12);
  return Array.from({ length: 1000 }, (_, i) => {
    const post = LABELLED_POSTS[i % LABELLED_POSTS.length]!;
    const extra = Array.from({ length: 1 + Math.floor(next() * 4) }, () => PADDING[Math.floor(next() * PADDING.length)]).join('');
    return `${post.text}。${extra}`;
  });
}

const suite: BenchSuite = async () => {
  const posts = buildPosts();
  const policy = getBuiltInProfile('qinzhou-routing')!;
  let sink = 0;
  const ours = await medianMs(() => {
    for (const post of posts) sink += suggestAssessment(post, policy).reasons.length;
  }, { runs: 7, warmup: 2 });
  const baseline = await medianMs(() => {
    for (const post of posts) sink += wordListSuggestion(post, policy).reasons.length;
  }, { runs: 7, warmup: 2 });
  if (sink === 0) throw new Error('no suggestions were made');
  return [compared('classify.1k-posts', 'ms', ours, 'word-list suggestion (before issue 12)', baseline, '≥ 0.5 (no slower than 2×)')];
};

export default suite;
