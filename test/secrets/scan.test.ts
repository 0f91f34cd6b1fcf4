// What counts as a token-shaped string, where it is reported, and that it is only shown masked.
import { describe, expect, test } from 'vitest';
import { PLACEHOLDER_TOKEN } from '../../scripts/api/contract.ts';
import { findTokens, formatFinding, looksBinary } from '../../scripts/secrets/scan.ts';

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
    ['the placeholder', `Authorization: ${PLACEHOLDER_TOKEN}`],
    ['a short u- word', 'make a u-turn, then a u-bend'],
    ['fifteen token characters', 'u-0123456789abcde'],
    ['u- inside a longer word', 'menu-0123456789abcdefghij and 1u-0123456789abcdefghij'],
    ['the prefix alone in prose', 'Every token starts with u-, followed by letters and digits.'],
  ])('passes over %s', ([, text]) => {
    expect(findTokens(text!, 'a.txt')).toEqual([]);
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
