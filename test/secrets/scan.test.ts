// What counts as a token-shaped string, where it is reported, and that it is only shown masked.
import { describe, expect, test } from 'vitest';
import { API_FACTS } from '../../scripts/api/core-api.ts';
import { findTokens, findTokensInFile, formatFinding, looksBinary } from '../../scripts/secrets/scan.ts';

const TOKEN = 'u-Planted0123456789abcdefghijKLMN';

describe('findTokens', () => {
  test('finds a planted token with its line and column', () => {
    const text = `# Listing\n\ncurl -H "Authorization: ${TOKEN}" https://api.requestrocket.com/api/clients\n`;
    expect(findTokens(text, 'docs/page.mdx')).toEqual([{ file: 'docs/page.mdx', line: 3, column: 25, token: TOKEN }]);
  });

  test('finds every token on a line, including one that opens the file', () => {
    const text = `${TOKEN} and u-0123456789abcdef_-`;
    expect(findTokens(text, 'a.txt').map((finding) => [finding.column, finding.token])).toEqual([
      [1, TOKEN],
      [TOKEN.length + 6, 'u-0123456789abcdef_-'],
    ]);
  });

  test('takes the whole run of token characters', () => {
    expect(findTokens(`"${TOKEN}-more_chars"`, 'a.txt')[0]?.token).toBe(`${TOKEN}-more_chars`);
  });

  test.for([
    ['glued to a word by an underscore', `my_${TOKEN}`],
    ['after a URL-encoded "="', `?token%3D${TOKEN}`],
    ['after a backslash escape', `"line\\n${TOKEN}"`],
    ['in upper case', `U-${TOKEN.slice(2)}`],
    ['after a dash', `x-${TOKEN}`],
  ] as const)('finds a token %s', ([, text]) => {
    const [finding] = findTokens(text, 'a.txt');
    expect(finding?.token.toLowerCase()).toBe(TOKEN.toLowerCase());
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
    expect(findTokensInFile(binary, 'logo.png').map((finding) => finding.token)).toEqual([TOKEN]);
    expect(findTokensInFile(Buffer.from(`token = "${TOKEN}"\n`, 'utf16le'), 'notes.txt').map((finding) => finding.token)).toEqual([TOKEN]);
  });

  test('reads a text file as UTF-8', () => {
    expect(findTokensInFile(Buffer.from(`é ${TOKEN}`), 'a.txt')).toEqual([{ file: 'a.txt', line: 1, column: 3, token: TOKEN }]);
  });
});

describe('formatFinding', () => {
  test('names file, line and column and shows the token masked, never whole', () => {
    const line = formatFinding({ file: 'snippets/x/x.py', line: 4, column: 9, token: TOKEN });
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
