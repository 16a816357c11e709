// @vitest-environment node
/**
 * The calendar must answer the same whatever the machine's time zone
 * (chinese-days itself shifts by a day west of UTC). Each zone is checked
 * twice: switched in this process (Node re-reads process.env.TZ at run
 * time) and in a fresh child process started with TZ set. Both first prove
 * the zone is really in effect via the local UTC offset.
 */
import { useProcessTimeZone } from '../../support/process-time-zone';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { addWorkingDays, isWorkingDay } from '../../../lib/calendar';
import { ADD_WORKING_DAYS_CASES, WORKING_DAY_CASES } from './official-days';

/** [zone, minutes returned by getTimezoneOffset() on 2024-01-01, local midnight of 2024-01-01 in UTC] */
const ZONES: [string, number, string][] = [
  ['UTC', 0, '2024-01-01T00:00:00.000Z'],
  ['Asia/Shanghai', -480, '2023-12-31T16:00:00.000Z'],
  ['America/Los_Angeles', 480, '2024-01-01T08:00:00.000Z'],
];

const expectedWorking = WORKING_DAY_CASES.map(([, working]) => working);
const expectedEnds = ADD_WORKING_DAYS_CASES.map(([, , end]) => Date.parse(end));

describe.each(ZONES)('in-process with TZ=%s', (zone, offset, localMidnight) => {
  useProcessTimeZone(zone);

  it('really runs in that zone', () => {
    expect(new Date(2024, 0, 1).getTimezoneOffset()).toBe(offset);
    expect(new Date(2024, 0, 1).toISOString()).toBe(localMidnight);
  });

  it('gives the official working days', () => {
    expect(WORKING_DAY_CASES.map(([day]) => isWorkingDay(day))).toEqual(expectedWorking);
  });

  it('gives the same deadlines', () => {
    expect(ADD_WORKING_DAYS_CASES.map(([start, n]) => addWorkingDays(new Date(start), n).getTime())).toEqual(expectedEnds);
  });

  it('reads a local-noon Date by its China date', () => {
    // Local noon of 8 Feb is 8 Feb in China for UTC and Shanghai, but 9 Feb 04:00 in China for Los Angeles.
    const end = addWorkingDays(new Date(2024, 1, 8, 12), 1);
    const expected = zone === 'America/Los_Angeles' ? '2024-02-18T23:59:59.999+08:00' : '2024-02-09T23:59:59.999+08:00';
    expect(end.getTime()).toBe(Date.parse(expected));
  });
});

describe.each(ZONES)('in a child process started with TZ=%s', (zone, offset, localMidnight) => {
  it('really runs in that zone and gives the same answers', () => {
    const probe = fileURLToPath(new URL('./tz-probe.ts', import.meta.url));
    const output = execFileSync(process.execPath, ['--import', 'tsx', probe], {
      env: { ...process.env, TZ: zone },
      encoding: 'utf8',
      timeout: 30_000,
    });
    const result = JSON.parse(output) as {
      tz: string;
      januaryOffset: number;
      localMidnight: string;
      working: boolean[];
      ends: number[];
    };
    expect(result.tz).toBe(zone);
    expect(result.januaryOffset).toBe(offset);
    expect(result.localMidnight).toBe(localMidnight);
    expect(result.working).toEqual(expectedWorking);
    expect(result.ends).toEqual(expectedEnds);
  });
});
