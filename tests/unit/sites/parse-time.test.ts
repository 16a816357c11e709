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

describe('dates as people write them (corpus/reported R11 and the same kind)', () => {
  /** R11's clock: 2026-11-29 12:00 in China. */
  const R11_NOW = new Date('2026-11-29T12:00:00+08:00');
  it.each([
    ['昨天 alone (Bilibili prints it without a time): day precision', '昨天', '2026-11-28T00:00:00+08:00'],
    ['前天 alone', '前天', '2026-11-27T00:00:00+08:00'],
    ['今天 alone', '今天', '2026-11-29T00:00:00+08:00'],
    ['刚才 reads like 刚刚', '刚才', '2026-11-29T12:00:00+08:00'],
    ['刚刚', '刚刚', '2026-11-29T12:00:00+08:00'],
    ['Weibo created_at', 'Fri Jan 15 08:36:13 +0800 2021', '2021-01-15T08:36:13+08:00'],
    ['Weibo created_at in another zone is the same instant in China', 'Thu Jan 14 19:36:13 -0500 2021', '2021-01-15T08:36:13+08:00'],
    ['今天06:09 (no space)', '今天06:09', '2026-11-29T06:09:00+08:00'],
    ['今天 11:20', '今天 11:20', '2026-11-29T11:20:00+08:00'],
    ['21秒前', '21秒前', '2026-11-29T11:59:39+08:00'],
    ['23小时前', '23小时前', '2026-11-28T13:00:00+08:00'],
    ['3天前', '3天前', '2026-11-26T12:00:00+08:00'],
    ['修改于 (Eastmoney guba)', '修改于2024-09-09 10:20', '2024-09-09T10:20:00+08:00'],
    ['2019年02月04日 10:48', '2019年02月04日 10:48', '2019-02-04T10:48:00+08:00'],
    ['MM-DD of today is today, not last year', '11-29 09:00', '2026-11-29T09:00:00+08:00'],
    ['MM-DD of tomorrow is never in the future: last year', '11-30', '2025-11-30T00:00:00+08:00'],
    ['MM月DD日 later this year is last year', '12月05日', '2025-12-05T00:00:00+08:00'],
  ])('%s: "%s"', (_label, text, iso) => {
    expect(parseChineseTime(text, R11_NOW)).toBe(iso);
  });

  it.each([['昨天的事'], ['发布'], ['Fri Jan 15 2021'], ['IP属地：澜江市']])('never invents a date: "%s" stays unknown', (text) => {
    expect(parseChineseTime(text, R11_NOW)).toBeUndefined();
  });
});
