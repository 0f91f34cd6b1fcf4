// Builds harness reports for tests: every field valid, hashes made up unless a test gives them.
import { REPORT_FORMAT, type CaseReport, type HarnessReport } from '../../scripts/report/report-schema.ts';

/** A made-up SHA-256 digest: `digit` 64 times. */
export const fakeHash = (digit = '0'): string => digit.repeat(64);

/** One case of a report; `example`, `language` and `scenario` make its key. */
export function caseReport(fields: Partial<CaseReport> & Pick<CaseReport, 'example' | 'language' | 'scenario' | 'status'>): CaseReport {
  return {
    key: `${fields.example}/${fields.language}/${fields.scenario}`,
    file: `snippets/${fields.example}/file`,
    durationMs: 1,
    cached: false,
    inputs: {
      snippet: fakeHash('1'),
      manifest: fakeHash('2'),
      requestHttp: null,
      dependencies: null,
      harness: fakeHash('3'),
      toolchain: 'Go 1.26',
    },
    checks: [],
    ...fields,
  };
}

/** A whole report around `cases`, its summary counted from them. */
export function reportOf(cases: CaseReport[]): HarnessReport {
  const count = (status: CaseReport['status']) => cases.filter((entry) => entry.status === status).length;
  return {
    format: REPORT_FORMAT,
    run: {
      startedAt: '2026-11-30T07:00:00.000Z',
      durationMs: 1,
      commit: null,
      harness: fakeHash('3'),
      node: '24.22.3',
      isolation: 'sandboxed (made up)',
      toolchains: {},
    },
    summary: { passed: count('passed'), failed: count('failed'), skipped: count('skipped'), cached: 0, durationMs: 1 },
    cases,
  };
}
