// Code colours as palette classes look exactly like the colours Shiki writes inline: every file of
// every example, and the JSON and HTTP blocks, rendered both ways in light and in dark, and every
// character compared as Chromium draws it: its colour, background, style, weight, decoration and
// font, and each block's box. All blocks of one rendering share one page, so the whole comparison
// is four page loads, whatever the number of examples.
// vitest project: site (test/support/projects.ts)
import { readFile } from 'node:fs/promises';
import path from 'node:path';
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

/** A run of characters drawn alike: their colour, the rest of their look, and the characters. */
interface Run {
  color: string;
  /** Style, weight and decoration; background, font family, size and line height. */
  look: string;
  text: string;
}

/** How Chromium draws one block: its box, and its characters in runs of one look each. */
interface BlockLook {
  box: string;
  runs: Run[];
}

/** How each of `markups` (a <pre> each) is drawn under `css`, all on one page (whose context sets the colour scheme). */
async function looks(page: Page, markups: readonly string[], css: string): Promise<BlockLook[]> {
  await page.setContent(`<!doctype html><html><head><meta name="color-scheme" content="light dark"><style>
    :root { color-scheme: light dark; color: light-dark(#1f2328, #e6edf3); background: light-dark(#fbfcfd, #0f141b); }
    body { margin: 0; } pre { margin: 0; padding: 8px; font: 14px/1.65 monospace; white-space: pre; width: max-content; }
    ${css}</style></head><body>${markups.map((markup) => `<div class="block">${markup}</div>`).join('')}</body></html>`);
  return page.$$eval('.block > pre', (pres) =>
    pres.map((pre) => {
      const runs: { color: string; look: string; text: string }[] = [];
      const walker = document.createTreeWalker(pre, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
        const style = getComputedStyle(node.parentElement!);
        const paper = [style.backgroundColor, style.fontFamily, style.fontSize, style.lineHeight].join(' ');
        const look = `${style.fontStyle} ${style.fontWeight} ${style.textDecorationLine} | ${paper}`;
        // White space shows no ink: its colour and style may differ unseen, so it joins the run before it.
        const blank = /^\s*$/.test(node.data);
        const last = runs.at(-1);
        if (last && ((last.color === style.color && last.look === look) || (blank && last.look.endsWith(`| ${paper}`))))
          last.text += node.data;
        else runs.push({ color: style.color, look, text: node.data });
      }
      const box = pre.getBoundingClientRect();
      return { box: `${box.width}x${box.height}`, runs };
    }),
  );
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

/** Every block highlighted both ways, and the palette's style sheet. */
async function highlightAll() {
  const [inlineMarkup, paletteMarkup, palette] = await Promise.all([
    Promise.all(ALL_BLOCKS.map((block) => inlineColoured(block.code, block.grammar))),
    Promise.all(ALL_BLOCKS.map((block) => highlight(block.code, block.grammar))),
    codePaletteCss(),
  ]);
  return { inlineMarkup, paletteMarkup, palette };
}

/** The blocks highlighted once, for both colour schemes. */
let markup: ReturnType<typeof highlightAll> | undefined;

describe.each(['light', 'dark'] as const)('code colours from the palette in %s', (colorScheme) => {
  let inline: BlockLook[];
  let fromPalette: BlockLook[];

  beforeAll(async () => {
    const context = await browser.newContext({ colorScheme, viewport: { width: 900, height: 600 }, deviceScaleFactor: 1 });
    const page = await context.newPage();
    const { inlineMarkup, paletteMarkup, palette } = await (markup ??= highlightAll());
    inline = await looks(page, inlineMarkup, '');
    fromPalette = await looks(page, paletteMarkup, palette);
    return () => context.close();
  });

  test('cover every language and the JSON and HTTP blocks', () => {
    expect(new Set(ALL_BLOCKS.map((block) => block.grammar))).toEqual(
      new Set([...LANGUAGES.map((language) => language.grammar), 'json', 'http']),
    );
    expect([inline.length, fromPalette.length]).toEqual([ALL_BLOCKS.length, ALL_BLOCKS.length]);
  });

  test.each(ALL_BLOCKS.map((block, index) => [block.name, index] as const))(
    'render %s like inline colours, character for character',
    (name, index) => {
      const before = inline[index]!;
      const after = fromPalette[index]!;
      // Colour is what is compared: a block drawn in the page's text colour alone would compare nothing.
      expect(new Set(before.runs.map((run) => run.color)).size, `${name}: colours in the inline rendering`).toBeGreaterThan(1);
      expect(after.box, `${name} in ${colorScheme}: the block's box`).toBe(before.box);
      expect(after.runs, `${name} in ${colorScheme}: the characters' looks`).toEqual(before.runs);
    },
  );
});
