// The full matrix of snippets/ as a contributor lives with it, for `npm run bench`: every example in
// every language under every scenario, on a copy of snippets/ (the real files are never touched),
// timed cold (empty toolchain and result caches), warm (toolchains ready, no result to reuse), again
// with nothing changed (every result from the result cache: the target is under 2 s), and after one
// Python file is edited (only that file's cases may run). `--quick` leaves the cold run out and
// takes the project's toolchain cache as it is.
import { appendFile, cp, mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { DEFAULT_CACHE_DIR, DEFAULT_SNIPPETS_ROOT, planHarness, runHarness, type HarnessOptions } from '../harness/harness.ts';
import type { CaseResult } from '../harness/case/case-result.ts';
import type { EngineRun } from '../harness/run/engine.ts';
import { DEFAULT_RUNNERS } from '../runners/registry.ts';

/** The most a rerun of the full matrix with nothing changed may take (every result reused). */
export const RERUN_TARGET_MS = 2000;

/** One timed run of the matrix: its cases, how many of them ran (the others were reused), and its wall time. */
export interface MatrixRun {
  cases: number;
  ran: number;
  failed: number;
  wallMs: number;
}

/** The full matrix's runs; `cold` is absent under --quick. */
export interface FullMatrixTimes {
  cold?: MatrixRun;
  warm: MatrixRun;
  rerun: MatrixRun;
  edited: MatrixRun & { file: string; fileCases: number };
}

/** A run's counts from its results and wall time: a case ran unless its result came from the cache. */
export function matrixRun(results: readonly Pick<CaseResult, 'cached' | 'status'>[], wallMs: number): MatrixRun {
  return {
    cases: results.length,
    ran: results.filter((result) => !result.cached).length,
    failed: results.filter((result) => result.status === 'failed').length,
    wallMs,
  };
}

/** The section's text: one line per run, the rerun against its target, the edit against the file's own cases. */
export function fullMatrixSection(times: FullMatrixTimes): string {
  const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
  const failed = (run: MatrixRun) => (run.failed ? `, ${run.failed} failed` : '');
  const row = (label: string, run: MatrixRun, note: string) =>
    `| ${label} | ${run.cases} | ${run.ran} | ${seconds(run.wallMs)} | ${note}${failed(run)} |`;
  const rerunVerdict = times.rerun.wallMs < RERUN_TARGET_MS && times.rerun.ran === 0 ? 'ok' : 'OVER';
  const editVerdict = times.edited.ran === times.edited.fileCases ? 'ok' : `expected ${times.edited.fileCases}`;
  return [
    `The full matrix of snippets/ (on a copy; wall time of runHarness, from planning to the last result):`,
    '',
    '| run | cases | ran | wall time | target / note |',
    '| --- | --- | --- | --- | --- |',
    times.cold ? row('cold', times.cold, 'empty toolchain and result caches') : '| cold | - | - | - | left out (--quick) |',
    row(
      'warm',
      times.warm,
      times.cold ? 'toolchains ready, result cache empty' : "toolchains from the project's cache, result cache empty",
    ),
    row('rerun, nothing changed', times.rerun, `every result reused; target < ${seconds(RERUN_TARGET_MS)}: ${rerunVerdict}`),
    row(
      `one Python file edited (${times.edited.file})`,
      times.edited,
      `only its ${times.edited.fileCases} case(s) may run: ${editVerdict}`,
    ),
  ].join('\n');
}

/** Appends a comment to the first Python file of the plan at `root`; its path (relative to `root`) and its cases' count. */
export async function editOnePythonFile(root: string): Promise<{ file: string; fileCases: number }> {
  const { cases } = await planHarness({ root });
  const first = cases.find((planned) => planned.file.language === 'python');
  if (!first) throw new Error(`bench: no Python file under ${root} to edit`);
  const python = DEFAULT_RUNNERS.find((runner) => runner.id === 'python')!;
  const text = await readFile(first.file.path, 'utf8');
  await appendFile(first.file.path, `${text.endsWith('\n') ? '' : '\n'}${python.scaffold.lineComment} edited by npm run bench\n`);
  return {
    file: path.relative(root, first.file.path),
    fileCases: cases.filter((planned) => planned.file.path === first.file.path).length,
  };
}

/** Times `runHarness` from planning to the last result. */
async function timedRun(options: HarnessOptions): Promise<{ run: EngineRun; wallMs: number }> {
  const started = performance.now();
  const run = await runHarness(options);
  return { run, wallMs: performance.now() - started };
}

/** Runs the four (or, `quick`, three) timings of the full matrix in `scratch`; `onRun` hears each as it ends. */
export async function benchFullMatrix(
  scratch: string,
  options: { quick: boolean; onRun?: (label: string, run: EngineRun) => void },
): Promise<FullMatrixTimes> {
  const root = path.join(scratch, 'full-matrix', 'snippets');
  await mkdir(path.dirname(root), { recursive: true });
  await cp(DEFAULT_SNIPPETS_ROOT, root, { recursive: true });
  const cacheDir = options.quick ? DEFAULT_CACHE_DIR : path.join(scratch, 'full-matrix', 'runner-cache');
  const resultCacheDir = path.join(scratch, 'full-matrix', 'results');
  let cold: MatrixRun | undefined;
  if (!options.quick) {
    const coldResults = path.join(scratch, 'full-matrix', 'results-cold');
    const first = await timedRun({ root, cacheDir, resultCacheDir: coldResults });
    options.onRun?.('full matrix, cold', first.run);
    cold = matrixRun(first.run.results, first.wallMs);
    // Warm: everything built and the toolchain versions remembered, but no result to reuse.
    await cp(path.join(coldResults, 'toolchains'), path.join(resultCacheDir, 'toolchains'), { recursive: true });
  }
  const warm = await timedRun({ root, cacheDir, resultCacheDir });
  options.onRun?.('full matrix, warm', warm.run);
  const rerun = await timedRun({ root, cacheDir, resultCacheDir });
  options.onRun?.('full matrix, rerun with nothing changed', rerun.run);
  const edit = await editOnePythonFile(root);
  const edited = await timedRun({ root, cacheDir, resultCacheDir });
  options.onRun?.(`full matrix, after editing ${edit.file}`, edited.run);
  return {
    ...(cold ? { cold } : {}),
    warm: matrixRun(warm.run.results, warm.wallMs),
    rerun: matrixRun(rerun.run.results, rerun.wallMs),
    edited: { ...matrixRun(edited.run.results, edited.wallMs), ...edit },
  };
}
