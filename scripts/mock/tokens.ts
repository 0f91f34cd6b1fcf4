// Throwaway user tokens for the mock, and the one way to show a token without revealing it.
import { randomBytes } from 'node:crypto';
import { API_FACTS } from '../api/core-api.ts';
import type { MockTokens } from './types.ts';

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const TOKEN_BODY_LENGTH = 32;
// Bytes at or above this are dropped so that every base62 character is equally likely.
const UNBIASED_LIMIT = 256 - (256 % BASE62.length);

/** A fresh random user token: `u-` followed by 32 base62 characters. */
export function randomToken(): string {
  let body = '';
  while (body.length < TOKEN_BODY_LENGTH) {
    for (const byte of randomBytes(TOKEN_BODY_LENGTH)) {
      if (byte < UNBIASED_LIMIT && body.length < TOKEN_BODY_LENGTH) body += BASE62[byte % BASE62.length];
    }
  }
  return API_FACTS.tokenPrefix + body;
}

/** One token of each kind the mock distinguishes. */
export interface TokenTrio {
  valid: string;
  revoked: string;
  forbidden: string;
}

/** Three fresh random tokens: one valid, one revoked, one forbidden. */
export function randomTokenTrio(): TokenTrio {
  return { valid: randomToken(), revoked: randomToken(), forbidden: randomToken() };
}

/** The mock's token sets holding exactly the tokens of a trio. */
export function toMockTokens(trio: TokenTrio): MockTokens {
  return { valid: new Set([trio.valid]), revoked: new Set([trio.revoked]), forbidden: new Set([trio.forbidden]) };
}

export { maskToken } from '../secrets/mask.ts';
