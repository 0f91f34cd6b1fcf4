// Keeps tokens out of everything the harness prints or writes.
import { maskToken } from '../mock/tokens.ts';

/** Replaces every occurrence of each secret with its masked form (`u-ab…(34 chars)`). */
export function maskSecrets(text: string, secrets: readonly string[]): string {
  let masked = text;
  for (const secret of secrets) {
    if (secret.length >= 4) masked = masked.split(secret).join(maskToken(secret));
  }
  return masked;
}
