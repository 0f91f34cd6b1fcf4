// `npm run bench`: how the cost of the snippet matrix grows with the number of examples, and where
// the time goes. For N synthetic examples (copies of a reference example, default N = 2, 10 and
// 40) it times the matrix cold (empty runner cache), warm (everything built, every case run) and
// cached (every result reused), and prints cases per second, per-language medians and the
// harness's overhead. First it times the Java cases of snippets/ with the JVM's defaults and as the
// harness runs them, side by side. Last, the full matrix of snippets/ cold, warm, rerun with nothing
// changed and after one Python file is edited (see full-matrix.ts; `--quick` leaves cold out,
// `--full-matrix-only` times only that).
import { cp, mkdir, mkdtemp, rm } from 'node:fs/promises';
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import type { EngineRun } from '../harness/run/engine.ts';
import { DEFAULT_SNIPPETS_ROOT, runHarness, type HarnessOptions } from '../harness/harness.ts';
import { summaryLine } from '../report/reporters/summary.ts';
import { formatFailure } from '../report/reporters/terminal.ts';
import type { CaseResult } from '../harness/case/case-result.ts';
import { SCENARIOS, SCENARIO_NAMES } from '../harness/case/scenarios.ts';
import { describeIsolation } from '../sandbox/isolation.ts';
import { createJavaRunner } from '../runners/java.ts';
import { DEFAULT_RUNNERS } from '../runners/registry.ts';
import { benchFullMatrix, fullMatrixSection } from './full-matrix.ts';
import { writeSyntheticExamples } from './synthetic.ts';

/** The scenarios whose cases only wait on a timer (the hung server), and the others. */
const WAITING_SCENARIOS = SCENARIO_NAMES.filter((name) => SCENARIOS[name].waits);
const WORKING_SCENARIOS = SCENARIO_NAMES.filter((name) => !SCENARIOS[name].waits);

/** What the waiting scenarios add to the warm wall time, in one line. */
export function describeWaitingCost(full: Pick<EngineRun, 'durationMs'>, withoutWaiting: Pick<EngineRun, 'durationMs'>): string {
  const added = (full.durationMs - withoutWaiting.durationMs) / 1000;
  return `${WAITING_SCENARIOS.join(', ')} add ${added.toFixed(2)} s of wall time (a case waits out its request timeout, 10 s by default, in the waiting lane)`;
}

/** The example counts timed when `--examples` is not given. */
export const DEFAULT_EXAMPLE_COUNTS: readonly number[] = Object.freeze([2, 10, 40]);

/** The median of `values` (0 for none). */
export function median(values: readonly number[]): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[middle] as number) : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

/** Harness wall time over the ideal: the children's summed wall time spread over the concurrency (1.0 = no overhead). */
export function overheadRatio(run: Pick<EngineRun, 'durationMs' | 'childWallMs' | 'concurrency'>): number {
  const ideal = run.childWallMs / run.concurrency;
  return ideal > 0 ? run.durationMs / ideal : Number.NaN;
}

/** Cases finished per second of wall time. */
export function casesPerSecond(cases: number, wallMs: number): number {
  return wallMs > 0 ? (cases * 1000) / wallMs : Number.NaN;
}

/** Median duration of the cases of each language that ran (not skipped, not reused), in first-seen order. */
export function languageMedians(results: EngineRun['results']): Map<string, number> {
  const medians = new Map<string, number>();
  for (const language of new Set(results.map((result) => result.language))) {
    const times = results.filter((r) => r.language === language && r.status !== 'skipped' && !r.cached).map((r) => r.durationMs);
    medians.set(language, median(times));
  }
  return medians;
}

/**
 * Every failed case of a run, each named by its key and then told as the terminal tells a failure
 * (file, scenario, each failing check and its message, what was recorded, the output's tail); empty
 * when none failed. A timing that includes failures is suspect: this says which and why.
 */
export function describeFailures(results: readonly CaseResult[]): string {
  const failed = results.filter((result) => result.status === 'failed');
  if (failed.length === 0) return '';
  const told = failed.flatMap((result) => [
    `    ${result.key}:`,
    ...formatFailure(result)
      .split('\n')
      .map((line) => `      ${line}`),
  ]);
  return [`  ${failed.length} failed case(s):`, ...told].join('\n');
}

/** A block of text describing one run, with its failed cases named. */
export function describeRun(label: string, run: Pick<EngineRun, 'results' | 'durationMs' | 'childWallMs' | 'concurrency'>): string {
  const perLanguage = [...languageMedians(run.results)].map(
    ([language, ms]) => `    ${language.padEnd(11)} ${ms.toFixed(0).padStart(6)} ms`,
  );
  const failures = describeFailures(run.results);
  return [
    `${label}: ${summaryLine(run.results)}`,
    `  wall time                 ${(run.durationMs / 1000).toFixed(2)} s`,
    `  children's wall time      ${(run.childWallMs / 1000).toFixed(2)} s over concurrency ${run.concurrency}`,
    `  harness/ideal ratio       ${overheadRatio(run).toFixed(2)} (wall / (children's wall / concurrency))`,
    '  median case time per language:',
    ...perLanguage,
    ...(failures ? [failures] : []),
  ].join('\n');
}

