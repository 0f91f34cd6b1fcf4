// What a report shows of a program stays safe to print: no token in any form, no control
// characters that would redraw a terminal, and a bounded list however much the program did.
// vitest project: unit (test/support/projects.ts)
import { describe, expect, test } from 'vitest';
import { firstLines } from '../../scripts/harness/case/detail-lines.ts';
import { maskSecrets, printable, showSafely } from '../../scripts/secrets/safe-text.ts';
import { outputTail } from '../../scripts/harness/case/output-tail.ts';

const TOKEN = 'u-ReportOnly0123456789abcdefghijKL';

describe('printable', () => {
  test('shows control characters as escapes and keeps tabs, line feeds and other text', () => {
    expect(printable('\u001b[2J\u001b]0;title\u0007ok\r\tdone\nnext ✓')).toBe('\\x1b[2J\\x1b]0;title\\x07ok\\x0d\tdone\nnext ✓');
  });
});

describe('maskSecrets', () => {
  test('masks a token it was not told about when it has the shape of one, and keeps the placeholder', () => {
    expect(maskSecrets('sent u-SomeoneElse0123456789abcdefgh and u-your-token-here', [])).toBe(
      'sent u-So…(31 chars) and u-your-token-here',
    );
  });
});

describe('showSafely', () => {
  test('masks a token hidden between colour codes before making the codes visible', () => {
    const hidden = [...TOKEN].map((char) => `\u001b[31m${char}`).join('');
    const shown = showSafely(`token: ${hidden}!`, [TOKEN]);
    expect(shown).toBe('token: \\x1b[31m[token masked: split by white space or line breaks]!');
  });

  test('cuts a long message after masking, so a token at the cut is never shown in part', () => {
    const message = `${'x'.repeat(95)}${TOKEN}${'y'.repeat(100_000)}`;
    const shown = showSafely(message, [TOKEN], 100);
    expect(shown).toBe(`${'x'.repeat(95)}u-Re…… (cut)`);
  });
});

describe('firstLines', () => {
  test('lists the first twenty, then how many more there were', () => {
    const lines = firstLines(
      Array.from({ length: 100_000 }, (_, index) => index),
      (index) => `request ${index}`,
    );
    expect(lines).toHaveLength(21);
    expect(lines.at(-2)).toBe('request 19');
    expect(lines.at(-1)).toBe('… and 99980 more');
  });

  test('lists everything when there are few', () => {
    expect(firstLines(['a', 'b'], (item) => item)).toEqual(['a', 'b']);
  });
});

describe('outputTail', () => {
  const mask = (text: string) => showSafely(text, [TOKEN]);

  test('masks a token split across the last lines as a whole', () => {
    const tail = outputTail(`start\n${TOKEN.slice(0, 6)}\n${TOKEN.slice(6)}\nend\n`, mask, false);
    expect(tail).toEqual(['start', '[token masked: split by white space or line breaks]', 'end']);
  });

  test('shows nothing for an empty output, and only a note when the token leaked encoded', () => {
    expect(outputTail('\n\n', mask, false)).toEqual([]);
    expect(outputTail(`${TOKEN}\n`, mask, true)).toEqual([
      '(not shown: the output holds the token in an encoded or split form; see token-leak)',
    ]);
  });
});
