// The scenarios a snippet runs under (auth answers, an unknown id, a rejected body, an untrusted
// certificate, a server that hangs or fails, a broken network), which of them an example runs
// (derived from its operations), and what each expects by default.
import { API_FACTS, documentedError } from '../../api/core-api.ts';
import type { ErrorBody } from '../../api/error-bodies.ts';
import { badRequestStep, exampleScenarios, exampleSteps, notFoundTarget } from '../../manifest/example-steps.ts';
import type { Manifest, ScenarioExpectation, ScenarioName } from '../../manifest/manifest-schema.ts';
import type { MockBehaviour } from '../../mock/types.ts';
import { defaultOutput } from './default-output.ts';

export { SCENARIO_NAMES, type ScenarioName } from '../../manifest/manifest-schema.ts';

/** What the one line a program prints on a failure must say, beyond naming no crash. */
export interface FailureReport {
  /** In a message: "the output does not say <what>". */
  what: string;
  pattern: RegExp;
}

/** How a scenario sets up the token and the mock. */
export interface ScenarioSetup {
  name: ScenarioName;
  /** What a reader of the site would call it ("untrusted certificate"); the tabs' tooltip shows it. */
  label: string;
  /** What the program got, for check messages ("a valid token (the mock answers 200)"). */
  summary: string;
  /** Whether the token's variable (REQUESTROCKET_USER_TOKEN) is set for the program. */
  tokenInEnvironment: boolean;
  /** Which of the mock's token lists the program's token goes into (none: unknown to the mock). */
  tokenRole: 'valid' | 'revoked' | 'forbidden' | 'none';
  /** True when the harness gives the program an id the API does not know (see notFoundTarget). */
  unknownId?: boolean;
  /** The error the API answers with in this scenario, if any. */
  apiError?: ErrorBody;
  /** How the interception proxy and the mock behave (`api`: like the real API). */
  behaviour: MockBehaviour;
  /** True when a correct program spends the case waiting on its own timer: it runs in the waiting lane. */
  waits: boolean;
  /** Set when the program must fail in exactly one line of output, saying this (if anything) too. */
  oneLineFailure?: { says?: FailureReport };
}

const auth = { behaviour: 'api', waits: false } as const;
const unauthorized = documentedError(401).body;
const fault = { tokenInEnvironment: true, tokenRole: 'valid', waits: false } as const;

/** Every scenario, in run order. */
export const SCENARIOS: Readonly<Record<ScenarioName, ScenarioSetup>> = Object.freeze({
  ok: { ...auth, name: 'ok', label: 'valid token', summary: 'a valid token', tokenInEnvironment: true, tokenRole: 'valid' },
  missing: {
    ...auth,
    name: 'missing',
    label: 'no token',
    summary: `${API_FACTS.tokenEnvVar} unset`,
    tokenInEnvironment: false,
    tokenRole: 'none',
    apiError: unauthorized,
  },
  invalid: {
    ...auth,
    name: 'invalid',
    label: 'invalid token',
    summary: 'a well-formed token the API does not know (401)',
    tokenInEnvironment: true,
    tokenRole: 'none',
    apiError: unauthorized,
  },
  revoked: {
    ...auth,
    name: 'revoked',
    label: 'revoked token',
    summary: 'a revoked token (401)',
    tokenInEnvironment: true,
    tokenRole: 'revoked',
    apiError: unauthorized,
  },
  forbidden: {
    ...auth,
    name: 'forbidden',
    label: 'token without permission',
    summary: 'a valid token without the permission (403)',
    tokenInEnvironment: true,
    tokenRole: 'forbidden',
    apiError: documentedError(403).body,
  },
  'not-found': {
    ...auth,
    name: 'not-found',
    label: 'unknown id (404)',
    summary: 'an id the API does not know (404)',
    tokenInEnvironment: true,
    tokenRole: 'valid',
    unknownId: true,
    apiError: documentedError(404, 'unknownId').body,
  },
  'bad-request': {
    ...auth,
    name: 'bad-request',
    label: 'rejected request body (400)',
    summary: 'a request body the API rejects (400)',
    tokenInEnvironment: true,
    tokenRole: 'valid',
    behaviour: 'bad-request',
    apiError: documentedError(400).body,
  },
  'untrusted-cert': {
    ...fault,
    name: 'untrusted-cert',
    label: 'untrusted certificate',
    summary: 'a server certificate signed by a CA the program does not trust',
    behaviour: 'untrusted',
    oneLineFailure: {},
  },
  'hung-server': {
    ...fault,
    name: 'hung-server',
    label: 'server that never answers',
    summary: 'a server that takes the request and never answers',
    behaviour: 'hang',
    waits: true,
    oneLineFailure: { says: { what: 'that the request timed out', pattern: /\btimed? ?out\b|\btime-?out\b|\bdeadline exceeded\b/i } },
  },
  'bad-gateway': {
    ...fault,
    name: 'bad-gateway',
    label: 'gateway error (502)',
    summary: 'a 502 Bad Gateway with an HTML body, as a load balancer sends',
    behaviour: 'bad-gateway',
    oneLineFailure: { says: { what: 'the status 502', pattern: /\b502\b/ } },
  },
  'network-error': {
    ...fault,
    name: 'network-error',
    label: 'network failure',
    summary: 'a connection reset right after the TLS handshake',
    behaviour: 'reset',
    oneLineFailure: {},
  },
});

