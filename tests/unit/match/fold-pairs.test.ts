/**
 * The content script matches with a fold table built from the few pairs the
 * background picks for its watch list (`relevantFoldPairs`), not OpenCC's
 * whole table. These tests prove the two matchers indistinguishable: code
 * unit by code unit over the whole BMP, on written-out variant forms, and on
 * corpus pages with traditional, full-width and separated forms sprinkled in.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileWatchlist, DEMO_WATCHLIST, type WatchlistInput } from '../../../lib/match/index.ts';
import { compileWatchlistWith, watchlistForms } from '../../../lib/match/compile.ts';
import { buildFoldTable, foldWith, SKIP } from '../../../lib/match/fold-table.ts';
import { getFoldTable, relevantFoldPairs } from '../../../lib/match/fold.ts';
import { seededRandom } from '../../support/seeded-random';


const FULL = getFoldTable();

/** The matcher the content script builds from what `getContentConfig` sends. */
function reducedMatcher(entries: readonly WatchlistInput[]) {
  return compileWatchlistWith(entries, buildFoldTable(relevantFoldPairs(entries)));
}

/** What the automaton sees of a code unit: a separator, a pattern code unit, or nothing it knows. */
function classOf(table: Uint16Array, used: ReadonlySet<number>, c: number): string {
  const f = table[c] as number;
  if (f === SKIP) return 'skip';
  return used.has(f) ? String(f) : 'other';
}

/** Every code unit that folds to `u` under the full table, `u` itself excluded. */
const PREIMAGES = new Map<number, number[]>();
for (let c = 0; c < 0x10000; c++) {
  const f = FULL[c] as number;
  if (f === c || f === SKIP) continue;
  const list = PREIMAGES.get(f) ?? [];
  list.push(c);
  PREIMAGES.set(f, list);
}
const SEPARATORS = [' ', '*', '-', '·', '\u200b', '\u3000', '＊', '/', '【', '】'];

/** `text` with some characters written in a variant form (traditional, full-width, upper case) and separators inserted. */
function disguise(text: string, rnd: () => number, rate = 0.3): string {
  let out = '';
  for (const ch of text) {
    const forms = ch.length === 1 ? PREIMAGES.get(FULL[ch.charCodeAt(0)] as number) : undefined;
    out += forms && rnd() < rate ? String.fromCharCode(forms[Math.floor(rnd() * forms.length)] as number) : ch;
    if (rnd() < rate / 6) out += SEPARATORS[Math.floor(rnd() * SEPARATORS.length)];
  }
  return out;
}

/** Visible text of a saved page, roughly: enough to be real Chinese prose. */
function pageText(html: string): string {
  return html
    .replace(/<(script|style)\b[\s\S]*?<\/\1>/gi, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&nbsp;/g, ' ');
}

const CORPUS_DIR = join(import.meta.dirname, '../../fixtures/corpus');
const CORPUS = readdirSync(CORPUS_DIR)
  .filter((f) => f.endsWith('.html'))
  .sort()
  .map((f) => [f, pageText(readFileSync(join(CORPUS_DIR, f), 'utf8'))] as const);

/** The demo list plus Latin, astral-free and chaining entries the demo lacks. */
const EXTENDED: WatchlistInput[] = [
  ...DEMO_WATCHLIST,
  { term: 'LAN TV', kind: 'agency', aliases: ['LJTV'] },
  { term: '什麼', kind: 'topic' },
  { term: '苧麻', kind: 'topic' },
  { term: '裡弄', kind: 'topic' },
];

