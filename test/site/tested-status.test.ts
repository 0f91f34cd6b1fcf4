// What each tab says about its file, summed up from the harness report.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { CaseReport, HarnessReport } from '../../scripts/report/schema.ts';
import { ReportError, readReport, summarizeStatus } from '../../docs/components/tested-status.ts';

const SCENARIOS = ['ok', 'missing', 'invalid', 'revoked', 'forbidden'];

/** A report of one file's five scenarios with these statuses (and a skip reason on skipped cases). */
function reportOf(statuses: CaseReport['status'][], example = 'list-clients', language = 'go'): HarnessReport {
  const cases = statuses.map((status, index) => ({
    example,
    language,
    file: `snippets/${example}/file`,
    scenario: SCENARIOS[index]!,
    status,
    durationMs: 1,
    checks: status === 'skipped' ? [{ id: 'toolchain', status, message: 'go not found on PATH' }] : [],
  }));
  return { summary: { passed: 0, failed: 0, skipped: 0, durationMs: 1 }, cases };
}

describe('summarizeStatus', () => {
  test.each([
    { statuses: ['passed', 'passed', 'passed', 'passed', 'passed'], state: 'passed', label: 'Tested: 5 of 5 scenarios passed' },
    { statuses: ['passed', 'failed', 'passed', 'failed', 'passed'], state: 'failed', label: 'Failed: 2 of 5 scenarios' },
    { statuses: ['failed', 'skipped', 'skipped', 'skipped', 'skipped'], state: 'failed', label: 'Failed: 1 of 5 scenarios' },
    { statuses: ['skipped', 'skipped', 'skipped', 'skipped', 'skipped'], state: 'skipped', label: 'Skipped (go not found on PATH)' },
    { statuses: ['passed', 'passed', 'passed', 'skipped', 'skipped'], state: 'partial', label: 'Tested: 3 of 5 scenarios passed, 2 skipped' },
    { statuses: ['passed'], state: 'passed', label: 'Tested: 1 of 1 scenario passed' },
  ] as const)('says "$label" for $statuses', ({ statuses, state, label }) => {
    expect(summarizeStatus(reportOf([...statuses]), 'list-clients', 'go')).toMatchObject({ state, label });
  });

  test('says "Not run" when the report has no case for the file', () => {
    const status = summarizeStatus(reportOf(['passed']), 'list-clients', 'curl');
    expect(status).toEqual({ state: 'not-run', label: 'Not run', detail: 'The latest test run did not include this file.' });
  });

  test('says "Not run" when there is no report', () => {
    expect(summarizeStatus(undefined, 'list-clients', 'go')).toMatchObject({ state: 'not-run', label: 'Not run' });
  });

  test('matches cases by example id as well as language', () => {
    expect(summarizeStatus(reportOf(['passed'], 'verify-token'), 'list-clients', 'go').state).toBe('not-run');
  });

  test('says "Skipped" without a reason when the harness gave none', () => {
    const report = reportOf(['skipped']);
    report.cases[0]!.checks = [];
    expect(summarizeStatus(report, 'list-clients', 'go').label).toBe('Skipped');
  });

  test('names the failure scenarios in a reader\'s words, from the harness\'s scenario setup', () => {
    const report = reportOf(['passed']);
    for (const scenario of ['untrusted-cert', 'hung-server', 'bad-gateway', 'network-error']) report.cases.push({ ...report.cases[0]!, scenario });
    expect(summarizeStatus(report, 'list-clients', 'go')).toMatchObject({
      label: 'Tested: 5 of 5 scenarios passed',
      detail:
        'valid token: passed, untrusted certificate: passed, server that never answers: passed, gateway error (502): passed, network failure: passed',
    });
  });

  test('lists each scenario, in a reader\'s words, and its outcome in the detail', () => {
    const report = reportOf(['passed', 'failed']);
    report.cases.push({ ...report.cases[0]!, scenario: 'slow-network' }, { ...report.cases[0]!, scenario: 'constructor' });
    expect(summarizeStatus(report, 'list-clients', 'go').detail).toBe('valid token: passed, no token: failed, slow-network: passed, constructor: passed');
  });
});

describe('readReport', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'rr-docs-report-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  test('returns undefined when there is no report', async () => {
    expect(await readReport(path.join(dir, 'absent.json'))).toBeUndefined();
  });

  test('reads a valid report', async () => {
    const file = path.join(dir, 'valid.json');
    await writeFile(file, JSON.stringify(reportOf(['passed'])));
    expect((await readReport(file))?.cases).toHaveLength(1);
  });

  test('names the file and the field of an invalid report', async () => {
    const file = path.join(dir, 'invalid.json');
    const report = reportOf(['passed']);
    await writeFile(file, JSON.stringify({ ...report, cases: [{ ...report.cases[0], status: 'ok' }] }));
    const error = await readReport(file).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ReportError);
    expect((error as Error).message).toMatch(new RegExp(`^${file}: invalid harness report\\n  - field "cases\\[0\\]\\.status": .*found "ok" \\(string\\)`));
  });

  test('names the file of a report that is not JSON', async () => {
    const file = path.join(dir, 'broken.json');
    await writeFile(file, '{ "summary": ');
    await expect(readReport(file)).rejects.toThrow(`${file}: invalid harness report\n  - not valid JSON`);
  });
});
