// The leak scanner: every usual encoding of a secret, at any alignment, across chunk boundaries,
// in work that grows linearly with the output; and masking of every form it finds. The same for
// credential-shaped strings, found by their shape in the same views.
// vitest project: unit (test/support/projects.ts)
import { describe, expect, test } from 'vitest';
import { CREDENTIAL_KINDS, type CredentialKind } from '../../scripts/secrets/credentials.ts';
import { WITHHELD_CREDENTIAL, maskAllForms, maskCredentials } from '../../scripts/secrets/mask.ts';
import { createLeakScanner, scanCredentials, scanText, type CredentialFinding } from '../../scripts/secrets/stream-scan.ts';
import type { LeakEncoding } from '../../scripts/secrets/encodings.ts';
import { FAKE_CREDENTIALS, FAKE_GITHUB_TOKEN } from '../support/credentials.ts';

const TOKEN = 'u-ScanOnly0123456789abcdefghijKLMNO';
const bytes = Buffer.from(TOKEN);
const reversed = [...TOKEN].reverse().join('');

/** Each way a program might print the token, and the encoding the scanner must name. */
const FORMS: Array<[string, string, LeakEncoding[]]> = [
  ['as is', `token=${TOKEN}\n`, ['plain']],
  ['base64', bytes.toString('base64'), ['base64']],
  ['base64 one byte into a longer string', Buffer.from(`a${TOKEN}zz`).toString('base64'), ['base64']],
  ['base64 two bytes into a longer string', Buffer.from(`Authorization: ${TOKEN}`).toString('base64'), ['base64']],
  ['base64url, inside a longer string', Buffer.from(`\u00ff\u00fe${TOKEN}?>`, 'latin1').toString('base64url'), ['base64']],
  [
    'base64 wrapped at 20 characters',
    Buffer.from(`xy${TOKEN}`)
      .toString('base64')
      .replace(/(.{20})/g, '$1\n'),
    ['base64'],
  ],
  ['hex, lower case', bytes.toString('hex'), ['hex']],
  ['hex, upper case', bytes.toString('hex').toUpperCase(), ['hex']],
  ['hex as 0x bytes', [...bytes].map((byte) => `0x${byte.toString(16)}`).join(', '), ['hex']],
  ['as \\x escapes', [...bytes].map((byte) => `\\x${byte.toString(16)}`).join(''), ['escaped']],
  ['as \\u escapes in JSON', `{"token": "${[...TOKEN].map((char) => `\\u00${char.charCodeAt(0).toString(16)}`).join('')}"}`, ['escaped']],
  [
    'as HTML character references',
    [...TOKEN].map((char, index) => (index % 2 ? `&#${char.charCodeAt(0)};` : `&#x${char.charCodeAt(0).toString(16)};`)).join(''),
    ['escaped'],
  ],
  ['URL-encoded in full', [...TOKEN].map((char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`).join(''), ['url-encoded']],
  ['URL-encoded in part', `q=${TOKEN.slice(0, 2)}%${TOKEN.charCodeAt(2).toString(16)}${TOKEN.slice(3)}`, ['url-encoded']],
  ['reversed', reversed, ['reversed']],
  ['upper-cased', TOKEN.toUpperCase(), ['case-changed']],
  ['lower-cased in a host name', `https://${TOKEN.toLowerCase()}.example/`, ['case-changed']],
  ['one character per line', [...TOKEN].join('\n'), ['spaced']],
  ['with spaces between the characters', [...TOKEN].join(' '), ['spaced']],
  [
    'with ANSI colour codes between the characters',
    [...TOKEN].map((char) => `\u001b[3${char.charCodeAt(0) % 8}m${char}`).join(''),
    ['spaced'],
  ],
  ['as UTF-16', Buffer.from(TOKEN, 'utf16le').toString('latin1'), ['spaced']],
  ['as is and base64-encoded', `${TOKEN} ${bytes.toString('base64')}`, ['plain', 'base64']],
];

describe('scanText', () => {
  test.for(FORMS)('finds the token printed %s', ([, text, encodings]) => {
    expect(scanText(text, [TOKEN])).toEqual(encodings);
  });

  test.for([
    ['nothing like it', 'Northwind Logistics\nContoso Analytics\n'],
    ['the token cut short', TOKEN.slice(0, -1)],
    ['another token', 'u-OtherOne0123456789abcdefghijKLMNO'],
    ['base64 of a prefix', bytes.subarray(0, 20).toString('base64')],
  ] as const)('finds nothing in %s', ([, text]) => {
    expect(scanText(text, [TOKEN])).toEqual([]);
  });

  test('finds nothing when it watches no secret', () => {
    expect(scanText(TOKEN, [])).toEqual([]);
  });
});

describe('createLeakScanner', () => {
  test.for(FORMS)('finds the token printed %s across any chunk boundary, after 40 KiB of output', ([, text, encodings]) => {
    const filler = 'x'.repeat(40 * 1024 + 3);
    const output = Buffer.from(`${filler}${text}\n`);
    for (const cut of [filler.length + 1, filler.length + Math.floor(text.length / 2), filler.length + text.length - 1]) {
      const scanner = createLeakScanner([TOKEN]);
      scanner.write(output.subarray(0, cut));
      scanner.write(output.subarray(cut));
      scanner.end();
      expect(scanner.findings(), `cut at ${cut}`).toEqual(encodings);
    }
  });

  test('finds a token written one byte at a time', () => {
    const scanner = createLeakScanner([TOKEN]);
    for (const byte of Buffer.from(`noise ${bytes.toString('base64')} noise`)) scanner.write(Uint8Array.of(byte));
    scanner.end();
    expect(scanner.findings()).toEqual(['base64']);
  });

  test('does work in proportion to the output: 8 MB costs 8 times 1 MB', () => {
    const work = (megabytes: number, chunk: string) => {
      let characters = 0;
      const scanner = createLeakScanner([TOKEN], (count) => (characters += count));
      const block = chunk.repeat(Math.ceil(65_536 / chunk.length));
      for (let written = 0; written < megabytes * 1024 * 1024; written += block.length) scanner.write(block);
      scanner.end();
      return characters;
    };
    for (const chunk of ['\n', ' ', '%', '0x', '\u001b[', '\\u00', '&#1', TOKEN.slice(0, 30)]) {
      const ratio = work(8, chunk) / work(1, chunk);
      expect(ratio, JSON.stringify(chunk)).toBeGreaterThan(7.5);
      expect(ratio, JSON.stringify(chunk)).toBeLessThan(8.5);
    }
  });
});

describe('maskAllForms', () => {
  test.for(FORMS)('masks the token printed %s, leaving the rest', ([, text]) => {
    const masked = maskAllForms(`before ${text} after`, [TOKEN]);
    expect(scanText(masked, [TOKEN])).toEqual([]);
    expect(masked).toMatch(/^before .*after$/s);
  });

  test('shows a plain token as its first characters and length', () => {
    expect(maskAllForms(`Authorization: ${TOKEN}`, [TOKEN])).toBe('Authorization: u-Sc…(35 chars)');
  });

  test('names the encoding of a masked form', () => {
    expect(maskAllForms(bytes.toString('hex'), [TOKEN])).toBe('[token masked: hex-encoded]');
  });
});

const github = Buffer.from(FAKE_GITHUB_TOKEN);
const pem = FAKE_CREDENTIALS['private-key'];
const basic = FAKE_CREDENTIALS['basic-auth'];

/** Each way a program might print a credential, and what the scanner must say it found. */
const CREDENTIAL_FORMS: Array<[string, string, CredentialFinding[]]> = [
  ['a GitHub token as is', `token: ${FAKE_GITHUB_TOKEN}\n`, [{ kind: 'github-token', encoding: 'plain' }]],
  ['a GitHub token one character per line', [...FAKE_GITHUB_TOKEN].join('\n'), [{ kind: 'github-token', encoding: 'spaced' }]],
  ['a GitHub token base64-encoded', github.toString('base64'), [{ kind: 'github-token', encoding: 'base64' }]],
  [
    'a GitHub token base64-encoded two bytes into a longer string, wrapped',
    Buffer.from(`GH=${FAKE_GITHUB_TOKEN};`)
      .toString('base64')
      .replace(/(.{20})/g, '$1\n'),
    [{ kind: 'github-token', encoding: 'base64' }],
  ],
  [
    'a GitHub token base64url-encoded',
    Buffer.from(`\u00ff${FAKE_GITHUB_TOKEN}`, 'latin1').toString('base64url'),
    [{ kind: 'github-token', encoding: 'base64' }],
  ],
  ['a GitHub token hex-encoded', `0x${github.toString('hex').toUpperCase()}`, [{ kind: 'github-token', encoding: 'hex' }]],
  [
    'a GitHub token URL-encoded',
    [...github].map((byte) => `%${byte.toString(16)}`).join(''),
    [{ kind: 'github-token', encoding: 'url-encoded' }],
  ],
  [
    'a GitHub token as \\u escapes',
    [...github].map((byte) => `\\u00${byte.toString(16)}`).join(''),
    [{ kind: 'github-token', encoding: 'escaped' }],
  ],
  ['a GitHub token reversed', [...FAKE_GITHUB_TOKEN].reverse().join(''), [{ kind: 'github-token', encoding: 'reversed' }]],
  ['a PEM private key', `key:\n${pem}\n`, [{ kind: 'private-key', encoding: 'plain' }]],
  ['a PEM private key base64-encoded', Buffer.from(pem).toString('base64'), [{ kind: 'private-key', encoding: 'base64' }]],
  ['a basic-auth header', basic, [{ kind: 'basic-auth', encoding: 'plain' }]],
  ['a basic-auth header base64-encoded', Buffer.from(`${basic}\r\n`).toString('base64'), [{ kind: 'basic-auth', encoding: 'base64' }]],
  ...CREDENTIAL_KINDS.map((kind): [string, string, CredentialFinding[]] => [
    `${kind} as is`,
    FAKE_CREDENTIALS[kind],
    [{ kind, encoding: 'plain' }],
  ]),
];

describe('scanCredentials', () => {
  test.for(CREDENTIAL_FORMS)('finds %s', ([, text, found]) => {
    expect(scanCredentials(text)).toEqual(found);
  });

  test.for([
    ['ordinary output', 'Northwind Logistics\nContoso Analytics\nCould not list clients: 401 Invalid or missing authentication token\n'],
    ['a RequestRocket token', TOKEN],
    ['a base64 image', Buffer.from(Array.from({ length: 3000 }, (_, index) => (index * 7919) % 256)).toString('base64')],
    ['a GitHub token cut short', FAKE_GITHUB_TOKEN.slice(0, -1)],
  ] as const)('finds nothing in %s', ([, text]) => {
    expect(scanCredentials(text)).toEqual([]);
  });

  test('finds a credential across any chunk boundary, after 40 KiB of output', () => {
    for (const [, text, found] of CREDENTIAL_FORMS.slice(0, 13)) {
      const filler = 'x'.repeat(40 * 1024 + 3);
      const output = Buffer.from(`${filler}${text}\n`);
      for (const cut of [filler.length + 1, filler.length + Math.floor(text.length / 2), filler.length + text.length - 1]) {
        const scanner = createLeakScanner([], undefined, { credentials: true });
        scanner.write(output.subarray(0, cut));
        scanner.write(output.subarray(cut));
        scanner.end();
        expect(scanner.credentialFindings(), `${text.slice(0, 20)}, cut at ${cut}`).toEqual(found);
      }
    }
  });

  test('does work in proportion to the output: 8 MB costs 8 times 1 MB', () => {
    const work = (megabytes: number, chunk: string) => {
      let characters = 0;
      const scanner = createLeakScanner([TOKEN], (count) => (characters += count), { credentials: true });
      const block = chunk.repeat(Math.ceil(65_536 / chunk.length));
      for (let written = 0; written < megabytes * 1024 * 1024; written += block.length) scanner.write(block);
      scanner.end();
      return characters;
    };
    for (const chunk of ['\n', 'A', 'ghp_', '-----BEGIN ', 'Basic ', '0x', 'eyJ.']) {
      const ratio = work(8, chunk) / work(1, chunk);
      expect(ratio, JSON.stringify(chunk)).toBeGreaterThan(7.5);
      expect(ratio, JSON.stringify(chunk)).toBeLessThan(8.5);
    }
  });
});

describe('maskCredentials', () => {
  test.for(CREDENTIAL_FORMS)('masks %s', ([, text]) => {
    const masked = maskCredentials(`before\n${text}\nafter`);
    expect(scanCredentials(masked)).toEqual([]);
    expect(masked).toContain('[credential masked: ');
  });

  test.for(CREDENTIAL_FORMS.filter(([, , [found]]) => found?.kind === 'github-token'))(
    'masks %s and keeps the lines around it (a GitHub token has a fixed length)',
    ([, text]) => {
      // A base64 group of four characters may take in the first letter of the next line.
      expect(maskCredentials(`before\n${text}\nafter`)).toMatch(/^before\n[^]*\[credential masked: a GitHub token[^\]]*\][^]*fter$/);
    },
  );

  test('names the kind and the form, and keeps the lines around a plain one', () => {
    expect(maskCredentials(`token ${FAKE_GITHUB_TOKEN}\nNorthwind Logistics`)).toBe(
      'token [credential masked: a GitHub token]\nNorthwind Logistics',
    );
    expect(maskCredentials(`a\n${pem}\nb`)).toBe('a\n[credential masked: a PEM private key]\nb');
    expect(maskCredentials(github.toString('hex'))).toBe('[credential masked: a GitHub token, hex-encoded]');
  });

  test('leaves a text without credentials as it was', () => {
    const text = `Northwind Logistics ${TOKEN} ${'x'.repeat(100)}`;
    expect(maskCredentials(text)).toBe(text);
  });

  test('withholds a text whose credential forms overlap past what one mask can cover', () => {
    const kinds: CredentialKind[] = ['github-token', 'npm-token'];
    // Two tokens interleaved character by character: each is found spaced out, neither can be cut out alone.
    const [a, b] = kinds.map((kind) => FAKE_CREDENTIALS[kind]);
    const interleaved = [...a!].map((char, index) => `${char} ${b![index] ?? ''}`).join(' ');
    const masked = maskCredentials(`${interleaved}\n${[...a!].join(' ')}`);
    expect(scanCredentials(masked)).toEqual([]);
    expect([WITHHELD_CREDENTIAL, expect.stringContaining('[credential masked: ')]).toContainEqual(masked);
  });
});
