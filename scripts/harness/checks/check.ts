// The contract of one check: a stable id and a pure function of what the harness observed.
import type { CaseObservation } from '../observation.ts';

/** Stable ids of the checks, in report order. */
export const CHECK_IDS = [
  'egress',
  'https',
  'tls-verify',
  'request',
  'auth-header',
  'content-type',
  'raw-request',
  'token-in-url',
  'token-leak',
  'exit-code',
  'handles-error',
  'missing-token',
  'output',
  'timeout',
  'request-timeout',
  // Compares the finished `ok` cases of one example across languages (see same-request.ts), so it is not in CHECKS.
  'same-request',
] as const;

/** Stable id of a check. */
export type CheckId = (typeof CHECK_IDS)[number];

/** The verdict of one check on one case. */
export interface CheckOutcome {
  status: 'passed' | 'failed' | 'skipped';
  message: string;
}

/** A check applied to every case. */
export interface Check {
  id: CheckId;
  /** What it guards, in one line (shown in docs and failures). */
  describe: string;
  evaluate(observation: CaseObservation): CheckOutcome;
}

/** Identity helper that types a check. */
export function defineCheck(check: Check): Check {
  return check;
}

/** A passing verdict. */
export const pass = (message: string): CheckOutcome => ({ status: 'passed', message });
/** A failing verdict. */
export const fail = (message: string): CheckOutcome => ({ status: 'failed', message });
/** A verdict for a check that does not apply to this case. */
export const notApplicable = (message: string): CheckOutcome => ({ status: 'skipped', message });