describe('relevantFoldPairs: the reduced table is the full table as far as the watch list can tell', () => {
  it.each([
    ['the demo list', DEMO_WATCHLIST],
    ['the demo list with Latin terms and chained variants', EXTENDED],
  ])('%s: every code unit of the BMP is classified alike', (_label, entries) => {
    const reduced = buildFoldTable(relevantFoldPairs(entries));
    const used = new Set<number>();
    for (const entry of entries) for (const [form] of watchlistForms(entry)) for (const u of foldWith(FULL, form)) used.add(u);
    for (const entry of entries) {
      for (const [form] of watchlistForms(entry)) expect(foldWith(reduced, form)).toEqual(foldWith(FULL, form));
    }
    const differing: string[] = [];
    for (let c = 0; c < 0x10000; c++) {
      if (classOf(reduced, used, c) !== classOf(FULL, used, c)) differing.push(c.toString(16));
    }
    expect(differing).toEqual([]);
  });

  it('sends a few dozen pairs for the demo list, out of thousands', () => {
    const pairs = relevantFoldPairs(DEMO_WATCHLIST);
    expect(pairs.length).toBeGreaterThan(10);
    expect(pairs.length).toBeLessThan(100);
    expect(pairs).toContainEqual(['瀾'.charCodeAt(0), '澜'.charCodeAt(0)]);
    let folded = 0;
    for (let c = 0; c < 0x10000; c++) if (FULL[c] !== c && FULL[c] !== SKIP && (c < 0xff01 || c > 0xff5e)) folded++;
    expect(folded).toBeGreaterThan(2000);
  });

  it('keeps a pair whose source is itself a pattern character the full table folds further (么 → 幺)', () => {
    const pairs = relevantFoldPairs([{ term: '什麼', kind: 'topic' }]);
    expect(pairs).toContainEqual(['么'.charCodeAt(0), '幺'.charCodeAt(0)]);
  });
});

describe('compileWatchlistWith the reduced table finds exactly what compileWatchlist finds', () => {
  const full = compileWatchlist(EXTENDED);
  const reduced = reducedMatcher(EXTENDED);

  it.each([
    ['traditional characters', '瀾江市政府回應：瀾江市公安局已介入'],
    ['separated by spaces', '澜 江 市 江北区 白 沙 镇'],
    ['separated by symbols', '澜*江 说的是 澜-江-市 还是 澜·江'],
    ['full-width Latin and spaces', 'ＬＡＮ　ＴＶ 报道，ｌｊｔｖ 转载，LAN-tv 也播了'],
    ['zero-width characters', '澜\u200b江\u200c市住\u200d建局'],
    ['mixed traditional and separators', '瀾 江 市 衛 健 委、瀾江環保局、瀾江市場監管局'],
    ['exclusions in variant forms', '來一瓶瀾江啤酒，上海瀾 江 路123號，不是瀾江市'],
    ['chained variants', '什麼什么什幺 苧麻苎麻 裡弄裏弄里弄'],
    ['clause punctuation still breaks names', '澜江，市 澜。江市'],
  ])('%s', (_label, text) => {
    const expected = full.scan(text);
    expect(expected.length).toBeGreaterThan(0);
    expect(reduced.scan(text)).toEqual(expected);
  });

  it.each(CORPUS)('corpus page %s, with demo names and variant forms sprinkled in', (name, text) => {
    const rnd = seededRandom(name.length * 7919 + text.length);
    const names = EXTENDED.flatMap((e) => watchlistForms(e).map(([form]) => form));
    // Splice disguised watch-list names into the page at random places.
    let mixed = '';
    for (let at = 0; at < text.length; ) {
      const step = 200 + Math.floor(rnd() * 800);
      mixed += text.slice(at, at + step) + disguise(names[Math.floor(rnd() * names.length)] ?? '', rnd, 0.5);
      at += step;
    }
    mixed = disguise(mixed, rnd, 0.1);
    const expected = full.scan(mixed);
    expect(expected.length).toBeGreaterThan(0);
    expect(reduced.scan(mixed)).toEqual(expected);
  });

  it.each([1, 2, 3, 4, 5, 6])('random watch list cut from the corpus, scanned over disguised corpus text #%i', (seed) => {
    const rnd = seededRandom(seed * 104729);
    const han = /^[\u4e00-\u9fff]+$/;
    const kinds = ['region', 'agency', 'topic', 'exclusion'] as const;
    const entries: WatchlistInput[] = [];
    while (entries.length < 300) {
      const [, text] = CORPUS[Math.floor(rnd() * CORPUS.length)] as readonly [string, string];
      const at = Math.floor(rnd() * text.length);
      const term = text.slice(at, at + 2 + Math.floor(rnd() * 4));
      if (!han.test(term)) continue;
      // Some terms are written in traditional or variant forms themselves.
      entries.push({ term: rnd() < 0.3 ? disguise(term, rnd, 0.8) : term, kind: kinds[Math.floor(rnd() * kinds.length)] as string });
    }
    const fullList = compileWatchlist(entries);
    const reducedList = reducedMatcher(entries);
    let total = 0;
    for (const [, text] of CORPUS) {
      const sample = disguise(text.slice(0, 60_000), rnd, 0.2);
      const expected = fullList.scan(sample);
      total += expected.length;
      expect(reducedList.scan(sample)).toEqual(expected);
    }
    expect(total).toBeGreaterThan(100);
  });
});
