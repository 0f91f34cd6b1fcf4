// Runs one live case: the harness's probe of the real API, then the program with its own real token
// in the same sandbox as a mocked run, reaching the API only through the egress proxy (no
// interception), then the live checks. Every text it returns is masked.
import { readFile } from 'node:fs/promises';
import type { RequestListener } from 'node:http';
import { runCase, type CaseContext } from '../harness/case/run-case.ts';
import { outputTail } from '../harness/case/output-tail.ts';
import { baseEnvironment, withToken } from '../harness/case/base-environment.ts';
import { programOutput } from '../harness/case/observation.ts';
import { evidenceOf, finishedCase, harnessFailure, skippedCase } from '../harness/case/case-result.ts';
import { SCENARIOS } from '../harness/case/scenarios.ts';
import { maskToken } from '../secrets/mask.ts';
import { EVIDENCE_LIMIT } from '../report/report-schema.ts';
import { DEFAULT_RUNNERS } from '../runners/registry.ts';
import type { RunResult } from '../runners/runner-contract.ts';
import type { RequestBudget } from './budget.ts';
import { LIVE_CHECKS, type LiveObservation } from './live-checks.ts';
import { evaluateChecks } from '../harness/checks/evaluate-checks.ts';
import { documentedAnswer } from './documented.ts';
import { exampleSteps, firstRequestOf } from '../manifest/example-steps.ts';
import { liveExpectation, realFacts } from './expectation.ts';
import { probeApi, type ProbeAnswer, type ProbeRequest } from './probe.ts';
import { maskSecrets } from '../secrets/safe-text.ts';
import { apiRoute, standInRoute, type Route } from './route.ts';
import { describeSideDoors, openCaseSandbox, type CaseSandbox, type ResourceReport, type SideDoorReport } from '../sandbox/sandbox.ts';
import { describeEgress } from '../mock/describe.ts';
import { homeVariables } from '../mock/intercepted-environment.ts';
import { liveTokenFor } from './live-scenarios.ts';
import { liveSecrets, type LiveTokens } from './live-tokens.ts';

/** How the live cases of one run are made. */
export interface LiveSettings {
  tokens: LiveTokens;
  /** Time allowed for one probe. */
  probeTimeoutMs: number;
  /** Counts the probes; none is sent once it is spent. */
  budget: RequestBudget;
  /**
   * Tests only: a stand-in of the real API on 127.0.0.1. The programs and the probe reach it through
   * an interception proxy instead of the internet. No command-line flag sets it.
   */
  upstream?: RequestListener;
}

/** One line for the report: what the probe sent and what it received (the token masked). */
function describeProbe(request: ProbeRequest, answer: ProbeAnswer): string {
  const sent = `${request.method} ${request.path} Authorization: ${request.token === undefined ? '(none)' : JSON.stringify(maskToken(request.token))}`;
  if (answer.kind === 'error') return `${sent} -> no answer: ${answer.message}`;
  return `${sent} -> ${answer.status} ${answer.contentType ?? '(no Content-Type)'}${answer.location ? ` Location: ${answer.location}` : ''}`;
}

/** A live case runner for the engine (in place of the mock's `runCase`). */
export function liveCaseRunner(settings: LiveSettings): typeof runCase {
  return async (planned, snippet, context: CaseContext) => {
    const chosen = liveTokenFor(planned.scenario, settings.tokens);
    if ('skip' in chosen) {
      return {
        ...skippedCase(planned, context.file, chosen.skip),
        checks: [{ id: 'contract-drift', status: 'skipped', message: chosen.skip }],
      };
    }
    const { token } = chosen;
    const secrets = [...liveSecrets(settings.tokens), ...(token ? [token] : [])];
    const mask = (text: string) => maskSecrets(text, secrets);
    const setup = SCENARIOS[planned.scenario];
    const manifest = planned.example.manifest;
    const runners = context.runners ?? DEFAULT_RUNNERS;
    const seeded = firstRequestOf(exampleSteps(manifest));
    const request: ProbeRequest = { ...seeded, token };
    let route: Route | undefined;
    let sandbox: CaseSandbox | undefined;
    let probe: ProbeAnswer;
    let run: RunResult;
    let exitedAtMs: number;
    let sideDoors: SideDoorReport | undefined;
    let resources: ResourceReport;
    let connections: string[];
    try {
      // The real token and the real network: never without the sandbox.
      if (!context.isolation?.available) throw new Error('a live run runs its programs in the sandbox only, and there is none');
      route = settings.upstream ? await standInRoute(settings.upstream, context.ca) : await apiRoute(context.ca);
      probe = settings.budget.take()
        ? await probeApi(request, { timeoutMs: settings.probeTimeoutMs, agent: route.agent, signal: context.signal })
        : { kind: 'error', message: "the run's request limit is spent; no probe was sent" };
      sandbox = await openCaseSandbox({
        isolation: context.isolation,
        proxy: route.proxy,
        caFiles: route.caFiles,
        projectRoot: context.projectRoot,
        cacheDir: context.cacheDir,
        limits: context.limits,
        homeVariables: homeVariables(runners),
      });
      const env = sandbox.environment(withToken(route.environment(baseEnvironment(process.env, runners)), token));
      run = await planned.runner.run(snippet, {
        env,
        timeoutMs: manifest.timeoutMs,
        signal: context.signal,
        wrapper: sandbox.wrapper,
        outputLimitBytes: sandbox.outputLimitBytes,
      });
      exitedAtMs = performance.now();
      sideDoors = sandbox.sideDoors(run);
      resources = sandbox.resources();
      // Every attempt: what the egress proxy was handed, then what the sandbox saw go past it.
      connections = [...route.proxy.connections(), ...describeSideDoors(sideDoors).map((line) => `past the proxy: ${line}`)];
    } catch (error) {
      return harnessFailure(planned, context.file, error, { where: 'the live case (probe or program)', secrets });
    } finally {
      await Promise.all([route?.close(), sandbox?.close()]);
    }
    context.onRun?.(run);
    const output = programOutput(run, runners);
    const observation: LiveObservation = {
      scenario: setup,
      expectation: liveExpectation(setup, manifest, realFacts(probe)),
      manifest,
      token,
      ids: [],
      requests: [],
      egress: route.proxy.egress,
      tlsFailures: [],
      sideDoors,
      resources,
      snippet: {
        language: planned.file.language,
        source: await readFile(planned.file.path, 'utf8').catch(() => ''),
        runner: planned.runner,
      },
      runners,
      exitedAtMs,
      run,
      output,
      probe,
      documented: documentedAnswer(setup, seeded),
    };
    // Each check on its own: one that throws fails, named, and the others still judge the case.
    const { checks, errors } = evaluateChecks(LIVE_CHECKS, observation, secrets, mask);
    const finished = finishedCase(
      planned,
      context.file,
      run.durationMs,
      checks,
      {
        exitCode: run.exitCode,
        signal: run.signal,
        timedOut: run.timedOut,
        requests: [mask(describeProbe(request, probe))],
        recordedBy: "the harness's probe",
        egress: [...route.proxy.egress.map(describeEgress), ...describeSideDoors(sideDoors)].map(mask),
        connections: connections.map(mask),
        outputTail: outputTail(output, mask, false),
        evidence: evidenceOf(run, (text) => mask(text).slice(0, EVIDENCE_LIMIT), false, runners),
      },
      errors,
    );
    return { ...finished, limits: resources.limits };
  };
}
