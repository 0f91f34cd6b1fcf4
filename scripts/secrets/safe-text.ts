// Keeps tokens, credentials, and characters that would drive a terminal, out of everything the
// harness prints or writes.
import { maskAllForms, maskCredentials, maskToken } from './mask.ts';
import { ALLOWED_TOKENS, TOKEN_SHAPE } from './scan.ts';

/**
 * Replaces every occurrence of each secret, in any form the leak scanner knows, with a masked form
 * (`u-ab…(34 chars)`), any other token-shaped string but the documented placeholder, and anything
 * shaped like a common credential (`[credential masked: a GitHub token]`), in any form too.
 */
export function maskSecrets(text: string, secrets: readonly string[]): string {
  return maskCredentials(
    maskAllForms(text, secrets).replace(TOKEN_SHAPE, (token) => (ALLOWED_TOKENS.includes(token) ? token : maskToken(token))),
  );
}

// C0 and C1 control characters but tab and line feed: ANSI escapes, carriage returns, bells.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;

/** `text` with control characters shown as `\x1b`, so a program's output cannot redraw or recolour a report. */
export function printable(text: string): string {
  return text.replace(CONTROL, (char) => `\\x${char.charCodeAt(0).toString(16).padStart(2, '0')}`);
}

/** Most characters of one check's message a report shows. */
export const MAX_MESSAGE_LENGTH = 2000;

// Characters masked past the shown length, so a secret cut by the window cannot slip in unmasked.
const MASK_MARGIN = 512;

/** What a report may show of `text`: secrets masked, control characters made visible, at most `maxLength` characters. */
export function showSafely(text: string, secrets: readonly string[], maxLength = Number.POSITIVE_INFINITY): string {
  const window = text.length > maxLength + MASK_MARGIN ? text.slice(0, maxLength + MASK_MARGIN) : text;
  const shown = printable(maskSecrets(window, secrets));
  return shown.length > maxLength ? `${shown.slice(0, maxLength)}… (cut)` : shown;
}
