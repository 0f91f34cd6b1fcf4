// Highlighted code is cached between builds by content: a second build of the same site runs Shiki
// on no block and reads every one from the cache, and gives the same pages.
// vitest project: site (test/support/projects.ts)
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { buildSite, makeBuildDir } from './build-site.ts';
import { writeFreshReport } from './fixture-report.ts';

let cache: string;
let report: string;
const outDirs: string[] = [];

beforeAll(async () => {
  cache = await mkdtemp(path.join(os.tmpdir(), 'rr-highlight-cache-'));
  report = await writeFreshReport(path.join(cache, 'report.json'));
});

afterAll(async () => {
  await Promise.all([cache, ...outDirs].map((dir) => rm(dir, { recursive: true, force: true })));
});

/** Builds the site with the test's own highlight cache; the build's counts of Shiki runs and cache reads, and the guide's HTML. */
async function build(): Promise<{ highlighted: number; cached: number; guide: string }> {
  const outDir = await makeBuildDir();
  outDirs.push(outDir);
  const result = await buildSite({ outDir, env: { RR_DOCS_HIGHLIGHT_CACHE: path.join(cache, 'highlight'), RR_DOCS_REPORT: report } });
  if (!result.ok) throw new Error(result.output);
  const counts = /code blocks: (\d+) highlighted with Shiki, (\d+) read from the cache/.exec(result.output);
  if (!counts) throw new Error(`the build did not say how it highlighted:\n${result.output}`);
  return {
    highlighted: Number(counts[1]),
    cached: Number(counts[2]),
    guide: await readFile(path.join(outDir, 'core-api/authentication/index.html'), 'utf8'),
  };
}

test('a rebuild without code changes runs Shiki on no block and reads each from the cache', async () => {
  const first = await build();
  expect(first.highlighted).toBeGreaterThan(0);
  expect(first.cached).toBe(0);
  const second = await build();
  expect(second).toMatchObject({ highlighted: 0, cached: first.highlighted });
  // Astro puts a component's script where its first instance finished rendering, which can move
  // between builds; everything else must be the same.
  const scripts = /<script type="module" src="[^"]+"><\/script>/g;
  expect(second.guide.replace(scripts, '')).toBe(first.guide.replace(scripts, ''));
  expect(second.guide.match(scripts)?.sort()).toEqual(first.guide.match(scripts)?.sort());
});
