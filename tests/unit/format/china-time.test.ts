import { afterEach, describe, expect, it } from 'vitest';
import { formatChinaTime, parseChinaLocal } from '../../../lib/format/china-time';

const originalTz = process.env.TZ;
afterEach(() => {
  process.env.TZ = originalTz;
});

describe('times are shown and typed in China time on any machine', () => {
  it.each(['UTC', 'Asia/Shanghai', 'America/Los_Angeles'])('a limit at 09:30 Beijing reads 09:30 under TZ=%s', (tz) => {
    process.env.TZ = tz;
    expect(formatChinaTime(Date.UTC(2026, 10, 20, 1, 30))).toBe('2026-11-20 09:30');
  });

  it('is not moved by the machine’s daylight-saving change (Los Angeles, 2026-03-08)', () => {
    process.env.TZ = 'America/Los_Angeles';
    expect(formatChinaTime(Date.UTC(2026, 2, 8, 1, 30))).toBe('2026-03-08 09:30');
  });

  it('reads a typed date-time as China time', () => {
    expect(parseChinaLocal('2026-11-20T09:30')).toBe(Date.UTC(2026, 10, 20, 1, 30));
  });

  it('refuses what is not a date-time', () => {
    expect(parseChinaLocal('tomorrow')).toBeNaN();
  });
});
