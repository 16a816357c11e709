/**
 * China-date arithmetic that never consults the process time zone.
 *
 * China has used UTC+8 without daylight saving since 1991, so a China date is
 * simply "epoch ms shifted by 8 hours, floored to a day". Working in whole
 * day numbers (days since 1970-01-01) keeps every answer identical under
 * TZ=UTC, Asia/Shanghai or America/Los_Angeles; only `Date.UTC` and
 * `getUTC*` are used, which are time-zone independent.
 */

/** Milliseconds in one day. */
export const DAY_MS = 86_400_000;
/** China Standard Time offset from UTC. */
export const CHINA_OFFSET_MS = 8 * 3_600_000;

const DAY_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The China day number (days since 1970-01-01, China time) of an instant. */
export function chinaDayNumber(epochMs: number): number {
  return Math.floor((epochMs + CHINA_OFFSET_MS) / DAY_MS);
}

/** Parses 'YYYY-MM-DD' into a day number; throws a RangeError naming the bad input. */
export function parseChinaDay(day: string): number {
  const match = typeof day === 'string' ? DAY_PATTERN.exec(day) : null;
  if (!match) throw new RangeError(`invalid day ${JSON.stringify(day)}: expected 'YYYY-MM-DD'`);
  const [, y, m, d] = match;
  const ms = Date.UTC(Number(y), Number(m) - 1, Number(d));
  const dayNumber = ms / DAY_MS;
  // Date.UTC silently rolls 2024-02-30 over to March; a round trip catches it.
  if (formatChinaDay(dayNumber) !== day) throw new RangeError(`invalid day ${JSON.stringify(day)}: no such date`);
  return dayNumber;
}

/** Formats a day number as 'YYYY-MM-DD'. */
export function formatChinaDay(dayNumber: number): string {
  const date = new Date(dayNumber * DAY_MS);
  const y = date.getUTCFullYear();
  const m = date.getUTCMonth() + 1;
  const d = date.getUTCDate();
  return `${String(y).padStart(4, '0')}-${m < 10 ? '0' : ''}${m}-${d < 10 ? '0' : ''}${d}`;
}

/** The China date ('YYYY-MM-DD') of an instant. */
export function chinaDayOf(epochMs: number): string {
  return formatChinaDay(chinaDayNumber(epochMs));
}

/** Day of week of a day number: 0 = Sunday … 6 = Saturday (1970-01-01 was a Thursday). */
export function weekdayOf(dayNumber: number): number {
  return (((dayNumber + 4) % 7) + 7) % 7;
}

/** The last millisecond of a China day (23:59:59.999 +08:00), as epoch ms. */
export function endOfChinaDay(dayNumber: number): number {
  return (dayNumber + 1) * DAY_MS - CHINA_OFFSET_MS - 1;
}

/** The first millisecond of a China day (00:00 +08:00), as epoch ms. */
export function startOfChinaDay(dayNumber: number): number {
  return dayNumber * DAY_MS - CHINA_OFFSET_MS;
}
