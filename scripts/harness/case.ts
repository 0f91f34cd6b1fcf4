// Runs one case: fresh tokens, its own mock listener, the program in its own sandbox and scratch
// space, then every check.
import { interceptedEnvironment } from '../mock/environment.ts';
import { startInterceptor } from '../mock/interceptor.ts';
import { randomToken } from '../mock/tokens.ts';
import { describeEgress, describeTlsFailure } from '../mock/describe.ts';
import type { MockTokens, RecordedRequest, ThrowawayCa } from '../mock/types.ts';
import type { PreparedSnippet, RunResult } from '../runners/contract.ts';
import type { Isolation } from '../sandbox/isolation.ts';
import { describeSideDoors, openCaseSandbox, type CaseSandbox } from '../sandbox/sandbox.ts';
import { CHECKS } from './checks/index.ts';
import { baseEnvironment, withToken } from './environment.ts';
import { maskSecrets } from './mask.ts';
import { programOutput, type CaseObservation } from './observation.ts';
import type { PlannedCase } from './plan.ts';
import type { RawRequest } from './raw-request.ts';
import { finishedCase, harnessFailure, type CaseResult } from './result.ts';
import { SCENARIOS, expectationFor, type ScenarioSetup } from './scenarios.ts';

/** What a case needs from the run it belongs to. */
export interface CaseContext {
  ca: ThrowawayCa;
  /** The snippet's path as reports show it. */
  file: string;
  signal?: AbortSignal;
  /** Told about every finished program run. */
  onRun?: (run: RunResult) => void;
  /** The example's `request.http`, when it has one. */
  rawRequest?: RawRequest | { error: string };
  /** How programs are sandboxed; without it they run unsandboxed, each still in its own scratch space. */
  isolation?: Isolation;
  /** Paths programs must be able to read inside the sandbox (the runners' cache, the project). */
  readablePaths?: readonly string[];
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
  return `${request.method} ${target} [${via}] ${headers.join('; ') || '(no Authorization, no Content-Type)'} -> ${request.status}`;
}

/** The last `count` non-empty lines of the program's output. */
function tail(output: string, count = 12): string[] {
  return output.split('\n').filter((line) => line.trim()).slice(-count);
}

/** Runs one planned case with its prepared program; never throws. */
export async function runCase(planned: PlannedCase, snippet: PreparedSnippet, context: CaseContext): Promise<CaseResult> {
  const setup = SCENARIOS[planned.scenario];
  const { token, mock, secrets } = tokensFor(setup);
  const mask = (text: string) => maskSecrets(text, secrets);
  const manifest = planned.example.manifest;
  let interceptor;
  let sandbox: CaseSandbox | undefined;
  try {
    interceptor = await startInterceptor({ ca: context.ca, tokens: mock });
    sandbox = await openCaseSandbox({ isolation: context.isolation ?? NOT_SANDBOXED, ca: context.ca, interceptor, readablePaths: context.readablePaths });
  } catch (error) {
    await interceptor?.close();
    return harnessFailure(planned, context.file, error);
  }
  let run: RunResult;
  try {
    const env = sandbox.environment(withToken(interceptedEnvironment(baseEnvironment(), interceptor, context.ca), token));
    run = await planned.runner.run(snippet, { env, timeoutMs: manifest.timeoutMs, signal: context.signal, wrapper: sandbox.wrapper });
  } catch (error) {
    await Promise.all([interceptor.close(), sandbox.close()]);
    return harnessFailure(planned, context.file, error);
  }
  const sideDoors = sandbox.sideDoors(run);
  await Promise.all([interceptor.close(), sandbox.close()]);
  context.onRun?.(run);
  const output = programOutput(run);
  const observation: CaseObservation = {
    scenario: setup,
    expectation: expectationFor(planned.scenario, manifest),
    manifest,
    token,
    requests: interceptor.requests,
    egress: interceptor.egress,
    sideDoors,
    run,
    output,
    rawRequest: context.rawRequest,
  };
  const checks = CHECKS.map((check) => {
    const outcome = check.evaluate(observation);
    return { id: check.id, status: outcome.status, message: mask(outcome.message) };
  });
  return finishedCase(planned, context.file, run.durationMs, checks, {
    exitCode: run.exitCode,
    signal: run.signal,
    timedOut: run.timedOut,
    requests: interceptor.requests.map((request) => mask(describeRequest(request))),
    // Refused connections, and TLS handshakes the program broke off (it did not trust the certificate).
    egress: [...interceptor.egress.map(describeEgress), ...interceptor.tlsFailures.map(describeTlsFailure), ...describeSideDoors(sideDoors).map(mask)],
    outputTail: tail(mask(output)),
  });
}
