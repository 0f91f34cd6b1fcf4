// During a build Shiki runs in a thread of its own, fed as the build starts with every block the
// pages show: the thread's markup of each block is the main thread's, byte for byte, and the blocks
// asked for ahead are the ones the pages' <CodeTabs> and <CodeFile> show; a block is made once per
// build however many ask, and one whose markup failed is made again when asked again.
// vitest project: site (test/support/projects.ts)
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { shownBlocks } from '../../docs/integrations/highlight-ahead.ts';
import { startHighlightThread } from '../../docs/integrations/shiki-thread.ts';
import { GRAMMARS } from '../../docs/lib/highlight.ts';
import { cachedHighlight } from '../../docs/lib/highlight-cache.ts';
import { pageShownCode } from '../../docs/lib/page-examples.ts';
import { codeMarkup, createCodeHighlighter, loadCodeThemes } from '../../docs/lib/shiki-markup.ts';
import { DEFAULT_SNIPPETS_ROOT, PROJECT_ROOT } from '../../scripts/harness/harness.ts';

const CONTENT = path.join(PROJECT_ROOT, 'docs', 'content');
const thread = startHighlightThread(GRAMMARS);
afterAll(() => thread.close());

test("the thread's markup of every block the pages show is the main thread's", async () => {
  const blocks = await shownBlocks(CONTENT, DEFAULT_SNIPPETS_ROOT);
  expect(blocks.length).toBeGreaterThan(0);
  const themes = await loadCodeThemes();
  const shiki = await createCodeHighlighter(themes, GRAMMARS);
  const fromThread = await Promise.all(blocks.map(({ code, grammar }) => thread.markup(code.replace(/\r?\n$/, ''), grammar)));
  blocks.forEach(({ code, grammar }, index) => {
    expect(fromThread[index]).toBe(codeMarkup(shiki, code.replace(/\r?\n$/, ''), grammar, themes));
  });
}, 120_000);

test("a block the thread cannot highlight fails with Shiki's reason, and the thread goes on with the next", async () => {
  await expect(thread.markup('x', 'no-such-grammar')).rejects.toThrow(/^highlighting thread: .*no-such-grammar/);
  await expect(thread.markup('{}', 'json')).resolves.toContain('<pre class="code"');
});

test('a thread whose grammars come later answers the blocks asked for before they came, and one given none refuses every block', async () => {
  let giveGrammars: (grammars: readonly string[]) => void = () => undefined;
  const later = startHighlightThread(new Promise<readonly string[]>((resolve) => (giveGrammars = resolve)));
  const none = startHighlightThread(Promise.reject(new Error('no languages')));
  try {
    const asked = later.markup('{"a": 1}', 'json');
    giveGrammars(['json']);
    await expect(asked).resolves.toContain('<pre class="code"');
    await expect(none.markup('{}', 'json')).rejects.toThrow('highlighting thread: no grammars to load: no languages');
  } finally {
    await Promise.all([later.close(), none.close()]);
  }
});

test('the blocks asked for ahead are every file each <CodeTabs> and <CodeFile> of the pages shows, once', async () => {
  const pages = (await readdir(CONTENT, { recursive: true })).filter((file) => file.endsWith('.mdx'));
  const shown = (await Promise.all(pages.map(async (page) => pageShownCode(await readFile(path.join(CONTENT, page), 'utf8'))))).flat();
  expect(shown).toContainEqual({ component: 'CodeFile', example: 'list-clients', file: 'request.http' });
  expect(shown).toContainEqual({ component: 'CodeTabs', example: 'list-clients' });
  const expected = new Set<string>();
  for (const { example, file } of shown) {
    const dir = path.join(DEFAULT_SNIPPETS_ROOT, example);
    const names = file !== undefined ? [file] : (await readdir(dir)).filter((name) => /\.(mjs|js|py|go|java|sh)$/.test(name));
    for (const name of names) expected.add(await readFile(path.join(dir, name), 'utf8'));
  }
  const blocks = await shownBlocks(CONTENT, DEFAULT_SNIPPETS_ROOT);
  expect(blocks.map((block) => block.code).sort()).toEqual([...expected].sort());
});

test('a block asked for once is made once, and one whose markup failed is made again when asked again', async () => {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'rr-highlight-pending-'));
  try {
    const key = 'ab'.repeat(32);
    let renders = 0;
    const failing = () => {
      renders += 1;
      return Promise.reject(new Error('highlighting thread stopped'));
    };
    await expect(cachedHighlight(dir, key, failing)).rejects.toThrow('highlighting thread stopped');
    const working = () => {
      renders += 1;
      return Promise.resolve('<pre class="code"></pre>');
    };
    const [first, second] = await Promise.all([cachedHighlight(dir, key, working), cachedHighlight(dir, key, working)]);
    expect([first, second]).toEqual(['<pre class="code"></pre>', '<pre class="code"></pre>']);
    expect(renders).toBe(2);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
