import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bigramSet, containment, DUPLICATE_THRESHOLD, DuplicateIndex, estimatedSimilarity, signatureOf } from '../../../lib/dedupe';

interface Pair {
  a: string;
  b: string;
  note: string;
}
const pairs = JSON.parse(readFileSync(resolve(__dirname, '../../fixtures/dedupe/pairs.json'), 'utf8')) as {
  positives: Pair[];
  negatives: Pair[];
};

describe('possible duplicates (可能相同的舆情), measured on the fixture pairs', () => {
  it('separates the same event told on two sites from different events by exact containment of character bigrams', () => {
    const exact = (p: Pair) => containment(bigramSet(p.a), bigramSet(p.b));
    const lowestSame = Math.min(...pairs.positives.map(exact));
    const highestDifferent = Math.max(...pairs.negatives.map(exact));
    expect(lowestSame).toBeGreaterThan(0.35);
    expect(highestDifferent).toBeLessThan(0.12);
    expect(DUPLICATE_THRESHOLD).toBeGreaterThan(highestDifferent);
    expect(DUPLICATE_THRESHOLD).toBeLessThan(lowestSame);
  });

  it.each(pairs.positives.map((p) => [p.note, p] as const))('offers %s', (_note, pair) => {
    expect(estimatedSimilarity(signatureOf(pair.a), signatureOf(pair.b))).toBeGreaterThanOrEqual(DUPLICATE_THRESHOLD);
  });

  it('offers none of the different-event pairs', () => {
    const offered = pairs.negatives.filter((p) => estimatedSimilarity(signatureOf(p.a), signatureOf(p.b)) >= DUPLICATE_THRESHOLD);
    expect(offered.map((p) => p.note)).toEqual([]);
  });

  it('ignores punctuation, spacing, case and #话题# marks', () => {
    const a = signatureOf('澜江市 白沙镇，锦江华府烂尾！#澜江烂尾楼#');
    const b = signatureOf('澜江市白沙镇锦江华府烂尾澜江烂尾楼');
    expect(estimatedSimilarity(a, b)).toBe(1);
  });

  it('the index finds the similar cases among many, most similar first, and leaves out the excluded ones', () => {
    const index = new DuplicateIndex();
    const [tiebaWeibo] = pairs.positives;
    const others = pairs.negatives.filter((p) => p.note.startsWith('corpus:'));
    for (const [i, p] of others.entries()) index.add(`other-${i}`, p.a);
    index.add('tieba', tiebaWeibo!.b);
    index.add('self', tiebaWeibo!.a);
    const found = index.query(tiebaWeibo!.a, { exclude: new Set(['self']) });
    expect(found[0]?.caseId).toBe('tieba');
    expect(found.every((d) => d.caseId !== 'self')).toBe(true);
    expect(found.map((d) => d.caseId)).toEqual(['tieba']);
    expect(index.size).toBe(others.length + 2);
  });

  it('an empty text matches nothing', () => {
    const index = new DuplicateIndex();
    index.add('a', '');
    expect(index.query('')).toEqual([]);
  });
});
