// The scenarios a real account can produce, and where each one's token comes from. Every other
// scenario (an untrusted certificate, a hung server, ...) is the mock's alone and never runs live.
import { randomToken } from '../mock/tokens.ts';
import type { ScenarioName } from '../harness/case/scenarios.ts';
import { LIVE_TOKEN_VARIABLES, type LiveTokens } from './live-tokens.ts';

/** Where a live scenario's token comes from. */
export type LiveTokenSource =
  /** The reader's own token (REQUESTROCKET_USER_TOKEN). */
  | 'user'
  /** No token at all: the variable is unset. */
  | 'none'
  /** A fresh, well-formed random token the API cannot know. */
  | 'random'
  /** REQUESTROCKET_REVOKED_TOKEN, when set. */
  | 'revoked'
  /** REQUESTROCKET_FORBIDDEN_TOKEN, when set. */
  | 'forbidden';

/** The scenarios a live run runs, in run order, with the source of each one's token. */
export const LIVE_SCENARIOS: Readonly<Partial<Record<ScenarioName, LiveTokenSource>>> = Object.freeze({
  ok: 'user',
  missing: 'none',
  invalid: 'random',
  revoked: 'revoked',
  forbidden: 'forbidden',
});

/** The names of the live scenarios. */
export const LIVE_SCENARIO_NAMES: readonly ScenarioName[] = Object.freeze(Object.keys(LIVE_SCENARIOS) as ScenarioName[]);

/** The token a live case runs with, or why the case cannot run. */
export type LiveToken = { token: string | undefined } | { skip: string };

/** The token for one live case (a fresh random one for `invalid`), or the reason it is skipped. */
export function liveTokenFor(scenario: ScenarioName, tokens: LiveTokens): LiveToken {
  const source = LIVE_SCENARIOS[scenario];
  switch (source) {
    case 'user':
      return { token: tokens.user };
    case 'none':
      return { token: undefined };
    case 'random':
      return { token: randomToken() };
    case 'revoked':
    case 'forbidden': {
      const token = tokens[source];
      if (token !== undefined) return { token };
      const what = source === 'revoked' ? 'a revoked token' : 'a valid token without the permission';
      return { skip: `${LIVE_TOKEN_VARIABLES[source]} is not set (${what} of the same account)` };
    }
    default:
      return { skip: `the ${scenario} scenario is the mock's alone; a real account cannot produce it` };
  }
}
