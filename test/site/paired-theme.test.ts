// Code is tokenized once for both themes through their paired theme: the markup of every block the
// pages show (and of a raw HTTP request and a JSON body) is byte for byte the markup of one
// tokenization per theme; themes whose rules differ in more than colours are not paired.
// vitest project: site (test/support/projects.ts)
import path from 'node:path';
import { expect, test } from 'vitest';
import { shownBlocks } from '../../docs/integrations/highlight-ahead.ts';
import { GRAMMARS } from '../../docs/lib/highlight.ts';
import { pairedTheme, twoThemeStyle } from '../../docs/lib/paired-theme.ts';
import { codeMarkup, createCodeHighlighter, loadCodeThemes } from '../../docs/lib/shiki-markup.ts';
import { DEFAULT_SNIPPETS_ROOT, PROJECT_ROOT } from '../../scripts/harness/harness.ts';

const CONTENT = path.join(PROJECT_ROOT, 'docs', 'content');

/** Blocks the pages make themselves rather than read from an example's files. */
const MADE_BLOCKS = [
  {
    code: 'POST /v1/clients HTTP/1.1\nHost: api.example.test\nAuthorization: Bearer <token>\nContent-Type: application/json\n\n{"clientName": "Acme"}',
    grammar: 'http',
  },
  { code: '{\n  "error": "unauthorized",\n  "count": 2,\n  "ok": true,\n  "none": null\n}', grammar: 'json' },
];

test('the paired tokenization gives the markup of one tokenization per theme, for every block the pages show', async () => {
  const themes = await loadCodeThemes();
  expect(themes.paired, 'the site themes pair').toBeDefined();
  const unpaired = { ...themes, paired: undefined };
  const [paired, perTheme] = await Promise.all([createCodeHighlighter(themes, GRAMMARS), createCodeHighlighter(unpaired, GRAMMARS)]);
  const blocks = [...(await shownBlocks(CONTENT, DEFAULT_SNIPPETS_ROOT)), ...MADE_BLOCKS];
  expect(new Set(blocks.map((block) => block.grammar))).toEqual(new Set(GRAMMARS));
  for (const { code, grammar } of blocks) {
    const shown = code.replace(/\r?\n$/, '');
    expect(codeMarkup(paired, shown, grammar, themes)).toBe(codeMarkup(perTheme, shown, grammar, unpaired));
  }
}, 120_000);

test('themes whose rules differ in more than colours are not paired', async () => {
  const { light, dark } = await loadCodeThemes();
  const [first, ...rest] = dark.tokenColors ?? [];
  const italic = { ...dark, tokenColors: [{ ...first!, settings: { ...first!.settings, fontStyle: 'italic bold' } }, ...rest] };
  expect(pairedTheme(light, italic)).toBeUndefined();
  expect(pairedTheme(light, { ...dark, tokenColors: rest })).toBeUndefined();
  expect(pairedTheme(light, dark)).toBeDefined();
});

test("a paired token's style is written as the two themes' style, and an unknown colour is refused", async () => {
  const { light, dark } = await loadCodeThemes();
  const paired = pairedTheme(light, dark)!;
  const [colour, pair] = [...paired.pairs][0]!;
  expect(twoThemeStyle(`color:${colour.toUpperCase()};font-style:italic`, paired)).toBe(
    `--shiki-light:${pair.light};--shiki-light-font-style:italic;--shiki-dark:${pair.dark};--shiki-dark-font-style:italic`,
  );
  expect(() => twoThemeStyle('color:#abcdef', paired)).toThrow(
    'Highlighted code has the colour #abcdef, which the paired code theme does not have',
  );
});
