// The auth scenarios every snippet runs under, and what each expects by default.
import { FORBIDDEN, SAMPLE_CLIENTS, UNAUTHORIZED, type ErrorBody } from '../api/contract.ts';
import type { Manifest, ScenarioName } from '../manifest/schema.ts';

export { SCENARIO_NAMES, type ScenarioName } from '../manifest/schema.ts';

/** How a scenario sets up the token and the mock. */
export interface ScenarioSetup {
  name: ScenarioName;
  /** What a reader would call it. */
  summary: string;
  /** Whether REQUESTROCKET_USER_TOKEN is set for the program. */
  tokenInEnvironment: boolean;
  /** Which of the mock's token lists the program's token goes into (none: unknown to the mock). */
  tokenRole: 'valid' | 'revoked' | 'forbidden' | 'none';
  /** The error the API answers with in this scenario, if any. */
  apiError?: ErrorBody;
}

/** Every scenario, in run order. */
export const SCENARIOS: Readonly<Record<ScenarioName, ScenarioSetup>> = Object.freeze({
  ok: { name: 'ok', summary: 'a valid token', tokenInEnvironment: true, tokenRole: 'valid' },
  missing: {
    name: 'missing',
    summary: 'REQUESTROCKET_USER_TOKEN unset',
    tokenInEnvironment: false,
    tokenRole: 'none',
    apiError: UNAUTHORIZED.body,
  },
  invalid: {
    name: 'invalid',
    summary: 'a well-formed token the API does not know (401)',
    tokenInEnvironment: true,
    tokenRole: 'none',
    apiError: UNAUTHORIZED.body,
  },
  revoked: {
    name: 'revoked',
    summary: 'a revoked token (401)',
    tokenInEnvironment: true,
    tokenRole: 'revoked',
    apiError: UNAUTHORIZED.body,
  },
  forbidden: {
    name: 'forbidden',
    summary: 'a valid token without the permission (403)',
    tokenInEnvironment: true,
    tokenRole: 'forbidden',
    apiError: FORBIDDEN.body,
  },
});

/** What one case must show, the manifest's overrides applied to the scenario's defaults. */
export interface Expectation {
  exit: 'zero' | 'non-zero';
  /** Exact number of requests, or a range for `missing` (stop before sending, or send without a token). */
  requests: { min: number; max: number };
  /** Text that must appear in the output (empty: nothing required). */
  output: string[];
}

/** Resolves what a case expects from the scenario's defaults and the manifest's overrides. */
export function expectationFor(scenario: ScenarioName, manifest: Manifest): Expectation {
  const override = manifest.scenarios[scenario] ?? {};
  const defaults: Expectation = {
    exit: scenario === 'ok' ? 'zero' : 'non-zero',
    requests: scenario === 'missing' ? { min: 0, max: 1 } : { min: 1, max: 1 },
    output: scenario === 'ok' ? SAMPLE_CLIENTS.map((client) => client.clientName) : [],
  };
  return {
    exit: override.exit ?? defaults.exit,
    requests: override.requests === undefined ? defaults.requests : { min: override.requests, max: override.requests },
    output: override.output ?? defaults.output,
  };
}
