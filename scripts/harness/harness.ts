// The harness as a function: find the examples, plan the cases, run them. Used by the CLI, the
// test suite, the site build and the benchmark.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { discoverExamples, type Example } from '../manifest/examples.ts';
import type { LanguageRunner } from '../runners/contract.ts';
import { DEFAULT_RUNNERS } from '../runners/registry.ts';
import { runCases, type EngineOptions, type EngineRun } from './engine.ts';
import { dependencyRoot } from './inputs.ts';
import { affectedExamples, changedFilesSince } from './changes.ts';
import { planCases, shardCases, type CaseFilter, type PlannedCase, type Shard } from './plan.ts';

/** The project's root folder (where package.json is). */
export const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** Default folder of the examples. */
export const DEFAULT_SNIPPETS_ROOT = path.join(PROJECT_ROOT, 'snippets');

/** Default cache of the runners (venv, Go binaries, Java classes). */
export const DEFAULT_CACHE_DIR = path.join(PROJECT_ROOT, '.cache', 'harness');

/** Default folder of the result cache (`--no-cache` runs without it). */
export const DEFAULT_RESULT_CACHE_DIR = path.join(PROJECT_ROOT, '.cache', 'results');

/** What to run and how. */
export interface HarnessOptions extends CaseFilter, Partial<Omit<EngineOptions, 'snippetsRoot'>> {
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
    snippetsRoot: dependencyRoot(path.resolve(options.root ?? DEFAULT_SNIPPETS_ROOT), DEFAULT_SNIPPETS_ROOT),
    projectRoot: options.projectRoot ?? PROJECT_ROOT,
    cacheDir: options.cacheDir ?? DEFAULT_CACHE_DIR,
  };
}

/** Runs the harness over the examples under `root`; throws ManifestError or UsageError before running anything. */
export async function runHarness(options: HarnessOptions = {}): Promise<EngineRun> {
  const { cases } = await planHarness(options);
  return runCases(cases, engineOptions(options));
}
