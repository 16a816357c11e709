/**
 * China time under a test clock. Playwright's `page.clock` installs its fake
 * `Date` before any page script runs (playwright-core's ClockDate): a plain
 * function whose `new` returns a native Date at the fake clock's time, and
 * which shares the native prototype. Here it is installed the same way —
 * before the modules under test (and the date libraries they import) are
 * loaded, which is why this file stands apart (vitest runs each file in its
 * own module graph). A `Date` subclass built on that fake gets plain Dates
 * back, with local getters: the desk then showed a limit of 2026-10-09 23:59
 * Beijing as "2026-10-10 07:59".
 */
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { formatChinaTime } from '../../../lib/format/china-time';

const restoreDate = vi.hoisted(() => {
  const NativeDate = Date;
  const now = NativeDate.parse('2026-10-01T09:00+08:00');
  function ClockDate(this: unknown, ...args: unknown[]): Date | string {
    if (!(this instanceof ClockDate)) return new NativeDate(now).toString();
    return args.length === 0 ? new NativeDate(now) : new NativeDate(...(args as [number]));
  }
  ClockDate.prototype = NativeDate.prototype;
  Object.assign(ClockDate, { now: () => now, UTC: NativeDate.UTC, parse: NativeDate.parse, isFake: true });
  globalThis.Date = ClockDate as unknown as DateConstructor;
  return () => {
    globalThis.Date = NativeDate;
  };
});

const originalTz = process.env.TZ;
afterEach(() => {
  process.env.TZ = originalTz;
});
afterAll(restoreDate);

describe('times read in China time under Playwright’s page.clock', () => {
  const limit = Date.UTC(2026, 9, 9, 15, 59); // 2026-10-09 23:59 Beijing

  it('runs under the fake Date (the precondition of this file)', () => {
    expect((Date as unknown as { isFake?: boolean }).isFake).toBe(true);
    expect(Date.now()).toBe(Date.UTC(2026, 9, 1, 1, 0));
  });

  it.each(['Asia/Shanghai', 'America/New_York', 'UTC'])('a limit at 2026-10-09 23:59 Beijing reads so, not 8 h off, under TZ=%s', (tz) => {
    process.env.TZ = tz;
    expect(formatChinaTime(limit)).toBe('2026-10-09 23:59');
    expect(formatChinaTime(limit, 'yyyy年M月d日HH:mm EEEE')).toBe('2026年10月9日23:59 Friday');
    // Day of year and week: date-fns builds start-of-year dates from ours; they must be China time too.
    expect(formatChinaTime(limit, 'DDD w')).toBe('282 41');
  });

  it('shows the fake clock’s own now in China time', () => {
    process.env.TZ = 'Asia/Shanghai';
    expect(formatChinaTime(Date.now(), 'yyyy-MM-dd HH:mm')).toBe('2026-10-01 09:00');
  });
});
