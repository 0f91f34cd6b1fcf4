// What the harness saw of one case: the program's run and everything the mock recorded.
import type { Manifest } from '../../manifest/manifest-schema.ts';
import type { EgressAttempt, RecordedRequest, TlsFailure } from '../../mock/types.ts';
import type { RunResult } from '../../runners/runner-contract.ts';
import type { ResourceReport } from '../../sandbox/resource-usage.ts';
import type { SideDoorReport } from '../../sandbox/side-doors.ts';
import type { RawRequest } from './request-http.ts';
import type { Expectation, ScenarioSetup } from './scenarios.ts';

/** Everything the checks look at for one case. */
export interface CaseObservation {
  scenario: ScenarioSetup;
  expectation: Expectation;
  manifest: Manifest;
  /** The token put in REQUESTROCKET_USER_TOKEN (undefined in the `missing` scenario). */
  token: string | undefined;
  requests: RecordedRequest[];
  egress: EgressAttempt[];
  /** TLS connections to the API that failed before carrying a request (a refused certificate). */
  tlsFailures: TlsFailure[];
  /** The snippet's language and source text (for what can only be seen in the code). */
  snippet: { language: string; source: string };
  /** What the program's sandbox saw it try past the proxy; undefined when it ran unsandboxed. */
  sideDoors?: SideDoorReport;
  /** The limits the program ran under and what it used of them; undefined when none were applied. */
  resources?: ResourceReport;
  run: RunResult;
  /** `performance.now()` when the program had exited, comparable with each request's `receivedAtMs`. */
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

/** Lines the harness's own environment makes a program print, removed before any check. */
const HARNESS_NOISE = [
  /^Picked up (?:JAVA_TOOL_OPTIONS|_JAVA_OPTIONS|JDK_JAVA_OPTIONS): .*(?:\r?\n|$)/gm,
  /^NOTE: Picked up JDK_JAVA_OPTIONS: .*(?:\r?\n|$)/gm,
];

/** One stream of a run without the lines the harness's own environment made the program print. */
export function withoutHarnessNoise(text: string): string {
  let output = text;
  for (const pattern of HARNESS_NOISE) output = output.replace(pattern, '');
  return output;
}

/** stdout + stderr of a run, without the harness's own noise. */
export function programOutput(run: Pick<RunResult, 'stdout' | 'stderr'>): string {
  return withoutHarnessNoise(`${run.stdout}\n${run.stderr}`);
}
