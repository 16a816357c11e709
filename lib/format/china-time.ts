/**
 * Times shown to and typed by officers are China time (UTC+8), whatever the
 * time zone of the machine: a deadline "17:30" must mean 17:30 in Beijing.
 * The instant is shifted by +8 h and handed to date-fns `format` as a date
 * whose getters read UTC, so neither the machine's zone nor its
 * daylight-saving changes can move the wall clock shown.
 *
 * Why not `UTCDate` (@date-fns/utc), a `Date` subclass: a fake clock
 * (Playwright's `page.clock`, older sinon) replaces the global `Date` by a
 * function whose `new` returns a plain native Date, so a subclass built on it
 * gets a plain Date back, with local getters — in a China-time browser the
 * shown time was then 8 h late. Here the wall-clock date is any Date the
 * global constructor gives (native or fake, it holds the time), re-parented
 * onto a prototype whose getters call the native UTC getters found by
 * inheritance; date-fns is told to build its dates that way (`in`).
 */
import { format } from 'date-fns';
import { constructFromSymbol } from 'date-fns/constants';
import { CHINA_OFFSET_MS } from '../calendar/china-date';

/** Date fields date-fns reads and writes through local getters and setters; each is answered by its UTC one. */
const FIELDS = ['FullYear', 'Month', 'Date', 'Day', 'Hours', 'Minutes', 'Seconds', 'Milliseconds'] as const;

/**
 * Prototype of wall-clock dates: a Date whose local getters and setters are
 * the UTC ones, whose zone offset is 0, and from which date-fns builds its
 * intermediate dates (start of year, of week…) the same way.
 */
const wallClockPrototype: Date = Object.create(Date.prototype) as Date;
for (const field of FIELDS) {
  Object.defineProperty(wallClockPrototype, `get${field}`, { value: Date.prototype[`getUTC${field}`] });
  if (field !== 'Day') Object.defineProperty(wallClockPrototype, `set${field}`, { value: Date.prototype[`setUTC${field}`] });
}
Object.defineProperty(wallClockPrototype, 'getTimezoneOffset', { value: () => 0 });
Object.defineProperty(wallClockPrototype, constructFromSymbol, { value: (value: Date | number | string) => wallClockDate(value) });

/** A Date whose local fields are the UTC fields of `value` (epoch ms or a Date). */
function wallClockDate(value: Date | number | string): Date {
  const date = new Date(typeof value === 'object' ? value.getTime() : value);
  return Object.setPrototypeOf(date, wallClockPrototype) as Date;
}

/** "2026-11-20 09:12" (or any date-fns `pattern`) in China time. */
export function formatChinaTime(epochMs: number, pattern = 'yyyy-MM-dd HH:mm'): string {
  return format(epochMs + CHINA_OFFSET_MS, pattern, { in: wallClockDate });
}

/** A `datetime-local` input value ("2026-11-20T09:12") read as China time; NaN when malformed. */
export function parseChinaLocal(value: string): number {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(value);
  if (!match) return Number.NaN;
  const [y, mo, d, h, mi] = match.slice(1).map(Number) as [number, number, number, number, number];
  return Date.UTC(y, mo - 1, d, h, mi) - CHINA_OFFSET_MS;
}
