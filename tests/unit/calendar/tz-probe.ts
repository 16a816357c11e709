/**
 * Run in a child process with a given TZ (see time-zones.test.ts): prints
 * the process's UTC offset and the calendar's answers as JSON, so the test
 * can prove the zone was in effect from the start and the answers match.
 */
import { addWorkingDays, isWorkingDay } from '../../../lib/calendar';
import { ADD_WORKING_DAYS_CASES, WORKING_DAY_CASES } from './official-days';

process.stdout.write(
  JSON.stringify({
    tz: process.env.TZ,
    januaryOffset: new Date(2024, 0, 1).getTimezoneOffset(),
    localMidnight: new Date(2024, 0, 1).toISOString(),
    working: WORKING_DAY_CASES.map(([day]) => isWorkingDay(day)),
    ends: ADD_WORKING_DAYS_CASES.map(([start, n]) => addWorkingDays(new Date(start), n).getTime()),
  }),
);
