import { describe, expect, it } from 'vitest';
import { boundedPostId, MAX_POST_ID_LENGTH } from '../../../lib/sites/post-id';
import { statesInBatches } from '../../../lib/content/post-state-batches';

describe('a post id as the product stores it', () => {
  it('keeps an id the page gives within the protocol’s length as it is', () => {
    expect(boundedPostId('post_12345')).toBe('post_12345');
    expect(boundedPostId('x'.repeat(MAX_POST_ID_LENGTH))).toBe('x'.repeat(MAX_POST_ID_LENGTH));
  });

  it('shortens a 10,000-character id to the same id on every visit, its start still readable', () => {
    const long = `5-${'7'.repeat(10_000)}`;
    const once = boundedPostId(long);
    expect(once.length).toBeLessThanOrEqual(MAX_POST_ID_LENGTH);
    expect(once.startsWith('5-777')).toBe(true);
    expect(boundedPostId(long)).toBe(once);
  });

  it('keeps two long ids that share their first 120 characters apart', () => {
    const common = 'a'.repeat(5_000);
    expect(boundedPostId(`${common}1`)).not.toBe(boundedPostId(`${common}2`));
    expect(boundedPostId(`${common}12`)).not.toBe(boundedPostId(`${common}21`));
  });
});

describe('the badge states of a page with thousands of flagged posts', () => {
  it('are asked in batches the background accepts, and joined', async () => {
    const ids = Array.from({ length: 4_500 }, (_, i) => `p${i}`);
    const batches: number[] = [];
    const states = await statesInBatches(ids, async (batch) => {
      batches.push(batch.length);
      return Object.fromEntries(batch.filter((id) => id.endsWith('7')).map((id) => [id, 'captured']));
    });
    expect(batches).toEqual([2_000, 2_000, 500]);
    expect(states.size).toBe(450);
    expect(states.get('p4497')).toBe('captured');
  });

  it('loses only the refused batch’s states when one batch fails', async () => {
    const ids = Array.from({ length: 5 }, (_, i) => `p${i}`);
    const states = await statesInBatches(ids, async (batch) => (batch.includes('p0') ? undefined : { [batch[0]!]: 'claimed' }), 2);
    expect([...states.keys()]).toEqual(['p2', 'p4']);
  });
});
