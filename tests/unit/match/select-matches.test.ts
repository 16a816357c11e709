/**
 * Choosing the matches to report in one pass (lib/match/compile.ts
 * `selectMatches`, no sort) keeps exactly what the sort-based choice kept:
 * sort the raw matches by start, longer first, then pattern; merge the
 * exclusion matches into blocks; keep each candidate that starts at or
 * after the last kept end and overlaps no block. That choice is written out
 * below as the specification, and both run on the raw matches the automaton
 * reports (by end) for seeded random lists and texts: dense lists over a
 * dozen characters (long overlapping runs, names inside names), noise
 * inside names, and lists where some forms are exclusions.
 */
import { describe, expect, it } from 'vitest';
import { automatonFromClasses, buildAutomatonTables, classTableOf } from '../../../lib/match/automaton.ts';
import { selectMatches } from '../../../lib/match/compile.ts';
import { foldWith } from '../../../lib/match/fold-table.ts';
import { getFoldTable } from '../../../lib/match/fold.ts';
import { seededRandom } from '../../support/seeded-random.ts';
import { randomNamesInText } from '../../support/random-names.ts';

/** The sort-based choice (what the matcher did before), on a copy; answers the kept triples. */
function sortBasedChoice(rawInput: Int32Array, isExclusion: Uint8Array): number[] {
  const triples: [number, number, number][] = [];
  for (let i = 0; i < rawInput.length; i += 3) triples.push([rawInput[i] as number, rawInput[i + 1] as number, rawInput[i + 2] as number]);
  triples.sort((a, b) => a[0] - b[0] || b[1] - a[1] || a[2] - b[2]);
  const blocks: [number, number][] = [];
  for (const [s, e, p] of triples) {
    if (isExclusion[p] !== 1) continue;
    const last = blocks[blocks.length - 1];
    if (last && s <= last[1]) last[1] = Math.max(last[1], e);
    else blocks.push([s, e]);
  }
  const kept: number[] = [];
  let lastEnd = -1;
  for (const [s, e, p] of triples) {
    if (isExclusion[p] === 1 || s < lastEnd) continue;
    if (blocks.some(([bs, be]) => bs < e && s < be)) continue;
    kept.push(s, e, p);
    lastEnd = e;
  }
  return kept;
}

const NOISE = [' ', '\u200b', '\u{1F600}', '★', '，', 'x'];

function randomRun(seed: number, alphabet: string, patternCount: number, exclusionShare: number): { raw: Int32Array; isExclusion: Uint8Array } {
  const rnd = seededRandom(seed);
  const options = { maxLength: 5, length: 3000, nameShare: 0.6, charShare: 0.3, noiseInside: 0.05, noise: NOISE };
  const { names, text } = randomNamesInText(rnd, alphabet, patternCount, options);
  const fold = getFoldTable();
  const tables = buildAutomatonTables(names.map((w) => foldWith(fold, w)));
  const automaton = automatonFromClasses(tables, classTableOf(tables.alphabet, fold));
  const isExclusion = Uint8Array.from(names, () => (rnd() < exclusionShare ? 1 : 0));
  return { raw: automaton.scanRaw(text).slice(), isExclusion };
}

function onePassChoice(raw: Int32Array, isExclusion: Uint8Array): number[] {
  const work = raw.slice();
  return [...work.subarray(0, selectMatches(work, isExclusion, isExclusion.includes(1)))];
}

describe('the one-pass choice of matches keeps what sorting kept', () => {
  it.each([1, 2, 3, 4, 5, 6, 7, 8])('300 names over 12 characters, names inside names, no exclusions, seed %i', (seed) => {
    const { raw, isExclusion } = randomRun(seed * 7919, '澜江市区镇县北南公安局1', 300, 0);
    expect(raw.length).toBeGreaterThan(3000);
    const kept = onePassChoice(raw, isExclusion);
    expect(kept.length).toBeGreaterThan(0);
    expect(kept).toEqual(sortBasedChoice(raw, isExclusion));
  });

  it.each([11, 12, 13, 14, 15, 16])('300 names over 12 characters, a tenth of them exclusions, seed %i', (seed) => {
    const { raw, isExclusion } = randomRun(seed * 104729, '澜江市区镇县北南公安局1', 300, 0.1);
    expect(isExclusion.includes(1)).toBe(true);
    expect(onePassChoice(raw, isExclusion)).toEqual(sortBasedChoice(raw, isExclusion));
  });

  it.each([21, 22, 23])('150 names over 200 characters, sparse matches, a third exclusions, seed %i', (seed) => {
    const alphabet = Array.from({ length: 200 }, (_, i) => String.fromCharCode(0x4e00 + i * 11)).join('');
    const { raw, isExclusion } = randomRun(seed * 15485863, alphabet, 150, 0.3);
    expect(onePassChoice(raw, isExclusion)).toEqual(sortBasedChoice(raw, isExclusion));
  });

  it('a longer name ending later replaces the picks inside it; one starting inside a pick is dropped', () => {
    // Reported by end: 江市 [1,3), 澜江市 [0,3), 市区 [2,4), 区 [3,4), 公安 [5,7).
    const raw = Int32Array.from([1, 3, 0, 0, 3, 1, 2, 4, 2, 3, 4, 3, 5, 7, 4]);
    const none = new Uint8Array(5);
    expect(onePassChoice(raw, none)).toEqual([0, 3, 1, 3, 4, 3, 5, 7, 4]);
    expect(onePassChoice(raw, none)).toEqual(sortBasedChoice(raw, none));
  });

  it('a match overlapping an exclusion reported after it is still dropped, and what it hid comes back', () => {
    // 澜江市 [0,3) and 江 [1,2) come before the exclusion 市区 [2,4): 澜江市 goes, 江 stays.
    const raw = Int32Array.from([1, 2, 1, 0, 3, 0, 2, 4, 2]);
    const isExclusion = Uint8Array.from([0, 0, 1]);
    expect(onePassChoice(raw, isExclusion)).toEqual([1, 2, 1]);
    expect(onePassChoice(raw, isExclusion)).toEqual(sortBasedChoice(raw, isExclusion));
  });
});
