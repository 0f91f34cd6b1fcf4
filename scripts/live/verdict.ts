// What one probe found, as data: the operation and scenario it stood for, the documented answer and
// the real one, and how they differ. The drift is judged here, once per operation and scenario;
// every case of that operation and scenario reads the same verdict, and the report and the issue are
// made of these records, never of check messages read back.
import type { Assumption } from '../api/assumptions.ts';
import type { ScenarioSetup } from '../harness/case/scenarios.ts';
import type { Difference } from './compare.ts';
import type { DocumentedAnswer } from './documented.ts';
import { compareAnswer, headline } from './drift.ts';
import type { ProbeAnswer } from './probe.ts';

/** How the real answer stood against the documented one. */
export type VerdictOutcome = 'as-documented' | 'drift' | 'no-answer' | 'undocumented';

/** One probe's finding, shown safely (no token, no account data beyond what the contract fixes). */
export interface ProbeVerdict {
  /** `operationId/scenario`. */
  key: string;
  operationId: string;
  /** `GET /api/clients/{clientId}`: the operation's method and path template. */
  endpoint: string;
  scenario: string;
  /** The scenario as a phrase: `a well-formed token the API does not know (401)`. */
  summary: string;
  outcome: VerdictOutcome;
  /** One line: `documented 401, real 403`, or why there is nothing to compare. */
  headline: string;
  /** The documented answer, shown; empty when undocumented. */
  documented: string;
  /** The real answer, shown without the account's data; empty without one. */
  real: string;
  differences: Difference[];
  /** The description's assumptions the documented answer relies on. */
  assumptions: Assumption[];
  /** The examples and languages whose cases met this answer (filled in once the cases are planned). */
  affects: Array<{ example: string; languages: string[] }>;
}

/** The key of a probe: its operation and scenario. */
export const verdictKey = (operationId: string, scenario: string) => `${operationId}/${scenario}`;

/** The verdict on a probe's answer for `operation` under `setup`. */
export function judgeProbe(
  operation: { operationId: string; method: string; path: string },
  setup: ScenarioSetup,
  answer: ProbeAnswer,
  documented: DocumentedAnswer | { undocumented: string },
  assumptions: Assumption[],
): ProbeVerdict {
  const base = {
    key: verdictKey(operation.operationId, setup.name),
    operationId: operation.operationId,
    endpoint: `${operation.method} ${operation.path}`,
    scenario: setup.name,
    summary: setup.summary,
    assumptions,
    affects: [],
  };
  if ('undocumented' in documented)
    return { ...base, outcome: 'undocumented', headline: documented.undocumented, documented: '', real: '', differences: [] };
  if (answer.kind === 'error')
    return {
      ...base,
      outcome: 'no-answer',
      headline: `no answer from the real API to compare: ${answer.message}`,
      documented: '',
      real: '',
      differences: [],
    };
  const drift = compareAnswer(documented, answer);
  return {
    ...base,
    outcome: drift.differences.length ? 'drift' : 'as-documented',
    headline: drift.differences.length ? headline(documented, drift, answer.status) : 'as documented',
    documented: drift.documented,
    real: drift.real,
    differences: drift.differences,
  };
}

/** A verdict as the contract-drift check's message: its first line names the endpoint and scenario. */
export function describeVerdict(verdict: ProbeVerdict): string {
  const first = `${verdict.endpoint} (${verdict.scenario}): ${verdict.headline}`;
  if (verdict.outcome !== 'drift') return first;
  return [
    first,
    `    with ${verdict.summary}`,
    `    documented: ${verdict.documented}`,
    `    real:       ${verdict.real}`,
    ...verdict.differences.map((difference) => `    ${difference.where}: documented ${difference.documented}, real ${difference.real}`),
  ].join('\n');
}
