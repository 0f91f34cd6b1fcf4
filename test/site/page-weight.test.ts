// The arithmetic of `npm run bench:site`: what a page asks for at load, the JavaScript it runs, its
// sections, and the budget that grows by one allowance per section.
import { gzipSync } from 'node:zlib';
import { describe, expect, test } from 'vitest';
import { PAGE_BUDGET, measurePage, overBudget } from '../../scripts/bench/page-weight.ts';

const assets: Record<string, string> = { '/_astro/site.js': 'console.log("tabs, copy and the table of contents");' };
const readAsset = async (url: string) => assets[url] ?? '';

/** A page with the given head and body. */
const page = (head: string, body: string) => `<!doctype html><html><head>${head}</head><body>${body}</body></html>`;

describe('measurePage', () => {
  test('counts each URL asked for at load once: stylesheets, scripts, preloads, images and the sprite, not data URLs or links', async () => {
    const weight = await measurePage(
      'x/index.html',
      page(
        '<link rel="stylesheet" href="/_astro/site.css"><link rel="icon" href="data:image/svg+xml,x"><link rel="canonical" href="https://example.com/x/"><link rel="alternate" type="text/markdown" href="/x.md"><script type="module" src="/_astro/site.js"></script>',
        '<svg><use href="/icons.svg#icon-copy"/></svg><svg><use href="/icons.svg#icon-link"/></svg><img src="/a.png"><a href="/elsewhere/">x</a>',
      ),
      readAsset,
    );
    expect(weight.requests).toEqual(['/_astro/site.css', '/_astro/site.js', '/icons.svg', '/a.png']);
    expect(overBudget(weight)).toEqual([
      `4 requests at load (/_astro/site.css, /_astro/site.js, /icons.svg, /a.png), budget ${PAGE_BUDGET.requests}`,
    ]);
  });

  test('weighs the JavaScript run at load, inline and from files, and not JSON data', async () => {
    const inline = '(()=>{document.documentElement.dataset.js=""})()';
    const weight = await measurePage(
      'x/index.html',
      page(
        `<script>${inline}</script><script type="application/json">{"big": "${'x'.repeat(5000)}"}</script><script type="module" src="/_astro/site.js"></script>`,
        '',
      ),
      readAsset,
    );
    expect(weight.scriptGzip).toBe(gzipSync(inline + assets['/_astro/site.js']!, { level: 9 }).length);
  });

  test('gives a page one section allowance per example or operation section it holds', async () => {
    const body =
      '<figure class="example" data-example="a"></figure><figure class="example" data-example="b"></figure><section data-operation="deleteProxy"></section><div data-example="c" class="code-file"></div>';
    const weight = await measurePage('x/index.html', page('', body), readAsset);
    expect(weight.sections).toBe(3);
    expect(weight.budgetGzip).toBe(PAGE_BUDGET.baseGzip + 3 * PAGE_BUDGET.sectionGzip);
    expect(overBudget(weight)).toEqual([]);
  });

  test('says when the HTML outgrows its budget', async () => {
    const noise = Array.from({ length: 4000 }, (_, index) => `<p>${(index * 7919).toString(36)}${Math.sin(index)}</p>`).join('');
    const weight = await measurePage('x/index.html', page('', noise), readAsset);
    expect(weight.sections).toBe(0);
    expect(weight.htmlGzip).toBeGreaterThan(PAGE_BUDGET.baseGzip);
    expect(overBudget(weight)[0]).toMatch(/^HTML \d+ B gzipped, budget 6144 B \(0 section\(s\)\)$/);
  });
});
