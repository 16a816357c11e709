/**
 * Reads the publication times Chinese sites print, into ISO 8601 strings in
 * China time (`2024-04-05T23:20:45+08:00`).
 *
 * Sites print wall-clock time in China (UTC+8) without a zone, and recent
 * posts relatively ("6 天前", "3 小时前", "昨天 10:20"). All arithmetic is
 * done on UTC fields shifted by +8 h, so the machine's time zone never
 * matters; relative forms are resolved against an injected `now`.
 */
import { CHINA_OFFSET_MS, chinaDayNumber } from '../calendar/china-date.ts';

const MINUTE = 60_000;
const HOUR = 3600_000;
const DAY = 86_400_000;

const RELATIVE_UNITS: Record<string, number> = {
  秒: 1000,
  分钟: MINUTE,
  分: MINUTE,
  小时: HOUR,
  个小时: HOUR,
  天: DAY,
  日: DAY,
  周: 7 * DAY,
  星期: 7 * DAY,
  个月: 30 * DAY,
  月: 30 * DAY,
  年: 365 * DAY,
};

/** Formats an instant as ISO 8601 in China time, e.g. `2024-05-13T17:07:00+08:00`. */
export function toChinaIso(instant: Date): string {
  const shifted = new Date(instant.getTime() + CHINA_OFFSET_MS);
  return `${shifted.toISOString().slice(0, 19)}+08:00`;
}

/**
 * Parses a time as printed on a Chinese page. Returns undefined when the
 * text holds no recognisable time (never a guess).
 *
 * Absolute: `2024-4-5 23:20:45`, `2024/04/05 13:19`, `2024年05月16日 17:02`,
 * `2024年05月10日06:58`, `24-5-13 17:07` (Weibo's two-digit year),
 * `5-13 17:07` / `05月13日` (this year in China), a date alone (midnight).
 * Relative: `刚刚`/`刚才`, `N 秒/分钟/小时/天/周/个月/年前`, `半小时前`,
 * `今天|昨天|前天 HH:MM`, and `今天|昨天|前天` alone (day precision: midnight
 * of that China day, like a date-only `2024-5-18`). Weibo's `created_at`
 * (`Fri Jan 15 08:36:13 +0800 2021`, JavaScript's Date string form) is an
 * instant with its own zone. Unix timestamps (10 or 13 digits) also work.
 * A date printed without a year is the latest such date not after today
 * (China day), so it is never in the future. Sources of the forms:
 * corpus/reported R11 (Bilibili, Weibo and Discuz! client bug reports).
 */
export function parseChineseTime(text: string, now: Date): string | undefined {
  const t = text.replace(/[\s\u00a0\u3000]+/g, ' ').trim();
  if (t === '') return undefined;
  if (/^\d{10}$|^\d{13}$/.test(t)) {
    const n = Number(t);
    return toChinaIso(new Date(t.length === 10 ? n * 1000 : n));
  }
  // An ISO time with its own zone (meta tags, <time datetime>) is an instant, not China wall time.
  if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})$/i.test(t)) {
    const instant = Date.parse(t);
    if (Number.isFinite(instant)) return toChinaIso(new Date(instant));
  }
  const weibo = WEIBO_CREATED_AT.exec(t);
  if (weibo) return parseWeiboCreatedAt(weibo);
  const abs = parseAbsolute(t, now);
  if (abs) return abs;
  return parseRelative(t, now);
}

function parseAbsolute(t: string, now: Date): string | undefined {
  const time = /(\d{1,2}):(\d{2})(?::(\d{2}))?/;
  let m = /(\d{4}|\d{2})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?/.exec(t);
  let year: number;
  let month: number;
  let day: number;
  let rest: string;
  let yearGuessed = false;
  if (m) {
    year = Number(m[1]);
    if (year < 100) year += 2000;
    month = Number(m[2]);
    day = Number(m[3]);
    rest = t.slice(m.index + m[0].length);
  } else {
    m = /(?:^|[^\d])(\d{1,2})\s*[-/月]\s*(\d{1,2})\s*日?(?=\s|$|\d{1,2}:)/.exec(t);
    if (!m) return undefined;
    year = chinaFields(now).year;
    yearGuessed = true;
    month = Number(m[1]);
    day = Number(m[2]);
    rest = t.slice(m.index + m[0].length);
  }
  const tm = time.exec(rest);
  const hh = tm ? Number(tm[1]) : 0;
  const mm = tm ? Number(tm[2]) : 0;
  const ss = tm?.[3] ? Number(tm[3]) : 0;
  if (month < 1 || month > 12 || day < 1 || day > 31 || hh > 23 || mm > 59 || ss > 59) return undefined;
  let utc = Date.UTC(year, month - 1, day, hh, mm, ss) - CHINA_OFFSET_MS;
  // "8-1" printed in May means last August: a date without a year is the latest one not after today.
  if (yearGuessed && chinaDayNumber(utc) > chinaDayNumber(now.getTime())) utc = Date.UTC(year - 1, month - 1, day, hh, mm, ss) - CHINA_OFFSET_MS;
  // Date.UTC rolls 2024-02-31 over into March: refuse instead of guessing.
  const check = chinaFields(new Date(utc));
  if (yearGuessed) year = check.year;
  if (check.month !== month || check.day !== day) return undefined;
  return toChinaIso(new Date(utc));
}

