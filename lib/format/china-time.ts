/**
 * Times shown to and typed by officers are China time (UTC+8), whatever the
 * time zone of the machine: a deadline "17:30" must mean 17:30 in Beijing.
 * The instant is shifted by +8 h and formatted as a UTC date (date-fns with
 * @date-fns/utc), so neither the machine's zone nor its daylight-saving
 * changes can move the wall clock shown.
 */
import { format } from 'date-fns';
import { UTCDate } from '@date-fns/utc';
import { CHINA_OFFSET_MS } from '../calendar/china-date';

/** "2026-11-20 09:12" (or any date-fns `pattern`) in China time. */
export function formatChinaTime(epochMs: number, pattern = 'yyyy-MM-dd HH:mm'): string {
  return format(new UTCDate(epochMs + CHINA_OFFSET_MS), pattern);
}

/** A `datetime-local` input value ("2026-11-20T09:12") read as China time; NaN when malformed. */
export function parseChinaLocal(value: string): number {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(value);
  if (!match) return Number.NaN;
  const [y, mo, d, h, mi] = match.slice(1).map(Number) as [number, number, number, number, number];
  return Date.UTC(y, mo - 1, d, h, mi) - CHINA_OFFSET_MS;
}
