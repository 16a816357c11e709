/**
 * The official working-day calendar: State Council notices (holidays and
 * adjusted working weekends, 调休) plus the office's local overrides.
 *
 * Days are day numbers in China time (see china-date.ts), so nothing here
 * depends on the machine's time zone. Inside the official coverage the
 * answer is looked up in precomputed tables (O(1) per query); outside it the
 * statutory holidays the law fixes (statutory.ts) and weekends decide, and
 * every such answer is marked `provisional` (the 调休 swaps wait for the
 * State Council's notice; an office override replaces a provisional day).
 */
import {
  chinaDayNumber,
  endOfChinaDay,
  formatChinaDay,
  parseChinaDay,
  weekdayOf,
} from './china-date';
import { loadOfficialData, type OfficialData } from './official-data';
import { statutoryHolidays } from './statutory';

/** A local exception declared in settings; wins over the official data. */
export interface CalendarOverride {
  /** 'YYYY-MM-DD', a China date. */
  day: string;
  /** true: a declared working day; false: a local holiday. */
  working: boolean;
  /** Why, e.g. '本地防汛调休'; shown to the user. */
  name?: string;
}

/** Why a day is (not) a working day. */
export type DayKind = 'override' | 'holiday' | 'adjusted-workday' | 'weekend' | 'weekday';

/** Everything known about one China day. */
export interface DayInfo {
  day: string;
  working: boolean;
  kind: DayKind;
  /** Holiday or override name, e.g. '春节'. */
  name?: string;
  /** True when the day lies outside the official data and no override decides it. */
  provisional: boolean;
}

/** The result of adding working days: the deadline instant and whether it is only a guess. */
export interface WorkingDaysResult {
  /** Epoch ms of 23:59:59.999 (+08:00) on the n-th working day. */
  at: number;
  /** 'YYYY-MM-DD' of that day. */
  day: string;
  /** True when a day outside the official data (and not overridden) was counted on the way. */
  provisional: boolean;
}

/** A working-day calendar. */
export interface Calendar {
  /** Whether a China date ('YYYY-MM-DD') is a working day; throws RangeError on a malformed day. */
  isWorkingDay(day: string): boolean;
  /** Full information about one China date. */
  dayInfo(day: string): DayInfo;
  /**
   * End (23:59:59.999 +08:00) of the n-th working day after the China date of
   * `startMs`; the start day never counts. Throws RangeError unless n is an
   * integer ≥ 1 and startMs a finite number.
   */
  addWorkingDays(startMs: number, n: number): WorkingDaysResult;
  /** First and last day with official data. */
  coverage(): { first: string; last: string };
}

/** Options for {@link createCalendar}. */
export interface CalendarOptions {
  overrides?: readonly CalendarOverride[];
  /** Official data; defaults to the bundled `chinese-days` notices. */
  data?: OfficialData;
}

/** Largest n accepted: a deadline is never years of working days away. */
const MAX_WORKING_DAYS = 10_000;

/**
 * Builds a calendar. Overrides are validated first; a malformed or
 * contradictory override throws a RangeError and no calendar is built.
 */
