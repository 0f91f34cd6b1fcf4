// The result of one case: the report's fields plus the details a contributor needs to fix a failure.
import type { CaseReport, CheckResult } from '../report/schema.ts';
import type { PlannedCase } from './plan.ts';

/** One finished case. */
export interface CaseResult extends CaseReport {
  key: string;
  detail: CaseDetail;
}

/** What happened in a case, tokens already masked. */
export interface CaseDetail {
  /** Why the case was skipped or could not run. */
  reason?: string;
  exitCode?: number | null;
  signal?: string | null;
  timedOut?: boolean;
  /** One line per request the mock recorded: method, target, headers, status. */
  requests: string[];
  /** Who recorded `requests`, when not the mock (a live run's probe). */
  recordedBy?: string;
  /** One line per connection the proxy refused or TLS handshake the program broke off. */
  egress: string[];
  /** The last lines of stdout and stderr. */
  outputTail: string[];
}

/** What identifies a case in every result. */
function identity(planned: PlannedCase, file: string) {
  return { key: planned.key, example: planned.example.id, language: planned.file.language, file, scenario: planned.scenario };
}

/** A case that did not run: skipped, or failed before its program started. */
function notRun(planned: PlannedCase, file: string, reason: string, failedCheck?: Omit<CheckResult, 'status'>): CaseResult {
  return {
    ...identity(planned, file),
    status: failedCheck ? 'failed' : 'skipped',
    durationMs: 0,
    // A skipped case carries its reason as a skipped check, so the JSON report (and the site) can say why.
    checks: failedCheck ? [{ ...failedCheck, status: 'failed' }] : [{ id: 'toolchain', status: 'skipped', message: reason }],
    detail: { reason, requests: [], egress: [], outputTail: [] },
  };
}

const errorText = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** A case not run because its toolchain is missing. */
export function skippedCase(planned: PlannedCase, file: string, reason: string): CaseResult {
  return notRun(planned, file, reason);
}

/** A case failed because its toolchain is missing while every language is required (CI). */
export function toolchainFailure(planned: PlannedCase, file: string, reason: string): CaseResult {
  return notRun(planned, file, reason, { id: 'toolchain', message: `${reason}; every language is required here (CI=true or --require-all)` });
}

/** A case failed because its file could not be built or installed. */
export function unpreparedCase(planned: PlannedCase, file: string, error: unknown): CaseResult {
  return notRun(planned, file, errorText(error), { id: 'prepare', message: errorText(error) });
}

/** A case the harness itself could not run (its mock failed to start). */
export function harnessFailure(planned: PlannedCase, file: string, error: unknown): CaseResult {
  return notRun(planned, file, errorText(error), { id: 'harness', message: `the harness could not run this case: ${errorText(error)}` });
}

/** Builds a finished case from its check results. */
export function finishedCase(planned: PlannedCase, file: string, durationMs: number, checks: CheckResult[], detail: CaseDetail): CaseResult {
  const status = checks.some((check) => check.status === 'failed') ? 'failed' : 'passed';
  return { ...identity(planned, file), status, durationMs, checks, detail };
}
