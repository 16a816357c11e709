/**
 * `npm run bench`: runs every suite in tests/bench/*.bench.ts, prints one
 * table of figures (each beside its baseline measured in the same run) and,
 * with `--json FILE`, writes them in the shape CONTRACT.md gives.
 *
 * `--only <substring>` runs the suites whose file name contains it.
 */
import { readdirSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import 'fake-indexeddb/auto';
import type { BenchSuite, Figure } from '../tests/bench/harness';

const args = process.argv.slice(2);
const jsonPath = valueOf('--json');
const only = valueOf('--only');

function valueOf(flag: string): string | undefined {
  const index = args.indexOf(flag);
  return index >= 0 ? args[index + 1] : undefined;
}

const benchDir = resolve(import.meta.dirname, '../tests/bench');
const files = readdirSync(benchDir)
  .filter((file) => file.endsWith('.bench.ts') && (!only || file.includes(only)))
  .sort();

const figures: Figure[] = [];
let failed = 0;
for (const file of files) {
  process.stderr.write(`running ${file}…\n`);
  try {
    const module = (await import(pathToFileURL(join(benchDir, file)).href)) as { default: BenchSuite };
    figures.push(...(await module.default()));
  } catch (error) {
    failed++;
    process.stderr.write(`  ${file} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  }
}

console.table(
  figures.map((f) => ({
    name: f.name,
    value: `${f.value} ${f.unit}`,
    baseline: f.baseline ? `${f.baseline}: ${f.baselineValue} ${f.unit}` : '',
    ratio: f.ratio !== undefined ? `${f.ratio}×` : '',
    goal: f.goal ?? '',
  })),
);

if (jsonPath) {
  const out = resolve(jsonPath);
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, `${JSON.stringify(figures.map(({ goal: _goal, ...rest }) => rest), null, 2)}\n`);
  console.log(`figures written to ${out}`);
}
process.exit(failed > 0 ? 1 : 0);
