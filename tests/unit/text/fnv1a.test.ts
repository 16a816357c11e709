import { describe, expect, it } from 'vitest';
import { fnv1a32 } from '../../../lib/text/fnv1a';

describe('FNV-1a over UTF-16 code units', () => {
  it('gives the published 32-bit test vectors for ASCII text', () => {
    expect(fnv1a32('')).toBe(0x811c9dc5);
    expect(fnv1a32('a')).toBe(0xe40c292c);
    expect(fnv1a32('foobar')).toBe(0xbf9cf968);
  });

  it('reads a Chinese character as one code unit, the same on every visit', () => {
    expect(fnv1a32('澜江市')).toBe(fnv1a32('澜江市'));
    expect(fnv1a32('澜江市')).not.toBe(fnv1a32('澜江县'));
  });
});
