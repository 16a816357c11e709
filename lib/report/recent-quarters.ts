import { quarterOf, type QuarterId } from './quarterly';

/** The quarter of `now` (China time) and the seven before it, newest first. */
export function recentQuarters(now: number): QuarterId[] {
  const { year, quarter } = quarterOf(now);
  return Array.from({ length: 8 }, (_, i) => {
    const index = year * 4 + (quarter - 1) - i;
    return { year: Math.floor(index / 4), quarter: ((index % 4) + 1) as QuarterId['quarter'] };
  });
}
