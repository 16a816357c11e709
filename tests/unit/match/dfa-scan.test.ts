/**
 * The scan as a DFA (lib/match/dfa.ts) finds exactly what the automaton
 * following failure links finds, in the same order: same (start, end,
 * pattern) triples from the same tables, on seeded random lists and texts
 * full of separators, emoji, broken surrogates and characters in no
 * pattern. A list whose DFA would be too large keeps failure links.
 */
import { describe, expect, it } from 'vitest';
import { automatonFromClasses, buildAutomatonTables, classTableOf } from '../../../lib/match/automaton.ts';
import { dfaAutomaton, TWO_STREAMS_MIN } from '../../../lib/match/dfa.ts';
import { SKIP_CLASS } from '../../../lib/match/automaton.ts';
import { foldWith } from '../../../lib/match/fold-table.ts';
import { getFoldTable } from '../../../lib/match/fold.ts';
import { seededRandom } from '../../support/seeded-random.ts';
import { randomNamesInText } from '../../support/random-names.ts';

const NOISE = [' ', '\u200b', '\u00ad', '\u{1F600}', '★', '—', '·', '\uFE0F', '，', '。', 'x', '\uD83D', '\uDE00', '\u{1F600}\u{1F600}', '\uD83C'];

function randomCase(seed: number, alphabet: string, patternCount: number): { patterns: number[][]; text: string } {
  const options = { maxLength: 6, length: 2000, nameShare: 0.5, charShare: 0.3, noiseInside: 0.1, noise: NOISE };
  const { names, text } = randomNamesInText(seededRandom(seed), alphabet, patternCount, options);
  const fold = getFoldTable();
  return { patterns: names.map((w) => foldWith(fold, w)), text };
}

function bothScans(patterns: number[][], text: string): { dfa: number[] | undefined; failureLinks: number[] } {
  const tables = buildAutomatonTables(patterns);
  const classOf = classTableOf(tables.alphabet, getFoldTable());
  const dfa = dfaAutomaton(tables, classOf, SKIP_CLASS, Number.MAX_SAFE_INTEGER);
  return { dfa: dfa ? [...dfa.scanRaw(text)] : undefined, failureLinks: [...automatonFromClasses(tables, classOf, { dfaCellLimit: 0, dfaAfterUnits: 0 }).scanRaw(text)] };
}

