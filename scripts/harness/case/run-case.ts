// Runs one case: fresh tokens, its own mock listener, the program in its own sandbox and scratch
// space, then every check.
import { readFile } from 'node:fs/promises';
import { homeVariables, interceptedEnvironment } from '../../mock/intercepted-environment.ts';
import { startInterceptor } from '../../mock/interceptor.ts';
import { randomToken } from '../../mock/tokens.ts';
import { describeEgress, describeTlsFailure } from '../../mock/describe.ts';
import type { MockTokens, RecordedRequest, ThrowawayCa } from '../../mock/types.ts';
import { EVIDENCE_LIMIT } from '../../report/report-schema.ts';
import { DEFAULT_RUNNERS } from '../../runners/registry.ts';
import type { CaseLimits, LanguageRunner, PreparedSnippet, RunResult } from '../../runners/runner-contract.ts';
import type { Isolation } from '../../sandbox/isolation.ts';
import { describeSideDoors, openCaseSandbox, type CaseSandbox } from '../../sandbox/sandbox.ts';
import { CHECKS, type Check } from '../checks/all-checks.ts';
import { evaluateChecks } from '../checks/evaluate-checks.ts';
import { baseEnvironment, withToken } from './base-environment.ts';
import { firstLines } from './detail-lines.ts';
import { leaksOf } from '../checks/leaks.ts';
import { showSafely } from '../../secrets/safe-text.ts';
import { programOutput, type CaseObservation } from './observation.ts';
import { outputTail } from './output-tail.ts';
import type { PlannedCase } from '../run/plan.ts';
import type { RawRequest } from './request-http.ts';
import { evidenceOf, finishedCase, harnessFailure, type CaseOutcome } from './case-result.ts';
import { SCENARIOS, caseTimeLimitMs, expectationFor, type ScenarioSetup } from './scenarios.ts';
import { freshAccount } from '../../mock/fresh-account.ts';
import { caseIds, withIds, type GivenId } from './case-ids.ts';
import { sentSecrets } from './sent-secrets.ts';

/** What a case needs from the run it belongs to. */
export interface CaseContext {
  ca: ThrowawayCa;
  /** A second CA, trusted by nothing the program is given: the untrusted-certificate scenario shows its leaf. */
  untrustedCa?: ThrowawayCa;
  /** The snippet's path as reports show it. */
  file: string;
  signal?: AbortSignal;
  /** Told about every finished program run. */
  onRun?: (run: RunResult) => void;
  /** The example's `request.http`, when it has one. */
  rawRequest?: RawRequest | { error: string };
  /** Told what the checks saw, before they run (checks across cases use it). */
  onObservation?: (observation: CaseObservation) => void;
  /** How programs are sandboxed; without it they run unsandboxed, each still in its own scratch space. */
  isolation?: Isolation;
  /** The project's root and the runners' cache: a sandboxed program sees only its example's folder and its build of them. */
  projectRoot?: string;
  cacheDir?: string;
  /** The case's limits (default: the sandbox's). */
  limits?: CaseLimits;
  /** Every registered runner: each program gets all their variables, and the checks know all their crash marks (default: the built-in ones). */
  runners?: readonly LanguageRunner[];
  /** The checks applied to the case (default: CHECKS). */
  checks?: readonly Check[];
}

/** What a case without `isolation` gets: its scratch space and the fallback's shell, no sandbox. */
const NOT_SANDBOXED: Isolation = { available: false, reason: 'no isolation was requested' };

/** Fresh tokens for one case: the program's (if any) and the mock's lists. */
function tokensFor(setup: ScenarioSetup): { token: string | undefined; mock: MockTokens; secrets: string[] } {
  const lists = { valid: [randomToken()], revoked: [randomToken()], forbidden: [randomToken()] };
  const token = setup.tokenInEnvironment ? randomToken() : undefined;
  if (token && setup.tokenRole !== 'none') lists[setup.tokenRole] = [token];
  const mock: MockTokens = { valid: new Set(lists.valid), revoked: new Set(lists.revoked), forbidden: new Set(lists.forbidden) };
  const secrets = [...lists.valid, ...lists.revoked, ...lists.forbidden, ...(token ? [token] : [])];
  return { token, mock, secrets };
}

/** One line describing a recorded request (mask it before showing it). */
function describeRequest(request: RecordedRequest): string {
  const target = request.query ? `${request.path}?${request.query}` : request.path;
  const headers = request.rawHeaders
    .filter(([name]) => ['authorization', 'content-type'].includes(name.toLowerCase()))
    .map(([name, value]) => `${name}: ${JSON.stringify(value)}`);
  const via = request.tunneled && request.tlsVersion ? request.tlsVersion : 'plain HTTP';
  const answer = request.status === 0 ? 'no answer' : request.status;
  return `${request.method} ${target} [${via}] ${headers.join('; ') || '(no Authorization, no Content-Type)'} -> ${answer}`;
}