/** What one case must show, the manifest's overrides applied to the scenario's defaults. */
export interface Expectation {
  exit: 'zero' | 'non-zero';
  /** Exact number of requests, or a range for `missing` (stop before sending, or send without a token). */
  requests: { min: number; max: number };
  /** Text that must appear in the output (empty: nothing required); `{targetId}` stands for that id in this case. */
  output: string[];
}

/** The scenarios an example runs under, in run order: every one, but `not-found` and `bad-request` only where its operations can be answered so. */
export function scenariosOf(manifest: Manifest): ScenarioName[] {
  return exampleScenarios(exampleSteps(manifest));
}

/**
 * How many requests reach the mock by default: every step with a valid token; the first only when
 * the API refuses the token; up to the refused one for an unknown id or a rejected body; none when
 * the connection never carries one.
 */
function defaultRequests(scenario: ScenarioName, manifest: Manifest): { min: number; max: number } {
  const steps = exampleSteps(manifest);
  const exactly = (count: number) => ({ min: count, max: count });
  if (scenario === 'ok') return exactly(steps.length);
  if (scenario === 'missing') return { min: 0, max: 1 };
  if (scenario === 'not-found') return exactly((notFoundTarget(steps)?.step ?? 0) + 1);
  if (scenario === 'bad-request') return exactly((badRequestStep(steps) ?? 0) + 1);
  if (scenario === 'untrusted-cert' || scenario === 'network-error') return exactly(0);
  return exactly(1);
}

/** Resolves what a case expects from the scenario's defaults and the manifest's overrides. */
export function expectationFor(scenario: ScenarioName, manifest: Manifest): Expectation {
  const override: ScenarioExpectation = manifest.scenarios[scenario] ?? {};
  const defaults: Expectation = {
    exit: scenario === 'ok' ? 'zero' : 'non-zero',
    requests: defaultRequests(scenario, manifest),
    output: scenario === 'ok' ? defaultOutput(exampleSteps(manifest)).map((entry) => entry.text) : [],
  };
  return {
    exit: override.exit ?? defaults.exit,
    requests: override.requests === undefined ? defaults.requests : { min: override.requests, max: override.requests },
    output: override.output ?? defaults.output,
  };
}

/** Allowed beyond the declared request timeout for a program to notice, print and exit. */
export const REQUEST_TIMEOUT_MARGIN_MS = 2_000;

/**
 * Allowed for start-up (a JVM, a Go binary) before the request reaches the mock, in a waiting case.
 * Up to WAITING_LANE_WIDTH programs start at once in the waiting lane: sixteen JVMs starting together
 * on two busy cores took over 8 s, and a start-up slowed by the machine is not the program's fault.
 * This only bounds how long a program that never gives up is left running; whether it gave up in
 * time is request-timeout's to judge, measured from the request's arrival.
 */
const WAITING_STARTUP_MS = 20_000;

/**
 * The harness's time limit for a case: the manifest's `timeoutMs`, except in a waiting scenario,
 * where it must be long enough to see the program give up after its own request timeout.
 */
export function caseTimeLimitMs(scenario: ScenarioName, manifest: Manifest): number {
  if (!SCENARIOS[scenario].waits) return manifest.timeoutMs;
  return manifest.requestTimeoutMs + REQUEST_TIMEOUT_MARGIN_MS + WAITING_STARTUP_MS;
}
