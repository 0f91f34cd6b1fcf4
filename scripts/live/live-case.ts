// Runs one live case: the program with its own real token (and, in a write run, the ids of the
// run's own resources) in the same sandbox as a mocked run, reaching the API only through the egress
// proxy (no interception), then the live checks against the verdict of the probe of its operation
// and scenario, sent once before the cases. Every text it returns is masked.
import { readFile } from 'node:fs/promises';
import type { RequestListener } from 'node:http';
import { runCase, type CaseContext } from '../harness/case/run-case.ts';
import { outputTail } from '../harness/case/output-tail.ts';
import { baseEnvironment, withToken } from '../harness/case/base-environment.ts';
import { withIds } from '../harness/case/case-ids.ts';
import { programOutput } from '../harness/case/observation.ts';
import { evidenceOf, finishedCase, harnessFailure, skippedCase } from '../harness/case/case-result.ts';
import { SCENARIOS } from '../harness/case/scenarios.ts';
import { EVIDENCE_LIMIT } from '../report/report-schema.ts';
import { DEFAULT_RUNNERS } from '../runners/registry.ts';
import type { RunResult } from '../runners/runner-contract.ts';
import { LIVE_CHECKS, type LiveObservation } from './live-checks.ts';
import { evaluateChecks } from '../harness/checks/evaluate-checks.ts';
import { exampleSteps, type ExampleStep } from '../manifest/example-steps.ts';
import { liveExpectation } from './expectation.ts';
import { maskSecrets } from '../secrets/safe-text.ts';
import { apiRoute, standInRoute, type Route } from './route.ts';
import { describeSideDoors, openCaseSandbox, type CaseSandbox, type ResourceReport, type SideDoorReport } from '../sandbox/sandbox.ts';
import { describeEgress } from '../mock/describe.ts';
import { homeVariables } from '../mock/intercepted-environment.ts';
import { liveTokenFor } from './live-scenarios.ts';
import { liveSecrets, type LiveTokens } from './live-tokens.ts';
import type { GivenId } from '../harness/case/case-ids.ts';
import type { ScenarioName } from '../harness/case/scenarios.ts';
import { createdIdsIn } from './created-ids.ts';
import { environmentIds, parameterRole } from './live-plan.ts';
import type { LiveResources } from './live-resources.ts';
import { probeKeyOf, type ProbeFinding } from './probe-phase.ts';

/** How the live cases of one run are made. */
export interface LiveSettings {
  tokens: LiveTokens;
  /** What each probe found, by probe key (see probeKeyOf): sent once, before any case. */
  findings: ReadonlyMap<string, ProbeFinding>;
  /** A write run's resources: the ids its cases get, and where a program's created records go. */
  resources?: LiveResources;
  /** A read run's dedicated client, when given. */
  clientId?: string;
  /**
   * Tests only: a stand-in of the real API on 127.0.0.1. The programs and the probe reach it through
   * an interception proxy instead of the internet. No command-line flag sets it.
   */
  upstream?: RequestListener;
}

/** The ids a case's program is given: the dedicated client, or resources the run made. */
async function liveIds(steps: readonly ExampleStep[], scenario: ScenarioName, settings: LiveSettings): Promise<GivenId[]> {
  const given: GivenId[] = [];
  for (const { parameter, variable } of environmentIds(steps)) {
    const role = parameterRole(steps, parameter, scenario);
    const { resources } = settings;
    let value: string | undefined;
    if (role.kind === 'client') value = resources?.clientId ?? settings.clientId;
    else if (resources) value = role.kind === 'shared' ? await resources.shared(role.collection) : await resources.fresh(role.collection);
    if (value === undefined) throw new Error(`a live run has no ${parameter} to give ${variable}`);
    given.push({ parameter, variable, value, unknown: false });
  }
  return given;
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
    const steps = exampleSteps(manifest);
    const finding = settings.findings.get(probeKeyOf(planned));
    let ids: GivenId[];
    let route: Route | undefined;
    let sandbox: CaseSandbox | undefined;
    let run: RunResult;
    let exitedAtMs: number;
    let sideDoors: SideDoorReport | undefined;
    let resources: ResourceReport;
    let connections: string[];
    try {
      // The real token and the real network: never without the sandbox.
      if (!context.isolation?.available) throw new Error('a live run runs its programs in the sandbox only, and there is none');
      if (!finding) throw new Error(`no probe was sent for ${probeKeyOf(planned)}`);
      ids = await liveIds(steps, planned.scenario, settings);
      route = settings.upstream ? await standInRoute(settings.upstream, context.ca) : await apiRoute(context.ca);
      sandbox = await openCaseSandbox({
        isolation: context.isolation,
        proxy: route.proxy,
        caFiles: route.caFiles,
        projectRoot: context.projectRoot,
        cacheDir: context.cacheDir,
        limits: context.limits,
        homeVariables: homeVariables(runners),
      });
      const env = sandbox.environment(withIds(withToken(route.environment(baseEnvironment(process.env, runners)), token), ids));
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
    const given = Object.fromEntries(ids.map((id) => [id.parameter, id.value]));
    let expectation = liveExpectation(setup, manifest, finding.facts, given);
    // A create's new record, as the program printed it: deleted at the end, and what {targetId} stands for.
    if (settings.resources && planned.scenario === 'ok') {
      const created = createdIdsIn(steps, expectation.output, output);
      for (const record of created) settings.resources.record(record.collection, record.id, 'a program');
      const createdIds = Object.fromEntries(created.map((record) => [record.parameter, record.id]));
      expectation = liveExpectation(setup, manifest, finding.facts, { ...given, ...createdIds });
    }
    const observation: LiveObservation = {
      scenario: setup,
      expectation,
      manifest,
      token,
      ids,
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
      verdict: finding.verdict,
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
        requests: [finding.line],
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
