// The live run as a function: plan the cases a real account can produce (reads only, unless writes
// were asked for with a dedicated client), check the request plan against its ceiling, make a write
// run's own resources, send one probe per operation and scenario, run the cases through the engine
// with the live case runner, and delete the run's resources at the end whatever happened. Used by
// the CLI and the tests.
import https from 'node:https';
import type { RequestListener } from 'node:http';
import { randomBytes } from 'node:crypto';
import { API_MEDIA_TYPE } from '../api/core-api.ts';
import { planHarness, runHarness, type HarnessOptions, type HarnessPlan, type HarnessRun } from '../harness/harness.ts';
import type { PlannedCase } from '../harness/run/plan.ts';
import { UsageError } from '../usage.ts';
import { SCENARIO_NAMES } from '../harness/case/scenarios.ts';
import { createThrowawayCa } from '../mock/ca.ts';
import { IsolationError, detectIsolation } from '../sandbox/isolation.ts';
import { exampleSteps } from '../manifest/example-steps.ts';
import { RequestBudget, checkRequestPlan, requestPlan, type RequestPlan } from './budget.ts';
import { liveCaseRunner } from './live-case.ts';
import { leftOutReason, type LeftOut, type LiveMode } from './live-plan.ts';
import { LiveResources, type CleanupReport, type OwnRequest } from './live-resources.ts';
import { LIVE_SCENARIO_NAMES } from './live-scenarios.ts';
import type { LiveTokens } from './live-tokens.ts';
import { plannedProbes, probeKeyOf, sendProbes } from './probe-phase.ts';
import { SETUP_USER_AGENT, probeApi, type ProbeAnswer } from './probe.ts';
import { RESOURCE_KINDS } from './resource-kinds.ts';
import { standInRoute } from './route.ts';
import type { ProbeVerdict } from './verdict.ts';

/** Time allowed for one probe, like the examples' own 10-second timeout. */
export const PROBE_TIMEOUT_MS = 10_000;

/** Cases at once in a live run, unless asked otherwise: gentle on the real API. */
export const LIVE_CONCURRENCY = 2;

/** How to run live. */
export interface LiveOptions extends Partial<LiveMode> {
  tokens: LiveTokens;
  /** Time allowed for one probe (default PROBE_TIMEOUT_MS). */
  probeTimeoutMs?: number;
  /** The most requests the run may send (default LIVE_REQUEST_CEILING). */
  requestCeiling?: number;
  /** Names the run's own resources (default: the time and a random suffix). */
  runId?: string;
  /** Told what the cleanup did, also when the run was stopped or failed. */
  onCleanup?: (report: CleanupReport) => void;
  /** Tests only: a stand-in of the real API on 127.0.0.1, reached through an interception proxy. */
  upstream?: RequestListener;
}

/** A live plan: the cases, and what was left out. */
export interface LivePlan extends HarnessPlan {
  leftOut: LeftOut[];
}

/** A finished live run: the harness's, each probe's verdict, the request plan, and a write run's cleanup. */
export interface LiveRun extends HarnessRun {
  verdicts: ProbeVerdict[];
  requests: RequestPlan;
  cleanup?: CleanupReport;
}

/** A run's id, for the names of its resources: `20261206T1030-3fa2c1`. */
export const newRunId = () => `${new Date().toISOString().slice(0, 16).replace(/[-:]/g, '')}-${randomBytes(3).toString('hex')}`;

/** The live cases: the filters of the command line, over the live scenarios, without what `mode` does not allow. */
export async function planLive(options: HarnessOptions & Partial<LiveMode> = {}): Promise<LivePlan> {
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
  const mode: LiveMode = { writes: options.writes ?? false, ...(options.clientId !== undefined && { clientId: options.clientId }) };
  const leftOut: LeftOut[] = [];
  for (const example of plan.examples) {
    const why = leftOutReason(exampleSteps(example.manifest), mode);
    const cases = plan.cases.filter((planned) => planned.example === example).length;
    if (why && cases) leftOut.push({ example: example.id, cases, ...why });
  }
  const refused = leftOut.filter((each) => options.examples?.includes(each.example));
  if (refused.length) throw new UsageError(refused.map((each) => `"${each.example}": ${each.reason} (nothing was sent)`).join('; '));
  const skipped = new Set(leftOut.map((each) => each.example));
  const notes = [...plan.notes];
  const writes = leftOut.filter((each) => each.writes);
  if (writes.length)
    notes.push(
      `left out ${writes.reduce((sum, each) => sum + each.cases, 0)} write case(s) of ${writes.map((each) => each.example).join(', ')}: ` +
        `they create, change or delete, and a live run writes only with --live-writes and REQUESTROCKET_LIVE_CLIENT_ID`,
    );
  for (const each of leftOut.filter((other) => !other.writes))
    notes.push(`left out ${each.cases} case(s) of ${each.example}: ${each.reason}`);
  return { ...plan, cases: plan.cases.filter((planned) => !skipped.has(planned.example.id)), notes, leftOut };
}

