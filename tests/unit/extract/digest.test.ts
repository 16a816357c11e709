import { describe, expect, it } from 'vitest';
import { canonicalJson, caseIdOf, digestOf, sha256Hex } from '../../../lib/extract/digest';

describe('evidence digest', () => {
  it('is the SHA-256 of the UTF-8 text', async () => {
    expect(await sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });

  it('does not depend on the order in which fields were written', async () => {
    const a = { text: '澜江市', author: '张三', meta: { floor: 2, site: 'discuz' } };
    const b = { meta: { site: 'discuz', floor: 2 }, author: '张三', text: '澜江市' };
    expect(canonicalJson(a)).toBe(canonicalJson(b));
    expect(await digestOf(a)).toBe(await digestOf(b));
  });

  it('changes when one character of the post changes', async () => {
    expect(await digestOf({ text: '澜江市' })).not.toBe(await digestOf({ text: '澜江巿' }));
  });
});

describe('case identity', () => {
  it('is the same for the same post, whoever captures it', async () => {
    const url = 'https://bbs.lanjiang.example/forum.php?mod=viewthread&tid=1001';
    expect(await caseIdOf(url, '5003')).toBe(await caseIdOf(url, '5003'));
    expect(await caseIdOf(url, '5003')).toMatch(/^c-[0-9a-f]{24}$/);
  });

  it('differs between two floors of one thread', async () => {
    const url = 'https://bbs.lanjiang.example/forum.php?mod=viewthread&tid=1001';
    expect(await caseIdOf(url, '5003')).not.toBe(await caseIdOf(url, '5004'));
  });
});
