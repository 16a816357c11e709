/**
 * The benchmark harness: every figure is measured in the same run as its
 * baseline, so the ratio is meaningful on whatever machine runs it.
 *
 * A suite is a module in tests/bench/ named `*.bench.ts` whose default export
 * returns figures. `npm run bench` runs them all, prints a table, and with
 * `--json FILE` writes the figures in the shape CONTRACT.md gives.
 */
import { performance } from 'node:perf_hooks';

/** One row of the benchmark table (CONTRACT.md). `ratio` = baseline cost ÷ our cost. */
export interface Figure {
  name: string;
  value: number;
  unit: string;
  baseline?: string;
  baselineValue?: number;
  ratio?: number;
  /** Goal from the issue, shown in the table (e.g. "≤ 16 ms"); not part of the JSON contract. */
  goal?: string;
}

/** A benchmark suite: returns its figures. */
export type BenchSuite = () => Promise<Figure[]>;

/** Median wall time in ms of `fn` over `runs` runs, after `warmup` unmeasured runs. */
export async function medianMs(
  fn: () => unknown | Promise<unknown>,
  { runs = 5, warmup = 1 }: { runs?: number; warmup?: number } = {},
): Promise<number> {
  for (let i = 0; i < warmup; i++) await fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await fn();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)] ?? Number.NaN;
}

/** A figure compared with its baseline measured in the same run (costs: lower is better). */
export function compared(
  name: string,
  unit: string,
  value: number,
  baseline: string,
  baselineValue: number,
  goal?: string,
): Figure {
  return {
    name,
    unit,
    value: round(value),
    baseline,
    baselineValue: round(baselineValue),
    ratio: round(baselineValue / value),
    ...(goal ? { goal } : {}),
  };
}

/** A figure without a baseline (a size, or a time measured only in the browser). */
export function figure(name: string, unit: string, value: number, goal?: string): Figure {
  return { name, unit, value: round(value), ...(goal ? { goal } : {}) };
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}