/** Prints the failed cases of a run whose block is not printed (the builds, the Java rounds), under `label`. */
function printFailures(label: string, run: Pick<EngineRun, 'results'>): void {
  const failures = describeFailures(run.results);
  if (failures) console.log(`${label}: ${summaryLine(run.results)}\n${failures}`);
}

/** One line of the growth table: the timings of one example count. */
export interface GrowthRow {
  examples: number;
  cases: number;
  coldMs: number;
  warmMs: number;
  cachedMs: number;
  /** Warm per-language medians. */
  medians: Map<string, number>;
}

/** The growth table as Markdown, one row per example count. */
export function growthTable(rows: readonly GrowthRow[]): string {
  const languages = [...new Set(rows.flatMap((row) => [...row.medians.keys()]))];
  const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
  const header = [
    'examples',
    'cases',
    'cold',
    'warm',
    'cached',
    'cases/s warm',
    'cases/s cached',
    ...languages.map((language) => `${language} median`),
  ];
  const lines = rows.map((row) => [
    String(row.examples),
    String(row.cases),
    seconds(row.coldMs),
    seconds(row.warmMs),
    seconds(row.cachedMs),
    casesPerSecond(row.cases, row.warmMs).toFixed(1),
    casesPerSecond(row.cases, row.cachedMs).toFixed(0),
    ...languages.map((language) => `${(row.medians.get(language) ?? 0).toFixed(0)} ms`),
  ]);
  return [header, header.map(() => '---'), ...lines].map((cells) => `| ${cells.join(' | ')} |`).join('\n');
}

/** Times `runHarness` from planning to the last result (what a user waits for, less Node's start-up). */
async function timed(options: HarnessOptions): Promise<{ run: EngineRun; wallMs: number }> {
  const started = performance.now();
  const run = await runHarness(options);
  return { run, wallMs: performance.now() - started };
}

/** The Java cases of snippets/ with the JVM's defaults and as the harness runs them, alternated, warm. */
async function benchJavaStartup(scratch: string): Promise<void> {
  const cacheDir = path.join(scratch, 'java-startup-cache');
  const withJava = (startup: 'tuned' | 'jvm-defaults') =>
    DEFAULT_RUNNERS.map((runner) => (runner.id === 'java' ? createJavaRunner(startup) : runner));
  const options = (startup: 'tuned' | 'jvm-defaults'): HarnessOptions => ({
    root: DEFAULT_SNIPPETS_ROOT,
    languages: ['java'],
    cacheDir,
    runners: withJava(startup),
  });
  printFailures('Java start-up, first run (builds the classes and the archive)', await runHarness(options('tuned')));
  const times = { 'jvm-defaults': [] as number[], tuned: [] as number[] };
  for (let round = 0; round < 3; round += 1) {
    for (const startup of ['jvm-defaults', 'tuned'] as const) {
      const run = await runHarness(options(startup));
      printFailures(`Java start-up, round ${round + 1}, ${startup}`, run);
      times[startup].push(...run.results.filter((result) => result.status !== 'skipped').map((result) => result.durationMs));
    }
  }
  const defaults = median(times['jvm-defaults']);
  const tuned = median(times.tuned);
  console.log('Java start-up (the Java cases of snippets/, warm, three rounds each, alternated):');
  console.log(`  median Java case, JVM defaults         ${defaults.toFixed(0).padStart(6)} ms`);
  console.log(
    `  median Java case, as the harness runs  ${tuned.toFixed(0).padStart(6)} ms  (${(tuned / defaults).toFixed(2)}x the defaults; goal <= 0.60x)`,
  );
}

/** Times the matrix of `count` synthetic examples cold, warm and cached, each in fresh caches. */
async function benchExamples(scratch: string, count: number): Promise<GrowthRow> {
  const root = path.join(scratch, `examples-${count}`);
  await mkdir(root);
  await writeSyntheticExamples(DEFAULT_SNIPPETS_ROOT, root, count);
  const cacheDir = path.join(scratch, `runner-cache-${count}`);
  const coldResults = path.join(scratch, `result-cache-${count}-cold`);
  const resultCacheDir = path.join(scratch, `result-cache-${count}`);
  const cold = await timed({ root, cacheDir, resultCacheDir: coldResults });
  console.log(
    `\n${describeRun(`${count} example(s), cold (empty caches: venv, Maven, Go and Java builds, Java archive, toolchain versions)`, cold.run)}`,
  );
  // Warm: everything built and the toolchain versions remembered, but no result to reuse.
  await cp(path.join(coldResults, 'toolchains'), path.join(resultCacheDir, 'toolchains'), { recursive: true });
  const warm = await timed({ root, cacheDir, resultCacheDir });
  console.log(`\n${describeRun(`${count} example(s), warm (everything built, every case run)`, warm.run)}`);
  const cached = await timed({ root, cacheDir, resultCacheDir });
  console.log(
    `\n${count} example(s), cached: ${cached.run.cache?.reused ?? 0} of ${cached.run.results.length} result(s) reused, ${(cached.wallMs / 1000).toFixed(2)} s`,
  );
  printFailures(`${count} example(s), cached`, cached.run);
  return {
    examples: count,
    cases: warm.run.results.length,
    coldMs: cold.wallMs,
    warmMs: warm.wallMs,
    cachedMs: cached.wallMs,
    medians: languageMedians(warm.run.results),
  };
}

