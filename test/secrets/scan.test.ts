// What counts as a token-shaped string, a credential-shaped string or a hidden character, where
// each is reported, and that a secret is only shown masked.
// vitest project: unit (test/support/projects.ts)
import { describe, expect, test } from 'vitest';
import { API_FACTS } from '../../scripts/api/core-api.ts';
import { CREDENTIAL_KINDS } from '../../scripts/secrets/credentials.ts';
import {
  findCredentials,
  findHidden,
  findSourceProblemsInFile,
  findTokens,
  findTokensInFile,
  formatFinding,
  looksBinary,
} from '../../scripts/secrets/scan.ts';
import { FAKE_CREDENTIALS, FAKE_GITHUB_TOKEN } from '../support/credentials.ts';

const TOKEN = 'u-Planted0123456789abcdefghijKLMN';

describe('findTokens', () => {
  test('finds a planted token with its line and column', () => {
    const text = `# Listing\n\ncurl -H "Authorization: ${TOKEN}" https://api.requestrocket.com/api/clients\n`;
    expect(findTokens(text, 'docs/page.mdx')).toEqual([{ file: 'docs/page.mdx', line: 3, column: 25, kind: 'user-token', text: TOKEN }]);
  });

  test('finds every token on a line, including one that opens the file', () => {
    const text = `${TOKEN} and u-0123456789abcdef_-`;
    expect(findTokens(text, 'a.txt').map((finding) => [finding.column, finding.text])).toEqual([
      [1, TOKEN],
      [TOKEN.length + 6, 'u-0123456789abcdef_-'],
    ]);
  });

  test('takes the whole run of token characters', () => {
    expect(findTokens(`"${TOKEN}-more_chars"`, 'a.txt')[0]?.text).toBe(`${TOKEN}-more_chars`);
  });

  test.for([
    ['glued to a word by an underscore', `my_${TOKEN}`],
    ['after a URL-encoded "="', `?token%3D${TOKEN}`],
    ['after a backslash escape', `"line\\n${TOKEN}"`],
    ['in upper case', `U-${TOKEN.slice(2)}`],
    ['after a dash', `x-${TOKEN}`],
  ] as const)('finds a token %s', ([, text]) => {
    const [finding] = findTokens(text, 'a.txt');
    expect(finding?.text.toLowerCase()).toBe(TOKEN.toLowerCase());
  });

  test.for([
    ['the placeholder', `Authorization: ${API_FACTS.placeholderToken}`],
    ['a short u- word', 'make a u-turn, then a u-bend'],
    ['fifteen token characters', 'u-0123456789abcde'],
    ['u- inside a longer word', 'menu-0123456789abcdefghij and 1u-0123456789abcdefghij'],
    ['the prefix alone in prose', 'Every token starts with u-, followed by letters and digits.'],
  ])('passes over %s', ([, text]) => {
    expect(findTokens(text!, 'a.txt')).toEqual([]);
  });
});

describe('findTokensInFile', () => {
  test('reads a file with a NUL early on: a token between binary fields, and UTF-16 text', () => {
    const binary = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00]), Buffer.from(TOKEN), Buffer.from([0x00, 0xff])]);
    expect(findTokensInFile(binary, 'logo.png').map((finding) => finding.text)).toEqual([TOKEN]);
    expect(findTokensInFile(Buffer.from(`token = "${TOKEN}"\n`, 'utf16le'), 'notes.txt').map((finding) => finding.text)).toEqual([TOKEN]);
  });

  test('reads a text file as UTF-8', () => {
    expect(findTokensInFile(Buffer.from(`é ${TOKEN}`), 'a.txt')).toEqual([
      { file: 'a.txt', line: 1, column: 3, kind: 'user-token', text: TOKEN },
    ]);
  });
});

describe('formatFinding', () => {
  test('names file, line and column and shows the token masked, never whole', () => {
    const line = formatFinding({ file: 'snippets/x/x.py', line: 4, column: 9, kind: 'user-token', text: TOKEN });
    expect(line).toBe('snippets/x/x.py:4:9: token-shaped string u-Pl…(33 chars)');
    expect(line).not.toContain(TOKEN);
  });
});

describe('looksBinary', () => {
  test('tells an image from text by a NUL byte', () => {
    expect(looksBinary(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x00, 0x1a]))).toBe(true);
    expect(looksBinary(new TextEncoder().encode(`token ${TOKEN}`))).toBe(false);
  });
});

