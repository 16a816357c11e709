import { describe, expect, it } from 'vitest';
import { addWorkingDays, calendarCoverage, isWorkingDay } from '../../../lib/calendar';
import { ADD_WORKING_DAYS_CASES, WORKING_DAY_CASES } from './official-days';

describe('official working days (State Council notices)', () => {
  it.each(WORKING_DAY_CASES)('%s is a working day: %s (%s)', (day, working) => {
    expect(isWorkingDay(day)).toBe(working);
  });
});

describe('adding working days: end of the n-th working day after the start date', () => {
  it.each(ADD_WORKING_DAYS_CASES)('%s + %i → %s (%s)', (start, n, end) => {
    expect(addWorkingDays(new Date(start), n).getTime()).toBe(Date.parse(end));
  });

  it('never changes the Date it was given', () => {
    const start = new Date('2024-02-08T10:00:00+08:00');
    addWorkingDays(start, 2);
    expect(start.toISOString()).toBe('2024-02-08T02:00:00.000Z');
  });
});

describe('coverage of the official data', () => {
  it('runs from the first to the last year with a notice', () => {
    expect(calendarCoverage()).toEqual({ first: '2004-01-01', last: '2026-12-31' });
  });
});

describe('bad input gets a clear error', () => {
  it.each([
    ['2024-2-1', /YYYY-MM-DD/],
    ['2024-02-30', /no such date/],
    ['2024-13-01', /no such date/],
    ['', /YYYY-MM-DD/],
    ['2024-02-01T00:00', /YYYY-MM-DD/],
  ])('isWorkingDay(%j) throws', (day, message) => {
    expect(() => isWorkingDay(day)).toThrow(message);
  });

  it.each([
    [0, /integer from 1/],
    [-1, /integer from 1/],
    [1.5, /integer from 1/],
    [Number.NaN, /integer from 1/],
    [1_000_000, /integer from 1/],
  ])('addWorkingDays(…, %s) throws', (n, message) => {
    expect(() => addWorkingDays(new Date('2024-03-01T00:00:00Z'), n)).toThrow(message);
  });

  it('addWorkingDays refuses an invalid Date', () => {
    expect(() => addWorkingDays(new Date('not a date'), 1)).toThrow(/valid Date/);
  });
});
