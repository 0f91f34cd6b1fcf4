// Throwaway tokens and how they are shown.
// vitest project: unit (test/support/projects.ts)
import { describe, expect, test } from 'vitest';
import { maskToken, randomToken, randomTokenTrio, toMockTokens } from '../../scripts/mock/tokens.ts';

describe('randomToken', () => {
  test('makes u- followed by 32 base62 characters', () => {
    for (let index = 0; index < 200; index++) expect(randomToken()).toMatch(/^u-[0-9A-Za-z]{32}$/);
  });

  test('makes a different token each time', () => {
    const tokens = new Set(Array.from({ length: 1000 }, randomToken));
    expect(tokens.size).toBe(1000);
  });

  test('uses every base62 character', () => {
    const seen = new Set(Array.from({ length: 200 }, randomToken).join('').slice(2));
    expect(seen.size).toBeGreaterThanOrEqual(62);
  });
});

describe('randomTokenTrio', () => {
  test('makes three distinct tokens that toMockTokens puts in one set each', () => {
    const trio = randomTokenTrio();
    expect(new Set([trio.valid, trio.revoked, trio.forbidden]).size).toBe(3);
    const sets = toMockTokens(trio);
    expect([...sets.valid, ...sets.revoked, ...sets.forbidden].length).toBe(3);
    expect(sets.valid.has(trio.valid) && sets.revoked.has(trio.revoked) && sets.forbidden.has(trio.forbidden)).toBe(true);
  });
});

describe('maskToken', () => {
  test('shows the first four characters and the length only', () => {
    expect(maskToken('u-abcdefghijklmnopqrstuvwxyz012345')).toBe('u-ab…(34 chars)');
  });

  test('names a missing or empty value', () => {
    expect(maskToken(null)).toBe('(none)');
    expect(maskToken(undefined)).toBe('(none)');
    expect(maskToken('')).toBe('(empty)');
  });
});
