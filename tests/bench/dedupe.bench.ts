/**
 * `dedupe.10k-cases`: finding the possible duplicates of one new capture
 * among 10,000 open cases with the MinHash index, against a brute-force
 * exact comparison (containment of character-bigram sets, the sets already
 * built) with every case, in the same run. Goal ≤ 20 ms.
 *
 * Case texts: windows of 80–200 characters of the corpus pages' text, so
 * they share the vocabulary of real posts; the new capture is a retelling
 * planted among them. Both methods must find the planted case.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { compared, medianMs, type BenchSuite } from './harness.ts';
import { seededRandom } from '../support/seeded-random.ts';
import { bigramSet, containment, DUPLICATE_THRESHOLD, DuplicateIndex } from '../../lib/dedupe/index.ts';

const CORPUS = join(import.meta.dirname, '../fixtures/corpus');
const CASES = 10_000;

function corpusText(): string {
  let text = '';
  for (const file of readdirSync(CORPUS).sort()) {
    text += readFileSync(join(CORPUS, file), 'utf8')
      .replace(/<script[\s\S]*?<\/script>|<style[\s\S]*?<\/style>/g, '')
      .replace(/<[^>]+>/g, '')
      .replace(/&[a-z#0-9]+;/g, '')
      .replace(/\s+/g, '');
  }
  return text;
}

const suite: BenchSuite = async () => {
  const text = corpusText();
  const random = seededRandom(8);
  const texts: string[] = [];
  for (let i = 0; i < CASES; i++) {
    const length = 80 + Math.floor(random() * 120);
    const start = Math.floor(random() * (text.length - length));
    texts.push(text.slice(start, start + length));
  }
  const planted = '澜江市江北区白沙镇锦江华府楼盘烂尾三年了，开发商负责人失联，工地停工快两年。业主多次向澜江市住房和城乡建设局反映，一直说在协调，至今没有实质答复。';
  texts[4321] = planted;
  const capture = '【澜江市江北区白沙镇一楼盘烂尾三年 业主：住建局多次协调无果】近日，多名业主反映，江北区白沙镇锦江华府项目停工近两年，开发商负责人失联。';

  const index = new DuplicateIndex();
  texts.forEach((t, i) => index.add(`case-${i}`, t));
  const sets = texts.map(bigramSet);

  const ours = index.query(capture);
  const brute = (() => {
    const probe = bigramSet(capture);
    return sets.flatMap((set, i) => (containment(probe, set) >= DUPLICATE_THRESHOLD ? [`case-${i}`] : []));
  })();
  if (!ours.some((d) => d.caseId === 'case-4321') || !brute.includes('case-4321')) {
    throw new Error(`dedupe bench: the planted duplicate was not found (index ${ours.length}, brute force ${brute.length})`);
  }

  const indexed = await medianMs(() => index.query(capture), { runs: 9, warmup: 2 });
  const bruteForce = await medianMs(
    () => {
      const probe = bigramSet(capture);
      let found = 0;
      for (const set of sets) if (containment(probe, set) >= DUPLICATE_THRESHOLD) found++;
      return found;
    },
    { runs: 9, warmup: 2 },
  );
  return [
    compared('dedupe.10k-cases', 'ms', indexed, 'brute-force bigram containment with every case (sets prebuilt)', bruteForce, '≤ 20 ms'),
  ];
};

export default suite;
