// What the harness saw of one case: the program's run and everything the mock recorded.
import type { Manifest } from '../../manifest/manifest-schema.ts';
import type { EgressAttempt, RecordedRequest, TlsFailure } from '../../mock/types.ts';
import { DEFAULT_RUNNERS } from '../../runners/registry.ts';
import type { LanguageRunner, RunResult } from '../../runners/runner-contract.ts';
import type { ResourceReport } from '../../sandbox/resource-usage.ts';
import type { SideDoorReport } from '../../sandbox/side-doors.ts';
import type { GivenId } from './case-ids.ts';
import type { RawRequest } from './request-http.ts';
import type { Expectation, ScenarioSetup } from './scenarios.ts';

/** What the checks know of a language: the facts its runner declares. */
export type LanguageFacts = Pick<LanguageRunner, 'id' | 'insecureTls' | 'requestTimeoutAdvice' | 'crashMarks' | 'environment'>;

/** Everything the checks look at for one case. */
export interface CaseObservation {
  scenario: ScenarioSetup;
  expectation: Expectation;
  manifest: Manifest;
  /** The token put in REQUESTROCKET_USER_TOKEN (undefined in the `missing` scenario). */
  token: string | undefined;
  /** The ids put in the variables the manifest's `parameters` name. */
  ids: readonly GivenId[];
  requests: RecordedRequest[];
  egress: EgressAttempt[];
  /** TLS connections to the API that failed before carrying a request (a refused certificate). */
  tlsFailures: TlsFailure[];
  /** The snippet's language, its runner and its source text (for what can only be seen in the code). */
  snippet: { language: string; source: string; runner: LanguageFacts };
  /** Every registered runner: a crash mark of any of them counts in any output (a program may start another runtime). */
  runners: readonly LanguageFacts[];
  /** What the program's sandbox saw it try past the proxy; undefined when it ran unsandboxed. */
  sideDoors?: SideDoorReport;
  /** The limits the program ran under and what it used of them; undefined when none were applied. */
  resources?: ResourceReport;
  run: RunResult;
  /**
   * `performance.now()` when the program had exited, comparable with each request's `receivedAtMs`:
   * by its sandbox's clock when it had one (CaseSandbox.exitedAtMs), else when the harness noticed.
   */
  exitedAtMs: number;
  /** stdout and stderr together, without lines the harness itself caused. */
  output: string;
  /** The example's `request.http`, when it has one (or why it could not be read). */
  rawRequest?: RawRequest | { error: string };
}

/** All values of a header, matched case-insensitively. */
export function headerValues(request: RecordedRequest, name: string): string[] {
  const wanted = name.toLowerCase();
  return request.rawHeaders.filter(([key]) => key.toLowerCase() === wanted).map(([, value]) => value);
}

/**
 * One stream of a run without the lines the harness's own environment made the program print: the
 * `harnessNoise` of every registered runner, since every program gets every runner's variables.
 */
export function withoutHarnessNoise(text: string, runners: readonly Pick<LanguageRunner, 'harnessNoise'>[] = DEFAULT_RUNNERS): string {
  let output = text;
  for (const runner of runners) for (const pattern of runner.harnessNoise ?? []) output = output.replace(pattern, '');
  return output;
}

/** stdout + stderr of a run, without the harness's own noise. */
export function programOutput(
  run: Pick<RunResult, 'stdout' | 'stderr'>,
  runners: readonly Pick<LanguageRunner, 'harnessNoise'>[] = DEFAULT_RUNNERS,
): string {
  return withoutHarnessNoise(`${run.stdout}\n${run.stderr}`, runners);
}
