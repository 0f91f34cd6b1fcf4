// The benchmark's arithmetic and its synthetic examples: medians, the overhead ratio, cases per
// second, the growth table, and copies of the reference example the harness accepts.
// vitest project: unit (test/support/projects.ts)
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import {
  casesPerSecond,
  describeFailures,
  describeRun,
  describeWaitingCost,
  growthTable,
  languageMedians,
  median,
  overheadRatio,
  parseBenchArgs,
} from '../../scripts/bench/bench-cli.ts';
import { syntheticId, writeSyntheticExamples } from '../../scripts/bench/synthetic.ts';
import { DEFAULT_SNIPPETS_ROOT, planHarness } from '../../scripts/harness/harness.ts';
import type { CaseResult } from '../../scripts/harness/case/case-result.ts';
import { scenariosOf } from '../../scripts/harness/case/scenarios.ts';
import { formatFailure } from '../../scripts/report/reporters/terminal.ts';
import { caseReport } from '../support/report.ts';

describe('median', () => {
  test.for([
    [[], 0],
    [[5], 5],
    [[3, 1, 2], 2],
    [[4, 1, 3, 2], 2.5],
  ] as const)('of %j is %d', ([values, expected]) => {
    expect(median(values)).toBe(expected);
  });
});

describe('overheadRatio', () => {
  test('is 1 when the wall time equals the children spread over the concurrency', () => {
    expect(overheadRatio({ durationMs: 500, childWallMs: 1000, concurrency: 2 })).toBe(1);
  });

  test('grows with time spent outside the children', () => {
    expect(overheadRatio({ durationMs: 1500, childWallMs: 1000, concurrency: 2 })).toBe(3);
  });

  test('is NaN when no child ran', () => {
    expect(overheadRatio({ durationMs: 10, childWallMs: 0, concurrency: 2 })).toBeNaN();
  });
});

describe('describeWaitingCost', () => {
  test('names the waiting scenarios and the wall time they add', () => {
    expect(describeWaitingCost({ durationMs: 31_500 }, { durationMs: 21_000 })).toBe(
      'hung-server add 10.50 s of wall time (a case waits out its request timeout, 10 s by default, in the waiting lane)',
    );
  });
});

describe('casesPerSecond', () => {
  test('is cases over seconds of wall time', () => {
    expect(casesPerSecond(50, 2000)).toBe(25);
    expect(casesPerSecond(50, 0)).toBeNaN();
  });
});

describe('languageMedians', () => {
  const result = (language: string, durationMs: number, fields: Partial<CaseResult> = {}): CaseResult => ({
    ...caseReport({ example: 'x', language, scenario: `s${durationMs}`, status: 'passed', durationMs }),
    detail: { requests: [], egress: [], outputTail: [] },
    ...fields,
  });

  test('takes the median per language, leaving out skipped and reused cases', () => {
    const medians = languageMedians([
      result('go', 10),
      result('go', 30),
      result('go', 1000, { cached: true }),
      result('java', 900),
      result('java', 5, { status: 'skipped' }),
    ]);
    expect([...medians]).toEqual([
      ['go', 20],
      ['java', 900],
    ]);
  });
});

describe('describeRun', () => {
  const passed: CaseResult = {
    ...caseReport({ example: 'bench-copy-a', language: 'go', scenario: 'ok', status: 'passed', durationMs: 40 }),
    detail: { requests: [], egress: [], outputTail: [] },
  };
  const failed: CaseResult = {
    ...caseReport({
      example: 'bench-copy-b',
      language: 'python',
      scenario: 'revoked',
      status: 'failed',
      file: 'bench/examples-2/bench-copy-b/bench_copy_b.py',
      durationMs: 150,
    }),
    checks: [
      { id: 'auth-header', status: 'passed', message: 'sent the raw token' },
      { id: 'exit-code', status: 'failed', message: 'expected a non-zero exit code with a revoked token; the program exited 0' },
      { id: 'output', status: 'failed', message: "expected the output to name 401 and the API's message" },
    ],
    detail: {
      exitCode: 0,
      signal: null,
      timedOut: false,
      requests: ['GET /api/clients [TLSv1.3] -> 401'],
      egress: [],
      outputTail: ['done'],
    },
  };
  const run = { results: [passed, failed], durationMs: 2000, childWallMs: 3000, concurrency: 2 };

  test('names each failed case by its key, then tells it as the terminal does: file, failing checks and their messages', () => {
    const text = describeRun('2 example(s), warm', run);
    expect(text.split('\n')[0]).toBe('2 example(s), warm: 1 passed, 1 failed, 0 skipped');
    const failures = describeFailures(run.results);
    expect(text.endsWith(failures)).toBe(true);
    expect(failures.split('\n')).toEqual([
      '  1 failed case(s):',
      '    bench-copy-b/python/revoked:',
      ...formatFailure(failed)
        .split('\n')
        .map((line) => `      ${line}`),
    ]);
    expect(failures).toContain('      ✗ bench/examples-2/bench-copy-b/bench_copy_b.py (scenario: revoked)');
    expect(failures).toContain('        [exit-code] expected a non-zero exit code with a revoked token; the program exited 0');
    expect(failures).toContain("        [output] expected the output to name 401 and the API's message");
    expect(failures).not.toContain('auth-header');
  });

  test('adds nothing when every case passed', () => {
    expect(describeFailures([passed])).toBe('');
    expect(describeRun('cached', { ...run, results: [passed] })).not.toContain('failed case');
  });
});