function parseRelative(t: string, now: Date): string | undefined {
  const base = now.getTime();
  if (/^刚(刚|才)/.test(t)) return toChinaIso(now);
  if (/半\s*(个)?小时前/.test(t)) return toChinaIso(new Date(base - 30 * MINUTE));
  const ago = /(\d+)\s*(秒|分钟|分|个小时|小时|天|日|周|星期|个月|月|年)\s*前/.exec(t);
  if (ago) {
    const unit = RELATIVE_UNITS[ago[2] ?? ''] ?? 0;
    return toChinaIso(new Date(base - Number(ago[1]) * unit));
  }
  const dayWord = /(今天|昨天|前天)\s*(\d{1,2}):(\d{2})(?::(\d{2}))?/.exec(t);
  if (dayWord) {
    const back = dayWord[1] === '今天' ? 0 : dayWord[1] === '昨天' ? 1 : 2;
    const today = chinaFields(now);
    const utc =
      Date.UTC(today.year, today.month - 1, today.day - back, Number(dayWord[2]), Number(dayWord[3]), Number(dayWord[4] ?? 0)) -
      CHINA_OFFSET_MS;
    return toChinaIso(new Date(utc));
  }
  // A day word alone (Bilibili, comment widgets): that day, day precision.
  const bareDay = /^(今天|昨天|前天)$/.exec(t);
  if (bareDay) {
    const back = bareDay[1] === '今天' ? 0 : bareDay[1] === '昨天' ? 1 : 2;
    const today = chinaFields(now);
    return toChinaIso(new Date(Date.UTC(today.year, today.month - 1, today.day - back) - CHINA_OFFSET_MS));
  }
  // A bare "HH:MM" is today (Tieba lists and many forums print today's posts so).
  const clock = /^(\d{1,2}):(\d{2})(?::(\d{2}))?$/.exec(t);
  if (clock) {
    const today = chinaFields(now);
    const h = Number(clock[1]);
    const min = Number(clock[2]);
    if (h > 23 || min > 59) return undefined;
    let utc = Date.UTC(today.year, today.month - 1, today.day, h, min, Number(clock[3] ?? 0)) - CHINA_OFFSET_MS;
    // Later than now means yesterday: the page was rendered before midnight.
    if (utc > now.getTime() + 5 * MINUTE) utc -= DAY;
    return toChinaIso(new Date(utc));
  }
  return undefined;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
/** Weibo's created_at: `Fri Jan 15 08:36:13 +0800 2021`. */
const WEIBO_CREATED_AT = /^(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun) (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) (\d{1,2}) (\d{2}):(\d{2}):(\d{2}) ([+-])(\d{2})(\d{2}) (\d{4})$/;

function parseWeiboCreatedAt(m: RegExpExecArray): string | undefined {
  const [, mon, day, hh, mi, ss, sign, oh, om, year] = m;
  const offsetMs = (sign === '-' ? -1 : 1) * (Number(oh) * 60 + Number(om)) * MINUTE;
  const utc = Date.UTC(Number(year), MONTHS.indexOf(mon ?? ''), Number(day), Number(hh), Number(mi), Number(ss)) - offsetMs;
  return Number.isFinite(utc) ? toChinaIso(new Date(utc)) : undefined;
}

function chinaFields(instant: Date): { year: number; month: number; day: number } {
  const s = new Date(instant.getTime() + CHINA_OFFSET_MS);
  return { year: s.getUTCFullYear(), month: s.getUTCMonth() + 1, day: s.getUTCDate() };
}