describe('findCredentials', () => {
  test.for(CREDENTIAL_KINDS)('finds %s with its line and column', (kind) => {
    const credential = FAKE_CREDENTIALS[kind];
    const [finding] = findCredentials(`# notes\nconst key = ${credential}\n`, 'scripts/x.ts');
    // Where the shape starts: a basic-auth header's is its `Basic` scheme, past `Authorization: `.
    const offset = credential.indexOf(finding?.text.slice(0, 12) ?? '-');
    expect(offset).toBeGreaterThanOrEqual(0);
    expect(finding).toMatchObject({ file: 'scripts/x.ts', line: 2, column: 'const key = '.length + 1 + offset, kind });
  });

  test.for([
    ['the prefixes alone, in prose', 'GitHub tokens start with ghp_, npm tokens with npm_, AWS key ids with AKIA.'],
    ['a PEM header that names no private key', '-----BEGIN CERTIFICATE-----'],
    ['a basic-auth header in words', 'Basic authentication is not supported'],
    ['a documented shape with an ellipsis', '`Authorization: Basic …`, `-----BEGIN … PRIVATE KEY-----`'],
  ])('passes over %s', ([, text]) => {
    expect(findCredentials(text!, 'README.md')).toEqual([]);
  });

  test('shows a credential masked, naming its kind, never whole', () => {
    const [finding] = findCredentials(FAKE_GITHUB_TOKEN, 'scripts/x.ts');
    const line = formatFinding(finding!);
    expect(line).toBe('scripts/x.ts:1:1: credential-shaped string (a GitHub token) ghp_…(40 chars)');
    expect(line).not.toContain(FAKE_GITHUB_TOKEN);
  });
});

describe('findHidden', () => {
  test('names the line, column and character of a right-to-left override', () => {
    const [finding] = findHidden('const a = 1;\n/* ok \u202e } */\n', 'x.mjs');
    expect(formatFinding(finding!)).toBe(
      'x.mjs:2:7: U+202E RIGHT-TO-LEFT OVERRIDE, a bidirectional control character, which can make code read differently from how it runs; remove it',
    );
  });

  test.for([
    ['U+2066 LEFT-TO-RIGHT ISOLATE', '\u2066'],
    ['U+2069 POP DIRECTIONAL ISOLATE', '\u2069'],
    ['U+202A LEFT-TO-RIGHT EMBEDDING', '\u202a'],
    ['U+200B ZERO WIDTH SPACE', '\u200b'],
    ['U+200F RIGHT-TO-LEFT MARK', '\u200f'],
    ['U+2028 LINE SEPARATOR', '\u2028'],
    ['U+2029 PARAGRAPH SEPARATOR', '\u2029'],
    ['U+00AD SOFT HYPHEN', '\u00ad'],
    ['U+E0041 TAG LATIN CAPITAL LETTER A', '\u{e0041}'],
    ['U+E007F CANCEL TAG', '\u{e007f}'],
  ])('finds %s', ([name, character]) => {
    expect(findHidden(`let x${character}y = 1;`, 'a.py').map((finding) => finding.text)).toEqual([name]);
  });

  test('allows a byte order mark at the start of a file, and finds one after it', () => {
    expect(findHidden('\ufeffprint(1)\n', 'a.py')).toEqual([]);
    expect(findHidden('print(1)\ufeff\n', 'a.py').map((finding) => finding.text)).toEqual([
      'U+FEFF ZERO WIDTH NO-BREAK SPACE (a byte order mark after the start of the file)',
    ]);
  });

  test('passes over ordinary Unicode text', () => {
    expect(findHidden('Café — naïve “quotes” ✓ 日本語 👍\n', 'a.md')).toEqual([]);
  });
});

describe('findSourceProblemsInFile', () => {
  test('finds credentials and hidden characters in text, credentials only in a binary', () => {
    const text = Buffer.from(`x = "${FAKE_GITHUB_TOKEN}"\n// \u202e\n`);
    expect(findSourceProblemsInFile(text, 'a.ts').map((finding) => finding.kind)).toEqual(['github-token', 'hidden-character']);
    const binary = Buffer.concat([Buffer.from([0x89, 0x50, 0x00]), Buffer.from(`${FAKE_GITHUB_TOKEN}\u202e`), Buffer.from([0x00])]);
    expect(findSourceProblemsInFile(binary, 'logo.png').map((finding) => finding.kind)).toEqual(['github-token']);
  });
});
