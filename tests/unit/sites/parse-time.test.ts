import { describe, expect, it } from 'vitest';
import { parseChineseTime } from '../../../lib/sites/index.ts';

/** 2024-05-27 12:00 in China. */
const NOW = new Date('2024-05-27T04:00:00Z');

describe('parseChineseTime reads the times Chinese sites print, in China time', () => {
  it.each([
    ['Discuz', '发表于 2024-4-5 23:20:45', '2024-04-05T23:20:45+08:00'],
    ['Tieba', '2022-10-02 23:02', '2022-10-02T23:02:00+08:00'],
    ['People’s Daily (no space)', '2024年05月10日06:58 | 来源：人民网', '2024-05-10T06:58:00+08:00'],
    ['Sina', '2024年05月16日 17:02', '2024-05-16T17:02:00+08:00'],
    ['Weibo two-digit year', '24-5-13 17:07', '2024-05-13T17:07:00+08:00'],
    ['slashes', '2024/05/13', '2024-05-13T00:00:00+08:00'],
    ['month-day this year', '5-13 17:07', '2024-05-13T17:07:00+08:00'],
    ['month-day later than now is last year', '8-1', '2023-08-01T00:00:00+08:00'],
    ['a bare clock is today', '09:30', '2024-05-27T09:30:00+08:00'],
    ['a bare clock later than now is yesterday', '23:10', '2024-05-26T23:10:00+08:00'],
    ['6 天前 (Discuz, with NBSP)', '6\u00a0天前', '2024-05-21T12:00:00+08:00'],
    ['3 小时前', '3 小时前', '2024-05-27T09:00:00+08:00'],
    ['半小时前', '半小时前', '2024-05-27T11:30:00+08:00'],
    ['刚刚', '刚刚', '2024-05-27T12:00:00+08:00'],
    ['昨天', '昨天 10:20', '2024-05-26T10:20:00+08:00'],
    ['前天', '前天 08:05', '2024-05-25T08:05:00+08:00'],
    ['unix seconds (Zhidao data-createtime)', '1634619010', '2021-10-19T12:50:10+08:00'],
  ])('%s: "%s"', (_label, text, iso) => {
    expect(parseChineseTime(text, NOW)).toBe(iso);
  });

  it.each([['not a time'], [''], ['2024-02-31 10:00'], ['2024-13-01'], ['25:61']])('gives nothing for "%s"', (text) => {
    expect(parseChineseTime(text, NOW)).toBeUndefined();
  });

  it('does not depend on the machine time zone: the answer is in +08:00 whatever TZ says', () => {
    // Just before midnight UTC is already the next day in China.
    expect(parseChineseTime('今天 07:00', new Date('2024-05-26T23:30:00Z'))).toBe('2024-05-27T07:00:00+08:00');
  });
});

describe('a time that carries its own zone is an instant', () => {
  it.each([
    ['2024-05-13T01:00:00Z', '2024-05-13T09:00:00+08:00'],
    ['2024-05-13T09:00:00+08:00', '2024-05-13T09:00:00+08:00'],
    ['2024-05-12T20:00:00-05:00', '2024-05-13T09:00:00+08:00'],
  ])('%s is %s in China', (text, china) => {
    expect(parseChineseTime(text, new Date('2024-05-20T00:00:00Z'))).toBe(china);
  });
});
