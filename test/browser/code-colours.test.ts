// Code colours as palette classes look exactly like the colours Shiki writes inline: every file of
// every example, and the JSON and HTTP blocks, rendered both ways in light and in dark, and the
// screenshots compared pixel by pixel.
// vitest project: site (test/support/projects.ts)
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import pixelmatch from 'pixelmatch';
import { PNG } from 'pngjs';
import { createHighlighter, type BundledLanguage, type Highlighter } from 'shiki';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { documentedSuccess, formatBody } from '../../scripts/api/core-api.ts';
import { LANGUAGES } from '../../scripts/languages.ts';
import { discoverExamples } from '../../scripts/manifest/examples.ts';
import { CODE_THEMES, codePaletteCss, codeThemes, GRAMMARS, highlight } from '../../docs/lib/highlight.ts';
import { launchChromium } from './support.ts';
import { useScratchHighlightCache } from '../site/scratch-highlight-cache.ts';

const CLIENTS_OK = documentedSuccess('listClients');

// Blocks highlighted here go to a cache of their own, not the site's, removed afterwards.
useScratchHighlightCache();

/** Where the picture of the differing pixels goes when a block renders differently. */
const DIFF_DIR = path.resolve('test-results/screenshots');

let browser: Browser;
let shiki: Highlighter | undefined;

beforeAll(async () => {
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  shiki?.dispose();
});

/** Shiki's markup with each token's two colours inline (`color:light-dark(…)`), as the site wrote it before palette classes. */
async function inlineColoured(code: string, grammar: string): Promise<string> {
  const { light, dark } = await codeThemes();
  shiki ??= await createHighlighter({ themes: [light, dark], langs: GRAMMARS as BundledLanguage[] });
  return shiki.codeToHtml(code.replace(/\r?\n$/, ''), {
    lang: grammar,
    themes: CODE_THEMES,
    defaultColor: 'light-dark()',
    // As the site highlights: no time limit per line, so a busy machine gives the same tokens.
    tokenizeTimeLimit: 0,
    transformers: [
      {
        pre(node) {
          node.properties.class = 'code';
          delete node.properties.style;
        },
      },
    ],
  });
}

/** A screenshot of `markup` (a <pre>) under `css`, on `page` (whose context sets the colour scheme). */
async function shoot(page: Page, markup: string, css: string): Promise<PNG> {
  await page.setContent(`<!doctype html><html><head><meta name="color-scheme" content="light dark"><style>
    :root { color-scheme: light dark; color: light-dark(#1f2328, #e6edf3); background: light-dark(#fbfcfd, #0f141b); }
    body { margin: 0; } pre { margin: 0; padding: 8px; font: 14px/1.65 monospace; white-space: pre; width: max-content; }
    ${css}</style></head><body>${markup}</body></html>`);
  return PNG.sync.read(await page.locator('pre').screenshot());
}

/** Every block the site highlights: each example's files, a JSON body and an HTTP request. */
async function blocks(): Promise<{ name: string; code: string; grammar: string }[]> {
  const examples = await discoverExamples(path.resolve('snippets'));
  const files = await Promise.all(
    examples.flatMap((example) =>
      example.files.map(async (file) => ({
        name: `${example.id}/${file.name}`,
        code: await readFile(file.path, 'utf8'),
        grammar: LANGUAGES.find((language) => language.id === file.language)!.grammar,
      })),
    ),
  );
  const http = await readFile(path.resolve('snippets/list-clients/request.http'), 'utf8');
  return [
    ...files,
    { name: '200 body', code: formatBody(CLIENTS_OK.body), grammar: 'json' },
    { name: 'request.http', code: http, grammar: 'http' },
  ];
}

// Every block, known before the tests are made, so that each block is a test of its own: the time
// limit then holds per block, however many examples the site shows.
const ALL_BLOCKS = await blocks();

describe.each(['light', 'dark'] as const)('code colours from the palette in %s', (colorScheme) => {
  let page: Page;
  let palette: string;

  beforeAll(async () => {
    const context = await browser.newContext({ colorScheme, viewport: { width: 900, height: 600 }, deviceScaleFactor: 1 });
    page = await context.newPage();
    palette = await codePaletteCss();
    return () => context.close();
  });

  test('cover every language and the JSON and HTTP blocks', () => {
    expect(new Set(ALL_BLOCKS.map((block) => block.grammar))).toEqual(
      new Set([...LANGUAGES.map((language) => language.grammar), 'json', 'http']),
    );
  });

  test.each(ALL_BLOCKS.map((block) => [block.name, block] as const))(
    'render %s pixel for pixel like inline colours',
    async (_name, block) => {
      const before = await shoot(page, await inlineColoured(block.code, block.grammar), '');
      const after = await shoot(page, await highlight(block.code, block.grammar), palette);
      expect([after.width, after.height], block.name).toEqual([before.width, before.height]);
      const diff = new PNG({ width: before.width, height: before.height });
      const differing = pixelmatch(before.data, after.data, diff.data, before.width, before.height, { threshold: 0 });
      if (differing) {
        await mkdir(DIFF_DIR, { recursive: true });
        await writeFile(
          path.join(DIFF_DIR, `code-colours-${colorScheme}-${block.name.replace(/[^\w.-]+/g, '_')}.png`),
          PNG.sync.write(diff),
        );
      }
      expect(differing, `${block.name} in ${colorScheme}: pixels that differ`).toBe(0);
    },
  );
});
