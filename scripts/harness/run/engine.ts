// Runs planned cases: detects toolchains, prepares each file once, runs every case against its own
// mock listener, and applies every check. With a result cache, a case whose inputs are unchanged
// reuses its last result instead (result-cache.ts).
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { createThrowawayCa } from '../../mock/ca.ts';
import type { ThrowawayCa } from '../../mock/types.ts';
import type { LanguageRunner, PreparedSnippet, RunResult, Toolchain } from '../../runners/runner-contract.ts';
import { IsolationError, describeIsolation, detectIsolation, type Isolation } from '../../sandbox/isolation.ts';
import { limitsFor } from '../../sandbox/case-limits.ts';
import { runCase } from '../case/run-case.ts';
import { DEFAULT_RUNNERS } from '../../runners/registry.ts';
import { currentCommit } from '../../report/fingerprint.ts';
import { harnessFingerprint } from '../../report/harness-files.ts';
import type { CaseInputs, RunInfo } from '../../report/report-schema.ts';
import { caseInputs } from '../../report/case-inputs.ts';
import type { CaseOutcome, CaseResult } from '../case/case-result.ts';
import { harnessFailure, skippedCase, toolchainFailure, unpreparedCase } from '../case/case-result.ts';
import { errorSummary } from '../case/caught-error.ts';
import type { Check } from '../checks/check.ts';
import { showSafely } from '../../secrets/safe-text.ts';
import { mapInLanes } from './pool.ts';
import { createBuildOrder } from './build-order.ts';
import { confirmedResult, failedOnlyOnTime } from './timing-confirmation.ts';
import { openResultCache, type CacheRetention, type CacheStats } from '../cache/result-cache.ts';
import { SameRequestGate, requestFingerprint } from '../checks/same-request.ts';
import { SCENARIOS } from '../case/scenarios.ts';
import { detectWithCache } from '../cache/toolchain-cache.ts';
import { readRawRequest, type RawRequest } from '../case/request-http.ts';
import type { PlannedCase } from './plan.ts';

/** How to run a set of cases. */
export interface EngineOptions {
  /** Folder holding the runners' dependency files (`dependencyFiles`). */
  snippetsRoot: string;
  /** Project root: report paths are relative to it. */
  projectRoot: string;
  /** Writable cache for runners (venv, builds). */
  cacheDir: string;
  /** Cases at once (default: CPU count). */
  concurrency?: number;
  /** Fail, rather than skip, cases whose toolchain is missing. */
  requireAll?: boolean;
  /** Folder of the result cache: when set, a case whose inputs are unchanged reuses its last result (see result-cache.ts). */
  resultCacheDir?: string;
  /** How long and how much the result cache keeps (default: DEFAULT_RETENTION); pruned after each finished run. */
  resultCacheRetention?: Partial<CacheRetention>;
  /** Called as each case finishes (progress output). */
  onCaseDone?: (result: CaseResult) => void;
  /** Runs one prepared case in place of the mock's flow (`runCase`): the live sentinel's hook. */
  runCase?: typeof runCase;
  /** Stops the run: running programs are killed, no new case starts, and `runCases` rejects with the signal's reason. */
  signal?: AbortSignal;
  /** How programs are sandboxed (default: detected on this machine). */
  isolation?: Isolation;
  /** Refuse to run (IsolationError) when programs cannot be sandboxed. */
  requireIsolation?: boolean;
  /** The registered runners, whose variables every program gets (default: the built-in ones; the planned cases' runners are added). */
  runners?: readonly LanguageRunner[];
  /** The checks applied to every case (default: CHECKS); a test passes a faulty one to see it isolated. */
  checks?: readonly Check[];
}

/** Cases at once in the lane of scenarios that only wait on a timer (a hung server), beyond the CPU-bound lane. */
export const WAITING_LANE_WIDTH = 16;

