// The arithmetic of `npm run bench:site`: what a page asks for at load, the JavaScript it runs, its
// sections, and the budget that grows by one allowance per section; the build-time comparison's
// arguments, ratio and verdict, and the extra pages it builds.
// vitest project: unit (test/support/projects.ts)
import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, test } from 'vitest';
import { CORE_API_DESCRIPTION } from '../../scripts/api/description.ts';
import { PROJECT_ROOT } from '../../scripts/project.ts';
import { PAGE_BUDGET, measurePage, overBudget } from '../../scripts/bench/page-weight.ts';
import { extraPage, writeScaledSite } from '../../scripts/bench/scaled-site.ts';
import { buildTimeRatio, buildTimeTable, parseSiteBenchArgs } from '../../scripts/bench/site-bench-cli.ts';

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

describe('the build-time comparison', () => {
  test('reads --runs and --extra-pages, refusing what is not a whole number', () => {
    expect(parseSiteBenchArgs([])).toEqual({ runs: 3, extraPages: 10 });
    expect(parseSiteBenchArgs(['--runs', '1', '--extra-pages', '0'])).toEqual({ runs: 1, extraPages: 0 });
    expect(() => parseSiteBenchArgs(['--runs', '0'])).toThrow('expected --runs to be a whole number of at least 1, got "0"');
    expect(() => parseSiteBenchArgs(['--extra-pages', 'x'])).toThrow('expected --extra-pages to be a whole number of at least 0, got "x"');
  });

  test('compares the medians, and holds the empty-cache build to half of Starlight', () => {
    const times = { pages: 2, ours: [900, 1000, 5000], starlight: [2000, 2100, 1900], oursWarm: 700, starlightWarm: 1400 };
    expect(buildTimeRatio(times)).toBe(0.5);
    expect(buildTimeTable([times])).toContain(
      '| 2 | 1.00 s (0.90 s, 1.00 s, 5.00 s) | 2.00 s (2.00 s, 2.10 s, 1.90 s) | 0.50 | 0.70 s | 1.40 s | 0.50 | ok |',
    );
    expect(buildTimeTable([{ ...times, ours: [1100] }])).toMatch(/\| 0\.55 \| 0\.70 s \| 1\.40 s \| 0\.50 \| OVER \|$/);
  });

  test('makes each extra page from the guide, with a title, a sidebar place and an example of its own', () => {
    const guide =
      '---\ntitle: Core API authentication\ndescription: D.\nsidebar:\n  order: 2\n  label: Authentication\n---\n\n<CodeTabs example="list-clients" />\n<CodeFile example="list-clients" file="request.http" />\n<CodeTabs example="verify-token" />\n';
    expect(extraPage(guide, 3, 'bench-copy-c')).toBe(
      '---\ntitle: Core API authentication (copy 3)\ndescription: D.\nsidebar:\n  order: 1003\n  label: Authentication (copy 3)\n---\n\n<CodeTabs example="bench-copy-c" />\n<CodeFile example="bench-copy-c" file="request.http" />\n<CodeTabs example="verify-token" />\n',
    );
  });
});

describe('writeScaledSite', () => {
  test('copies what the build reads, the API description included, and adds the extra pages', async () => {
    await mkdir(path.join(PROJECT_ROOT, '.cache'), { recursive: true });
    const dir = await mkdtemp(path.join(PROJECT_ROOT, '.cache', 'scaled-site-test-'));
    try {
      await writeScaledSite(PROJECT_ROOT, dir, 1);
      const copied = path.join(dir, path.relative(PROJECT_ROOT, CORE_API_DESCRIPTION));
      expect(await readFile(copied, 'utf8')).toBe(await readFile(CORE_API_DESCRIPTION, 'utf8'));
      expect(await readFile(path.join(dir, 'docs', 'content', 'core-api', 'copy-1.mdx'), 'utf8')).toMatch(/^title: .* \(copy 1\)$/m);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