describe('the DFA scan finds what following failure links finds', () => {
  it.each([1, 2, 3, 4, 5, 6])('200 names over 300 characters, with noise and broken surrogates, seed %i', (seed) => {
    const alphabet = Array.from({ length: 300 }, (_, i) => String.fromCharCode(0x4e00 + i * 7)).join('');
    const { patterns, text } = randomCase(seed * 7919, alphabet, 200);
    const { dfa, failureLinks } = bothScans(patterns, text);
    expect(failureLinks.length).toBeGreaterThan(0);
    expect(dfa).toEqual(failureLinks);
  });

  it.each([11, 12, 13])('1,000 names over 12 characters (long failure chains, many overlaps), seed %i', (seed) => {
    const { patterns, text } = randomCase(seed * 104729, '澜江市区镇县北南公安局1', 1000);
    const { dfa, failureLinks } = bothScans(patterns, text);
    expect(dfa).toEqual(failureLinks);
  });

  it('a text that starts with an emoji lead, ends on one, is only separators, or spreads a name over 300 of them', () => {
    const fold = getFoldTable();
    const patterns = ['澜江', '江市', '澜江市', '市'].map((w) => foldWith(fold, w));
    const spread = `澜${' \u200b'.repeat(150)}江${'\u{1F600}'.repeat(100)}市`;
    for (const text of ['\uD83C澜江市', '澜江市\uD83C', ' ★ ', '', '澜 江\u200b市', '澜\u{1F600}江市市', spread, spread + spread]) {
      const { dfa, failureLinks } = bothScans(patterns, text);
      expect(dfa).toEqual(failureLinks);
    }
  });

  it('a long text scanned as two halves finds the same wherever the second half would start: after emoji leads, in a name, nowhere', () => {
    const fold = getFoldTable();
    const patterns = ['澜江', '江市', '澜江市', '市', '市澜'].map((w) => foldWith(fold, w));
    const names = '澜江市'.repeat(Math.ceil(TWO_STREAMS_MIN / 3));
    const texts = [
      names + names, // no code unit in no pattern: one scan
      names + 'x' + names,
      names + '\uD83Cx' + names, // the candidate follows a lead, which takes it along
      names + '\uD83C\uD83Cx' + names, // two leads: the second is taken along, x is read
      names + '\uD83C\uD83C\uD83Cx澜江' + names,
      names + '\uD83Cx\uD83C市x江市',
      names + '澜 江\u200b市x' + names + '\uD83C',
      'x'.repeat(TWO_STREAMS_MIN),
      names.slice(0, TWO_STREAMS_MIN - 1) + 'x',
    ];
    for (const text of texts) {
      const { dfa, failureLinks } = bothScans(patterns, text);
      expect(dfa).toEqual(failureLinks);
    }
  });

  it('names of 31, 32 and 40 characters, whole or with noise inside, are found where they are, in either half of a long text', () => {
    const fold = getFoldTable();
    const han = Array.from({ length: 40 }, (_, i) => String.fromCharCode(0x4e00 + i * 11)).join('');
    const names = [han.slice(0, 31), han.slice(0, 32), han];
    const patterns = [...names, han.slice(30, 33)].map((w) => foldWith(fold, w));
    const noisy = (name: string): string => [...name].join(' ');
    const withEmoji = (name: string): string => name.slice(0, 20) + '\u{1F600}' + name.slice(20);
    const parts = names.flatMap((name) => [name, noisy(name), withEmoji(name), ' ' + name]);
    const half = parts.join('x');
    for (const text of [half, half + 'x'.repeat(TWO_STREAMS_MIN) + half, 'x'.repeat(TWO_STREAMS_MIN) + half]) {
      const { dfa, failureLinks } = bothScans(patterns, text);
      expect(failureLinks.length).toBeGreaterThan(0);
      expect(dfa).toEqual(failureLinks);
    }
  });

  it('the matcher switches to the DFA after enough text, and finds the same', () => {
    const alphabet = Array.from({ length: 300 }, (_, i) => String.fromCharCode(0x4e00 + i * 7)).join('');
    const { patterns, text } = randomCase(77, alphabet, 200);
    const tables = buildAutomatonTables(patterns);
    const classOf = classTableOf(tables.alphabet, getFoldTable());
    const switching = automatonFromClasses(tables, classOf, { dfaAfterUnits: text.length + 1 });
    const before = [...switching.scanRaw(text)];
    const after = [...switching.scanRaw(text)];
    expect(after).toEqual(before);
    expect(before).toEqual([...dfaAutomaton(tables, classOf, SKIP_CLASS)!.scanRaw(text)]);
  });

  it('a list of 6,000 names over 4,500 characters still gets a DFA (its states and classes fit in a cell)', () => {
    const rnd = seededRandom(7);
    const chars = Array.from({ length: 4500 }, (_, i) => String.fromCharCode(0x4e00 + i * 3)).join('');
    const names = new Set<string>();
    while (names.size < 6000) {
      let name = '';
      for (let k = 2 + Math.floor(rnd() * 5); k > 0; k--) name += chars[Math.floor(rnd() * chars.length)];
      names.add(name);
    }
    const fold = getFoldTable();
    const tables = buildAutomatonTables([...names].map((w) => foldWith(fold, w)));
    expect(dfaAutomaton(tables, classTableOf(tables.alphabet, fold), SKIP_CLASS)).toBeDefined();
  });

  it('a list whose DFA rows outgrow the limit keeps failure links', () => {
    const { patterns } = randomCase(5, '澜江市区', 400);
    const tables = buildAutomatonTables(patterns);
    const classOf = classTableOf(tables.alphabet, getFoldTable());
    expect(dfaAutomaton(tables, classOf, SKIP_CLASS, 10)).toBeUndefined();
    expect(dfaAutomaton(tables, classOf, SKIP_CLASS)).toBeDefined();
  });
});
