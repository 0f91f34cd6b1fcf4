// The live tokens: read from the environment, refused without ever being shown, one per scenario.
// vitest project: unit (test/support/projects.ts)
import { describe, expect, test } from 'vitest';
import { UsageError } from '../../scripts/usage.ts';
import { LIVE_SCENARIO_NAMES, liveTokenFor } from '../../scripts/live/live-scenarios.ts';
import { liveTokensFrom } from '../../scripts/live/live-tokens.ts';
import { randomToken } from '../../scripts/mock/tokens.ts';

const user = randomToken();
const revoked = randomToken();

describe('liveTokensFrom', () => {
  test('reads the user token and the optional ones; an empty variable is unset', () => {
    expect(liveTokensFrom({ REQUESTROCKET_USER_TOKEN: user })).toEqual({ user });
    expect(
      liveTokensFrom({ REQUESTROCKET_USER_TOKEN: user, REQUESTROCKET_REVOKED_TOKEN: revoked, REQUESTROCKET_FORBIDDEN_TOKEN: '' }),
    ).toEqual({ user, revoked });
  });

  test.for([
    [{}, /--live needs your own token in REQUESTROCKET_USER_TOKEN; it is not set/],
    [{ REQUESTROCKET_USER_TOKEN: '' }, /it is not set/],
    [
      { REQUESTROCKET_USER_TOKEN: 'Bearer u-abcdefghijkl' },
      /REQUESTROCKET_USER_TOKEN does not hold a user token: expected "u-" followed by at least 8 letters, digits or \._~\+\/=- \(21 characters found/,
    ],
    [
      { REQUESTROCKET_USER_TOKEN: user, REQUESTROCKET_REVOKED_TOKEN: 'x-not-a-token-at-all' },
      /REQUESTROCKET_REVOKED_TOKEN does not hold a user token/,
    ],
    [{ REQUESTROCKET_USER_TOKEN: 'u-quote"inside0123' }, /REQUESTROCKET_USER_TOKEN does not hold a user token/],
    [
      { REQUESTROCKET_USER_TOKEN: user, REQUESTROCKET_FORBIDDEN_TOKEN: user },
      /REQUESTROCKET_FORBIDDEN_TOKEN holds the same token as REQUESTROCKET_USER_TOKEN/,
    ],
  ] as const)('refuses %j without showing any token', ([env, message]) => {
    let error: unknown;
    try {
      liveTokensFrom(env);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(UsageError);
    expect((error as Error).message).toMatch(message);
    for (const value of Object.values(env)) if (value) expect((error as Error).message).not.toContain(value);
  });
});

describe('liveTokenFor', () => {
  test('gives each live scenario its token, a fresh random one for invalid', () => {
    const tokens = { user, revoked };
    expect(LIVE_SCENARIO_NAMES).toEqual(['ok', 'missing', 'invalid', 'revoked', 'forbidden']);
    expect(liveTokenFor('ok', tokens)).toEqual({ token: user });
    expect(liveTokenFor('missing', tokens)).toEqual({ token: undefined });
    expect(liveTokenFor('revoked', tokens)).toEqual({ token: revoked });
    const first = liveTokenFor('invalid', tokens);
    const second = liveTokenFor('invalid', tokens);
    expect(first).toEqual({ token: expect.stringMatching(/^u-[A-Za-z0-9]{32}$/) });
    expect(first).not.toEqual(second);
    expect(Object.values(first)).not.toContain(user);
  });

  test('skips the revoked and forbidden scenarios, with the reason, when their variable is unset', () => {
    expect(liveTokenFor('forbidden', { user })).toEqual({
      skip: 'REQUESTROCKET_FORBIDDEN_TOKEN is not set (a valid token without the permission of the same account)',
    });
    expect(liveTokenFor('revoked', { user })).toEqual({
      skip: 'REQUESTROCKET_REVOKED_TOKEN is not set (a revoked token of the same account)',
    });
  });
});
