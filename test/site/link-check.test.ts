// Every internal link and #anchor of the built site must lead somewhere: a fixture site with a
// broken link and broken anchors fails the build under CI=true naming each with its page, and warns
// with the same list elsewhere; good links (a page, anchors, a relative link, another origin) pass,
// under a base path too.
// vitest project: site (test/support/projects.ts)
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { findBrokenLinks, servedPath } from '../../docs/lib/broken-links.ts';
import { buildSite, makeBuildDir } from './build-site.ts';

const BROKEN = [
  'index.html: /no-such-page/ (no page or file at /no-such-page/)',
  'index.html: /other/#no-such-heading (no element with id "no-such-heading" on /other/)',
  'index.html: #nowhere (no element with id "nowhere" on /)',
];

const dirs: string[] = [];
afterAll(() => Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true }))));

/** Builds the broken-links fixture site with `env`. */
async function build(env: Record<string, string>) {
  const outDir = await makeBuildDir();
  dirs.push(outDir);
  return buildSite({ root: 'test/fixtures/site/broken-links', outDir, env });
}

describe('the link check', () => {
  test('fails the build under CI=true, naming the page and each broken link and anchor', async () => {
    const result = await build({ CI: 'true' });
    expect(result.ok).toBe(false);
    expect(result.output).toContain('3 broken link(s) in the built site:');
    for (const line of BROKEN) expect(result.output).toContain(`  - ${line}`);
    expect(result.output).toContain('Under CI=true the site is not published with broken links.');
  });

  test('elsewhere builds, and warns with the same list', async () => {
    const result = await build({ CI: '' });
    expect(result.ok, result.output).toBe(true);
    expect(result.output).toMatch(/\[WARN\] \[requestrocket:link-check\] 3 broken link\(s\) in the built site:/);
    for (const line of BROKEN) expect(result.output).toContain(`  - ${line}`);
  });

  test('reads links under the base the site is served from', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'rr-links-'));
    dirs.push(dir);
    await mkdir(path.join(dir, 'core-api', 'authentication'), { recursive: true });
    await writeFile(
      path.join(dir, 'index.html'),
      '<a href="/rr-docs/core-api/authentication/#ok">guide</a><a href="/core-api/">no base</a>',
    );
    await writeFile(
      path.join(dir, 'core-api', 'authentication', 'index.html'),
      '<h2 id="ok">OK</h2><a href="../">up</a><a href="../../core-api.md">twin</a>',
    );
    await writeFile(path.join(dir, 'core-api.md'), '# Twin');
    expect(servedPath(path.join('core-api', 'authentication', 'index.html'), '/rr-docs')).toBe('/rr-docs/core-api/authentication/');
    expect(await findBrokenLinks(dir, '/rr-docs')).toEqual([
      { page: 'core-api/authentication/index.html', href: '../', problem: 'no page or file at /rr-docs/core-api/' },
      { page: 'index.html', href: '/core-api/', problem: 'no page or file at /core-api/' },
    ]);
  });
});
