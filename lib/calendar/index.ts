/**
 * The official Chinese working-day calendar (contract: CONTRACT.md § lib/calendar).
 *
 * The three contract functions use the bundled official data without local
 * overrides; the deadline engine and settings use {@link createCalendar}
 * to add the office's overrides and learn whether an answer is provisional.
 */
import { createCalendar, type Calendar } from './calendar';

export * from './calendar';
export {
  chinaDayOf,
  chinaDayNumber,
  endOfChinaDay,
  startOfChinaDay,
  formatChinaDay,
  parseChinaDay,
  weekdayOf,
  DAY_MS,
  CHINA_OFFSET_MS,
} from './china-date';
export { loadOfficialData, NOTICE_CORRECTIONS, type OfficialData } from './official-data';
export { statutoryHolidays, statutoryRevision, type StatutoryDay } from './statutory';

let defaultCalendar: Calendar | undefined;

/** The calendar of the official data alone, built on first use. */
export function getDefaultCalendar(): Calendar {
  defaultCalendar ??= createCalendar();
  return defaultCalendar;
}

/** Whether a China date ('YYYY-MM-DD') is an official working day. Throws RangeError on a malformed day. */
export function isWorkingDay(day: string): boolean {
  return getDefaultCalendar().isWorkingDay(day);
}

/**
 * End (23:59:59.999 +08:00) of the n-th working day after `start`'s China
 * date; the start day never counts. Throws RangeError on an invalid date or n.
 */
export function addWorkingDays(start: Date, n: number): Date {
  if (!(start instanceof Date) || Number.isNaN(start.getTime())) {
    throw new RangeError('invalid start: expected a valid Date');
  }
  return new Date(getDefaultCalendar().addWorkingDays(start.getTime(), n).at);
}

/** First and last day with official data ('YYYY-MM-DD'). */
export function calendarCoverage(): { first: string; last: string } {
  return getDefaultCalendar().coverage();
}
