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

beforeAll(async () => {
  outDir = await makeBuildDir();
  const result = await buildSite({ outDir, env: { SITE_BASE: '/rr-docs' } });
  if (!result.ok) throw new Error(result.output);
  pages = await Promise.all(['index.html', 'core-api/authentication/index.html'].map((page) => readFile(path.join(outDir, page), 'utf8')));
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
});