/** The examples and languages of the cases that read the probe `key`, in plan order. */
function affected(cases: readonly PlannedCase[], key: string): ProbeVerdict['affects'] {
  const byExample = new Map<string, string[]>();
  for (const planned of cases.filter((each) => probeKeyOf(each) === key)) {
    const languages = byExample.get(planned.example.id) ?? [];
    if (!languages.includes(planned.file.language)) languages.push(planned.file.language);
    byExample.set(planned.example.id, languages);
  }
  return [...byExample].map(([example, languages]) => ({ example, languages }));
}

/** The harness's own way to the API (the probes and a write run's requests): direct, or to a test's stand-in. */
async function harnessAgent(upstream: RequestListener | undefined): Promise<{ agent: https.Agent; close(): Promise<void> }> {
  if (!upstream) return { agent: new https.Agent({ keepAlive: false }), close: async () => {} };
  const ca = await createThrowawayCa({ javaTrustStore: false });
  const route = await standInRoute(upstream, ca);
  return {
    agent: route.agent,
    close: async () => {
      await route.close();
      await ca.dispose();
    },
  };
}

/** Runs planned live cases; throws UsageError or IsolationError before anything is sent. A write run's resources are deleted whatever happens. */
export async function runLiveCases(cases: readonly PlannedCase[], options: HarnessOptions & LiveOptions): Promise<LiveRun> {
  const { tokens, probeTimeoutMs, requestCeiling, upstream, writes = false, clientId, runId, onCleanup, ...harness } = options;
  if (writes && clientId === undefined) throw new UsageError('a write run needs the dedicated client (REQUESTROCKET_LIVE_CLIENT_ID)');
  const probes = plannedProbes(cases);
  const requests = checkRequestPlan(requestPlan(cases, probes, { tokens, writes }), cases.length, requestCeiling);
  // The real token and the real network: never without the sandbox, checked before anything is sent.
  const isolation = harness.isolation ?? (await detectIsolation());
  if (!isolation.available) throw new IsolationError(isolation.reason);
  const timeoutMs = probeTimeoutMs ?? PROBE_TIMEOUT_MS;
  const route = await harnessAgent(upstream);
  const budget = new RequestBudget(requests.probes + requests.resources);
  const send = async (request: OwnRequest): Promise<ProbeAnswer> => {
    // The cleanup is never held back by the budget or the run's stop: it only deletes what the run made.
    if (!request.cleanup && !budget.take()) return { kind: 'error', message: "the run's request limit is spent; nothing was sent" };
    return probeApi(
      { ...request, headers: { 'Content-Type': API_MEDIA_TYPE }, token: tokens.user, userAgent: SETUP_USER_AGENT },
      { timeoutMs, agent: route.agent, ...(!request.cleanup && harness.signal && { signal: harness.signal }) },
    );
  };
  const resources = writes ? new LiveResources({ clientId: clientId!, runId: runId ?? newRunId(), send }) : undefined;
  let run: HarnessRun;
  let verdicts: ProbeVerdict[];
  let cleanup: CleanupReport | undefined;
  try {
    await resources?.listBefore([...RESOURCE_KINDS.keys()]);
    const findings = await sendProbes(probes, {
      tokens,
      timeoutMs,
      budget,
      agent: route.agent,
      signal: harness.signal,
      resources,
      clientId,
    });
    verdicts = [...findings.values()].map((finding) => ({ ...finding.verdict, affects: affected(cases, finding.verdict.key) }));
    const runCase = liveCaseRunner({ tokens, findings, resources, clientId, upstream });
    // Never the result cache: a live result is about the real API at this moment, and must neither be
    // reused nor stored where a mock run would reuse it. Always the sandbox: the programs run with
    // real tokens, so each sees its own token alone and reaches the API alone. The live report is
    // written by the live command, never at the site's report path.
    run = await runHarness({
      ...harness,
      cases,
      isolation,
      resultCacheDir: undefined,
      jsonReport: undefined,
      junitReport: undefined,
      requireIsolation: true,
      concurrency: harness.concurrency ?? LIVE_CONCURRENCY,
      runCase,
    });
  } finally {
    if (resources) {
      cleanup = await resources.cleanup();
      onCleanup?.(cleanup);
    }
    await route.close();
  }
  return { ...run, verdicts, requests, ...(cleanup && { cleanup }) };
}

/** Plans and runs a live run. */
export async function runLive(options: HarnessOptions & LiveOptions): Promise<LiveRun> {
  const { cases } = await planLive(options);
  return runLiveCases(cases, options);
}
