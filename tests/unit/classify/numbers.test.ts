import { describe, expect, it } from 'vitest';
import { parseQuantity, readPost } from '../../../lib/classify';

describe('numbers as people write them', () => {
  it.each([
    ['12', 12],
    ['十二', 12],
    ['二十九', 29],
    ['一百零五', 105],
    ['两千', 2000],
    ['三十余', 30],
    ['十多', 10],
    ['数十', 20],
    ['几百', 200],
    ['2000万', 20_000_000],
    ['1.2亿', 120_000_000],
    ['5,000', 5000],
    ['两万', 20_000],
  ])('reads %s as %d', (written, value) => {
    expect(parseQuantity(written)).toBe(value);
  });
});

describe('reading a post', () => {
  it('finds the casualties in “2死3伤”', () => {
    const { quantities } = readPost('高速连环追尾2死3伤');
    expect(quantities.map((q) => [q.measure, q.value])).toEqual([
      ['deaths', 2],
      ['injured', 3],
    ]);
  });

  it('reads 重伤 apart from 受伤', () => {
    const { quantities } = readPost('商场火灾造成数十人受伤，其中重伤12人');
    expect(quantities.map((q) => [q.measure, q.value])).toEqual(
      expect.arrayContaining([
        ['seriously-injured', 12],
        ['injured', 20],
      ]),
    );
  });

  it('keeps the refuted claim out of what the post affirms', () => {
    const reading = readPost('警方辟谣：网传化工厂爆炸死亡数十人为虚假信息');
    expect(reading.refutation?.marker).toBe('虚假信息');
    expect(reading.quantities).toEqual([]);
    expect(reading.affirmed).not.toContain('爆炸');
  });

  it('does not read “不幸遇难” as a negation', () => {
    const reading = readPost('3名工人不幸遇难');
    expect(reading.negations).toEqual([]);
    expect(reading.quantities[0]).toMatchObject({ measure: 'deaths', value: 3 });
  });
});
