import { describe, expect, it } from 'vitest';
import {
  addWorkingDays,
  createCalendar,
  formatChinaDay,
  getDefaultCalendar,
  isWorkingDay,
  statutoryHolidays,
} from '../../../lib/calendar';

const at = (iso: string) => Date.parse(iso);
const daysOf = (year: number) =>
  [...statutoryHolidays(year).entries()].map(([day, name]) => [formatChinaDay(day), name]).sort(([a], [b]) => a!.localeCompare(b!));

describe('statutory holidays past the official notices (R14)', () => {
  it('keeps 元旦 2027 a day off: 2027-01-01 is not a working day', () => {
    expect(isWorkingDay('2027-01-01')).toBe(false);
    expect(getDefaultCalendar().dayInfo('2027-01-01')).toEqual({
      day: '2027-01-01',
      working: false,
      kind: 'holiday',
      name: '元旦',
      provisional: true,
    });
  });

  it('lands one working day after 2026-12-31 on 2027-01-04, not on New Year’s Day', () => {
    expect(addWorkingDays(new Date('2026-12-31T10:00:00+08:00'), 1).toISOString()).toBe('2027-01-04T15:59:59.999Z');
    expect(getDefaultCalendar().addWorkingDays(at('2026-12-31T10:00:00+08:00'), 1)).toMatchObject({ day: '2027-01-04', provisional: true });
  });

  it('lists the eleven statutory days of 2027 (2024 revision), lunar dates computed', () => {
    // 2027: 正月初一 is 02-06; 腊月 has 29 days, so 除夕 is 腊月廿九 = 02-05. 清明 04-05, 端午 06-09, 中秋 09-15.
    expect(daysOf(2027)).toEqual([
      ['2027-01-01', '元旦'],
      ['2027-02-05', '春节（除夕）'],
      ['2027-02-06', '春节'],
      ['2027-02-07', '春节'],
      ['2027-02-08', '春节'],
      ['2027-04-05', '清明节'],
      ['2027-05-01', '劳动节'],
      ['2027-05-02', '劳动节'],
      ['2027-06-09', '端午节'],
      ['2027-09-15', '中秋节'],
      ['2027-10-01', '国庆节'],
      ['2027-10-02', '国庆节'],
      ['2027-10-03', '国庆节'],
    ]);
  });

  it('takes 除夕 as the last day of 腊月 whether it is 三十 or 廿九', () => {
    // 2030: 正月初一 02-03 after a 30-day 腊月 → 除夕 02-02 (三十). 2026: 02-16 was 腊月廿九 (the notice agrees).
    expect(daysOf(2030).filter(([, name]) => name === '春节（除夕）')).toEqual([['2030-02-02', '春节（除夕）']]);
    expect(daysOf(2026).filter(([, name]) => name === '春节（除夕）')).toEqual([['2026-02-16', '春节（除夕）']]);
  });

  it('keeps weekends as weekends and marks every day past the data provisional', () => {
    const calendar = getDefaultCalendar();
    expect(calendar.dayInfo('2027-01-09')).toMatchObject({ working: false, kind: 'weekend', provisional: true });
    expect(calendar.dayInfo('2027-01-11')).toMatchObject({ working: true, kind: 'weekday', provisional: true });
    expect(calendar.dayInfo('2027-10-01')).toMatchObject({ working: false, kind: 'holiday', name: '国庆节', provisional: true });
  });

  it('lets the office’s overrides (the notice, once published) replace the provisional days', () => {
    // Suppose the 2027 notice makes Saturday 2027-01-09 a working day and gives Monday 2027-01-04 off.
    const calendar = createCalendar({
      overrides: [
        { day: '2027-01-09', working: true, name: '元旦调休上班' },
        { day: '2027-01-04', working: false, name: '元旦调休' },
      ],
    });
    expect(calendar.dayInfo('2027-01-09')).toMatchObject({ working: true, kind: 'override', provisional: false });
    expect(calendar.addWorkingDays(at('2026-12-31T10:00:00+08:00'), 1)).toMatchObject({ day: '2027-01-05', provisional: true });
  });
});

describe('the law agrees with every bundled notice', () => {
  it('every statutory day of 2004–2026 is a day off in the State Council’s notices', () => {
    const calendar = getDefaultCalendar();
    const worked: string[] = [];
    for (let year = 2004; year <= 2026; year++) {
      for (const day of statutoryHolidays(year).keys()) {
        if (calendar.isWorkingDay(formatChinaDay(day))) worked.push(formatChinaDay(day));
      }
    }
    expect(worked).toEqual([]);
  });
});

describe('the 2005-12-31 make-up day (R13)', () => {
  it('is a working Saturday, as 国办发明电〔2005〕35号 declares', () => {
    expect(isWorkingDay('2005-12-31')).toBe(true);
    expect(getDefaultCalendar().dayInfo('2005-12-31')).toMatchObject({ working: true, kind: 'adjusted-workday', provisional: false });
    expect(isWorkingDay('2006-01-02')).toBe(false);
    expect(isWorkingDay('2006-01-03')).toBe(false);
  });
});
