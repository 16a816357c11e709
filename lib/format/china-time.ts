/**
 * Times shown to and typed by officers are China time (UTC+8), whatever the
 * time zone of the machine: a deadline "17:30" must mean 17:30 in Beijing.
 * date-fns formats the shifted instant as if it were UTC.
 */
import { format } from 'date-fns';
import { CHINA_OFFSET_MS } from '../calendar/china-date';

/** "2026-11-20 09:12" in China time. */
export function formatChinaTime(epochMs: number, pattern = 'yyyy-MM-dd HH:mm'): string {
  const shifted = new Date(epochMs + CHINA_OFFSET_MS);
  // Undo the machine's own offset so date-fns (which formats local time) prints the China wall clock.
  const asLocal = new Date(shifted.getTime() + shifted.getTimezoneOffset() * 60_000);
  return format(asLocal, pattern);
}

/** A `datetime-local` input value ("2026-11-20T09:12") read as China time; NaN when malformed. */
export function parseChinaLocal(value: string): number {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(value);
  if (!match) return Number.NaN;
  const [y, mo, d, h, mi] = match.slice(1).map(Number) as [number, number, number, number, number];
  return Date.UTC(y, mo - 1, d, h, mi) - CHINA_OFFSET_MS;
}
