// The checks of a live case: `contract-drift` (the real answer against the documented one), and
// those of the mock's checks that look only at the program's run and output, at what its sandbox
// saw, and at what the egress proxy refused. The rest look at what the mock recorded inside TLS,
// which a live run does not see: the mock runs guard them.
import { CHECKS } from '../harness/checks/all-checks.ts';
import type { ReportCheckId } from '../harness/checks/check-ids.ts';
import { fail, pass, type Check, type CheckOutcome } from '../harness/checks/check.ts';
import type { CaseObservation } from '../harness/case/observation.ts';
import { describeVerdict, type ProbeVerdict } from './verdict.ts';

/** Everything a live case's checks look at: the program's run, and the verdict of the probe of its operation and scenario. */
export interface LiveObservation extends CaseObservation {
  verdict: ProbeVerdict;
}

/** A check of a live case. */
export interface LiveCheck {
  id: ReportCheckId;
  describe: string;
  evaluate(observation: LiveObservation): CheckOutcome;
}

/** The mock's checks that a live run applies as they are: they need only the program's run and output, its sandbox and its egress proxy. */
export const REUSED_CHECK_IDS = [
  'egress',
  'token-leak',
  'credential-leak',
  'exit-code',
  'handles-error',
  'output',
  'timeout',
  'resource-limits',
] as const;

/** The real API answers the example's request as the contract (and so the mock) documents. */
export const contractDriftCheck: LiveCheck = {
  id: 'contract-drift',
  describe: 'the real API answers as the documented contract (the mock) says: status, error bodies, response shape',
  evaluate({ verdict }) {
    if (verdict.outcome === 'as-documented') return pass(`the real API answered as documented: ${verdict.real}`);
    return fail(describeVerdict(verdict));
  },
};

/** Every check of a live case, in report order. */
export const LIVE_CHECKS: readonly LiveCheck[] = [
  contractDriftCheck,
  ...CHECKS.filter((check: Check) => (REUSED_CHECK_IDS as readonly string[]).includes(check.id)),
];

/** The ids of the live checks, in report order. */
export const LIVE_CHECK_IDS: readonly ReportCheckId[] = LIVE_CHECKS.map((check) => check.id);
