// Keeps tokens out of everything the harness prints or writes.
import { maskAllForms } from '../secrets/mask.ts';

/** Replaces every occurrence of each secret, in any form the leak scanner knows, with a masked form (`u-ab…(34 chars)`). */
export function maskSecrets(text: string, secrets: readonly string[]): string {
  return maskAllForms(text, secrets);
}
