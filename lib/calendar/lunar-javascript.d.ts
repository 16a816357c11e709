/** The parts of lunar-javascript (MIT, 6tail) the calendar uses; the package ships no types. */
declare module 'lunar-javascript' {
  export interface Solar {
    getYear(): number;
    getMonth(): number;
    getDay(): number;
    next(days: number): Solar;
    toYmd(): string;
  }
  export interface Lunar {
    getSolar(): Solar;
    getJieQiTable(): Record<string, Solar>;
  }
  export const Lunar: { fromYmd(year: number, month: number, day: number): Lunar };
}