/** What a whole run produced. */
export interface EngineRun {
  results: CaseResult[];
  /** When, where and with what the run was made (the report's `run`). */
  info: RunInfo;
  toolchains: Map<string, Toolchain>;
  durationMs: number;
  /** Sum of the wall time of every child process run in the working lane (for the benchmark's overhead ratio). */
  childWallMs: number;
  concurrency: number;
  /** Whether programs ran sandboxed, and why not. */
  isolation: Isolation;
  /** What the result cache did, when one was used. */
  cache?: CacheStats;
}

/** Every runner's toolchain, and the error of each runner whose detect() threw (its cases fail; the others run). */
interface Detected {
  toolchains: Map<string, Toolchain>;
  failures: Map<string, unknown>;
}

/** Detects every runner's toolchain once (reusing remembered answers when there is a cache folder). */
async function detectAll(runners: readonly LanguageRunner[], cacheDir?: string): Promise<Detected> {
  const detect = (runner: LanguageRunner) => (cacheDir ? detectWithCache(runner, path.join(cacheDir, 'toolchains')) : runner.detect());
  const failures = new Map<string, unknown>();
  const entries = await Promise.all(
    runners.map(async (runner): Promise<[string, Toolchain]> => {
      try {
        return [runner.id, await detect(runner)];
      } catch (error) {
        failures.set(runner.id, error);
        return [runner.id, { available: false, reason: `${detectWhere(runner)} threw: ${showSafely(errorSummary(error), [], 500)}` }];
      }
    }),
  );
  return { toolchains: new Map(entries), failures };
}

/** How a runner's detect() is named where it failed. */
const detectWhere = (runner: LanguageRunner) => `runner "${runner.id}" detect()`;

/** What the checks get for an example's `request.http`: the parsed request, or why it could not be read. */
type RawRequestResult = RawRequest | { error: string };

/** Each example's `request.http` (or why it could not be read), read once. */
async function readRawRequests(cases: readonly PlannedCase[]): Promise<Map<string, RawRequestResult>> {
  const found = new Map<string, RawRequestResult>();
  for (const example of new Set(cases.map((planned) => planned.example))) {
    try {
      const raw = await readRawRequest(example.dir, example.otherFiles);
      if (raw) found.set(example.id, raw);
    } catch (error) {
      found.set(example.id, { error: (error as Error).message });
    }
  }
  return found;
}

