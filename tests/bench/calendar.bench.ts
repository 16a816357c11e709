/**
 * addWorkingDays over 100,000 random starts (2024–2026, n from 1 to 15):
 * our precomputed official-calendar tables against the obvious approach, a
 * day-by-day loop over chinese-days' isWorkday. Both compute the same China
 * dates; the answers are compared (where the package is reliable, i.e. the
 * process is not west of UTC) so neither wins by doing less.
 */
import chineseDays from 'chinese-days';
import { compared, medianMs, type BenchSuite } from './harness.ts';
import { seededRandom } from '../support/seeded-random.ts';
import { chinaDayNumber, endOfChinaDay, formatChinaDay, getDefaultCalendar } from '../../lib/calendar/index.ts';

const COUNT = 100_000;

function buildStarts(): { start: number; n: number }[] {
  const next = seededRandom(2024);
  const from = Date.parse('2024-01-01T00:00:00+08:00');
  // Leave room so 15 working days from the last start stay inside the official data.
  const to = Date.parse('2026-11-30T00:00:00+08:00');
  return Array.from({ length: COUNT }, () => ({
    start: Math.floor(from + next() * (to - from)),
    n: 1 + Math.floor(next() * 15),
  }));
}

/** The baseline: walk China dates one by one and ask the package. */
function naiveAddWorkingDays(start: number, n: number): number {
  let day = chinaDayNumber(start);
  let remaining = n;
  while (remaining > 0) {
    day += 1;
    if (chineseDays.isWorkday(formatChinaDay(day))) remaining -= 1;
  }
  return endOfChinaDay(day);
}

const suite: BenchSuite = async () => {
  const starts = buildStarts();
  const calendar = getDefaultCalendar();
  let ours = 0;
  let naive = 0;
  const oursMs = await medianMs(() => {
    ours = 0;
    for (const { start, n } of starts) ours += calendar.addWorkingDays(start, n).at % 1_000_003;
  });
  const naiveMs = await medianMs(
    () => {
      naive = 0;
      for (const { start, n } of starts) naive += naiveAddWorkingDays(start, n) % 1_000_003;
    },
    { runs: 3, warmup: 1 },
  );
  if (new Date(2024, 0, 1).getTimezoneOffset() <= 0 && ours !== naive) {
    throw new Error(`calendar bench: answers differ (checksum ${ours} vs ${naive})`);
  }
  return [
    compared('calendar.addWorkingDays.100k', 'ms', oursMs, 'chinese-days isWorkday loop', naiveMs),
  ];
};

export default suite;
