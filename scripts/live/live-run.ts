// The live run as a function: plan the cases a real account can produce, check the request budget,
// and run them through the engine with the live case runner. Used by the CLI and the tests.
import type { RequestListener } from 'node:http';
import { planHarness, runHarness, type HarnessOptions, type HarnessPlan, type HarnessRun } from '../harness/harness.ts';
import type { PlannedCase } from '../harness/run/plan.ts';
import { UsageError } from '../usage.ts';
import { SCENARIO_NAMES } from '../harness/case/scenarios.ts';
import { LIVE_REQUEST_LIMIT, RequestBudget, checkRequestBudget } from './budget.ts';
import { liveCaseRunner } from './live-case.ts';
import { LIVE_SCENARIO_NAMES } from './live-scenarios.ts';
import type { LiveTokens } from './live-tokens.ts';
import { exampleSteps, onlyReadsWithoutIds } from '../manifest/example-steps.ts';

/** Time allowed for one probe, like the examples' own 10-second timeout. */
export const PROBE_TIMEOUT_MS = 10_000;

/** Cases at once in a live run, unless asked otherwise: gentle on the real API. */
export const LIVE_CONCURRENCY = 2;

/** How to run live. */
export interface LiveOptions {
  tokens: LiveTokens;
  /** Time allowed for one probe (default PROBE_TIMEOUT_MS). */
  probeTimeoutMs?: number;
  /** The most requests the run may send (default LIVE_REQUEST_LIMIT). */
  requestLimit?: number;
  /** Tests only: a stand-in of the real API on 127.0.0.1, reached through an interception proxy. */
  upstream?: RequestListener;
}

/** The live cases: the filters of the command line, over the live scenarios only. */
export async function planLive(options: HarnessOptions = {}): Promise<HarnessPlan> {
  const asked = options.scenarios ?? [];
  const mockOnly = asked.filter(
    (name) => (SCENARIO_NAMES as readonly string[]).includes(name) && !(LIVE_SCENARIO_NAMES as readonly string[]).includes(name),
  );
  if (mockOnly.length) {
    throw new UsageError(
      `${mockOnly.map((name) => `"${name}"`).join(', ')}: the mock's scenario(s) only; a live run has ${LIVE_SCENARIO_NAMES.join(', ')}`,
    );
  }
  const plan = await planHarness({ ...options, scenarios: asked.length ? asked : LIVE_SCENARIO_NAMES });
  // Until a live run can write to an account and give programs its ids, it sends only the examples that read without one.
  const writing = plan.examples.filter((example) => !onlyReadsWithoutIds(exampleSteps(example.manifest)));
  const refused = writing.filter((example) => options.examples?.includes(example.id));
  if (refused.length)
    throw new UsageError(
      `${refused.map((example) => `"${example.id}"`).join(', ')}: a live run sends only examples that read without an id from the environment, for now`,
    );
  const skipped = new Set(writing.map((example) => example.id));
  return { ...plan, cases: plan.cases.filter((planned) => !skipped.has(planned.example.id)) };
}

/** Runs planned live cases; throws UsageError, before anything is sent, when they could exceed the request limit. */
export async function runLiveCases(cases: readonly PlannedCase[], options: HarnessOptions & LiveOptions): Promise<HarnessRun> {
  const { tokens, probeTimeoutMs, requestLimit, upstream, ...harness } = options;
  checkRequestBudget(cases, requestLimit ?? LIVE_REQUEST_LIMIT);
  const runCase = liveCaseRunner({
    tokens,
    probeTimeoutMs: probeTimeoutMs ?? PROBE_TIMEOUT_MS,
    budget: new RequestBudget(cases.length),
    upstream,
  });
  // Never the result cache: a live result is about the real API at this moment, and must neither be
  // reused nor stored where a mock run would reuse it. Always the sandbox: the programs run with
  // real tokens, so each sees its own token alone and reaches the API alone. The live report is
  // written by the live command, never at the site's report path.
  return runHarness({
    ...harness,
    cases,
    resultCacheDir: undefined,
    jsonReport: undefined,
    junitReport: undefined,
    requireIsolation: true,
    concurrency: harness.concurrency ?? LIVE_CONCURRENCY,
    runCase,
  });
}

/** Plans and runs a live run. */
export async function runLive(options: HarnessOptions & LiveOptions): Promise<HarnessRun> {
  const { cases } = await planLive(options);
  return runLiveCases(cases, options);
}
