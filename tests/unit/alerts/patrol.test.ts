// @vitest-environment jsdom
/**
 * Patrol reminders (巡查) under Xuancheng 2015: hourly in office hours on
 * working days, every two hours in the evening until 24:00 and on rest days,
 * nothing after midnight. Checked across National Day 2026 and its adjusted
 * working days, in China time whatever the machine's zone.
 */
import { useProcessTimeZone } from '../../support/process-time-zone';
import { beforeAll, describe, expect, it } from 'vitest';
import { createCalendar, type Calendar } from '../../../lib/calendar';
import { nextPatrolDue, type PatrolInterval } from '../../../lib/alerts';
import { getBuiltInProfile, type Patrol } from '../../../lib/policy';
import { cst } from '../report/log';

function patrolOf(id: string): Patrol {
  const profile = getBuiltInProfile(id);
  if (!profile) throw new Error(`missing ${id}`);
  return profile.patrol;
}

const XUANCHENG = patrolOf('xuancheng-2015');

/** now, last patrol (none when undefined), expected due time (none when undefined), its period. */
type Row = [string, string | undefined, string | undefined, PatrolInterval | undefined];

const ROWS: Row[] = [
  // Wednesday 30 Sep 2026, an ordinary working day.
  ['2026-09-30 09:10', undefined, '2026-09-30 08:30', 'working-hours'],
  ['2026-09-30 09:10', '2026-09-30 09:00', '2026-09-30 10:00', 'working-hours'],
  ['2026-09-30 16:45', '2026-09-30 16:20', '2026-09-30 17:20', 'working-hours'],
  ['2026-09-30 18:00', '2026-09-30 15:00', '2026-09-30 16:00', 'working-hours'],
  // Office hours end at 17:30: the evening's two-hour rhythm takes over.
  ['2026-09-30 17:10', '2026-09-30 17:00', '2026-09-30 19:00', 'off-hours'],
  ['2026-09-30 20:00', '2026-09-30 19:00', '2026-09-30 21:00', 'off-hours'],
  ['2026-09-30 23:30', '2026-09-30 21:00', '2026-09-30 23:00', 'off-hours'],
  ['2026-09-30 23:59', '2026-09-30 22:00', undefined, undefined],
  ['2026-09-30 23:30', '2026-09-30 23:00', undefined, undefined],
  // Midnight into the holiday, and the early morning: no patrol applies.
  ['2026-10-01 00:00', '2026-09-30 23:00', undefined, undefined],
  ['2026-10-01 07:59', '2026-09-30 23:00', undefined, undefined],
  // National Day: the duty officer patrols every two hours from the morning until 24:00.
  ['2026-10-01 08:30', '2026-09-30 23:00', '2026-10-01 08:30', 'holiday'],
  ['2026-10-01 10:00', '2026-10-01 09:00', '2026-10-01 11:00', 'holiday'],
  ['2026-10-03 17:45', '2026-10-03 17:00', '2026-10-03 19:00', 'holiday'],
  ['2026-10-07 23:50', '2026-10-07 21:50', '2026-10-07 23:50', 'holiday'],
  ['2026-10-07 23:50', '2026-10-07 22:00', undefined, undefined],
  // Back to work on 8 Oct: the first patrol is due when the office opens.
  ['2026-10-08 08:40', '2026-10-07 23:00', '2026-10-08 08:30', 'working-hours'],
  ['2026-10-08 08:20', '2026-10-07 23:00', undefined, undefined],
  // Adjusted working Sunday 20 Sep and Saturday 10 Oct: working days.
  ['2026-09-20 10:00', '2026-09-20 09:30', '2026-09-20 10:30', 'working-hours'],
  ['2026-10-10 18:00', '2026-10-10 17:00', '2026-10-10 19:00', 'off-hours'],
  // An ordinary weekend is a rest day.
  ['2026-09-19 10:00', '2026-09-19 09:30', '2026-09-19 11:30', 'holiday'],
  ['2026-10-11 20:00', undefined, '2026-10-11 08:30', 'holiday'],
];

