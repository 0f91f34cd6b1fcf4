// The most requests a live run may send to the real API, counted before anything is sent and
// enforced as the probes go.
import type { PlannedCase } from '../harness/run/plan.ts';
import { UsageError } from '../usage.ts';

/** The most requests a whole live run may send (the probes and the programs together). */
export const LIVE_REQUEST_LIMIT = 200;

/** Requests per live case at most: the harness's probe and the program's one request. */
export const REQUESTS_PER_CASE = 2;

/** Throws UsageError, before anything is sent, when `cases` could send more than `limit` requests. */
export function checkRequestBudget(cases: readonly PlannedCase[], limit: number): number {
  const most = cases.length * REQUESTS_PER_CASE;
  if (most > limit) {
    throw new UsageError(
      `a live run of ${cases.length} case(s) could send ${most} requests to the real API, more than its limit of ${limit}; ` +
        'narrow it with --example, --lang or --scenario (nothing was sent)',
    );
  }
  return most;
}

/** Counts the probes as they go, so that no bug can send more than the run was allowed. */
export class RequestBudget {
  #left: number;

  constructor(limit: number) {
    this.#left = limit;
  }

  /** Takes one request from the budget; false when it is spent. */
  take(): boolean {
    if (this.#left <= 0) return false;
    this.#left -= 1;
    return true;
  }
}
