// Merging shard reports: one report of one run, or a refusal naming the files.
// vitest project: unit (test/support/projects.ts)
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { writeReport } from '../../scripts/report/report-io.ts';
import { coverageOf, MergeError, mergeReports, readShardReports, resultFromReport } from '../../scripts/report/merge.ts';
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

describe('readShardReports', () => {
  test('refuses a shard report edited after it was signed, naming it', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'rr-merge-'));
    try {
      const env = { ...process.env, RR_DOCS_REPORT_KEY: 'c'.repeat(64) };
      const [a, b] = [path.join(dir, 'a.json'), path.join(dir, 'b.json')];
      await writeReport(a, shard(['ok']), env);
      await writeReport(
        b,
        { ...shard(['invalid']), cases: [caseReport({ example: 'list-clients', language: 'go', scenario: 'invalid', status: 'failed' })] },
        env,
      );
      expect((await readShardReports([a, b], env)).map(({ report }) => report.cases.length)).toEqual([1, 1]);
      await writeFile(b, (await readFile(b, 'utf8')).replace('"status": "failed"', '"status": "passed"'));
      const error = await readShardReports([a, b], env).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(MergeError);
      expect((error as Error).message).toMatch(
        new RegExp(`^the report ${b.replaceAll('/', '\\/')} is not signed with RR_DOCS_REPORT_KEY \\(.*\\): refusing to merge it$`),
      );
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
