// What the real API said about the description's assumptions (`x-assumed`): each assumption an
// answer the probes compared relies on is confirmed when every such answer was as documented, and
// contradicted when one of them differed. The probes of assumed answers go first (probe-phase.ts).
import type { ProbeVerdict } from './verdict.ts';

/** One assumption and what the real API said about it. */
export interface AssumptionVerdict {
  /** Where it is in the description, as a JSON pointer. */
  pointer: string;
  reason: string;
  verdict: 'confirmed' | 'contradicted';
  /** The probes (`operationId/scenario`) whose answer relies on it. */
  probes: string[];
  /** For a contradicted one: each differing answer's line, `GET /api/clients/{clientId} (ok): documented 200, real 404`. */
  evidence: string[];
}

/** The verdict on every assumption the compared answers rely on: contradicted ones first, then in description order. */
export function judgeAssumptions(verdicts: readonly ProbeVerdict[]): AssumptionVerdict[] {
  const found = new Map<string, AssumptionVerdict>();
  for (const verdict of verdicts) {
    if (verdict.outcome !== 'as-documented' && verdict.outcome !== 'drift') continue;
    for (const assumption of verdict.assumptions) {
      const entry = found.get(assumption.pointer) ?? {
        pointer: assumption.pointer,
        reason: String(assumption.reason),
        verdict: 'confirmed',
        probes: [],
        evidence: [],
      };
      entry.probes.push(verdict.key);
      if (verdict.outcome === 'drift') {
        entry.verdict = 'contradicted';
        entry.evidence.push(`${verdict.endpoint} (${verdict.scenario}): ${verdict.headline}`);
      }
      found.set(assumption.pointer, entry);
    }
  }
  const all = [...found.values()];
  return [...all.filter((each) => each.verdict === 'contradicted'), ...all.filter((each) => each.verdict === 'confirmed')];
}

/** Lines for the terminal: the count of each verdict, then each contradicted assumption with its evidence. */
export function describeAssumptions(verdicts: readonly AssumptionVerdict[]): string[] {
  if (verdicts.length === 0) return [];
  const contradicted = verdicts.filter((each) => each.verdict === 'contradicted');
  return [
    `assumptions of the description (x-assumed) checked first: ${verdicts.length - contradicted.length} confirmed, ${contradicted.length} contradicted by the real API`,
    ...contradicted.flatMap((each) => [`  contradicted: ${each.pointer}: ${each.reason}`, ...each.evidence.map((line) => `    ${line}`)]),
  ];
}
