import { describe, expect, it } from 'vitest';
import { addWorkingDays, createCalendar, getDefaultCalendar } from '../../../lib/calendar';

const at = (iso: string) => Date.parse(iso);

describe('days beyond the official data are computed provisionally', () => {
  it.each([
    ['2026-12-28T10:00:00+08:00', 3, '2026-12-31', false, 'ends on the last covered day'],
    ['2026-12-28T10:00:00+08:00', 4, '2027-01-04', true, '元旦 2027-01-01 kept as a statutory holiday, then the weekend'],
    ['2026-12-30T10:00:00+08:00', 5, '2027-01-07', true, 'uncovered holiday and weekend skipped, still provisional'],
    ['2027-03-01T10:00:00+08:00', 1, '2027-03-02', true, 'start beyond coverage'],
    ['2003-12-30T10:00:00+08:00', 1, '2003-12-31', true, 'before the first notice'],
    ['2003-12-31T10:00:00+08:00', 1, '2004-01-02', false, 'from the day before coverage into covered days'],
  ])('%s + %i → %s, provisional %s (%s)', (start, n, day, provisional) => {
    const result = getDefaultCalendar().addWorkingDays(at(start), n);
    expect(result.day).toBe(day);
    expect(result.provisional).toBe(provisional);
    expect(result.at).toBe(at(`${day}T23:59:59.999+08:00`));
  });

  it('the contract function still answers beyond coverage', () => {
    expect(addWorkingDays(new Date('2026-12-30T10:00:00+08:00'), 5).toISOString()).toBe('2027-01-07T15:59:59.999Z');
  });

  it('day information marks an uncovered day provisional', () => {
    expect(getDefaultCalendar().dayInfo('2027-03-01')).toEqual({
      day: '2027-03-01',
      working: true,
      kind: 'weekday',
      provisional: true,
    });
    expect(getDefaultCalendar().dayInfo('2024-02-12')).toMatchObject({ working: false, kind: 'holiday', name: '春节', provisional: false });
    expect(getDefaultCalendar().dayInfo('2024-02-18')).toMatchObject({ working: true, kind: 'adjusted-workday', provisional: false });
  });
});

describe('local overrides win over the official data', () => {
  it.each([
    ['a local holiday on a Tuesday', { day: '2024-03-05', working: false }, '2024-03-04T10:00:00+08:00', 1, '2024-03-06', false],
    ['a declared working Sunday', { day: '2024-03-10', working: true }, '2024-03-08T10:00:00+08:00', 1, '2024-03-10', false],
    ['working on an official holiday', { day: '2024-02-12', working: true }, '2024-02-08T10:00:00+08:00', 2, '2024-02-12', false],
    ['a local holiday beyond coverage', { day: '2027-01-01', working: false }, '2026-12-31T10:00:00+08:00', 1, '2027-01-04', true],
    ['a declared working day beyond coverage', { day: '2027-01-01', working: true }, '2026-12-31T10:00:00+08:00', 1, '2027-01-01', false],
  ])('%s', (_name, override, start, n, day, provisional) => {
    const calendar = createCalendar({ overrides: [override] });
    const result = calendar.addWorkingDays(at(start), n);
    expect(result.day).toBe(day);
    expect(result.provisional).toBe(provisional);
    expect(calendar.isWorkingDay(override.day)).toBe(override.working);
    expect(calendar.dayInfo(override.day).kind).toBe('override');
  });

  it('leaves the official calendar alone', () => {
    createCalendar({ overrides: [{ day: '2024-03-05', working: false }] });
    expect(getDefaultCalendar().isWorkingDay('2024-03-05')).toBe(true);
  });

  it.each([
    [[{ day: '2024-3-5', working: false }], /overrides\[0\]\.day/],
    [[{ day: '2024-02-30', working: true }], /no such date/],
    [
      [
        { day: '2024-03-05', working: false },
        { day: '2024-03-05', working: true },
      ],
      /both a working day and a holiday/,
    ],
  ])('refuses bad overrides %j', (overrides, message) => {
    expect(() => createCalendar({ overrides })).toThrow(message);
  });
});
