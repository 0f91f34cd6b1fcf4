// Counts and the machine-readable report built from a run's results.
import { REPORT_FORMAT, type HarnessReport, type RunInfo } from '../report-schema.ts';
import type { CaseResult } from '../../harness/case/case-result.ts';

/** Passed, failed and skipped counts. */
export function countStatuses(results: readonly CaseResult[]): { passed: number; failed: number; skipped: number } {
  const count = (status: CaseResult['status']) => results.filter((result) => result.status === status).length;
  return { passed: count('passed'), failed: count('failed'), skipped: count('skipped') };
}

/** The JSON report: run info, summary and one entry per case, without terminal-only details. */
export function toReport(results: readonly CaseResult[], info: RunInfo): HarnessReport {
  return {
    format: REPORT_FORMAT,
    run: info,
    summary: { ...countStatuses(results), cached: results.filter((result) => result.cached).length, durationMs: info.durationMs },
    cases: results.map(({ detail: _detail, ...entry }) => ({ ...entry, durationMs: Math.round(entry.durationMs) })),
  };
}

/** The closing line CI tools read: `N passed, N failed, N skipped`. */
export function summaryLine(results: readonly CaseResult[]): string {
  const { passed, failed, skipped } = countStatuses(results);
  return `${passed} passed, ${failed} failed, ${skipped} skipped`;
}
