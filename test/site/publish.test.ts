// `npm run build` publishes only tested examples: it runs the harness first, a failed snippet stops
// it under CI=true, and elsewhere the site is built with the failure shown on the file's tab. It
// runs in a copy of the project holding the project's result cache, filled by the programs
// project's run of every example before this project starts: the edited file's cases run, and
// every other case replays its signed result (they would run too, given an empty cache).
// vitest project: pipeline (test/support/projects.ts)
import { access, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { execa } from 'execa';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildEnvironment } from './build-site.ts';
import { planHarness } from '../../scripts/harness/harness.ts';
import { copyProject } from '../support/project-copy.ts';
import { SITE_BUILD_LIMIT_MS, runTimeLimitMs } from '../support/time-limits.ts';

/** Each test's own work: an `npm run build`, which runs every case of the examples, then may build the site. */
const BUILD_LIMIT_MS = runTimeLimitMs((await planHarness()).cases) + SITE_BUILD_LIMIT_MS;

let copy: string;
let outDir: string;

/** Runs `npm run build`'s script in the copy. */
const build = (env: Record<string, string>) =>
  execa(process.execPath, ['scripts/build-site.ts', '--outDir', outDir], {
    cwd: copy,
    all: true,
    reject: false,
    extendEnv: false,
    env: {
      ...buildEnvironment(),
      RR_DOCS_REPORT: path.join(copy, '.cache', 'publish-report.json'),
      GITHUB_ACTIONS: '',
      ...env,
    },
  });

beforeAll(async () => {
  copy = await copyProject({ nodeModules: true, resultCache: true, prefix: 'rr-publish-' });
  const python = path.join(copy, 'snippets', 'list-clients', 'list_clients.py');
  const source = await readFile(python, 'utf8');
  const edited = source.replace('"Authorization": token,', '"Authorization": f"Bearer {token}",');
  expect(edited, `${python} no longer sends the token as "Authorization": token,`).not.toBe(source);
  await writeFile(python, edited);
  outDir = path.join(copy, '.cache', 'publish-site');
});

afterAll(async () => {
  if (copy) await rm(copy, { recursive: true, force: true });
});

describe('npm run build', () => {
  test('stops before building under CI=true when a snippet fails', { timeout: BUILD_LIMIT_MS }, async () => {
    const result = await build({ CI: 'true' });
    expect(result.exitCode).toBe(1);
    expect(result.all).toContain('[auth-header] sent "Bearer <token>"');
    expect(result.all).toMatch(/build: 6 snippet case\(s\) failed; the site is not built under CI=true/);
    await expect(access(path.join(outDir, 'index.html'))).rejects.toThrow();
  });

  test("elsewhere builds the site and shows the failure on that file's tab only", { timeout: BUILD_LIMIT_MS }, async () => {
    const result = await build({ CI: '' });
    expect(result.exitCode, result.all).toBe(0);
    const html = await readFile(path.join(outDir, 'core-api', 'authentication', 'index.html'), 'utf8');
    // The bearer prefix fails every scenario in which the request reaches the mock: ok, the three
    // refusals, the hung server and the gateway error.
    expect(html).toContain('Failed: 6 of 9 scenarios');
    expect(html.match(/Tested: 9 of 9 scenarios passed/g)).toHaveLength(9);
  });
});
