// The result of one case: the report's fields plus the details a contributor needs to fix a failure.
import type { CaseEvidence, CaseReport, CaughtError, CheckResult } from '../../report/report-schema.ts';
import type { LanguageRunner, RunResult } from '../../runners/runner-contract.ts';
import { MAX_MESSAGE_LENGTH, showSafely } from '../../secrets/safe-text.ts';
import { boundedErrors, caughtError, errorSummary } from './caught-error.ts';
import { withoutHarnessNoise } from './observation.ts';
import type { PlannedCase } from '../run/plan.ts';

/** One finished case. */
export interface CaseResult extends CaseReport {
  detail: CaseDetail;
}

/** What running a case produces; the engine adds the inputs it was run with. */
export type CaseOutcome = Omit<CaseResult, 'inputs' | 'cached'>;

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
  /** A live run's: one line per connection the program's egress proxy was handed, allowed or refused. */
  connections?: string[];
  /** The last lines of stdout and stderr. */
  outputTail: string[];
  /** What the program printed and how it exited (tokens masked), for the report. */
  evidence?: CaseEvidence;
  /** What it sent in a form comparable across languages (see same-request.ts), kept so a reused result can be compared again. */
  requestFingerprint?: string;
}

/** What evidence shows in place of output that held the token in a form masking cannot catch. */
export const WITHHELD_OUTPUT = '[withheld: the program printed the token in an encoded or split form]';

/**
 * The evidence of one run: exit status and both streams through `show` (which masks secrets and
 * cuts to EVIDENCE_LIMIT characters), or neither stream when `withhold` says the token leaked in a
 * form that masking cannot catch.
 */
export function evidenceOf(
  run: RunResult,
  show: (text: string) => string,
  withhold = false,
  runners?: readonly Pick<LanguageRunner, 'harnessNoise'>[],
): CaseEvidence {
  // Without the lines the harness caused (the registered runners' `harnessNoise`): a reader's run prints none.
  const stream = (text: string) => (withhold ? WITHHELD_OUTPUT : show(withoutHarnessNoise(text, runners)));
  return { exitCode: run.exitCode, signal: run.signal, timedOut: run.timedOut, stdout: stream(run.stdout), stderr: stream(run.stderr) };
}

/** What identifies a case in every result. */
function identity(planned: PlannedCase, file: string) {
  return { key: planned.key, example: planned.example.id, language: planned.file.language, file, scenario: planned.scenario };
}

/** A case that did not run: skipped, or failed before its program started (with the error caught, if any). */
function notRun(
  planned: PlannedCase,
  file: string,
  reason: string,
  failedCheck?: Omit<CheckResult, 'status'>,
  error?: CaughtError,
): CaseOutcome {
  return {
    ...identity(planned, file),
    status: failedCheck ? 'failed' : 'skipped',
    durationMs: 0,
    reason,
    checks: failedCheck ? [{ ...failedCheck, status: 'failed' }] : [],
    detail: { reason, requests: [], egress: [], outputTail: [] },
    ...(error ? { errors: [error] } : {}),
  };
}

/** An error's message, with its causes' (`x; caused by Error: y`), masked and bounded. */
function errorText(error: unknown, secrets: readonly string[] = []): string {
  const message = error instanceof Error ? error.message : String(error);
  const summary = errorSummary(error);
  const causes = summary.indexOf('; caused by ');
  return showSafely(causes === -1 ? message : `${message}${summary.slice(causes)}`, secrets, MAX_MESSAGE_LENGTH);
}

/** A case not run because its toolchain is missing. */
export function skippedCase(planned: PlannedCase, file: string, reason: string): CaseOutcome {
  return notRun(planned, file, reason);
}

/** A case failed because its toolchain is missing while every language is required (CI). */
export function toolchainFailure(planned: PlannedCase, file: string, reason: string): CaseOutcome {
  return notRun(planned, file, reason, {
    id: 'toolchain',
    message: `${reason}; every language is required here (CI=true or --require-all)`,
  });
}

/** A case failed because its file could not be built or installed; the error, its stack and cause are kept. */
export function unpreparedCase(planned: PlannedCase, file: string, error: unknown): CaseOutcome {
  const text = errorText(error);
  return notRun(planned, file, text, { id: 'prepare', message: text }, caughtError(`runner "${planned.runner.id}" prepare()`, error));
}

/** What threw when the harness could not run a case, and the secrets its text must not show. */
export interface HarnessFailureSource {
  /** What threw, as a reader names it (`runner "go" detect()`); default: the harness. */
  where?: string;
  secrets?: readonly string[];
}

/** A case the harness itself could not run (its mock failed to start, a runner threw); the error, its stack and cause are kept. */
export function harnessFailure(planned: PlannedCase, file: string, error: unknown, source: HarnessFailureSource = {}): CaseOutcome {
  const text = errorText(error, source.secrets);
  const where = source.where ?? 'the harness';
  const message = `the harness could not run this case: ${source.where ? `${source.where} threw: ` : ''}${text}`;
  return notRun(planned, file, text, { id: 'harness', message }, caughtError(where, error, source.secrets));
}

/** Builds a finished case from its check results (and the errors of checks that threw). */
export function finishedCase(
  planned: PlannedCase,
  file: string,
  durationMs: number,
  checks: CheckResult[],
  detail: CaseDetail,
  errors: readonly CaughtError[] = [],
): CaseOutcome {
  const status = checks.some((check) => check.status === 'failed') ? 'failed' : 'passed';
  return {
    ...identity(planned, file),
    status,
    durationMs,
    checks,
    detail,
    ...(detail.evidence ? { evidence: detail.evidence } : {}),
    ...(errors.length ? { errors: boundedErrors(errors) } : {}),
  };
}