describe.each(['UTC', 'Asia/Shanghai', 'America/Los_Angeles'])('with the machine in %s', (zone) => {
  useProcessTimeZone(zone);
  let calendar: Calendar;
  beforeAll(() => {
    calendar = createCalendar();
  });

  it('really runs in that zone', () => {
    const offsets: Record<string, number> = { UTC: 0, 'Asia/Shanghai': -480, 'America/Los_Angeles': 420 };
    expect(new Date(cst('2026-10-01 12:00')).getTimezoneOffset()).toBe(offsets[zone]);
  });

  it.each(ROWS)('at %s, last patrol %s: next due %s (%s)', (now, last, dueAt, interval) => {
    const due = nextPatrolDue(XUANCHENG, last === undefined ? undefined : cst(last), cst(now), calendar);
    expect(due).toEqual(dueAt === undefined ? undefined : { dueAt: cst(dueAt), interval });
  });
});

describe('office hours and profiles', () => {
  const calendar = createCalendar();

  const LATE_SHIFT = { start: '09:00', end: '18:00' };
  it.each([
    ['2026-09-30 17:00', '2026-09-30 16:50', undefined, '2026-09-30 18:50', 'off-hours'],
    ['2026-09-30 17:00', '2026-09-30 16:50', LATE_SHIFT, '2026-09-30 17:50', 'working-hours'],
    ['2026-09-30 18:10', '2026-09-30 17:00', LATE_SHIFT, '2026-09-30 19:00', 'off-hours'],
    ['2026-09-30 08:40', '2026-09-29 23:00', LATE_SHIFT, undefined, undefined],
    ['2026-09-30 09:00', '2026-09-29 23:00', LATE_SHIFT, '2026-09-30 09:00', 'working-hours'],
  ])('at %s, after a patrol at %s, with office hours %j: %s (%s)', (now, last, hours, dueAt, interval) => {
    const due = nextPatrolDue(XUANCHENG, cst(last), cst(now), calendar, hours);
    expect(due).toEqual(dueAt === undefined ? undefined : { dueAt: cst(dueAt), interval });
  });

  it('uses the office hours set in the profile when the caller gives none', () => {
    const patrol: Patrol = { ...XUANCHENG, officeHours: { start: '08:00', end: '12:00' } };
    expect(nextPatrolDue(patrol, cst('2026-09-30 11:30'), cst('2026-09-30 11:40'), calendar)).toEqual({
      dueAt: cst('2026-09-30 13:30'),
      interval: 'off-hours',
    });
  });

  it('stops the evening at the profile’s own “until”', () => {
    const patrol: Patrol = {
      ...XUANCHENG,
      intervals: XUANCHENG.intervals.map((i) => (i.when === 'off-hours' ? { ...i, until: '22:00' } : i)),
    };
    expect(nextPatrolDue(patrol, cst('2026-09-30 19:00'), cst('2026-09-30 20:00'), calendar)).toEqual({
      dueAt: cst('2026-09-30 21:00'),
      interval: 'off-hours',
    });
    expect(nextPatrolDue(patrol, cst('2026-09-30 19:00'), cst('2026-09-30 22:10'), calendar)).toBeUndefined();
  });

  it.each([['yunhe-2017'], ['law-enforcement-bureau'], ['liaoyuan-emergency'], ['qinzhou-routing']])(
    '%s sets no patrol interval, so nothing is ever due',
    (id) => {
      expect(nextPatrolDue(patrolOf(id), undefined, cst('2026-09-30 10:00'), calendar)).toBeUndefined();
    },
  );

  it.each([
    [{ start: '17:30', end: '08:30' }],
    [{ start: '8:30', end: '17:30' }],
    [{ start: '08:30', end: '25:00' }],
  ])('refuses office hours %j', (hours) => {
    expect(() => nextPatrolDue(XUANCHENG, undefined, cst('2026-09-30 10:00'), calendar, hours)).toThrow(RangeError);
  });

  it.each([[Number.NaN], [Number.POSITIVE_INFINITY]])('refuses a clock reading of %s', (now) => {
    expect(() => nextPatrolDue(XUANCHENG, undefined, now, calendar)).toThrow(RangeError);
  });
});
