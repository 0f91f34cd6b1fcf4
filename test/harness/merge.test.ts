// Merging shard reports: one report of one run, or a refusal naming the files.
// vitest project: unit (test/support/projects.ts)
import { describe, expect, test } from 'vitest';
import { coverageOf, MergeError, mergeReports, resultFromReport } from '../../scripts/report/merge.ts';
import type { HarnessReport } from '../../scripts/report/report-schema.ts';
import { caseReport, fakeHash, reportOf } from '../support/report.ts';

const shard = (scenarios: string[], run: Partial<HarnessReport['run']> = {}): HarnessReport => {
  const report = reportOf(scenarios.map((scenario) => caseReport({ example: 'list-clients', language: 'go', scenario, status: 'passed' })));
  return { ...report, run: { ...report.run, ...run } };
};

describe('mergeReports', () => {
  test('holds every case of every shard, with the counts summed', () => {
    const merged = mergeReports([
      { file: 'a.json', report: shard(['ok', 'invalid'], { durationMs: 300 }) },
      {
        file: 'b.json',
        report: {
          ...shard(['missing']),
          cases: [{ ...caseReport({ example: 'list-clients', language: 'go', scenario: 'missing', status: 'failed' }), cached: true }],
        },
      },
    ]);
    expect(merged.cases.map((entry) => entry.key)).toEqual(['list-clients/go/ok', 'list-clients/go/invalid', 'list-clients/go/missing']);
    expect(merged.summary).toMatchObject({ passed: 2, failed: 1, skipped: 0, cached: 1, durationMs: 300 });
  });

  test('refuses reports of different harness versions, naming each file and its run.harness', () => {
    const merge = () =>
      mergeReports([
        { file: 'a.json', report: shard(['ok']) },
        { file: 'b.json', report: shard(['invalid'], { harness: fakeHash('9') }) },
      ]);
    expect(merge).toThrow(MergeError);
    expect(merge).toThrow(
      `cannot merge reports of different harness versions (run.harness):\n  - a.json: ${fakeHash('3')}\n  - b.json: ${fakeHash('9')}`,
    );
  });

  test('refuses reports of different commits', () => {
    expect(() =>
      mergeReports([
        { file: 'a.json', report: shard(['ok'], { commit: 'a'.repeat(40) }) },
        { file: 'b.json', report: shard(['invalid'], { commit: 'b'.repeat(40) }) },
      ]),
    ).toThrow(/different commits \(run\.commit\):\n {2}- a\.json: a{40}\n {2}- b\.json: b{40}/);
  });

  test('refuses overlapping reports, naming the case and both files', () => {
    expect(() =>
      mergeReports([
        { file: 'a.json', report: shard(['ok', 'invalid']) },
        { file: 'b.json', report: shard(['invalid']) },
      ]),
    ).toThrow('cannot merge reports that overlap (a case may be reported once):\n  - list-clients/go/invalid: in a.json and b.json');
  });

  test('refuses nothing to merge', () => {
    expect(() => mergeReports([])).toThrow(MergeError);
  });
});

describe('coverageOf', () => {
  test('names the planned cases no report holds, and the reported ones not planned', () => {
    const report = shard(['ok', 'gone']);
    expect(coverageOf(report, ['list-clients/go/ok', 'list-clients/go/invalid'])).toEqual({
      missing: ['list-clients/go/invalid'],
      unplanned: ['list-clients/go/gone'],
    });
  });
});

describe('resultFromReport', () => {
  test('keeps the reason and the output tail for the terminal and JUnit', () => {
    const entry = caseReport({
      example: 'x',
      language: 'go',
      scenario: 'ok',
      status: 'failed',
      reason: 'why',
      evidence: { exitCode: 1, signal: null, timedOut: false, stdout: 'one\n\ntwo\n', stderr: 'three' },
    });
    expect(resultFromReport(entry).detail).toMatchObject({ reason: 'why', outputTail: ['one', 'two', 'three'], requests: [] });
  });
});
