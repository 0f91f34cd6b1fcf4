// Applies a case's checks one by one, each on its own: a check whose `evaluate` throws fails that
// check, naming it, with the error's message and cause (`check "output" threw: TypeError: …`), and
// the other checks, the other cases and the run go on. The error itself, with its stack and cause
// chain, is kept for the report.
import type { CheckResult, CaughtError } from '../../report/report-schema.ts';
import { MAX_MESSAGE_LENGTH, showSafely } from '../../secrets/safe-text.ts';
import { boundedErrors, caughtError, errorSummary } from '../case/caught-error.ts';
import type { ReportCheckId } from './check-ids.ts';
import type { CheckOutcome } from './check.ts';

/** A check of some observation: the mock's checks, and a live run's. */
export interface EvaluableCheck<Observation> {
  id: ReportCheckId;
  evaluate(observation: Observation): CheckOutcome;
}

/** The verdicts of a case's checks, and the errors of those that threw. */
export interface EvaluatedChecks {
  checks: CheckResult[];
  errors: CaughtError[];
}

/**
 * Every check's verdict on `observation`, in order, each message through `show` (default: masked
 * for `secrets` and bounded); a check that throws fails, and its error is kept.
 */
export function evaluateChecks<Observation>(
  checks: readonly EvaluableCheck<Observation>[],
  observation: Observation,
  secrets: readonly string[],
  show: (text: string) => string = (text) => showSafely(text, secrets, MAX_MESSAGE_LENGTH),
): EvaluatedChecks {
  const errors: CaughtError[] = [];
  const verdicts = checks.map((check): CheckResult => {
    try {
      const outcome = check.evaluate(observation);
      return { id: check.id, status: outcome.status, message: show(outcome.message) };
    } catch (error) {
      const where = `check "${check.id}"`;
      errors.push(caughtError(where, error, secrets));
      return { id: check.id, status: 'failed', message: show(`${where} threw: ${errorSummary(error)}`) };
    }
  });
  return { checks: verdicts, errors: boundedErrors(errors) };
}