describe('growthTable', () => {
  test('has one Markdown row per example count, with cases per second and each language median', () => {
    const table = growthTable([
      {
        examples: 2,
        cases: 50,
        coldMs: 30_000,
        warmMs: 10_000,
        cachedMs: 100,
        medians: new Map([
          ['go', 40],
          ['java', 900],
        ]),
      },
    ]);
    expect(table.split('\n')).toEqual([
      '| examples | cases | cold | warm | cached | cases/s warm | cases/s cached | go median | java median |',
      '| --- | --- | --- | --- | --- | --- | --- | --- | --- |',
      '| 2 | 50 | 30.0 s | 10.0 s | 0.1 s | 5.0 | 500 | 40 ms | 900 ms |',
    ]);
  });
});

describe('parseBenchArgs', () => {
  test('defaults to 2, 10 and 40 examples and every section, and takes --examples N', () => {
    expect(parseBenchArgs([])).toEqual({ counts: [2, 10, 40], quick: false, fullMatrixOnly: false });
    expect(parseBenchArgs(['--examples', '5']).counts).toEqual([5]);
  });

  test('takes --quick (the full matrix without its cold run) and --full-matrix-only', () => {
    expect(parseBenchArgs(['--quick'])).toMatchObject({ quick: true, fullMatrixOnly: false });
    expect(parseBenchArgs(['--full-matrix-only', '--quick'])).toMatchObject({ quick: true, fullMatrixOnly: true });
  });

  test('refuses a count that is not a whole number of at least 1, and an unknown option', () => {
    expect(() => parseBenchArgs(['--examples', '0'])).toThrow('expected --examples to be a whole number of at least 1, got "0"');
    expect(() => parseBenchArgs(['--fast'])).toThrow(/--fast/);
  });
});

describe('writeSyntheticExamples', () => {
  const scratch = mkdtemp(path.join(tmpdir(), 'rr-bench-examples-'));
  afterAll(async () => rm(await scratch, { recursive: true, force: true }));

  test('names the copies with ids the scaffold accepts', () => {
    expect([1, 2, 26, 27, 28].map(syntheticId)).toEqual(['bench-copy-a', 'bench-copy-b', 'bench-copy-z', 'bench-copy-aa', 'bench-copy-ab']);
  });

  test('writes copies of the reference example, each with its own bytes, that the harness plans in every language', async () => {
    const root = await scratch;
    expect(await writeSyntheticExamples(DEFAULT_SNIPPETS_ROOT, root, 3)).toEqual(['bench-copy-a', 'bench-copy-b', 'bench-copy-c']);
    const { examples, cases } = await planHarness({ root });
    expect(examples.map((example) => example.id)).toEqual(['bench-copy-a', 'bench-copy-b', 'bench-copy-c']);
    expect(cases).toHaveLength(3 * 5 * scenariosOf(examples[0]!.manifest).length);
    const java = await readFile(path.join(root, 'bench-copy-b', 'BenchCopyB.java'), 'utf8');
    expect(java).toContain('public class BenchCopyB {');
    expect(java).not.toContain('ListClients');
    const go = await readFile(path.join(root, 'bench-copy-b', 'bench_copy_b.go'), 'utf8');
    expect(go).toBe(
      `${await readFile(path.join(DEFAULT_SNIPPETS_ROOT, 'list-clients', 'list_clients.go'), 'utf8')}// synthetic copy bench-copy-b\n`,
    );
  });
});
