/**
 * Prints the closing line CI reads — `N passed, N failed[, N skipped]` —
 * summed over vitest's and Playwright's JSON reports. Neither runner prints
 * such a line itself (BROWSER-TESTING.md). A missing or unreadable report
 * counts as one failure of that runner, and says so, because a runner that
 * never wrote its report did not pass. The checks that write no test report
 * (the build, and typecheck → lint) run beside the tests (scripts/test-all.sh),
 * so the tests' reports can be all green while one of them failed: each
 * failed check in `checks.json` counts as one failure too.
 *
 * Usage: `npx tsx scripts/ci-summary.ts [reportsDir]` (default `reports`).
 * Exit code: 0 when nothing failed, 1 otherwise.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

/** Counts of one runner, or of all of them. */
export interface TestCounts {
  passed: number;
  failed: number;
  skipped: number;
}

/** Vitest's JSON report (Jest-compatible shape), only the fields read here. */
interface VitestReport {
  numPassedTests?: number;
  numFailedTests?: number;
  numPendingTests?: number;
  numTodoTests?: number;
  numFailedTestSuites?: number;
  success?: boolean;
}

/** Playwright's JSON report, only the fields read here. */
interface PlaywrightReport {
  stats?: { expected?: number; unexpected?: number; flaky?: number; skipped?: number };
  errors?: unknown[];
}

/** Counts from a vitest JSON report; a failed run with no failed test (e.g. a file that did not load) counts as 1 failure. */
export function countVitest(report: VitestReport): TestCounts {
  const failedTests = report.numFailedTests ?? 0;
  const failedSuites = report.numFailedTestSuites ?? 0;
  const failed = failedTests > 0 ? failedTests : report.success === false || failedSuites > 0 ? Math.max(1, failedSuites) : 0;
  return {
    passed: report.numPassedTests ?? 0,
    failed,
    skipped: (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0),
  };
}

/** Counts from a Playwright JSON report; global errors with no failed test count as 1 failure. */
export function countPlaywright(report: PlaywrightReport): TestCounts {
  const stats = report.stats ?? {};
  const unexpected = stats.unexpected ?? 0;
  const globalErrors = report.errors?.length ?? 0;
  return {
    // A flaky test passed on retry; retries are 0 in this project, but count it as passed if configured later.
    passed: (stats.expected ?? 0) + (stats.flaky ?? 0),
    failed: unexpected > 0 ? unexpected : globalErrors > 0 ? 1 : 0,
    skipped: stats.skipped ?? 0,
  };
}

/** Formats the closing line; `skipped` is shown only when non-zero. */
export function formatSummary(counts: TestCounts): string {
  const line = `${counts.passed} passed, ${counts.failed} failed`;
  return counts.skipped > 0 ? `${line}, ${counts.skipped} skipped` : line;
}

/**
 * Failures of the checks without a test report, from scripts/test-all.sh's
 * `checks.json` (check name → exit status): one failure per non-zero status.
 */
export function countChecks(checks: Record<string, unknown>): { counts: TestCounts; failedChecks: string[] } {
  const failedChecks = Object.entries(checks)
    .filter(([, status]) => status !== 0)
    .map(([name, status]) => `${name} (exit status ${String(status)})`);
  return { counts: { passed: 0, failed: failedChecks.length, skipped: 0 }, failedChecks };
}

/** A runner and where its report lives. */
interface RunnerReport {
  name: string;
  file: string;
  count(report: unknown): TestCounts;
}

/** Sums both runners' reports in `reportsDir`; notes explain missing reports. */
export function summarizeReports(reportsDir: string): { counts: TestCounts; notes: string[] } {
  const runners: RunnerReport[] = [
    { name: 'vitest', file: join(reportsDir, 'vitest.json'), count: (r) => countVitest(r as VitestReport) },
    { name: 'playwright', file: join(reportsDir, 'playwright.json'), count: (r) => countPlaywright(r as PlaywrightReport) },
  ];
  const counts: TestCounts = { passed: 0, failed: 0, skipped: 0 };
  const notes: string[] = [];
  for (const runner of runners) {
    let part: TestCounts;
    if (!existsSync(runner.file)) {
      notes.push(`${runner.name}: report ${runner.file} is missing (the runner did not run or crashed); counted as 1 failed`);
      part = { passed: 0, failed: 1, skipped: 0 };
    } else {
      try {
        part = runner.count(JSON.parse(readFileSync(runner.file, 'utf8')) as unknown);
      } catch (error) {
        notes.push(`${runner.name}: report ${runner.file} is unreadable (${error instanceof Error ? error.message : String(error)}); counted as 1 failed`);
        part = { passed: 0, failed: 1, skipped: 0 };
      }
    }
    notes.push(`${runner.name}: ${formatSummary(part)}`);
    counts.passed += part.passed;
    counts.failed += part.failed;
    counts.skipped += part.skipped;
  }
  // Absent when the runners were run without scripts/test-all.sh: nothing to add then.
  const checksFile = join(reportsDir, 'checks.json');
  if (existsSync(checksFile)) {
    let failedChecks: string[];
    try {
      failedChecks = countChecks(JSON.parse(readFileSync(checksFile, 'utf8')) as Record<string, unknown>).failedChecks;
    } catch (error) {
      failedChecks = [`${checksFile} is unreadable (${error instanceof Error ? error.message : String(error)})`];
    }
    for (const check of failedChecks) notes.push(`failed: ${check}; counted as 1 failed`);
    counts.failed += failedChecks.length;
  }
  return { counts, notes };
}

function main(): void {
  const { counts, notes } = summarizeReports(resolve(process.argv[2] ?? 'reports'));
  for (const note of notes) console.log(note);
  console.log(formatSummary(counts));
  process.exitCode = counts.failed > 0 ? 1 : 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) main();