/** Runs `cases` and returns one result per case, in plan order. */
export async function runCases(cases: readonly PlannedCase[], options: EngineOptions): Promise<EngineRun> {
  const started = performance.now();
  const startedAt = new Date().toISOString();
  const harness = harnessFingerprint(options.projectRoot);
  const commit = currentCommit(options.projectRoot);
  const concurrency = options.concurrency ?? availableParallelism();
  const isolation = options.isolation ?? (await detectIsolation());
  if (options.requireIsolation && !isolation.available) throw new IsolationError(isolation.reason);
  const runners = [...new Set(cases.map((planned) => planned.runner))];
  const registered = [...new Set([...(options.runners ?? DEFAULT_RUNNERS), ...runners])];
  // Each runner's limits, checked before anything runs (a runner may declare its own).
  const limits = new Map(runners.map((runner) => [runner, limitsFor(runner)]));
  const [{ toolchains, failures: detectFailures }, rawRequests] = await Promise.all([
    detectAll(runners, options.resultCacheDir),
    readRawRequests(cases),
  ]);
  options.signal?.throwIfAborted();
  const builds = createBuildOrder<PreparedSnippet>();
  const snippetRuntime = new Map<string, string>();
  const prepareFresh = (planned: PlannedCase, recheck = false) =>
    planned.runner.prepare(planned.file.path, {
      cacheDir: options.cacheDir,
      snippetsRoot: options.snippetsRoot,
      signal: options.signal,
      recheck,
      // Builds are sandboxed as the programs are: a run told to go without a sandbox builds without one.
      isolation,
    });
  const prepare = (planned: PlannedCase) => builds.build(planned.runner.id, planned.file.path, () => prepareFresh(planned));
  // Unsandboxed, an earlier program could have changed a cached build: prepare again before each
  // case, which checks every cached folder against its recorded hash and rebuilds one that changed.
  const prepareForCase = async (planned: PlannedCase) => {
    const first = await prepare(planned);
    return isolation.available ? first : prepareFresh(planned, true);
  };
  const relative = (file: string) => path.relative(options.projectRoot, file) || file;
  let childWallMs = 0;
  // Hashed once per file, before anything runs: every scenario of a file is about the same bytes.
  const inputsByFile = new Map<string, CaseInputs>();
  const inputsOf = (planned: PlannedCase): CaseInputs => {
    let inputs = inputsByFile.get(planned.file.path);
    if (!inputs) {
      inputs = caseInputs(planned, toolchains.get(planned.runner.id), { harness, dependencyRoot: options.snippetsRoot });
      inputsByFile.set(planned.file.path, inputs);
    }
    return inputs;
  };
  // Result cache: reuse what can be reused before building or starting anything for it.
  const resultCache = options.resultCacheDir
    ? openResultCache(options.resultCacheDir, { retention: options.resultCacheRetention })
    : undefined;
  const reused = new Map<string, CaseResult>();
  if (resultCache) {
    for (const planned of cases) {
      const hit = await resultCache.reuse({ caseKey: planned.key, file: relative(planned.file.path), inputs: inputsOf(planned) });
      if (hit) reused.set(planned.key, hit);
    }
  }
  const toRun = cases.filter((planned) => !reused.has(planned.key));
  const needsCa = toRun.some((planned) => toolchains.get(planned.runner.id)?.available);
  const ca: ThrowawayCa | undefined = needsCa ? await createThrowawayCa() : undefined;
  // A second CA that no program is told to trust, for the untrusted-certificate scenario; no Java trust store.
  const needsUntrusted = needsCa && cases.some((planned) => SCENARIOS[planned.scenario].behaviour === 'untrusted');
  let untrustedCa: ThrowawayCa | undefined;
  const gate = new SameRequestGate(cases);
  try {
    options.signal?.throwIfAborted();
    untrustedCa = needsUntrusted ? await createThrowawayCa({ javaTrustStore: false }) : undefined;
    // Start every build early, so compiling one file overlaps with running another's cases (each
    // language's first alone: build-order.ts).
    for (const planned of toRun) if (toolchains.get(planned.runner.id)?.available) prepare(planned);
    const lanes = { working: concurrency, waiting: WAITING_LANE_WIDTH };
    const laneOf = (planned: PlannedCase) => (SCENARIOS[planned.scenario].waits ? 'waiting' : 'working');
    /** Runs one case that could not be reused: skipped, failed before running, or run and checked. */
    const outcomeOf = async (planned: PlannedCase, onFingerprint: (fingerprint: string) => void): Promise<CaseOutcome> => {
      const file = relative(planned.file.path);
      if (detectFailures.has(planned.runner.id)) {
        return harnessFailure(planned, file, detectFailures.get(planned.runner.id), { where: detectWhere(planned.runner) });
      }
      const toolchain = toolchains.get(planned.runner.id);
      if (!toolchain?.available || !ca) {
        const reason = toolchain && !toolchain.available ? toolchain.reason : `${planned.runner.label} toolchain unavailable`;
        return options.requireAll ? toolchainFailure(planned, file, reason) : skippedCase(planned, file, reason);
      }
      let snippet: PreparedSnippet;
      try {
        snippet = await prepareForCase(planned);
      } catch (error) {
        return unpreparedCase(planned, file, error);
      }
      snippetRuntime.set(planned.file.path, snippet.runtime ?? toolchain.version);
      return (options.runCase ?? runCase)(planned, snippet, {
        ca,
        untrustedCa,
        file,
        signal: options.signal,
        rawRequest: rawRequests.get(planned.example.id),
        isolation,
        projectRoot: options.projectRoot,
        cacheDir: options.cacheDir,
        limits: limits.get(planned.runner),
        checks: options.checks,
        runners: registered,
        onRun: (run: RunResult) => {
          if (laneOf(planned) === 'working') childWallMs += run.durationMs;
        },
        onObservation: (observation) => onFingerprint(requestFingerprint(observation)),
      });
    };
    /** Fresh results failed by checks that measure time alone (timing-confirmation.ts): settled once run again. */
    const unconfirmed: { index: number; planned: PlannedCase; first: CaseResult }[] = [];
    /** Runs a case that could not be reused and completes its result; a fault of the harness's own costs this case, never the run. */
    const freshResult = async (planned: PlannedCase): Promise<{ finished: CaseResult; fingerprint: string | undefined } | undefined> => {
      let fingerprint: string | undefined;
      let result: CaseOutcome;
      try {
        result = await outcomeOf(planned, (sent) => (fingerprint = sent));
      } catch (error) {
        if (options.signal?.aborted) return undefined;
        result = harnessFailure(planned, relative(planned.file.path), error, { where: 'the engine' });
      }
      if (options.signal?.aborted) return undefined;
      const runtime = snippetRuntime.get(planned.file.path);
      const finished: CaseResult = {
        ...result,
        cached: false,
        inputs: inputsOf(planned),
        ...(result.evidence && runtime ? { runtime } : {}),
      };
      if (fingerprint !== undefined) finished.detail.requestFingerprint = fingerprint;
      return { finished, fingerprint };
    };
    /** Stores a finished result and reports it (same-request judges an example's ok cases together: they are reported once all are in). */
    const settle = async (finished: CaseResult, fingerprint: string | undefined) => {
      // Stored before same-request is applied: that check depends on the other languages, and is
      // applied again whenever the result is reused.
      await resultCache?.remember(finished, options.signal);
      for (const complete of gate.settle(finished, fingerprint)) options.onCaseDone?.(complete);
    };
    const results = await mapInLanes(cases, laneOf, lanes, async (planned, index) => {
      // Once stopped, no case starts; the run rejects below, after the running ones were killed.
      if (options.signal?.aborted) return undefined;
      const hit = reused.get(planned.key);
      if (hit) {
        // A reused ok case is judged by same-request again, with the cases of this run.
        for (const complete of gate.settle(hit, hit.detail.requestFingerprint)) options.onCaseDone?.(complete);
        return hit;
      }
      const fresh = await freshResult(planned);
      if (!fresh) return undefined;
      if (failedOnlyOnTime(fresh.finished)) {
        unconfirmed.push({ index, planned, first: fresh.finished });
        return fresh.finished;
      }
      await settle(fresh.finished, fresh.fingerprint);
      return fresh.finished;
    });
    options.signal?.throwIfAborted();
    // Each case failed by time alone runs again now that the others are done, one at a time.
    for (const { index, planned, first } of unconfirmed) {
      const again = await freshResult(planned);
      options.signal?.throwIfAborted();
      if (!again) continue;
      const confirmed = confirmedResult(again.finished, first);
      results[index] = confirmed;
      await settle(confirmed, again.fingerprint);
    }
    // Keeps the cache bounded; never removes an entry this run reused or stored.
    await resultCache?.prune();
    const durationMs = performance.now() - started;
    const info: RunInfo = {
      startedAt,
      durationMs: Math.round(durationMs),
      commit: await commit,
      harness,
      node: process.versions.node,
      isolation: describeIsolation(isolation),
      toolchains: Object.fromEntries(toolchains),
    };
    return {
      results: results as CaseResult[],
      info,
      toolchains,
      durationMs,
      childWallMs,
      concurrency,
      isolation,
      ...(resultCache ? { cache: resultCache.stats } : {}),
    };
  } finally {
    await ca?.dispose();
    await untrustedCa?.dispose();
  }
}
