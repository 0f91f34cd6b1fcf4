// A highlighter's grammars remember the lines they tokenize, by text and starting state: the markup
// of every block the pages show is byte for byte the markup of a highlighter that remembers nothing,
// a line met again in another state (inside a comment, a string) is tokenized again, and most lines
// of the examples are met more than once.
// vitest project: site (test/support/projects.ts)
import path from 'node:path';
import { createHighlighter, type BundledLanguage } from 'shiki';
import { expect, test } from 'vitest';
import { shownBlocks } from '../../docs/integrations/highlight-ahead.ts';
import { GRAMMARS } from '../../docs/lib/highlight.ts';
import { rememberLines } from '../../docs/lib/line-cache.ts';
import { codeMarkup, createCodeHighlighter, loadCodeThemes } from '../../docs/lib/shiki-markup.ts';
import { DEFAULT_SNIPPETS_ROOT, PROJECT_ROOT } from '../../scripts/harness/harness.ts';

const CONTENT = path.join(PROJECT_ROOT, 'docs', 'content');

/** Both highlighters: the site's, whose grammars remember lines, and Shiki's own with the same themes, which remembers nothing. */
async function highlighters() {
  const themes = await loadCodeThemes();
  const loaded = themes.paired ? [themes.paired.theme] : [themes.light, themes.dark];
  const [remembering, plain] = await Promise.all([
    createCodeHighlighter(themes, GRAMMARS),
    createHighlighter({ themes: loaded, langs: GRAMMARS as BundledLanguage[] }),
  ]);
  return { themes, remembering, plain };
}

test('the markup of every block the pages show is the markup of a highlighter that remembers no line', async () => {
  const { themes, remembering, plain } = await highlighters();
  const blocks = await shownBlocks(CONTENT, DEFAULT_SNIPPETS_ROOT);
  expect(blocks.length).toBeGreaterThan(100);
  for (const { code, grammar } of blocks) {
    const shown = code.replace(/\r?\n$/, '');
    expect(codeMarkup(remembering, shown, grammar, themes), `${grammar} block starting ${JSON.stringify(shown.slice(0, 60))}`).toBe(
      codeMarkup(plain, shown, grammar, themes),
    );
  }
}, 120_000);

test('a line met again in another starting state is tokenized in that state', async () => {
  const { themes, remembering, plain } = await highlighters();
  // The same lines outside and inside a block comment, a template string and a heredoc, in both orders.
  const cases = [
    ['javascript', 'const a = 1; // one\nlet b = `x`;', '/*\nconst a = 1; // one\nlet b = `x`;\n*/'],
    ['javascript', 'const t = `\nlet b = 2;\n`;', 'let b = 2;'],
    ['python', 'x = 1\n', '"""\nx = 1\n"""'],
    ['shellscript', 'echo "$TOKEN"', 'cat <<\'EOF\'\necho "$TOKEN"\nEOF'],
  ] as const;
  for (const [grammar, ...codes] of cases) {
    for (const code of [...codes, ...[...codes].reverse()]) {
      expect(codeMarkup(remembering, code, grammar, themes), `${grammar}: ${JSON.stringify(code)}`).toBe(
        codeMarkup(plain, code, grammar, themes),
      );
    }
  }
});

test('most lines of the examples are tokenized once', async () => {
  const { themes, plain } = await highlighters();
  const grammar = plain.getLanguage('javascript');
  let tokenized = 0;
  const tokenizeLine = grammar.tokenizeLine2.bind(grammar);
  grammar.tokenizeLine2 = (...args) => {
    tokenized += 1;
    return tokenizeLine(...args);
  };
  const memory = rememberLines(grammar);
  const blocks = (await shownBlocks(CONTENT, DEFAULT_SNIPPETS_ROOT)).filter((block) => block.grammar === 'javascript');
  let lines = 0;
  for (const { code } of blocks) {
    codeMarkup(plain, code, 'javascript', themes);
    lines += code.split('\n').filter(Boolean).length;
  }
  expect(tokenized).toBe([...memory.values()].reduce((sum, states) => sum + states.length, 0));
  expect(tokenized).toBeLessThan(lines / 2);
});

test('a line cut short by a time limit is not remembered', async () => {
  const { plain } = await highlighters();
  const grammar = plain.getLanguage('json');
  const memory = rememberLines(grammar);
  grammar.tokenizeLine2('{"a": 1}', null, 1_000);
  expect(memory.size).toBe(0);
  grammar.tokenizeLine2('{"a": 1}', null, 0);
  expect(memory.size).toBe(1);
});
