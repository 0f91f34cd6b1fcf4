// A check that measures time (Check.timing: does the program give up within its request timeout?)
// judges the machine as much as the program when the machine is busy: a cold machine compiling every
// language's first build while sixteen waiting cases run beside it can hold a punctual program back
// by seconds. A case failed by such checks alone is run again, alone, once every other case of the
// run has finished; the second run is its result, and each timing check's message says what the
// first run found. A program that really waits too long fails both runs.
import type { CaseResult } from '../case/case-result.ts';
import { TIMING_CHECK_IDS } from '../checks/all-checks.ts';

/** Whether `result` failed, ran to its end, and failed only checks that measure time. */
export function failedOnlyOnTime(result: CaseResult): boolean {
  if (result.status !== 'failed' || result.errors?.length || result.detail.evidence?.timedOut) return false;
  const failed = result.checks.filter((check) => check.status === 'failed');
  return failed.length > 0 && failed.every((check) => TIMING_CHECK_IDS.has(check.id));
}

/** The result of the run made again alone (`again`), each of its timing checks saying what the first run (`first`) found. */
export function confirmedResult(again: CaseResult, first: CaseResult): CaseResult {
  const firstMessages = new Map(first.checks.filter((check) => check.status === 'failed').map((check) => [check.id, check.message]));
  return {
    ...again,
    checks: again.checks.map((check) => {
      const before = firstMessages.get(check.id);
      if (before === undefined) return check;
      return { ...check, message: `${check.message} (run again alone, after the other cases: in the first run, beside them, ${before})` };
    }),
  };
}
