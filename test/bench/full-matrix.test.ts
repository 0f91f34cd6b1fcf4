// The full-matrix section of `npm run bench`: what counts as a case that ran, the section's verdicts
// (the rerun against its 2 s target, the edit against the edited file's own cases), and the edit
// itself, made on a copy of snippets/.
// vitest project: unit (test/support/projects.ts)
import { cp, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { RERUN_TARGET_MS, editOnePythonFile, fullMatrixSection, matrixRun, type FullMatrixTimes } from '../../scripts/bench/full-matrix.ts';
import { DEFAULT_SNIPPETS_ROOT, planHarness } from '../../scripts/harness/harness.ts';

describe('matrixRun', () => {
  test('counts a case as run unless its result came from the cache, and counts the failed ones', () => {
    const results = [
      { cached: true, status: 'passed' as const },
      { cached: false, status: 'passed' as const },
      { cached: false, status: 'failed' as const },
      { cached: false, status: 'skipped' as const },
    ];
    expect(matrixRun(results, 1500)).toEqual({ cases: 4, ran: 3, failed: 1, wallMs: 1500 });
  });
});

describe('fullMatrixSection', () => {
  const times: FullMatrixTimes = {
    cold: { cases: 1100, ran: 1100, failed: 0, wallMs: 600_000 },
    warm: { cases: 1100, ran: 1100, failed: 0, wallMs: 300_000 },
    rerun: { cases: 1100, ran: 0, failed: 0, wallMs: 1234 },
    edited: { cases: 1100, ran: 11, failed: 0, wallMs: 9000, file: 'list-clients/list_clients.py', fileCases: 11 },
  };

  test('prints the four runs, the rerun against its target and how many cases the edit ran', () => {
    expect(fullMatrixSection(times).split('\n').slice(2)).toEqual([
      '| run | cases | ran | wall time | target / note |',
      '| --- | --- | --- | --- | --- |',
      '| cold | 1100 | 1100 | 600.00 s | empty toolchain and result caches |',
      '| warm | 1100 | 1100 | 300.00 s | toolchains ready, result cache empty |',
      '| rerun, nothing changed | 1100 | 0 | 1.23 s | every result reused; target < 2.00 s: ok |',
      '| one Python file edited (list-clients/list_clients.py) | 1100 | 11 | 9.00 s | only its 11 case(s) may run: ok |',
    ]);
  });

  test('says OVER for a rerun at or over the target, or one that ran a case, and names a wrong edit count', () => {
    const slow = fullMatrixSection({ ...times, rerun: { ...times.rerun, wallMs: RERUN_TARGET_MS } });
    expect(slow).toContain('target < 2.00 s: OVER');
    const ranOne = fullMatrixSection({ ...times, rerun: { ...times.rerun, ran: 1 } });
    expect(ranOne).toContain('target < 2.00 s: OVER');
    const tooMany = fullMatrixSection({ ...times, edited: { ...times.edited, ran: 55 } });
    expect(tooMany).toContain('only its 11 case(s) may run: expected 11');
  });

  test('says the cold run was left out under --quick, and names failures', () => {
    const { cold: _cold, ...quick } = times;
    const text = fullMatrixSection({ ...quick, warm: { ...times.warm, failed: 2 } });
    expect(text).toContain('| cold | - | - | - | left out (--quick) |');
    expect(text).toContain("| warm | 1100 | 1100 | 300.00 s | toolchains from the project's cache, result cache empty, 2 failed |");
  });
});

describe('editOnePythonFile', () => {
  const scratch = mkdtemp(path.join(tmpdir(), 'rr-bench-edit-'));
  afterAll(async () => rm(await scratch, { recursive: true, force: true }));

  test("appends a comment to the plan's first Python file of the copy, and counts that file's cases", async () => {
    const root = path.join(await scratch, 'snippets');
    await cp(DEFAULT_SNIPPETS_ROOT, root, { recursive: true });
    const { cases } = await planHarness({ root });
    const first = cases.find((planned) => planned.file.language === 'python')!;
    const before = await readFile(first.file.path, 'utf8');
    const edit = await editOnePythonFile(root);
    expect(edit.file).toBe(path.relative(root, first.file.path));
    expect(edit.fileCases).toBe(cases.filter((planned) => planned.file.path === first.file.path).length);
    expect(edit.fileCases).toBeGreaterThan(0);
    expect(await readFile(first.file.path, 'utf8')).toBe(`${before}# edited by npm run bench\n`);
    // The real file is untouched.
    expect(await readFile(path.join(DEFAULT_SNIPPETS_ROOT, edit.file), 'utf8')).toBe(before);
  });
});
