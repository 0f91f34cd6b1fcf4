// The `same-request` check: in the `ok` scenario, every language of one example sends the same
// method, path, query, Authorization and required headers. It compares finished cases, so the
// engine holds an example's `ok` results until the last of them is in, then judges them together.
import { headerValues, type CaseObservation } from '../case/observation.ts';
import type { CaseResult } from '../case/case-result.ts';
import type { PlannedCase } from '../run/plan.ts';

const CHECK_ID = 'same-request';

/** What one case sent, comparable across cases: the token itself reads `<token>`. */
export function requestFingerprint(observation: Pick<CaseObservation, 'requests' | 'token' | 'manifest'>): string {
  const { requests, token, manifest } = observation;
  if (requests.length === 0) return 'no request';
  const show = (value: string) => (token ? value.split(token).join('<token>') : value);
  return requests
    .map((request) => {
      const target = request.query ? `${request.path}?${request.query}` : request.path;
      const headers = ['Authorization', ...Object.keys(manifest.request.headers)].map((name) => {
        const values = headerValues(request, name);
        return `${name}: ${values.length ? values.map((value) => JSON.stringify(show(value))).join(', ') : '(none)'}`;
      });
      return `${request.method} ${target} with ${headers.join(', ')}`;
    })
    .join(' then ');
}

/** The verdict for each case, by key: which languages differ from the others and how. */
export function compareFingerprints(
  entries: ReadonlyArray<{ key: string; language: string; fingerprint: string }>,
): Map<string, { status: 'passed' | 'failed' | 'skipped'; message: string }> {
  const verdicts = new Map<string, { status: 'passed' | 'failed' | 'skipped'; message: string }>();
  if (entries.length < 2) {
    for (const entry of entries)
      verdicts.set(entry.key, { status: 'skipped', message: 'no other language ran this example to compare with' });
    return verdicts;
  }
  const groups = new Map<string, string[]>();
  for (const entry of entries) groups.set(entry.fingerprint, [...(groups.get(entry.fingerprint) ?? []), entry.language]);
  const sizes = [...groups.values()].map((languages) => languages.length);
  const largest = Math.max(...sizes);
  const majority =
    sizes.filter((size) => size === largest).length === 1
      ? [...groups].find(([, languages]) => languages.length === largest)?.[0]
      : undefined;
  for (const entry of entries) {
    const others = entries.filter((other) => other.key !== entry.key);
    if (groups.size === 1) {
      verdicts.set(entry.key, {
        status: 'passed',
        message: `sent the same request as ${others.map((other) => other.language).join(', ')}`,
      });
    } else if (majority !== undefined && entry.fingerprint === majority) {
      verdicts.set(entry.key, {
        status: 'passed',
        message: `sent the same request as ${(groups.get(majority) ?? []).filter((l) => l !== entry.language).join(', ')}`,
      });
    } else {
      const reference = majority ?? others[0]?.fingerprint ?? '';
      const who = majority !== undefined ? (groups.get(majority) ?? []).join(', ') : 'the others (no majority)';
      verdicts.set(entry.key, {
        status: 'failed',
        message: `sent ${entry.fingerprint}; ${who} sent ${reference}: make this file send what the other languages send (and what example.json says)`,
      });
    }
  }
  return verdicts;
}

/**
 * Collects finished cases and releases them with `same-request` applied: at once for other
 * scenarios (skipped there), and for `ok` once every planned `ok` case of the example is in.
 */
export class SameRequestGate {
  readonly #waiting = new Map<string, number>();
  readonly #held = new Map<string, Array<{ result: CaseResult; fingerprint?: string }>>();

  constructor(cases: readonly PlannedCase[]) {
    for (const planned of cases) {
      if (planned.scenario === 'ok') this.#waiting.set(planned.example.id, (this.#waiting.get(planned.example.id) ?? 0) + 1);
    }
  }

  /** Takes one finished case (with its request fingerprint when it ran); returns the cases now complete. */
  settle(result: CaseResult, fingerprint?: string): CaseResult[] {
    const ran = fingerprint !== undefined;
    if (result.scenario !== 'ok') {
      if (ran) addCheck(result, { status: 'skipped', message: 'compared in the ok scenario only' });
      return [result];
    }
    const held = [...(this.#held.get(result.example) ?? []), { result, fingerprint }];
    const left = (this.#waiting.get(result.example) ?? 1) - 1;
    this.#waiting.set(result.example, left);
    if (left > 0) {
      this.#held.set(result.example, held);
      return [];
    }
    this.#held.delete(result.example);
    const compared = held.flatMap(({ result: each, fingerprint: sent }) =>
      sent === undefined ? [] : [{ key: each.key, language: each.language, fingerprint: sent }],
    );
    const verdicts = compareFingerprints(compared);
    for (const { result: each } of held) {
      const verdict = verdicts.get(each.key);
      if (verdict) addCheck(each, verdict);
    }
    return held.map(({ result: each }) => each);
  }
}

/** Appends the `same-request` verdict to a case and updates its status. */
function addCheck(result: CaseResult, verdict: { status: 'passed' | 'failed' | 'skipped'; message: string }): void {
  result.checks.push({ id: CHECK_ID, ...verdict });
  if (verdict.status === 'failed') result.status = 'failed';
}