/**
 * On the examples of snippets/, warm, every result run again: what the cases that only wait add
 * (they wait in their own lane, holding no CPU slot), and what the per-case sandbox costs.
 */
async function benchWaitingAndSandbox(scratch: string): Promise<void> {
  const cacheDir = path.join(scratch, 'snippets-cache');
  const options: HarnessOptions = { root: DEFAULT_SNIPPETS_ROOT, cacheDir }; // no result cache: every case runs
  printFailures('snippets/, first run (builds everything)', await runHarness(options));
  const warm = await runHarness(options);
  console.log(`
${describeRun('snippets/, warm, every scenario', warm)}`);
  const working = await runHarness({ ...options, scenarios: WORKING_SCENARIOS });
  console.log(`
${describeRun(`snippets/, warm, without ${WAITING_SCENARIOS.join(', ')}`, working)}`);
  console.log(describeWaitingCost(warm, working));
  console.log(`isolation                   ${describeIsolation(warm.isolation)}`);
  if (warm.isolation.available) {
    // The same warm run without the sandbox (each case still gets its scratch space, and every
    // cached build is hashed again before each case, as unsandboxed runs do).
    const bare = await runHarness({ ...options, isolation: { available: false, reason: 'turned off to measure the sandbox' } });
    console.log(`
${describeRun('snippets/, warm, unsandboxed', bare)}`);
    console.log(`
sandboxed/unsandboxed warm wall-time ratio   ${(warm.durationMs / bare.durationMs).toFixed(2)}`);
  }
}

/** What `npm run bench` times: the example counts of the growth table, and the full matrix's section. */
export interface BenchOptions {
  /** `--examples N` (repeatable); the default counts when absent. */
  counts: number[];
  /** `--quick`: the full matrix without its cold run, on the project's toolchain cache. */
  quick: boolean;
  /** `--full-matrix-only`: only the full matrix's section. */
  fullMatrixOnly: boolean;
}

/** Parses `--examples N` (repeatable), `--quick` and `--full-matrix-only`. */
export function parseBenchArgs(argv: readonly string[]): BenchOptions {
  const { values } = parseArgs({
    args: [...argv],
    options: { examples: { type: 'string', multiple: true }, quick: { type: 'boolean' }, 'full-matrix-only': { type: 'boolean' } },
    strict: true,
  });
  const counts = (values.examples ?? DEFAULT_EXAMPLE_COUNTS.map(String)).map((text) => {
    const count = Number(text);
    if (!Number.isInteger(count) || count < 1) throw new Error(`expected --examples to be a whole number of at least 1, got "${text}"`);
    return count;
  });
  return { counts, quick: values.quick === true, fullMatrixOnly: values['full-matrix-only'] === true };
}

/** Runs the benchmark and prints it. */
export async function bench(argv: readonly string[]): Promise<void> {
  const { counts, quick, fullMatrixOnly } = parseBenchArgs(argv);
  const scratch = await mkdtemp(path.join(tmpdir(), 'rr-bench-'));
  // Interrupted (Ctrl-C): leave no temporary examples or caches behind.
  const stop = () => {
    rmSync(scratch, { recursive: true, force: true });
    process.exit(130);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  try {
    if (!fullMatrixOnly) {
      await benchJavaStartup(scratch);
      await benchWaitingAndSandbox(scratch);
      const rows: GrowthRow[] = [];
      for (const count of counts) rows.push(await benchExamples(scratch, count));
      console.log(`\nHow the cost grows (cases/s over the wall time of runHarness; medians of the warm run):\n\n${growthTable(rows)}`);
    }
    const matrix = await benchFullMatrix(scratch, { quick, onRun: printFailures });
    console.log(`\n${fullMatrixSection(matrix)}`);
  } finally {
    process.off('SIGINT', stop);
    process.off('SIGTERM', stop);
    await rm(scratch, { recursive: true, force: true });
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  try {
    await bench(process.argv.slice(2));
  } catch (error) {
    process.stderr.write(`bench: ${(error as Error).message}\n`);
    process.exitCode = 2;
  }
}
