// The site can be served under a sub-path (a GitHub project page): every internal link and asset
// carries the base that SITE_BASE sets.
// vitest project: site (test/support/projects.ts)
import { readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { withBase } from '../../docs/layouts/site.ts';
import { buildSite, makeBuildDir } from './build-site.ts';

let outDir: string;
let pages: string[];
let output: string;

beforeAll(async () => {
  outDir = await makeBuildDir();
  const result = await buildSite({ outDir, env: { SITE_BASE: '/rr-docs', SITE_URL: 'https://example.github.io' } });
  if (!result.ok) throw new Error(result.output);
  output = result.output;
  pages = await Promise.all(
    ['index.html', 'core-api/authentication/index.html', 'core-api/index.html'].map((page) => readFile(path.join(outDir, page), 'utf8')),
  );
});

afterAll(() => rm(outDir, { recursive: true, force: true }));

describe('withBase', () => {
  test.for([
    ['/', '/', '/'],
    ['/core-api/authentication/', '/', '/core-api/authentication/'],
    ['/', '/rr-docs', '/rr-docs/'],
    ['/core-api/authentication/', '/rr-docs/', '/rr-docs/core-api/authentication/'],
  ] as const)('puts %s under %s', ([href, base, expected]) => {
    expect(withBase(href, base)).toBe(expected);
  });
});

describe('a build with SITE_BASE=/rr-docs', () => {
  test('links every page, the brand and the assets under the base', () => {
    for (const html of pages) {
      const internal = [...html.matchAll(/(?:href|src)="(\/[^"]*)"/g)].map((match) => match[1]);
      expect(internal.length).toBeGreaterThan(0);
      expect(internal.filter((url) => !url!.startsWith('/rr-docs/'))).toEqual([]);
    }
    expect(pages[0]).toContain('href="/rr-docs/core-api/authentication/"');
  });

  test('marks the current page in the navigation', () => {
    expect(pages[1]).toMatch(/<a href="\/rr-docs\/core-api\/authentication\/" aria-current="page"/);
  });

  test('gives canonical URLs, the sitemap, the twins and the search under the base, and finds no broken link', async () => {
    expect(pages[1]).toContain('<link rel="canonical" href="https://example.github.io/rr-docs/core-api/authentication/">');
    expect(pages[1]).toContain('<link rel="alternate" type="text/markdown" href="/rr-docs/core-api/authentication.md"');
    expect(pages[1]).toContain('data-bundle="/rr-docs/pagefind/"');
    const sitemap = await readFile(path.join(outDir, 'sitemap.xml'), 'utf8');
    expect(sitemap).toContain('<loc>https://example.github.io/rr-docs/core-api/authentication/</loc>');
    const llms = await readFile(path.join(outDir, 'llms.txt'), 'utf8');
    expect(llms).toContain('](/rr-docs/core-api/authentication.md): ');
    const twin = await readFile(path.join(outDir, 'core-api.md'), 'utf8');
    expect(twin).toContain('](/rr-docs/core-api/authentication/)');
    expect(output).not.toContain('broken link');
  });
});
