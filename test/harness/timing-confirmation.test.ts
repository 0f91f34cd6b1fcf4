// A case failed only by a check that measures time is run again, alone, after the other cases: the
// second run is its result, its message says what the first run found, it is reported once, and a
// program that is late both times fails. A case that failed anything else is not run again.
// vitest project: programs (test/support/projects.ts)
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { PROJECT_ROOT, runHarness } from '../../scripts/harness/harness.ts';
import { runCase } from '../../scripts/harness/case/run-case.ts';
import type { CaseOutcome, CaseResult } from '../../scripts/harness/case/case-result.ts';

const snippets = path.join(PROJECT_ROOT, 'snippets');
const LATE = 'the program gave up 13589 ms after the request arrived; the manifest said 10000';

/** `outcome` with check `id` failed with `message`. */
function failing(outcome: CaseOutcome, id: string, message: string): CaseOutcome {
  return {
    ...outcome,
    status: 'failed',
    checks: outcome.checks.map((check) => (check.id === id ? { ...check, status: 'failed', message } : check)),
  };
}

/** Runs list-clients in curl (ok, then revoked), failing `id` in the ok case's first `times` runs; returns the runs per case and what was reported. */
async function run(id: string, times: number) {
  const runs = new Map<string, number>();
  const reported: CaseResult[] = [];
  const harness = await runHarness({
    root: snippets,
    examples: ['list-clients'],
    languages: ['curl'],
    scenarios: ['ok', 'revoked'],
    onCaseDone: (result) => reported.push(result),
    async runCase(planned, snippet, context) {
      const count = (runs.get(planned.key) ?? 0) + 1;
      runs.set(planned.key, count);
      const outcome = await runCase(planned, snippet, context);
      return planned.scenario === 'ok' && count <= times ? failing(outcome, id, LATE) : outcome;
    },
  });
  return { runs, reported, results: harness.results };
}

describe('a case failed only by a check that measures time', () => {
  test(
    'runs again after the others; the second run is its result, saying what the first found, reported once',
    { timeout: 120_000 },
    async () => {
      const { runs, reported, results } = await run('request-timeout', 1);
      expect(Object.fromEntries(runs)).toEqual({ 'list-clients/curl/ok': 2, 'list-clients/curl/revoked': 1 });
      const ok = results.find((result) => result.key === 'list-clients/curl/ok')!;
      expect(ok.status).toBe('passed');
      expect(ok.checks.find((check) => check.id === 'request-timeout')?.message).toMatch(
        new RegExp(`\\(run again alone, after the other cases: in the first run, beside them, ${LATE}\\)$`),
      );
      expect(reported.map((result) => result.key).sort()).toEqual(['list-clients/curl/ok', 'list-clients/curl/revoked']);
      expect(reported.find((result) => result.key === 'list-clients/curl/ok')?.status).toBe('passed');
      // The revoked case finished first: the ok case waited for it before running again.
      expect(reported.map((result) => result.key)).toEqual(['list-clients/curl/revoked', 'list-clients/curl/ok']);
    },
  );

  test('fails when the program is late in both runs', { timeout: 120_000 }, async () => {
    const { runs, results } = await run('request-timeout', 2);
    expect(runs.get('list-clients/curl/ok')).toBe(2);
    const ok = results.find((result) => result.key === 'list-clients/curl/ok')!;
    expect(ok.status).toBe('failed');
    expect(ok.checks.find((check) => check.id === 'request-timeout')).toMatchObject({
      status: 'failed',
      message: `${LATE} (run again alone, after the other cases: in the first run, beside them, ${LATE})`,
    });
  });
});

test('a case that failed a check not measuring time runs once', { timeout: 120_000 }, async () => {
  const { runs, results } = await run('auth-header', 1);
  expect(runs.get('list-clients/curl/ok')).toBe(1);
  expect(results.find((result) => result.key === 'list-clients/curl/ok')?.status).toBe('failed');
});
