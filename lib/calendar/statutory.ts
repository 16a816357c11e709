/**
 * The statutory holidays (法定节假日) of a year, as the law fixes them before
 * the State Council's yearly notice: 全国年节及纪念日放假办法, article 2, in the
 * revision in force that year. Only the 调休 swaps (and where a holiday on
 * a weekend is made up) wait for the notice, so a day past the bundled
 * notices keeps these holidays and is marked provisional.
 *
 * Lunar dates come from lunar-javascript (astronomical new moons and solar
 * terms in China time): 除夕 is the day before 正月初一, i.e. the last day of
 * 腊月, which is 廿九 when 腊月 is a short month (e.g. 2026-02-16).
 */
import { Lunar } from 'lunar-javascript';
import { parseChinaDay } from './china-date';

/** One statutory day off: day number (China time) and the holiday's Chinese name. */
export interface StatutoryDay {
  day: number;
  name: string;
}

/**
 * Revisions of 全国年节及纪念日放假办法 (State Council decrees 270/1999,
 * 513/2007, 644/2013, 795/2024), each from the first year it applies.
 */
interface Revision {
  from: number;
  source: string;
  /** Days of 春节 counted from 正月初一 (−1 = 除夕). */
  springFestival: readonly number[];
  /** Days of May the 劳动节 covers. */
  labourDay: readonly number[];
  /** Whether 清明, 端午 and 中秋 are holidays (from 2008). */
  traditional: boolean;
}

const REVISIONS: readonly Revision[] = [
  { from: 2025, source: '国务院令第795号（2024年修订）', springFestival: [-1, 0, 1, 2], labourDay: [1, 2], traditional: true },
  { from: 2014, source: '国务院令第644号（2013年修订）', springFestival: [0, 1, 2], labourDay: [1], traditional: true },
  { from: 2008, source: '国务院令第513号（2007年修订）', springFestival: [-1, 0, 1], labourDay: [1], traditional: true },
  { from: 2000, source: '国务院令第270号（1999年修订）', springFestival: [0, 1, 2], labourDay: [1, 2, 3], traditional: false },
];

/** The revision of 全国年节及纪念日放假办法 in force in `year`, or undefined before 2000. */
export function statutoryRevision(year: number): { source: string } | undefined {
  const revision = REVISIONS.find((r) => year >= r.from);
  return revision ? { source: revision.source } : undefined;
}

const cache = new Map<number, ReadonlyMap<number, string>>();

/**
 * The statutory days off of a Gregorian year (China dates), by day number.
 * Empty before 2000. Pure and time-zone independent; memoized per year.
 */
export function statutoryHolidays(year: number): ReadonlyMap<number, string> {
  const cached = cache.get(year);
  if (cached) return cached;
  const days = new Map<number, string>();
  const revision = REVISIONS.find((r) => year >= r.from);
  if (revision) {
    const add = (y: number, m: number, d: number, name: string): void => {
      // A lunar date near New Year can fall in the neighbouring Gregorian year; keep this year's only.
      if (y === year) days.set(parseChinaDay(`${y}-${pad(m)}-${pad(d)}`), name);
    };
    const addSolar = (solar: { getYear(): number; getMonth(): number; getDay(): number }, name: string): void =>
      add(solar.getYear(), solar.getMonth(), solar.getDay(), name);
    add(year, 1, 1, '元旦');
    // The Spring Festival of this lunar year, and of the next one when its 除夕 is on 12-31 of this year.
    for (const lunarYear of [year, year + 1]) {
      const newYear = Lunar.fromYmd(lunarYear, 1, 1).getSolar();
      for (const offset of revision.springFestival) addSolar(newYear.next(offset), offset < 0 ? '春节（除夕）' : '春节');
    }
    for (const d of revision.labourDay) add(year, 5, d, '劳动节');
    if (revision.traditional) {
      const qingming = Lunar.fromYmd(year, 3, 1).getJieQiTable()['清明'];
      if (qingming) addSolar(qingming, '清明节');
      addSolar(Lunar.fromYmd(year, 5, 5).getSolar(), '端午节');
      addSolar(Lunar.fromYmd(year, 8, 15).getSolar(), '中秋节');
    }
    for (const d of [1, 2, 3]) add(year, 10, d, '国庆节');
  }
  cache.set(year, days);
  return days;
}

function pad(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}