export function createCalendar(options: CalendarOptions = {}): Calendar {
  const data = options.data ?? loadOfficialData();
  const overrides = new Map<number, CalendarOverride>();
  for (const [index, override] of (options.overrides ?? []).entries()) {
    let dayNumber: number;
    try {
      dayNumber = parseChinaDay(override.day);
    } catch (error) {
      throw new RangeError(`overrides[${index}].day: ${(error as Error).message}`);
    }
    if (typeof override.working !== 'boolean') {
      throw new RangeError(`overrides[${index}].working: must be true or false`);
    }
    const previous = overrides.get(dayNumber);
    if (previous && previous.working !== override.working) {
      throw new RangeError(`overrides[${index}]: ${override.day} is declared both a working day and a holiday`);
    }
    overrides.set(dayNumber, override);
  }

  const { firstDay, lastDay } = data;
  const span = lastDay - firstDay + 1;
  // working[i] for day firstDay+i; rank[i] = working days in [firstDay, firstDay+i].
  const working = new Uint8Array(span);
  const rank = new Int32Array(span);
  const workList: number[] = [];
  for (let i = 0; i < span; i++) {
    const dayNumber = firstDay + i;
    const isWorking = officialWorking(dayNumber);
    working[i] = isWorking ? 1 : 0;
    if (isWorking) workList.push(dayNumber);
    rank[i] = workList.length;
  }

  function officialWorking(dayNumber: number): boolean {
    const override = overrides.get(dayNumber);
    if (override) return override.working;
    if (data.workdays.has(dayNumber)) return true;
    if (data.holidays.has(dayNumber)) return false;
    if (!inCoverage(dayNumber) && statutoryName(dayNumber) !== undefined) return false;
    const weekday = weekdayOf(dayNumber);
    return weekday >= 1 && weekday <= 5;
  }

  /** The statutory holiday on a day outside the notices, if any. */
  function statutoryName(dayNumber: number): string | undefined {
    return statutoryHolidays(Number(formatChinaDay(dayNumber).slice(0, 4))).get(dayNumber);
  }

  function inCoverage(dayNumber: number): boolean {
    return dayNumber >= firstDay && dayNumber <= lastDay;
  }

  function workingByNumber(dayNumber: number): boolean {
    return inCoverage(dayNumber) ? working[dayNumber - firstDay] === 1 : officialWorking(dayNumber);
  }

  function dayInfo(day: string): DayInfo {
    const dayNumber = parseChinaDay(day);
    const override = overrides.get(dayNumber);
    const name = override?.name ?? data.names.get(dayNumber);
    const base = name === undefined ? {} : { name };
    if (override) return { day, working: override.working, kind: 'override', provisional: false, ...base };
    const provisional = !inCoverage(dayNumber);
    if (data.workdays.has(dayNumber)) return { day, working: true, kind: 'adjusted-workday', provisional, ...base };
    if (data.holidays.has(dayNumber)) return { day, working: false, kind: 'holiday', provisional, ...base };
    if (provisional) {
      const statutory = statutoryName(dayNumber);
      if (statutory !== undefined) return { day, working: false, kind: 'holiday', provisional, name: statutory };
    }
    const weekday = weekdayOf(dayNumber);
    const isWeekday = weekday >= 1 && weekday <= 5;
    return { day, working: isWeekday, kind: isWeekday ? 'weekday' : 'weekend', provisional, ...base };
  }

  function addWorkingDays(startMs: number, n: number): WorkingDaysResult {
    if (typeof startMs !== 'number' || !Number.isFinite(startMs)) {
      throw new RangeError(`invalid start ${String(startMs)}: expected a finite epoch-ms time`);
    }
    if (!Number.isInteger(n) || n < 1 || n > MAX_WORKING_DAYS) {
      throw new RangeError(`invalid number of working days ${String(n)}: expected an integer from 1 to ${MAX_WORKING_DAYS}`);
    }
    const startDay = chinaDayNumber(startMs);
    // Fast path: start and answer both inside the official tables.
    if (startDay >= firstDay - 1 && startDay <= lastDay) {
      const before = startDay < firstDay ? 0 : (rank[startDay - firstDay] ?? 0);
      const target = workList[before + n - 1];
      if (target !== undefined) {
        return { at: endOfChinaDay(target), day: formatChinaDay(target), provisional: false };
      }
    }
    // Slow path: walk day by day; any uncovered, non-overridden day makes the answer provisional.
    let dayNumber = startDay;
    let remaining = n;
    let provisional = false;
    while (remaining > 0) {
      dayNumber += 1;
      if (!inCoverage(dayNumber) && !overrides.has(dayNumber)) provisional = true;
      if (workingByNumber(dayNumber)) remaining -= 1;
    }
    return { at: endOfChinaDay(dayNumber), day: formatChinaDay(dayNumber), provisional };
  }

  const coverage = { first: formatChinaDay(firstDay), last: formatChinaDay(lastDay) };

  return {
    isWorkingDay: (day) => workingByNumber(parseChinaDay(day)),
    dayInfo,
    addWorkingDays,
    coverage: () => ({ ...coverage }),
  };
}