/** Runs one planned case with its prepared program; never throws. */
export async function runCase(planned: PlannedCase, snippet: PreparedSnippet, context: CaseContext): Promise<CaseOutcome> {
  const setup = SCENARIOS[planned.scenario];
  const { token, mock, secrets } = tokensFor(setup);
  const mask = (text: string) => showSafely(text, secrets);
  const manifest = planned.example.manifest;
  const runners = context.runners ?? DEFAULT_RUNNERS;
  let interceptor;
  let sandbox: CaseSandbox | undefined;
  let ids: GivenId[];
  try {
    // The case's own account, every record under a fresh id, and the ids the program is given.
    const account = freshAccount();
    ids = caseIds(manifest, setup, account);
    interceptor = await startInterceptor({
      ca: context.ca,
      tokens: mock,
      behaviour: setup.behaviour,
      untrustedCa: context.untrustedCa,
      state: account.state,
    });
    sandbox = await openCaseSandbox({
      isolation: context.isolation ?? NOT_SANDBOXED,
      proxy: interceptor,
      caFiles: [context.ca.caCertPath, ...(context.ca.trustStorePath ? [context.ca.trustStorePath] : [])],
      projectRoot: context.projectRoot,
      cacheDir: context.cacheDir,
      limits: context.limits,
      homeVariables: homeVariables(runners),
    });
  } catch (error) {
    await interceptor?.close();
    return harnessFailure(planned, context.file, error, { where: 'starting the mock and the sandbox', secrets });
  }
  let run: RunResult;
  let exitedAtMs: number;
  try {
    const env = sandbox.environment(
      withIds(withToken(interceptedEnvironment(baseEnvironment(process.env, runners), interceptor, context.ca, { runners }), token), ids),
    );
    run = await planned.runner.run(snippet, {
      env,
      timeoutMs: caseTimeLimitMs(planned.scenario, manifest),
      signal: context.signal,
      secrets: token ? [token] : [],
      wrapper: sandbox.wrapper,
      outputLimitBytes: sandbox.outputLimitBytes,
    });
    exitedAtMs = performance.now();
  } catch (error) {
    await Promise.all([interceptor.close(), sandbox.close()]);
    return harnessFailure(planned, context.file, error, { where: `runner "${planned.runner.id}" run()`, secrets });
  }
  const sideDoors = sandbox.sideDoors(run);
  const resources = sandbox.resources();
  // The supervisor's clock, read the moment the program exited, over the moment this process
  // noticed: it may have been busy then. It cannot have exited after it was seen to.
  exitedAtMs = Math.min(exitedAtMs, sandbox.exitedAtMs() ?? exitedAtMs);
  await Promise.all([interceptor.close(), sandbox.close()]);
  context.onRun?.(run);
  // Secrets the program sent in its bodies are known now: masked from here on, like the token.
  const sent = sentSecrets(interceptor.requests).map((secret) => secret.value);
  secrets.push(...sent);
  const output = programOutput(run, runners);
  const observation: CaseObservation = {
    scenario: setup,
    expectation: expectationFor(planned.scenario, manifest),
    manifest,
    token,
    ids,
    requests: interceptor.requests,
    egress: interceptor.egress,
    tlsFailures: interceptor.tlsFailures,
    snippet: { language: planned.file.language, source: await readFile(planned.file.path, 'utf8').catch(() => ''), runner: planned.runner },
    runners,
    sideDoors,
    resources,
    run,
    exitedAtMs,
    output,
    rawRequest: context.rawRequest,
  };
  context.onObservation?.(observation);
  // Each check on its own: one that throws fails, named, and the others still judge the case.
  const { checks, errors } = evaluateChecks(context.checks ?? CHECKS, observation, secrets);
  // A token or sent secret printed in an encoded or split form survives masking: no output of this case is shown then.
  const leakedEncoded = [...(token ? [token] : []), ...sent].some((secret) =>
    leaksOf(run, secret).some((leak) => leak.encoding !== 'plain'),
  );
  const finished = finishedCase(
    planned,
    context.file,
    run.durationMs,
    checks,
    {
      exitCode: run.exitCode,
      signal: run.signal,
      timedOut: run.timedOut,
      requests: firstLines(interceptor.requests, (request) => mask(describeRequest(request))),
      // Refused connections, and TLS handshakes the program broke off (it did not trust the certificate).
      egress: [
        ...firstLines(interceptor.egress, describeEgress),
        ...firstLines(interceptor.tlsFailures, describeTlsFailure),
        ...describeSideDoors(sideDoors),
      ].map(mask),
      outputTail: outputTail(output, mask, leakedEncoded),
      evidence: evidenceOf(run, (text) => showSafely(text, secrets, EVIDENCE_LIMIT), leakedEncoded, runners),
    },
    errors,
  );
  return { ...finished, limits: resources.limits };
}
