import { describe, expect, it } from 'vitest';
import { compileWatchlist, DEMO_WATCHLIST, WatchlistCompileError } from '../../../lib/match/index.ts';

const demo = compileWatchlist(DEMO_WATCHLIST);

/** The matched slices of the original text, with the canonical terms reported. */
function found(text: string): [string, string][] {
  return demo.scan(text).map((m) => [text.slice(m.start, m.end), m.term]);
}

describe('compileWatchlist: matching survives how people write', () => {
  it.each([
    ['the canonical name', '澜江市发布通告', [['澜江市', '澜江市']]],
    ['a short form reports the canonical term', '澜江今天下雨', [['澜江', '澜江市']]],
    ['traditional characters', '瀾江市政府回應', [['瀾江市政府', '澜江市人民政府']]],
    ['full-width letters and spaces', '澜　江　市', [['澜　江　市', '澜江市']]],
    ['a space inside a name', '宣传 澜 江市 新闻', [['澜 江市', '澜江市']]],
    ['symbols inside a name', '澜*江-市', [['澜*江-市', '澜江市']]],
    ['zero-width characters inside a name', '澜\u200b江市', [['澜\u200b江市', '澜江市']]],
    ['an agency alias', '澜江警方通报', [['澜江警方', '澜江市公安局']]],
    ['the longest name wins over the names inside it', '澜江市公安局', [['澜江市公安局', '澜江市公安局']]],
    ['a township and its district side by side', '江北区白沙镇', [['江北区', '江北区'], ['白沙镇', '白沙镇']]],
  ])('%s', (_label, text, expected) => {
    expect(found(text)).toEqual(expected);
  });

  it.each([
    ['a beer brand', '来一瓶澜江啤酒'],
    ['a road in Shanghai', '上海澜江路123号'],
  ])('does not match the city inside %s (an exclusion)', (_label, text) => {
    expect(demo.scan(text)).toEqual([]);
  });

  it('does not join a name across a comma', () => {
    expect(found('澜江，市民说')).toEqual([['澜江', '澜江市']]);
  });

  it('still matches the city next to an exclusion', () => {
    const text = '澜江啤酒节在澜江市举办';
    expect(demo.scan(text).map((m) => [m.start, m.end, m.term])).toEqual([[6, 9, '澜江市']]);
  });

  it('returns UTF-16 offsets into the text as given, astral characters included', () => {
    const text = '😀😀 澜江市 😀';
    const [m] = demo.scan(text);
    expect(m).toMatchObject({ start: 5, end: 8, term: '澜江市', kind: 'region' });
    expect(text.slice(m?.start, m?.end)).toBe('澜江市');
  });

  it('accepts the contract shape: term, kind, aliases', () => {
    const c = compileWatchlist([{ term: '宣城市', kind: 'region', aliases: ['宣城'] }, { term: '宣州区', kind: 'region' }]);
    expect(c.scan('宣 城的宣州区').map((m) => m.term)).toEqual(['宣城市', '宣州区']);
  });

  it('reports how a match was reached', () => {
    expect(demo.scan('澜江市公安局 澜江警方 警方').map((m) => m.via)).toEqual(['term', 'alias', 'context-alias']);
  });
});

describe('compileWatchlist: bad lists are refused with the entry named', () => {
  it.each([
    ['an empty term', [{ term: '  ', kind: 'region' }]],
    ['a term of symbols only', [{ term: '***', kind: 'topic' }]],
    ['an alias of spaces only', [{ term: '澜江市', kind: 'region', aliases: [' '] }]],
    ['an empty kind', [{ term: '澜江市', kind: '' }]],
  ])('%s', (_label, entries) => {
    expect(() => compileWatchlist(entries)).toThrow(WatchlistCompileError);
  });
});

describe('compileWatchlist: agrees with a brute-force search', () => {
  /** Deterministic pseudo-random numbers. */
  function random(seed: number): () => number {
    let a = seed;
    return () => {
      a = (a * 16807) % 2147483647;
      return a / 2147483647;
    };
  }
  const alphabet = '澜江市区镇县北南';

  it.each([1, 2, 3, 4, 5, 6, 7, 8])('random list and text #%i', (seed) => {
    const rnd = random(seed * 7919);
    const pick = (n: number): string => Array.from({ length: n }, () => alphabet[Math.floor(rnd() * alphabet.length)]).join('');
    const terms = [...new Set(Array.from({ length: 12 }, () => pick(1 + Math.floor(rnd() * 4))))];
    const text = pick(300);
    const c = compileWatchlist(terms.map((term) => ({ term, kind: 'topic' })));
    // Brute force: leftmost, then longest, non-overlapping.
    const expected: [number, number][] = [];
    for (let i = 0; i < text.length; ) {
      const hit = terms.filter((t) => text.startsWith(t, i)).sort((a, b) => b.length - a.length)[0];
      if (hit) {
        expected.push([i, i + hit.length]);
        i += hit.length;
      } else i++;
    }
    expect(c.scan(text).map((m) => [m.start, m.end])).toEqual(expected);
  });
});
