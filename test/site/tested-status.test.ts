// What each tab says about its file, summed up from the report's cases for the file as it is now.
// vitest project: unit (test/support/projects.ts)
import { describe, expect, test } from 'vitest';
import type { FileFreshness } from '../../scripts/report/freshness.ts';
import type { CaseReport } from '../../scripts/report/report-schema.ts';
import { summarizeStatus } from '../../docs/lib/tested-status.ts';
import { caseReport } from '../support/report.ts';

const SCENARIOS = ['ok', 'missing', 'invalid', 'revoked', 'forbidden'];

/** Fresh cases of one file's scenarios with these statuses (and a skip reason on skipped cases). */
function freshOf(statuses: CaseReport['status'][]): FileFreshness & { state: 'fresh' } {
  const cases = statuses.map((status, index) =>
    caseReport({
      example: 'list-clients',
      language: 'go',
      scenario: SCENARIOS[index]!,
      status,
      ...(status === 'skipped' ? { reason: 'go not found on PATH' } : {}),
    }),
  );
  return { state: 'fresh', cases };
}

describe('summarizeStatus', () => {
  test.each([
    { statuses: ['passed', 'passed', 'passed', 'passed', 'passed'], state: 'passed', label: 'Tested: 5 of 5 scenarios passed' },
    { statuses: ['passed', 'failed', 'passed', 'failed', 'passed'], state: 'failed', label: 'Failed: 2 of 5 scenarios' },
    { statuses: ['failed', 'skipped', 'skipped', 'skipped', 'skipped'], state: 'failed', label: 'Failed: 1 of 5 scenarios' },
    { statuses: ['skipped', 'skipped', 'skipped', 'skipped', 'skipped'], state: 'skipped', label: 'Skipped (go not found on PATH)' },
    {
      statuses: ['passed', 'passed', 'passed', 'skipped', 'skipped'],
      state: 'partial',
      label: 'Tested: 3 of 5 scenarios passed, 2 skipped',
    },
    { statuses: ['passed'], state: 'passed', label: 'Tested: 1 of 1 scenario passed' },
  ] as const)('says "$label" for $statuses', ({ statuses, state, label }) => {
    expect(summarizeStatus(freshOf([...statuses]), true)).toMatchObject({ state, label });
  });

  test('says "Not run" when the report has no case for the file', () => {
    expect(summarizeStatus({ state: 'absent' }, true)).toEqual({
      state: 'not-run',
      label: 'Not run',
      detail: 'The latest test run did not include this file.',
    });
  });

  test('says "Not run" when there is no report', () => {
    expect(summarizeStatus({ state: 'absent' }, false)).toMatchObject({
      state: 'not-run',
      label: 'Not run',
      detail: 'No test report was available when this page was built.',
    });
  });

  test('says "Not tested in this version", naming what changed and the command that tests it, when the file changed since its run', () => {
    const status = summarizeStatus({ state: 'stale', cases: freshOf(['passed']).cases, changed: ['list_clients.go', 'the harness'] }, true);
    expect(status).toEqual({
      state: 'stale',
      label: 'Not tested in this version',
      detail: 'Changed since the last test run: list_clients.go, the harness.',
      howToTest: 'npm run snippets -- --example list-clients --lang go',
    });
  });

  test('says "Skipped" without a reason when the harness gave none', () => {
    const fresh = freshOf(['skipped']);
    delete fresh.cases[0]!.reason;
    expect(summarizeStatus(fresh, true).label).toBe('Skipped');
  });

  test("names the failure scenarios in a reader's words, from the harness's scenario setup", () => {
    const fresh = freshOf(['passed']);
    for (const scenario of ['untrusted-cert', 'hung-server', 'bad-gateway', 'network-error'])
      fresh.cases.push({ ...fresh.cases[0]!, scenario });
    expect(summarizeStatus(fresh, true)).toMatchObject({
      label: 'Tested: 5 of 5 scenarios passed',
      detail:
        'valid token: passed, untrusted certificate: passed, server that never answers: passed, gateway error (502): passed, network failure: passed',
    });
  });

  test('counts the scenarios an operation adds (an unknown id, a rejected body) like the others, in their words', () => {
    const fresh = freshOf(['passed']);
    for (const scenario of ['not-found', 'bad-request']) fresh.cases.push({ ...fresh.cases[0]!, scenario });
    expect(summarizeStatus(fresh, true)).toMatchObject({
      label: 'Tested: 3 of 3 scenarios passed',
      detail: 'valid token: passed, unknown id (404): passed, rejected request body (400): passed',
    });
  });

  test("lists each scenario, in a reader's words, and its outcome in the detail", () => {
    const fresh = freshOf(['passed', 'failed']);
    fresh.cases.push({ ...fresh.cases[0]!, scenario: 'slow-network' }, { ...fresh.cases[0]!, scenario: 'constructor' });
    expect(summarizeStatus(fresh, true).detail).toBe('valid token: passed, no token: failed, slow-network: passed, constructor: passed');
  });
});
