/**
 * Words as people write them: look-alike code points (corpus/reported/R08)
 * and noise between a term's characters are matched, at UTF-16 offsets into
 * the text as given. Test texts use \u escapes: an editor applying NFC would
 * turn U+F979/U+F92C back into the ordinary characters and a test would pass
 * for the wrong reason.
 */
import { describe, expect, it } from 'vitest';
import { buildFoldTable, compileWatchlist, compileWatchlistWith, relevantFoldPairs } from '../../../lib/match/index.ts';

const list = [
  { term: '高新区', kind: 'region' },
  { term: '山东省', kind: 'region' },
  { term: '自来水公司', kind: 'agency' },
  { term: '凉山州', kind: 'region' },
  { term: '郎溪县', kind: 'region' },
  { term: '12345热线', kind: 'agency' },
  { term: '澜江市', kind: 'region' },
  { term: '江桥', kind: 'region' },
];
const matcher = compileWatchlist(list);
const found = (text: string) => matcher.scan(text).map((m) => [m.term, m.start, m.end]);

describe('R08: compatibility look-alikes match the ordinary characters', () => {
  it.each([
    ['a Kangxi radical for 高', '\u2FBC新区', [['高新区', 0, 3]]],
    ['a Kangxi radical for 山', '\u2F2D东省', [['山东省', 0, 3]]],
    ['Kangxi radicals for 自 and 水', '\u2F83来\u2F54公司', [['自来水公司', 0, 5]]],
    ['a compatibility ideograph for 凉', '\uF979山州', [['凉山州', 0, 3]]],
    ['a compatibility ideograph for 郎', '\uF92C溪县', [['郎溪县', 0, 3]]],
    ['circled digits', '\u2460\u2461\u2462\u2463\u2464热线', [['12345热线', 0, 7]]],
    ['dingbat circled digits', '\u2776\u2777\u2778\u2779\u277A热线', [['12345热线', 0, 7]]],
    ['an enclosed CJK look-alike is not confused with a different word', '\u3280号', []],
  ])('%s', (_label, text, expected) => {
    expect(found(text)).toEqual(expected);
  });

  it.each([
    ['traditional characters', '瀾江市', [['澜江市', 0, 3]]],
    ['full-width digits', '１２３４５热线', [['12345热线', 0, 7]]],
    ['symbols inside', '澜.江$市', [['澜江市', 0, 5]]],
    ['dashes around and inside', '——澜——江市——', [['澜江市', 2, 7]]],
    ['repeated characters', '江江江桥', [['江桥', 2, 4]]],
    ['latin letters around', 'dddd澜江市eeee', [['澜江市', 4, 7]]],
    ['a leading asterisk', '*澜江市', [['澜江市', 1, 4]]],
  ])('controls: %s', (_label, text, expected) => {
    expect(found(text)).toEqual(expected);
  });
});

describe('noise between the characters of a term', () => {
  it.each([
    ['an emoji (a surrogate pair)', '澜\uD83D\uDE00江市', [['澜江市', 0, 5]]],
    ['an emoji with a variation selector and a joiner', '澜\u2764\uFE0F\u200D江市', [['澜江市', 0, 6]]],
    ['a soft hyphen', '澜\u00AD江市', [['澜江市', 0, 4]]],
    ['a Hangul filler', '澜\u3164江市', [['澜江市', 0, 4]]],
    ['a braille blank', '澜\u2800江\u2800市', [['澜江市', 0, 5]]],
    ['arrows and shapes', '澜→江■市', [['澜江市', 0, 5]]],
    ['a keycap digit', '1\uFE0F\u20E32345热线', [['12345热线', 0, 9]]],
  ])('%s', (_label, text, expected) => {
    expect(found(text)).toEqual(expected);
  });

  it.each([
    ['a full stop', '澜江。市民说'],
    ['an exclamation mark', '澜江！市民说'],
    ['a comma', '澜江，市'],
  ])('a sentence or clause end stops a match: %s', (_label, text) => {
    expect(found(text)).toEqual([]);
  });

  it('an astral character that is not an emoji is not noise (CJK extension B)', () => {
    expect(found('澜\uD842\uDFB7江市')).toEqual([]);
  });

  it('offsets stay those of the text when emoji come before the match', () => {
    const text = '\uD83D\uDE00\uD83D\uDE00 \u2FBC新区';
    expect(matcher.scan(text).map((m) => text.slice(m.start, m.end))).toEqual(['\u2FBC新区']);
  });
});

describe('the content script finds the same with its small table', () => {
  it.each(['\u2FBC新区', '\uF979山州', '\u2460\u2461\u2462\u2463\u2464热线', '澜\uD83D\uDE00江市', '瀾\u00AD江市'])('%s', (text) => {
    const small = compileWatchlistWith(list, buildFoldTable(relevantFoldPairs(list)));
    expect(small.scan(text)).toEqual(matcher.scan(text));
  });
});
