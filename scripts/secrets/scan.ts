// Finds, in a file's text, what must never be committed: strings shaped like a real RequestRocket
// user token, strings shaped like another common credential (credentials.ts), and characters that
// make code read differently from how it runs (source-text.ts); and shows each one masked.
import { API_FACTS } from '../api/core-api.ts';
import { CREDENTIAL_LABELS, findCredentialShapes, type CredentialKind } from './credentials.ts';
import { maskToken } from './mask.ts';
import { findHiddenCharacters } from './source-text.ts';

/**
 * `u-` (or `U-`) then 16 or more token characters: the shape of a user token. It must not follow a
 * letter or digit (`menu-…`), unless that ends a `%XX` escape (`%3Du-…`) or a backslash escape
 * (`\nu-…`); after `_` it counts (`my_u-…`).
 */
export const TOKEN_SHAPE = /(?:(?<![A-Za-z0-9])|(?<=%[0-9A-Fa-f]{2})|(?<=\\[a-z]))[uU]-[A-Za-z0-9_-]{16,}/g;

/** Token-shaped strings that are documented stand-ins, never real tokens. */
export const ALLOWED_TOKENS: readonly string[] = Object.freeze([API_FACTS.placeholderToken]);

/** What to do about a token or credential, for the report's closing lines. */
export const ADVICE = [
  'Real tokens and credentials never belong in the repository:',
  `  - in prose and raw HTTP requests, write the placeholder ${API_FACTS.placeholderToken};`,
  `  - in code, read the token from the ${API_FACTS.tokenEnvVar} environment variable;`,
  '  - a test that needs a credential-shaped string builds it from pieces at run time.',
  'If a real token or credential was committed, revoke it (for a RequestRocket token, ask RequestRocket',
  'support): deleting it from the file does not remove it from the git history.',
].join('\n');

/** What to do about a hidden or reordering character, for the report's closing lines. */
export const HIDDEN_CHARACTER_ADVICE = [
  'Bidirectional controls and invisible characters make code read differently from how it runs',
  '(Trojan Source): delete them. A file that must hold one on purpose (a test fixture) is named in',
  'scripts/secrets/scan-exceptions.ts.',
].join('\n');

/** What a finding is: a user token, a kind of credential, or a hidden or reordering character. */
export type FindingKind = 'user-token' | CredentialKind | 'hidden-character';

/** One thing found in a file: where it is (1-based line and column), what it is, and the text found. */
export interface Finding {
  file: string;
  line: number;
  column: number;
  kind: FindingKind;
  /** The token or credential found (only ever shown masked), or the character's name (`U+202E RIGHT-TO-LEFT OVERRIDE`). */
  text: string;
  /** For a hidden character: what it does. */
  detail?: string;
}

/** Every finding of `find` on each line of `text`, with the line and column of each. */
function perLine(text: string, file: string, find: (line: string) => Array<{ index: number; kind: FindingKind; text: string }>): Finding[] {
  return text
    .split('\n')
    .flatMap((line, index) =>
      find(line).map((found) => ({ file, line: index + 1, column: found.index + 1, kind: found.kind, text: found.text })),
    );
}

/** Every token-shaped string in `text` other than the allowed placeholders. */
export function findTokens(text: string, file: string): Finding[] {
  return perLine(text, file, (line) =>
    [...line.matchAll(TOKEN_SHAPE)]
      .filter((match) => !ALLOWED_TOKENS.includes(match[0]))
      .map((match) => ({ index: match.index, kind: 'user-token' as const, text: match[0] })),
  );
}

/** Every string in `text` shaped like a common credential (credentials.ts), as written. */
export function findCredentials(text: string, file: string): Finding[] {
  return perLine(text, file, (line) =>
    findCredentialShapes(line).map((match) => ({ index: match.start, kind: match.kind, text: line.slice(match.start, match.end) })),
  );
}

/** Every bidirectional control or invisible format character in `text` (a byte order mark at its start is allowed). */
export function findHidden(text: string, file: string): Finding[] {
  return findHiddenCharacters(text).map((found) => ({
    file,
    line: found.line,
    column: found.column,
    kind: 'hidden-character',
    text: found.name,
    detail: found.why,
  }));
}

/** Whether a file's first bytes hold a NUL: an image, UTF-16 text or other binary. */
export function looksBinary(content: Uint8Array): boolean {
  return content.subarray(0, 8000).includes(0);
}

/**
 * What `find` finds in a file's bytes. A binary (a NUL early on) is read as Latin-1 twice: with
 * each NUL as a line break (a string between binary fields) and without NULs (UTF-16 text).
 */
function findInBytes(content: Buffer, file: string, find: (text: string, file: string) => Finding[]): Finding[] {
  if (!looksBinary(content)) return find(content.toString('utf8'), file);
  const text = content.toString('latin1');
  const findings = [...find(text.replace(/\0/g, '\n'), file), ...find(text.replace(/\0/g, ''), file)];
  return findings.filter((finding, index) => findings.findIndex((other) => other.text === finding.text) === index);
}

/** Every token-shaped string in a file's bytes, binaries too (see findInBytes). */
export function findTokensInFile(content: Buffer, file: string): Finding[] {
  return findInBytes(content, file, findTokens);
}

/** Every credential-shaped string in a file's bytes, binaries too, and every hidden character in a text file's. */
export function findSourceProblemsInFile(content: Buffer, file: string): Finding[] {
  const hidden = looksBinary(content) ? [] : findHidden(content.toString('utf8'), file);
  return [...findInBytes(content, file, findCredentials), ...hidden].sort((a, b) => a.line - b.line || a.column - b.column);
}

/**
 * `docs/x.mdx:3:12: token-shaped string u-ab…(34 chars)`, `x.ts:4:1: credential-shaped string (a GitHub
 * token) ghp_…(40 chars)` or `x.py:2:9: U+202E RIGHT-TO-LEFT OVERRIDE, …`: the place, and what was found, masked.
 */
export function formatFinding(finding: Finding): string {
  const place = `${finding.file}:${finding.line}:${finding.column}`;
  if (finding.kind === 'user-token') return `${place}: token-shaped string ${maskToken(finding.text)}`;
  if (finding.kind === 'hidden-character') return `${place}: ${finding.text}, ${finding.detail ?? 'a hidden character'}; remove it`;
  return `${place}: credential-shaped string (${CREDENTIAL_LABELS[finding.kind]}) ${maskToken(finding.text)}`;
}
