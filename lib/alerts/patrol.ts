/**
 * When the next patrol (巡查) is due, from the profile's patrol schedule and
 * the official calendar. Xuancheng 2015: on working days every hour during
 * office hours, nights until 24:00 and holidays every two hours. Pure, like
 * the deadline alerts: the service worker recomputes it on every alarm from
 * the last recorded patrol.
 *
 * A day's patrol periods, in China time:
 * - working day (adjusted working weekends included): `working-hours` from
 *   office start to office end, then `off-hours` from office end to its
 *   `until` (default 24:00);
 * - rest day (holiday or ordinary weekend): `holiday` from office start to
 *   its `until` (default 24:00), since the duty officer's day starts in the
 *   morning like everyone else's.
 * Between 24:00 and the morning no patrol applies. A period the profile
 * gives no interval for is not patrolled.
 */
import type { Calendar } from '../calendar/calendar';
import { chinaDayNumber, formatChinaDay, startOfChinaDay } from '../calendar/china-date';
import type { Patrol } from '../policy/schema';

/** Which kind of patrol period a time falls in. */
export type PatrolInterval = Patrol['intervals'][number]['when'];

/** Office hours as China wall-clock times 'HH:MM'. */
export interface OfficeHours {
  start: string;
  end: string;
}

/** Used when neither the caller nor the profile gives office hours (the documents do not). */
export const DEFAULT_OFFICE_HOURS: Readonly<OfficeHours> = Object.freeze({ start: '08:30', end: '17:30' });

/** The next patrol: when it is (or was) due, and the period it falls in. */
export interface PatrolDue {
  /** Epoch ms; at or before `now` means a patrol is due now. */
  dueAt: number;
  interval: PatrolInterval;
}

/** One stretch of a day with a fixed patrol interval; times are epoch ms, [start, end). */
interface Period {
  interval: PatrolInterval;
  everyMs: number;
  start: number;
  end: number;
}

const MINUTE_MS = 60_000;

/** Minutes after midnight of 'HH:MM' (24:00 allowed); throws RangeError otherwise. */
function minutesOf(time: string): number {
  const match = /^([01]\d|2[0-4]):([0-5]\d)$/.exec(time);
  const minutes = match ? Number(match[1]) * 60 + Number(match[2]) : Number.NaN;
  if (!(minutes <= 24 * 60)) throw new RangeError(`invalid time ${JSON.stringify(time)}: expected 'HH:MM' up to 24:00`);
  return minutes;
}

/** The patrol periods of the China day `dayNumber`, in time order. */
function periodsOf(
  patrol: Patrol,
  dayNumber: number,
  calendar: Pick<Calendar, 'dayInfo'>,
  hours: OfficeHours,
): Period[] {
  const midnight = startOfChinaDay(dayNumber);
  const at = (minutes: number): number => midnight + minutes * MINUTE_MS;
  const officeStart = minutesOf(hours.start);
  const officeEnd = minutesOf(hours.end);
  if (officeStart >= officeEnd) throw new RangeError(`office hours ${hours.start}–${hours.end} end before they start`);

  const spans: { interval: PatrolInterval; from: number; defaultTo: number }[] = calendar.dayInfo(formatChinaDay(dayNumber))
    .working
    ? [
        { interval: 'working-hours', from: officeStart, defaultTo: officeEnd },
        { interval: 'off-hours', from: officeEnd, defaultTo: 24 * 60 },
      ]
    : [{ interval: 'holiday', from: officeStart, defaultTo: 24 * 60 }];

  const periods: Period[] = [];
  for (const span of spans) {
    const rule = patrol.intervals.find((candidate) => candidate.when === span.interval);
    if (!rule) continue;
    // Office hours bound the working-hours period whatever `until` says; the others end at `until`.
    const to = span.interval === 'working-hours' ? span.defaultTo : rule.until ? minutesOf(rule.until) : span.defaultTo;
    if (to <= span.from) continue;
    periods.push({ interval: span.interval, everyMs: rule.everyMinutes * MINUTE_MS, start: at(span.from), end: at(to) });
  }
  return periods;
}

/**
 * The next patrol due at `now`, or undefined when none applies: outside
 * every patrol period (after 24:00 until the morning, before office hours,
 * a period the profile does not patrol), or when the last patrol already
 * covers the rest of today's periods.
 *
 * The due time is the earliest moment, within one of today's periods, that
 * lies that period's interval after the last patrol (or the period's start,
 * if later). So an hourly patrol at 17:00 leads to 19:00 (the evening's two
 * hours), not 18:00; a patrol before today's first period (or none) makes
 * one due as soon as the first period opens. Office hours default to the
 * profile's, then 08:30–17:30. Throws RangeError on malformed times.
 */
export function nextPatrolDue(
  patrol: Patrol,
  lastPatrolAt: number | undefined,
  now: number,
  calendar: Pick<Calendar, 'dayInfo'>,
  workingHours?: OfficeHours,
): PatrolDue | undefined {
  if (!Number.isFinite(now)) throw new RangeError(`invalid now ${String(now)}`);
  if (lastPatrolAt !== undefined && !Number.isFinite(lastPatrolAt)) {
    throw new RangeError(`invalid lastPatrolAt ${String(lastPatrolAt)}`);
  }
  const hours = workingHours ?? patrol.officeHours ?? DEFAULT_OFFICE_HOURS;
  const periods = periodsOf(patrol, chinaDayNumber(now), calendar, hours);
  if (!periods.some((period) => period.start <= now && now < period.end)) return undefined;

  for (const period of periods) {
    const dueAt = lastPatrolAt === undefined ? period.start : Math.max(period.start, lastPatrolAt + period.everyMs);
    if (dueAt < period.end) return { dueAt, interval: period.interval };
  }
  return undefined;
}
