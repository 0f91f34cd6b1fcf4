// The names of the scenarios a snippet can run under, in run and report order. Which of them an
// example runs is derived from its operations (example-steps.ts): `not-found` and `bad-request`
// only where the description documents that answer and the example can provoke it.

/** Scenario names, in the order the harness runs and reports them. */
export const SCENARIO_NAMES = [
  'ok',
  'missing',
  'invalid',
  'revoked',
  'forbidden',
  'not-found',
  'bad-request',
  'untrusted-cert',
  'hung-server',
  'bad-gateway',
  'network-error',
] as const;

/** One scenario a snippet is run under. */
export type ScenarioName = (typeof SCENARIO_NAMES)[number];

/** The scenarios in which the server or the network fails on purpose: the program must fail, whatever the manifest says. */
export const FAIL_SAFE_SCENARIOS: readonly ScenarioName[] = ['untrusted-cert', 'hung-server', 'bad-gateway', 'network-error'];
