/**
 * The matcher finds exactly what the plain definition finds: fold the text
 * code unit by code unit (separators and an emoji's two halves dropped),
 * look for every folded term, alias and context alias there, map each hit
 * back to UTF-16 offsets of the text as given, drop hits overlapping an
 * exclusion, then keep leftmost-longest non-overlapping ones.
 *
 * Random lists and texts, seeded (a failure names its seed): texts mix the
 * list's characters with their look-alikes (traditional forms, Kangxi
 * radicals, compatibility ideographs, full-width digits), noise between
 * characters (spaces, zero-width and soft hyphens, emoji, stars, dashes),
 * sentence punctuation that stops a name, characters in no term, and broken
 * surrogates. Dense lists over a few dozen characters give long failure
 * chains and many overlapping matches; short lists over texts full of noise
 * and look-alikes test the folding. The matcher the background packs and a
 * page loads must agree too.
 */
import { describe, expect, it } from 'vitest';
import { compileWatchlist, relevantFoldPairs, buildFoldTable, type WatchlistInput } from '../../../lib/match/index.ts';
import { watchlistForms } from '../../../lib/match/compile.ts';
import { getFoldTable } from '../../../lib/match/fold.ts';
import { foldWith, isEmojiLead, SKIP } from '../../../lib/match/fold-table.ts';
import { loadWatchlistMatcher, packWatchlistMatcher } from '../../../lib/match/packed.ts';
import { watchlistKeyOf } from '../../../lib/match/matcher-cache.ts';
import { seededRandom } from '../../support/seeded-random.ts';

type Found = [term: string, kind: string, via: string, start: number, end: number];

/** The plain definition, term by term over the folded text. */
function referenceScan(entries: readonly WatchlistInput[], text: string): Found[] {
  const fold = getFoldTable();
  const units: number[] = [];
  const at: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const u = text.charCodeAt(i);
    const f = fold[u] as number;
    if (f === SKIP) {
      if (isEmojiLead(u)) i++;
      continue;
    }
    units.push(f);
    at.push(i);
  }
  // Every form in list order; the first form with a given folded spelling owns it.
  const owners = new Set<string>();
  const hits: { start: number; end: number; order: number; exclusion: boolean; found: Found }[] = [];
  let order = 0;
  entries.forEach((entry) => {
    for (const [form, via] of watchlistForms(entry)) {
      const p = foldWith(fold, form);
      order++;
      if (owners.has(p.join(','))) continue;
      owners.add(p.join(','));
      for (let k = 0; k + p.length <= units.length; k++) {
        if (p.every((u, j) => units[k + j] === u)) {
          const start = at[k] as number;
          const end = (at[k + p.length - 1] as number) + 1;
          hits.push({ start, end, order, exclusion: entry.kind === 'exclusion', found: [entry.term, entry.kind, via, start, end] });
        }
      }
    }
  });
  const exclusions = hits.filter((h) => h.exclusion);
  const candidates = hits
    .filter((h) => !h.exclusion && !exclusions.some((x) => x.start < h.end && h.start < x.end))
    .sort((a, b) => a.start - b.start || b.end - a.end || a.order - b.order);
  const kept: Found[] = [];
  let lastEnd = -1;
  for (const h of candidates) {
    if (h.start < lastEnd) continue;
    kept.push(h.found);
    lastEnd = h.end;
  }
  return kept;
}

const NOISE = [' ', '\u200b', '\u00ad', '\u{1F600}', '★', '—', '\u3000', '·', '\uFE0F'];
const STOPS = ['，', '。', '的', 'x', '\uD83D', '\uDE00']; // clause marks, characters in no term, broken surrogates

/** Code units the full fold table sends to `ch` (look-alikes, traditional forms, full-width), `ch` itself first. */
function spellingsOf(ch: string): string[] {
  const fold = getFoldTable();
  const target = fold[ch.charCodeAt(0)] as number;
  const out = [ch];
  for (let u = 0; u < 0x10000; u++) {
    if (u !== ch.charCodeAt(0) && fold[u] === target && (u < 0xd800 || u > 0xdfff)) out.push(String.fromCharCode(u));
  }
  return out;
}

function randomCase(seed: number, alphabet: string, listSize: number): { entries: WatchlistInput[]; text: string } {
  const rnd = seededRandom(seed);
  const pickOf = <T,>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)] as T;
  const chars = [...alphabet];
  const word = (min: number, max: number): string => Array.from({ length: min + Math.floor(rnd() * (max - min + 1)) }, () => pickOf(chars)).join('');
  const entries: WatchlistInput[] = [];
  for (let i = 0; i < listSize; i++) {
    const roll = rnd();
    const kind = roll < 0.1 ? 'exclusion' : roll < 0.4 ? 'region' : 'topic';
    const entry: WatchlistInput = { term: word(1, 5), kind };
    if (rnd() < 0.2) entry.aliases = [word(2, 4)];
    if (rnd() < 0.1) entry.contextAliases = [word(2, 3)];
    entries.push(entry);
  }
  const spellings = new Map(chars.map((ch) => [ch, spellingsOf(ch)]));
  let text = '';
  while (text.length < 600) {
    const roll = rnd();
    if (roll < 0.6) {
      // A listed name, now and then in another spelling or with noise inside.
      const name = pickOf(entries).term;
      for (const ch of name) {
        text += rnd() < 0.25 ? pickOf(spellings.get(ch) ?? [ch]) : ch;
        if (rnd() < 0.12) text += pickOf(NOISE);
      }
    } else if (roll < 0.8) text += pickOf(chars);
    else if (roll < 0.9) text += pickOf(NOISE);
    else text += pickOf(STOPS);
  }
  return { entries, text };
}

const found = (matches: readonly { term: string; kind: string; via: string; start: number; end: number }[]): Found[] =>
  matches.map((m) => [m.term, m.kind, m.via, m.start, m.end]);

describe('the matcher finds exactly what searching each folded term finds', () => {
  it.each([1, 2, 3, 4, 5, 6, 7, 8])('a short list of place names over noisy, disguised text, seed %i', (seed) => {
    const { entries, text } = randomCase(seed * 7919, '澜江市区镇县北南公安局12', 12);
    expect(found(compileWatchlist(entries).scan(text))).toEqual(referenceScan(entries, text));
  });

  it.each([11, 12, 13, 14, 15, 16])('a dense list of 1,000 names over 40 characters, seed %i', (seed) => {
    const { entries, text } = randomCase(seed * 104729, '澜江市区镇县北南公安局住建委卫健环保教育城管交通水利农村社会人民政府街道乡办理信访12', 1000);
    expect(found(compileWatchlist(entries).scan(text))).toEqual(referenceScan(entries, text));
  });

  it.each([21, 22, 23])('the packed matcher a page loads agrees on a dense list, seed %i', (seed) => {
    const { entries, text } = randomCase(seed * 15485863, '澜江市区镇县北南公安局住建委卫健环保教育城管交通水利农村社会人民政府街道乡办理信访12', 1000);
    const pairs = relevantFoldPairs(entries);
    const packed = packWatchlistMatcher(entries, buildFoldTable(pairs), watchlistKeyOf(entries, pairs));
    const loaded = loadWatchlistMatcher(packed, entries);
    expect(loaded).toBeDefined();
    expect(found(loaded!.scan(text))).toEqual(referenceScan(entries, text));
  });
});
