/**
 * A page flags posts from packed matches (`scanPacked`): the same matches as
 * `scan`, and the same verdict as deciding on `scan`'s objects, for posts
 * that name a place, only a context alias (with and without an anchored
 * thread), only a topic, or nothing.
 */
import { describe, expect, it } from 'vitest';
import { compileWatchlist, DEMO_WATCHLIST, flagMatches, flagPost, isAnchored } from '../../../lib/match/index.ts';

const compiled = compileWatchlist(DEMO_WATCHLIST);

const POSTS = [
  '澜江市白沙镇的污水直排到河里，澜江环保局说是城管的事',
  '住建局到底管不管？小区烂尾楼三年了',
  '拖欠工资半年了，有没有人管',
  '今天天气不错',
  '',
  '澜 江 ★ 市公安局 门口 排队',
];

describe('packed matches', () => {
  it.each(POSTS)('are the matches scan reports: %s', (text) => {
    const packed = compiled.scanPacked(text);
    const triples: [number, number, string, string, string][] = [];
    for (let i = 0; i < packed.length; i += 3) {
      const form = packed[i + 2] as number;
      triples.push([packed[i] as number, packed[i + 1] as number, compiled.formTerm(form), compiled.formKind(form), compiled.formVia(form)]);
    }
    const scanned = compiled.scan(text);
    expect(triples).toEqual(scanned.map((m) => [m.start, m.end, m.term, m.kind, m.via]));
    expect(compiled.matchesOf(compiled.scanPacked(text))).toEqual(scanned);
  });

  it.each(POSTS.flatMap((text) => [[text, false] as const, [text, true] as const]))(
    'give the verdict deciding on the objects gives: %s (thread anchored: %s)',
    (text, threadAnchored) => {
      const options = { threadAnchored };
      expect(flagPost(text, compiled, options)).toEqual(flagMatches(compiled.scan(text), compiled, options));
    },
  );

  it('tell an anchored thread by a place named outright, not by a context alias', () => {
    expect(isAnchored('澜江市公安局通报', compiled)).toBe(true);
    expect(isAnchored('公安局通报', compiled)).toBe(false);
    expect(isAnchored('', compiled)).toBe(false);
  });
});
