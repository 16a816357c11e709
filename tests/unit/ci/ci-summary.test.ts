/**
 * CI's closing line (scripts/ci-summary.ts) must say "failed" whenever
 * `npm test` failed. The typecheck, lint and the build run beside the tests
 * (scripts/test-all.sh) and write no test report, so with every test green a
 * type error would otherwise end the log with "N passed, 0 failed".
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { countChecks, formatSummary, summarizeReports } from '../../../scripts/ci-summary';

let dir: string;

/** A reports folder where 3 unit tests and 2 end-to-end tests passed. */
function greenReports(): void {
  writeFileSync(join(dir, 'vitest.json'), JSON.stringify({ numPassedTests: 3, numFailedTests: 0, success: true }));
  writeFileSync(join(dir, 'playwright.json'), JSON.stringify({ stats: { expected: 2, unexpected: 0 }, errors: [] }));
}

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'ci-summary-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('the closing line of CI', () => {
  it('counts a failed typecheck → lint as one failure although every test passed', () => {
    greenReports();
    writeFileSync(join(dir, 'checks.json'), JSON.stringify({ build: 0, 'typecheck and lint': 2 }));
    const { counts, notes } = summarizeReports(dir);
    expect(formatSummary(counts)).toBe('5 passed, 1 failed');
    expect(notes).toContain('failed: typecheck and lint (exit status 2); counted as 1 failed');
  });

  it('counts a failed build and a failed typecheck → lint as one failure each', () => {
    greenReports();
    writeFileSync(join(dir, 'checks.json'), JSON.stringify({ build: 1, 'typecheck and lint': 1 }));
    expect(formatSummary(summarizeReports(dir).counts)).toBe('5 passed, 2 failed');
  });

  it('adds nothing when the checks passed, or when the runners ran without scripts/test-all.sh', () => {
    greenReports();
    expect(formatSummary(summarizeReports(dir).counts)).toBe('5 passed, 0 failed');
    writeFileSync(join(dir, 'checks.json'), JSON.stringify({ build: 0, 'typecheck and lint': 0 }));
    expect(formatSummary(summarizeReports(dir).counts)).toBe('5 passed, 0 failed');
  });

  it('counts an unreadable checks file as one failure, naming it', () => {
    greenReports();
    writeFileSync(join(dir, 'checks.json'), '{"build": 0,');
    const { counts, notes } = summarizeReports(dir);
    expect(counts.failed).toBe(1);
    expect(notes.some((note) => note.startsWith(`failed: ${join(dir, 'checks.json')} is unreadable`))).toBe(true);
  });

  it('names each failed check with its exit status', () => {
    expect(countChecks({ build: 0, 'typecheck and lint': 127 })).toEqual({
      counts: { passed: 0, failed: 1, skipped: 0 },
      failedChecks: ['typecheck and lint (exit status 127)'],
    });
  });
});
