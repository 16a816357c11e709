/**
 * The State Council holiday notices, as bundled by `chinese-days`.
 *
 * We read the package's JSON data instead of calling its functions because
 * its own date parsing goes through the process time zone (dayjs local
 * time) and answers a day off west of UTC. The JSON is plain
 * 'YYYY-MM-DD' → description maps, which we interpret ourselves.
 */
import data from 'chinese-days/dist/chinese-days.json';
import { parseChinaDay } from './china-date';

/** Official data: adjusted days by day number. */
export interface OfficialData {
  /** Day numbers of official rest days that would otherwise be working days (or fall on weekends). */
  holidays: ReadonlySet<number>;
  /** Day numbers of adjusted working weekends (调休上班). */
  workdays: ReadonlySet<number>;
  /** Names of the holidays and adjusted working days, e.g. '春节', by day number. */
  names: ReadonlyMap<number, string>;
  /** First and last day number covered by the notices (whole years). */
  firstDay: number;
  lastDay: number;
}

/** One entry is "English name,中文名,days"; we keep the Chinese name. */
function chineseName(description: string): string {
  return description.split(',')[1] ?? description;
}

/**
 * Days the bundled data misses although a notice declares them (R13):
 * 国办发明电〔2005〕35号 (the 2006 notice), item 一: "元旦：1月1日—3日放假…
 * 12月31日(星期六)上班". The package files each year's days under that year's
 * notice, so this make-up day in the previous year was lost.
 */
export const NOTICE_CORRECTIONS: { workdays: Readonly<Record<string, string>> } = {
  workdays: { '2005-12-31': "New Year's Day,元旦,1" },
};

/** The bundled notices with {@link NOTICE_CORRECTIONS} applied. */
function bundledNotices(): { holidays: Record<string, string>; workdays: Record<string, string> } {
  return { holidays: data.holidays, workdays: { ...data.workdays, ...NOTICE_CORRECTIONS.workdays } };
}

/**
 * Builds the lookup sets from the package data. Coverage is the whole years
 * that have a notice: a year's notice decides all of its days, including the
 * ordinary Monday–Friday ones.
 */
export function loadOfficialData(source: {
  holidays: Record<string, string>;
  workdays: Record<string, string>;
} = bundledNotices()): OfficialData {
  const holidays = new Set<number>();
  const workdays = new Set<number>();
  const names = new Map<number, string>();
  let minYear = Number.POSITIVE_INFINITY;
  let maxYear = Number.NEGATIVE_INFINITY;
  const note = (day: string): number => {
    const year = Number(day.slice(0, 4));
    minYear = Math.min(minYear, year);
    maxYear = Math.max(maxYear, year);
    return parseChinaDay(day);
  };
  for (const [day, description] of Object.entries(source.holidays)) {
    const n = note(day);
    holidays.add(n);
    names.set(n, chineseName(description));
  }
  for (const [day, description] of Object.entries(source.workdays)) {
    const n = note(day);
    workdays.add(n);
    names.set(n, chineseName(description));
  }
  if (!Number.isFinite(minYear)) throw new Error('chinese-days data is empty');
  return {
    holidays,
    workdays,
    names,
    firstDay: parseChinaDay(`${minYear}-01-01`),
    lastDay: parseChinaDay(`${maxYear}-12-31`),
  };
}
