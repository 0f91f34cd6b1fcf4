// The evidence behind a tab and the status page, from a report: outputs only for the file as it is
// now, what a reader would see (tokens masked, the harness's own JVM note left out), the "tested
// with" panel, and the status table.
// vitest project: unit (test/support/projects.ts)
import { describe, expect, test } from 'vitest';
import type { FileFreshness } from '../../scripts/report/freshness.ts';
import {
  OUTPUT_SCENARIOS,
  maskTokens,
  outputView,
  readerStream,
  runDate,
  shortCommit,
  testedWith,
  type FileResults,
} from '../../docs/lib/evidence.ts';
import { formatDuration, statusMatrix } from '../../docs/lib/status-matrix.ts';
import { summarizeStatus } from '../../docs/lib/tested-status.ts';
import { caseReport, reportOf } from '../support/report.ts';

const TOKEN = 'u-0123456789abcdefghijklmnopqrstuvwx';
const evidence = (stdout: string, stderr = '', exitCode = 0) => ({ exitCode, signal: null, timedOut: false, stdout, stderr });
const cases = [
  caseReport({
    example: 'list-clients',
    language: 'java',
    scenario: 'ok',
    status: 'passed',
    runtime: 'Java 17.0.15 with Gson 2.13.1',
    evidence: evidence('cl_1  Northwind\n', 'Picked up JAVA_TOOL_OPTIONS: -Djavax.net.ssl.trustStorePassword=secret\n'),
  }),
  caseReport({
    example: 'list-clients',
    language: 'java',
    scenario: 'missing',
    status: 'passed',
    runtime: 'Java 17.0.15 with Gson 2.13.1',
    evidence: evidence('', 'Set the token\n', 1),
  }),
  caseReport({
    example: 'list-clients',
    language: 'java',
    scenario: 'revoked',
    status: 'failed',
    runtime: 'Java 17.0.15 with Gson 2.13.1',
    evidence: evidence(`refused ${TOKEN}\n`),
    checks: [
      { id: 'token-leak', status: 'failed', message: `printed ${TOKEN}` },
      { id: 'egress', status: 'passed', message: 'ok' },
    ],
  }),
  caseReport({ example: 'list-clients', language: 'java', scenario: 'forbidden', status: 'skipped', reason: 'timed out preparing' }),
];
const report = { ...reportOf(cases), run: { ...reportOf(cases).run, commit: '7345d6722cf4d78d6efaac00b18a3426f59b8d9b+changes' } };
const results = (freshness: FileFreshness): FileResults => ({ freshness, status: summarizeStatus(freshness, true), run: report.run });

describe('outputView', () => {
  test('shows the success, revoked and forbidden outputs a reader would see, with how the program ended', () => {
    const view = outputView(results({ state: 'fresh', cases }));
    expect(OUTPUT_SCENARIOS).toEqual(['ok', 'revoked', 'forbidden']);
    expect(view).toEqual({
      available: true,
      outputs: [
        { scenario: 'ok', title: 'With a valid token', stdout: 'cl_1  Northwind\n', stderr: '', ending: 'exit code 0' },
        { scenario: 'revoked', title: 'With a revoked token', stdout: 'refused u-01…(36 chars)\n', stderr: '', ending: 'exit code 0' },
      ],
    });
  });

  test.each([
    ['stale', { state: 'stale', cases, changed: ['ListClients.java'] }, 'Changed since the last test run: ListClients.java.'],
    ['absent', { state: 'absent' }, 'The latest test run did not include this file.'],
  ] satisfies [string, FileFreshness, string][])('says why there is no output when the report is %s', (_state, freshness, why) => {
    expect(outputView(results(freshness))).toEqual({ available: false, why });
  });

  test('says why when no scenario kept any output', () => {
    const skipped = [caseReport({ example: 'a', language: 'go', scenario: 'ok', status: 'skipped', reason: 'go not found on PATH' })];
    expect(outputView(results({ state: 'fresh', cases: skipped }))).toEqual({
      available: false,
      why: 'The program did not run (go not found on PATH).',
    });
  });

  test('names a time-out and a signal', () => {
    const ended = [
      caseReport({
        example: 'a',
        language: 'go',
        scenario: 'ok',
        status: 'failed',
        evidence: { ...evidence(''), exitCode: null, timedOut: true },
      }),
      caseReport({
        example: 'a',
        language: 'go',
        scenario: 'revoked',
        status: 'failed',
        evidence: { ...evidence(''), exitCode: null, signal: 'SIGKILL' },
      }),
    ];
    const view = outputView(results({ state: 'fresh', cases: ended }));
    expect(view.available && view.outputs.map((output) => output.ending)).toEqual(['stopped at the time limit', 'ended by SIGKILL']);
  });
});

describe('readerStream and maskTokens', () => {
  test("leave out the JVM's note about the harness's options, and mask anything shaped like a token", () => {
    expect(readerStream('Picked up JAVA_TOOL_OPTIONS: -Dx=1\nCould not list clients: 401\n')).toBe('Could not list clients: 401\n');
    expect(maskTokens(`token ${TOKEN} and u-ab…(34 chars)`)).toBe('token u-01…(36 chars) and u-ab…(34 chars)');
  });
});

describe('testedWith', () => {
  test('lists every scenario of the run with its result, the failed checks or the skip reason, the runtime, date and commit', () => {
    expect(testedWith(results({ state: 'fresh', cases }))).toEqual({
      scenarios: [
        { scenario: 'ok', label: 'valid token', status: 'passed' },
        { scenario: 'missing', label: 'no token', status: 'passed' },
        { scenario: 'revoked', label: 'revoked token', status: 'failed', note: 'token-leak: printed u-01…(36 chars)' },
        { scenario: 'forbidden', label: 'token without permission', status: 'skipped', note: 'timed out preparing' },
      ],
      runtime: 'Java 17.0.15 with Gson 2.13.1',
      ranAt: '2026-11-30T07:00:00.000Z',
      commit: '7345d6722cf4d78d6efaac00b18a3426f59b8d9b+changes',
    });
    expect(testedWith(results({ state: 'absent' }))).toBeUndefined();
  });

  test('formats the date in UTC and the commit short', () => {
    expect(runDate('2026-11-30T23:59:00.000Z')).toBe('30 November 2026');
    expect(shortCommit('7345d6722cf4d78d6efaac00b18a3426f59b8d9b+changes')).toBe('7345d67 with uncommitted changes');
    expect(shortCommit(null)).toBe('no commit recorded');
  });
});

describe('statusMatrix', () => {
  test("makes one row per file and one column per scenario, in the report's order, with failures and skips explained", () => {
    const matrix = statusMatrix({
      ...report,
      cases: [...cases, caseReport({ example: 'list-clients', language: 'python', scenario: 'ok', status: 'passed' })],
    });
    expect(matrix.scenarios.map((scenario) => scenario.id)).toEqual(['ok', 'missing', 'revoked', 'forbidden']);
    expect(matrix.rows.map((row) => `${row.example}/${row.languageLabel}`)).toEqual(['list-clients/Python', 'list-clients/Java']);
    const java = matrix.rows[1]!;
    expect(java.cells.revoked).toEqual({ status: 'failed', notes: ['token-leak: printed u-01…(36 chars)'] });
    expect(java.cells.forbidden).toEqual({ status: 'skipped', notes: ['timed out preparing'] });
    expect(matrix.rows[0]!.cells.missing).toBeUndefined();
  });

  test("formats the run's duration", () => {
    expect([formatDuration(12_345), formatDuration(65_400)]).toEqual(['12.3 s', '1 min 5 s']);
  });
});
