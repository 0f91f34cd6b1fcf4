// The harness as a function, and the one way into it: find the examples, plan the cases, run them,
// write the reports (and, ahead of runs, prepare each language's toolchain once). Used by the CLI,
// the site build, the live sentinel, the benchmark and the tests.
import path from 'node:path';
import { DEFAULT_CACHE_DIR, DEFAULT_SNIPPETS_ROOT, PROJECT_ROOT } from '../project.ts';
import { discoverExamples, type Example } from '../manifest/examples.ts';
import type { LanguageRunner } from '../runners/runner-contract.ts';
import { DEFAULT_RUNNERS } from '../runners/registry.ts';
import { writeReport } from '../report/report-io.ts';
import type { HarnessReport } from '../report/report-schema.ts';
import { IsolationError, detectIsolation, type Isolation } from '../sandbox/isolation.ts';
import { runCases, type EngineOptions, type EngineRun } from './run/engine.ts';
import { writeFileAtomic } from '../write-file-atomic.ts';
import { toJunit } from '../report/reporters/junit.ts';
import { toReport } from '../report/reporters/summary.ts';
import type { CaseResult } from './case/case-result.ts';
import { dependencyRoot } from '../report/case-inputs.ts';
import { affectedExamples, changedFilesSince } from './run/changes.ts';
import { planCases, shardCases, type CaseFilter, type PlannedCase, type Shard } from './run/plan.ts';
import { prepareEachToolchain, type ToolchainPreparation } from './run/prepare-toolchains.ts';

// The project's folders live in scripts/project.ts; they are exported here too for the harness's callers.
export { DEFAULT_CACHE_DIR, DEFAULT_RESULT_CACHE_DIR, DEFAULT_SNIPPETS_ROOT, PROJECT_ROOT } from '../project.ts';
// What prepareToolchains() reports about each language, and its one-line form.
export { formatPreparation, type ToolchainPreparation } from './run/prepare-toolchains.ts';

/** What to run and how. */
export interface HarnessOptions extends CaseFilter, Partial<Omit<EngineOptions, 'snippetsRoot'>> {
  /** Run exactly these planned cases instead of planning (a test that made one test per case). */
  cases?: readonly PlannedCase[];
  /** Where to write the JSON report once every case has finished (never for an interrupted run). */
  jsonReport?: string;
  /** Where to write the JUnit report, likewise. */
  junitReport?: string;
  /** Folder of the examples (default `snippets/`). */
  root?: string;
  /** Runners by language (default: the five built in). */
  runners?: readonly LanguageRunner[];
  /** Only the examples whose files changed since this git ref (all when the harness changed). */
  changedSince?: string;
  /** Only this slice of the cases. */
  shard?: Shard;
}

/** The cases a run would execute, and what narrowed them. */
export interface HarnessPlan {
  examples: Example[];
  cases: PlannedCase[];
  /** How --changed and --shard narrowed the plan, for the terminal. */
  notes: string[];
}

/** The examples and cases a harness run would execute, without running them. */
export async function planHarness(options: HarnessOptions = {}): Promise<HarnessPlan> {
  const root = path.resolve(options.root ?? DEFAULT_SNIPPETS_ROOT);
  const runners = options.runners ?? DEFAULT_RUNNERS;
  const examples = await discoverExamples(root, runners);
  let cases = planCases(examples, runners, options);
  const notes: string[] = [];
  if (options.changedSince !== undefined) {
    const projectRoot = options.projectRoot ?? PROJECT_ROOT;
    const affected = affectedExamples(await changedFilesSince(options.changedSince, projectRoot), examples, projectRoot);
    cases = cases.filter((planned) => affected.ids.includes(planned.example.id));
    notes.push(`--changed ${options.changedSince}: ${affected.reason}`);
  }
  if (options.shard) {
    cases = shardCases(cases, options.shard);
    notes.push(`--shard ${options.shard.index}/${options.shard.count}: ${cases.length} case(s) of this shard`);
  }
  return { examples, cases, notes };
}

/** Engine options with the defaults filled in: project root, runner cache, dependency folder. */
export function engineOptions(options: HarnessOptions = {}): EngineOptions {
  return {
    ...options,
    snippetsRoot: dependencyRoot(path.resolve(options.root ?? DEFAULT_SNIPPETS_ROOT), DEFAULT_SNIPPETS_ROOT, options.runners),
    projectRoot: options.projectRoot ?? PROJECT_ROOT,
    cacheDir: options.cacheDir ?? DEFAULT_CACHE_DIR,
  };
}

/** What a caller hears while a run goes: what will run, before anything does; then each finished case. */
export interface HarnessHooks {
  /** The plan and the isolation the programs will run under, before the first case starts. */
  onStart?(start: { plan: HarnessPlan; isolation: Isolation }): void;
  /** Each finished case, as it finishes. */
  onCaseDone?(result: CaseResult): void;
}

/** A finished run: what the engine did, the plan it ran, and the report made of it. */
export interface HarnessRun extends EngineRun {
  plan: HarnessPlan;
  report: HarnessReport;
}

/**
 * The one way into the harness: plan the cases (or take the ones given), find how programs are
 * sandboxed, run every case, then write the reports asked for. Throws ManifestError, UsageError or
 * IsolationError before running anything, and the signal's reason when the run is stopped (no
 * report is written then).
 */
export async function runHarness(options: HarnessOptions = {}, hooks: HarnessHooks = {}): Promise<HarnessRun> {
  const plan: HarnessPlan = options.cases
    ? { examples: [...new Set(options.cases.map((planned) => planned.example))], cases: [...options.cases], notes: [] }
    : await planHarness(options);
  const isolation = options.isolation ?? (await detectIsolation());
  if (options.requireIsolation && !isolation.available) throw new IsolationError(isolation.reason);
  hooks.onStart?.({ plan, isolation });
  const run = await runCases(plan.cases, { ...engineOptions(options), isolation, onCaseDone: hooks.onCaseDone ?? options.onCaseDone });
  const report = toReport(run.results, run.info);
  if (options.jsonReport) await writeReport(options.jsonReport, report);
  if (options.junitReport) await writeFileAtomic(options.junitReport, toJunit(run.results));
  return { ...run, plan, report };
}

/**
 * Prepares every language's toolchain once, in the cache a run with the same options uses: one
 * program of each language under `root` (default snippets/) is prepared by its runner, so the
 * virtual environment, the resolved libraries, the class-data-sharing archive and Go's build cache
 * exist before any case starts. Reports each language as ready, missing or failed; throws only
 * ManifestError (a bad example under `root`).
 */
export async function prepareToolchains(options: HarnessOptions = {}): Promise<ToolchainPreparation[]> {
  const runners = options.runners ?? DEFAULT_RUNNERS;
  const { examples } = await planHarness({ root: options.root, runners });
  const engine = engineOptions(options);
  return prepareEachToolchain(examples, runners, { cacheDir: engine.cacheDir, snippetsRoot: engine.snippetsRoot, signal: options.signal });
}
