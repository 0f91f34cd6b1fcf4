// Keeps tokens out of everything the harness prints or writes.
import { maskToken } from '../mock/tokens.ts';
import { maskAllForms } from '../secrets/mask.ts';
import { ALLOWED_TOKENS, TOKEN_SHAPE } from '../secrets/scan.ts';

/**
 * Replaces every occurrence of each secret, in any form the leak scanner knows, with a masked form
 * (`u-ab…(34 chars)`), and any other token-shaped string but the documented placeholder.
 */
export function maskSecrets(text: string, secrets: readonly string[]): string {
  return maskAllForms(text, secrets).replace(TOKEN_SHAPE, (token) => (ALLOWED_TOKENS.includes(token) ? token : maskToken(token)));
}
