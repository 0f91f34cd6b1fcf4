// Finds strings shaped like a real RequestRocket user token in a text, and shows them masked.
import { API_FACTS } from '../api/core-api.ts';
import { maskToken } from './mask.ts';

/**
 * `u-` (or `U-`) then 16 or more token characters: the shape of a user token. It must not follow a
 * letter or digit (`menu-…`), unless that ends a `%XX` escape (`%3Du-…`) or a backslash escape
 * (`\nu-…`); after `_` it counts (`my_u-…`).
 */
export const TOKEN_SHAPE = /(?:(?<![A-Za-z0-9])|(?<=%[0-9A-Fa-f]{2})|(?<=\\[a-z]))[uU]-[A-Za-z0-9_-]{16,}/g;

/** Token-shaped strings that are documented stand-ins, never real tokens. */
export const ALLOWED_TOKENS: readonly string[] = Object.freeze([API_FACTS.placeholderToken]);

/** What to do about a finding, for the report's closing lines. */
export const ADVICE = [
  'Real tokens never belong in the repository:',
  `  - in prose and raw HTTP requests, write the placeholder ${API_FACTS.placeholderToken};`,
  `  - in code, read the token from the ${API_FACTS.tokenEnvVar} environment variable.`,
  'If a real token was committed, ask RequestRocket support to revoke it: deleting it from the',
  'file does not remove it from the git history.',
].join('\n');

/** One token-shaped string: where it is (1-based line and column) and what it is. */
export interface Finding {
  file: string;
  line: number;
  column: number;
  token: string;
}

/** Every token-shaped string in `text` other than the allowed placeholders. */
export function findTokens(text: string, file: string): Finding[] {
  const findings: Finding[] = [];
  const lines = text.split('\n');
  for (const [index, line] of lines.entries()) {
    for (const match of line.matchAll(TOKEN_SHAPE)) {
      if (ALLOWED_TOKENS.includes(match[0])) continue;
      findings.push({ file, line: index + 1, column: match.index + 1, token: match[0] });
    }
  }
  return findings;
}

/** Whether a file's first bytes hold a NUL: an image, UTF-16 text or other binary. */
export function looksBinary(content: Uint8Array): boolean {
  return content.subarray(0, 8000).includes(0);
}

/**
 * Every token-shaped string in a file's bytes. A binary (a NUL early on) is read as Latin-1 twice:
 * with each NUL as a line break (a token between binary fields) and without NULs (UTF-16 text).
 */
export function findTokensInFile(content: Buffer, file: string): Finding[] {
  if (!looksBinary(content)) return findTokens(content.toString('utf8'), file);
  const text = content.toString('latin1');
  const findings = [...findTokens(text.replace(/\0/g, '\n'), file), ...findTokens(text.replace(/\0/g, ''), file)];
  return findings.filter((finding, index) => findings.findIndex((other) => other.token === finding.token) === index);
}

/** `docs/x.mdx:3:12: token-shaped string u-ab…(34 chars)`: the place, and the token masked. */
export function formatFinding(finding: Finding): string {
  return `${finding.file}:${finding.line}:${finding.column}: token-shaped string ${maskToken(finding.token)}`;
}
