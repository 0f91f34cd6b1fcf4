// The tokens of a live run: the reader's own from REQUESTROCKET_USER_TOKEN, and optional revoked
// and permission-less ones for the scenarios that need them. Never shown, only named.
import { API_FACTS } from '../api/core-api.ts';
import { UsageError } from '../usage.ts';

/** The environment variable of each live token. */
export const LIVE_TOKEN_VARIABLES = Object.freeze({
  user: API_FACTS.tokenEnvVar,
  revoked: 'REQUESTROCKET_REVOKED_TOKEN',
  forbidden: 'REQUESTROCKET_FORBIDDEN_TOKEN',
} as const);

/** The real tokens a live run uses; `revoked` and `forbidden` are optional. */
export interface LiveTokens {
  user: string;
  revoked?: string;
  forbidden?: string;
}

// `u-` then token characters that JSON, XML and the terminal show as they are (so masking finds
// them everywhere), long enough to mask.
const TOKEN_FORM = new RegExp(`^${API_FACTS.tokenPrefix}[A-Za-z0-9._~+/=-]{8,}$`);

/** Reads the live tokens from `env`; throws UsageError naming the variable, never showing its value. */
export function liveTokensFrom(env: NodeJS.ProcessEnv): LiveTokens {
  const read = (name: string, required: boolean): string | undefined => {
    const value = env[name];
    if (value === undefined || value === '') {
      if (required) throw new UsageError(`--live needs your own token in ${name}; it is not set (nothing was sent)`);
      return undefined;
    }
    if (!TOKEN_FORM.test(value)) {
      throw new UsageError(
        `${name} does not hold a user token: expected "${API_FACTS.tokenPrefix}" followed by at least 8 letters, digits or ._~+/=- (${value.length} characters found; nothing was sent)`,
      );
    }
    return value;
  };
  const tokens: LiveTokens = { user: read(LIVE_TOKEN_VARIABLES.user, true) as string };
  const revoked = read(LIVE_TOKEN_VARIABLES.revoked, false);
  const forbidden = read(LIVE_TOKEN_VARIABLES.forbidden, false);
  for (const [name, value] of [
    [LIVE_TOKEN_VARIABLES.revoked, revoked],
    [LIVE_TOKEN_VARIABLES.forbidden, forbidden],
  ] as const) {
    if (value !== undefined && value === tokens.user)
      throw new UsageError(`${name} holds the same token as ${LIVE_TOKEN_VARIABLES.user}; it must be a different one`);
  }
  if (revoked !== undefined) tokens.revoked = revoked;
  if (forbidden !== undefined) tokens.forbidden = forbidden;
  return tokens;
}

/** Every token of a live run, to be masked wherever text is shown or written. */
export function liveSecrets(tokens: LiveTokens): string[] {
  return [tokens.user, tokens.revoked, tokens.forbidden].filter((token): token is string => token !== undefined);
}
