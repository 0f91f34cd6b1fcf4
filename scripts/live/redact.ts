// Keeps tokens out of everything a live run shows or writes: its own tokens by value, and anything
// else shaped like a user token (a token the real API echoed, a case's random token).
import { maskSecrets } from '../harness/mask.ts';
import { maskToken } from '../secrets/mask.ts';
import { ALLOWED_TOKENS, TOKEN_SHAPE } from '../secrets/scan.ts';

/** `text` with each of `secrets`, and every other token-shaped string but the placeholder, masked (`u-ab…(34 chars)`). */
export function redactTokens(text: string, secrets: readonly string[]): string {
  return maskSecrets(text, secrets).replace(TOKEN_SHAPE, (token) => (ALLOWED_TOKENS.includes(token) ? token : maskToken(token)));
}
