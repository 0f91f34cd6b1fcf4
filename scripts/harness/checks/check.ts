// The contract of one check: a stable id and a pure function of what the harness observed.
import type { CaseObservation } from '../case/observation.ts';
import type { CheckId } from './check-ids.ts';

export { CHECK_IDS, type CheckId } from './check-ids.ts';

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
  /**
   * True when its verdict depends on how fast the program ran on this machine, not only on its
   * inputs: a failure of such a check may be the machine's and is never cached.
   */
  timing?: boolean;
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
