/**
 * Human durations for countdowns ("3小时20分", "2天4小时"), at the precision
 * an officer acts on: minutes under a day, hours beyond.
 */
import type { Translate } from '../i18n';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** Formats a non-negative duration in ms; negative values are formatted by magnitude. */
export function formatDuration(ms: number, t: Translate): string {
  const abs = Math.abs(ms);
  if (abs < HOUR) return t('minutes', Math.max(0, Math.floor(abs / MINUTE)));
  if (abs < DAY) return t('hours', Math.floor(abs / HOUR), Math.floor((abs % HOUR) / MINUTE));
  return t('days', Math.floor(abs / DAY), Math.floor((abs % DAY) / HOUR));
}

/** "剩余 3小时20分" or "超期 2天4小时" for a deadline `limit` seen at `now`. */
export function formatCountdown(limit: number, now: number, t: Translate): string {
  const left = limit - now;
  return left >= 0 ? t('remaining', formatDuration(left, t)) : t('overdueBy', formatDuration(left, t));
}
