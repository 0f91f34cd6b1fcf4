// Counts and the machine-readable report built from a run's results.
import type { HarnessReport } from '../../report/schema.ts';
import type { CaseResult } from '../result.ts';

/** Passed, failed and skipped counts. */
export function countStatuses(results: readonly CaseResult[]): { passed: number; failed: number; skipped: number } {
  const count = (status: CaseResult['status']) => results.filter((result) => result.status === status).length;
  return { passed: count('passed'), failed: count('failed'), skipped: count('skipped') };
}

/** The JSON report: summary and one entry per case, without terminal-only details. */
export function toReport(results: readonly CaseResult[], durationMs: number): HarnessReport {
  return {
    summary: { ...countStatuses(results), durationMs: Math.round(durationMs) },
    cases: results.map(({ example, language, file, scenario, status, durationMs: caseMs, checks }) => ({
      example,
      language,
      file,
      scenario,
      status,
      durationMs: Math.round(caseMs),
      checks,
    })),
  };
}

/** The closing line CI tools read: `N passed, N failed, N skipped`. */
export function summaryLine(results: readonly CaseResult[]): string {
  const { passed, failed, skipped } = countStatuses(results);
  return `${passed} passed, ${failed} failed, ${skipped} skipped`;
}
