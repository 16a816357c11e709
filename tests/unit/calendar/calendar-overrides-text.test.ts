/**
 * Calendar adjustments typed in settings: an unusable line is refused with
 * its 1-based line and reason, in Chinese, and nothing is saved (the
 * adjustments in force keep applying). tests/fixtures/probe/overrides.txt is
 * the reported case.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatCalendarOverrides, parseCalendarOverrides } from '../../../lib/calendar/overrides';
import { createCalendar } from '../../../lib/calendar';

const probe = readFileSync(join(import.meta.dirname, '../../fixtures/probe/overrides.txt'), 'utf8');

describe('calendar adjustments as typed', () => {
  it('overrides.txt: the impossible 2026-02-30 is refused on line 2', () => {
    expect(parseCalendarOverrides(probe)).toEqual({ ok: false, errors: [{ line: 2, message: '没有这一天：2026-02-30' }] });
  });

  it('a day both holiday and workday is refused on the second line, naming the first', () => {
    const result = parseCalendarOverrides('2026-12-01 holiday 县庆\n\n2026-12-01 workday 补班');
    expect(result).toEqual({ ok: false, errors: [{ line: 3, message: '2026-12-01 在第 1 行已定为放假日，不能同时是工作日' }] });
  });

  it.each([
    ['a malformed date', '2026/12/01 holiday', 1, 'YYYY-MM-DD'],
    ['an unknown kind', '# 本地\n2026-12-01 vacation 县庆', 2, '不是调整类型'],
    ['a missing kind', '2026-12-01', 1, '不是调整类型'],
    ['a control character', '2026-12-01 holiday 县\u0007庆', 1, '控制字符'],
    ['a lone surrogate', '2026-12-01 holiday 县庆\ud83d', 1, '代理项'],
    ['an over-long note', `2026-12-01 holiday ${'庆'.repeat(201)}`, 1, '说明太长'],
  ])('%s is refused with its line', (_label, text, line, words) => {
    const result = parseCalendarOverrides(text);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors).toEqual([{ line, message: expect.stringContaining(words) }]);
  });

  it('reads valid adjustments, in Chinese words too, and keeps a repeated one once', () => {
    const result = parseCalendarOverrides('2026-12-01 holiday 县庆\r\n2026-12-05 上班 补班\n2026-12-01 放假 县庆');
    expect(result).toEqual({
      ok: true,
      value: [
        { date: '2026-12-01', kind: 'holiday', note: '县庆' },
        { date: '2026-12-05', kind: 'workday', note: '补班' },
      ],
    });
  });

  it('round-trips what it reads, and the calendar applies it', () => {
    const result = parseCalendarOverrides('2026-12-01 holiday 县庆\n2026-12-05 workday');
    if (!result.ok) throw new Error('refused');
    expect(parseCalendarOverrides(formatCalendarOverrides(result.value))).toEqual(result);
    const calendar = createCalendar({ overrides: result.value.map((o) => ({ day: o.date, working: o.kind === 'workday' })) });
    expect(calendar.isWorkingDay('2026-12-01')).toBe(false); // a Tuesday, declared off
    expect(calendar.isWorkingDay('2026-12-05')).toBe(true); // a Saturday, declared working
  });

  it('an empty text means no adjustments', () => {
    expect(parseCalendarOverrides('\n  \n# none\n')).toEqual({ ok: true, value: [] });
  });
});
