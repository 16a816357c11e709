/**
 * Building the matcher: the 4,000-entry watch list of the probe
 * (tests/fixtures/probe/watchlist-4000-topics.txt, which froze every page
 * ~3.5 s while the old quadratic build ran) and the same list grown to 8,000
 * entries with more topics of the same characters and lengths. The 8,000
 * build's ratio is against the 4,000 build of the same run: linear is 0.5.
 *
 * `match.page-ready-8000-terms` is what a page pays today for a ready
 * matcher of the 8,000 list: the background built it once for the list
 * version and sent it packed; the page decodes and loads it (the message's
 * JSON copy itself is the browser's, not timed). Its baseline is what every
 * page paid before: compiling the list with the same fold table.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { compared, figure, medianMs, type BenchSuite } from './harness.ts';
import { seededRandom } from '../support/seeded-random.ts';
import { buildFoldTable, compileWatchlist, compileWatchlistWith, parseWatchlistImport, relevantFoldPairs, type WatchEntry } from '../../lib/match/index.ts';
import { loadOrCompileWatchlist, packWatchlistMatcher } from '../../lib/match/packed.ts';
import { watchlistKeyOf } from '../../lib/match/matcher-cache.ts';

const PROBE = join(import.meta.dirname, '../fixtures/probe/watchlist-4000-topics.txt');

/** The probe list, and that list with topics added up to `total` entries (seeded, so every run builds the same list). */
function watchlists(total: number): [WatchEntry[], WatchEntry[]] {
  const parsed = parseWatchlistImport(readFileSync(PROBE, 'utf8'));
  if (!parsed.ok) throw new Error(`the probe list does not import: ${parsed.errors[0]?.message}`);
  const base = parsed.value;
  const topics = base.filter((e) => e.kind === 'topic').map((e) => e.term);
  const chars = [...new Set(topics.join(''))];
  const rnd = seededRandom(8000);
  const terms = new Set(base.map((e) => e.term));
  const grown = [...base];
  while (grown.length < total) {
    const length = (topics[Math.floor(rnd() * topics.length)] ?? '欠薪').length;
    let term = '';
    for (let i = 0; i < length; i++) term += chars[Math.floor(rnd() * chars.length)];
    if (terms.has(term)) continue;
    terms.add(term);
    grown.push({ term, kind: 'topic', category: '民生热点' });
  }
  return [base, grown];
}

const suite: BenchSuite = async () => {
  const [list4000, list8000] = watchlists(8000);
  compileWatchlist(list4000.slice(0, 10)); // load OpenCC's table once, outside the timings
  const times4000: number[] = [];
  const times8000: number[] = [];
  // Interleaved, so a load spike on a shared machine hits both builds alike.
  for (let round = 0; round < 5; round++) {
    times4000.push(await medianMs(() => compileWatchlist(list4000), { runs: 1, warmup: round === 0 ? 1 : 0 }));
    times8000.push(await medianMs(() => compileWatchlist(list8000), { runs: 1, warmup: round === 0 ? 1 : 0 }));
  }
  const ms4000 = median(times4000);
  const ms8000 = median(times8000);

  // The page's side: the same pairs the background sends, the packed form it built once.
  const pairs = relevantFoldPairs(list8000);
  const packed = packWatchlistMatcher(list8000, buildFoldTable(pairs), watchlistKeyOf(list8000, pairs));
  const pageCompile: number[] = [];
  const pageLoad: number[] = [];
  for (let round = 0; round < 5; round++) {
    pageCompile.push(await medianMs(() => compileWatchlistWith(list8000, buildFoldTable(pairs)), { runs: 1, warmup: round === 0 ? 1 : 0 }));
    pageLoad.push(await medianMs(() => loadOrCompileWatchlist(list8000, pairs, packed), { runs: 3, warmup: round === 0 ? 1 : 0 }));
  }
  const loaded = loadOrCompileWatchlist(list8000, pairs, packed);
  const compiled = compileWatchlistWith(list8000, buildFoldTable(pairs));
  const probe = list8000.slice(0, 50).map((e) => e.term).join('，');
  if (JSON.stringify(loaded.scan(probe)) !== JSON.stringify(compiled.scan(probe))) throw new Error('the loaded matcher differs from the compiled one');
  return [
    figure(`match.compile-4000-terms`, 'ms', ms4000, `${list4000.length} entries`),
    compared('match.compile-8000-terms', 'ms', ms8000, 'match.compile-4000-terms', ms4000, 'ratio ≥ 0.4, ≤ 200 ms'),
    compared(
      'match.page-ready-8000-terms',
      'ms',
      median(pageLoad),
      'page compiles the 8,000 list',
      median(pageCompile),
      `built once per list change; packed ${(packed.tables.length / 1e6).toFixed(1)} M chars`,
    ),
  ];
};

function median(xs: number[]): number {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

export default suite;
