import { afterAll, describe, expect, it } from 'vitest';
import { suggestAssessment } from '../../../lib/classify';
import { getBuiltInProfile } from '../../../lib/policy';
import { LABELLED_POSTS } from './labelled-posts';

const qinzhou = getBuiltInProfile('qinzhou-routing')!;

describe('accuracy on the labelled set (written before tuning)', () => {
  const results = LABELLED_POSTS.map((post) => {
    const s = suggestAssessment(post.text, qinzhou, post.reaction);
    return {
      post,
      s,
      tier: s.tier === post.tier,
      category: s.category === post.category,
      flags: (post.flags ?? []).every((f) => s.flags.includes(f)) && (post.notFlags ?? []).every((f) => !s.flags.includes(f)),
    };
  });
  const share = (key: 'tier' | 'category' | 'flags'): number => results.filter((r) => r[key]).length / results.length;

  afterAll(() => {
    const percent = (x: number): string => `${(x * 100).toFixed(1)} %`;
    console.log(
      `labelled set (${results.length} posts, profile ${qinzhou.id}): tier ${percent(share('tier'))}, ` +
        `category ${percent(share('category'))}, flags ${percent(share('flags'))}`,
    );
    for (const r of results.filter((x) => !x.tier || !x.category || !x.flags)) {
      console.log(`  miss: ${r.post.text} → ${r.s.tier}/${r.s.category} (labelled ${r.post.tier}/${r.post.category})`);
    }
  });

  it('has at least 60 posts', () => {
    expect(results.length).toBeGreaterThanOrEqual(60);
  });

  it('suggests the labelled tier for at least 90 % of the posts', () => {
    expect(share('tier')).toBeGreaterThanOrEqual(0.9);
  });

  it('suggests the labelled category for at least 85 % of the posts', () => {
    expect(share('category')).toBeGreaterThanOrEqual(0.85);
  });

  it('sets the labelled flags (谣言, 突发事件, 社会关注度高…) for at least 90 % of the posts', () => {
    expect(share('flags')).toBeGreaterThanOrEqual(0.9);
  });

  it('grades every refuted post 一般 and flags it 谣言', () => {
    const refuted = results.filter((r) => /系谣言|纯属谣言|不实|虚假信息/.test(r.post.text));
    expect(refuted.length).toBeGreaterThanOrEqual(4);
    for (const r of refuted) {
      expect(r.s.tier, r.post.text).toBe('general');
      expect(r.s.flags, r.post.text).toContain('rumour');
    }
  });
});
