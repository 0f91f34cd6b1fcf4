// The README's two commands work as they stand on a machine whose Node.js is 20 (still the default
// of many images): on a copy of the tracked files, with that Node first on PATH, `npm ci && npm run
// build` and then `npm test` (on one test file) run on the Node.js 24 the project carries. On a
// platform the registry ships no Node for, `npm ci` stops at once with a message saying so.
// The copy starts with the project's result cache, which the programs project's run of every
// example filled before this project began: its build replays those signed results (a case runs
// only where one is missing) instead of running the whole matrix a second time on the same cores.
// vitest project: pipeline (test/support/projects.ts)
import { readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { execa } from 'execa';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { findExecutable } from '../../scripts/paths.ts';
import { copyProject } from '../support/project-copy.ts';

const PROJECT = path.resolve('.');

/** A Node.js older than 22 on this machine (its folder and version), to play the old default. */
async function findOldNode(): Promise<{ dir: string; version: string } | undefined> {
  for (const candidate of ['/usr/bin/node', '/usr/local/bin/node']) {
    const node = findExecutable(candidate);
    if (!node) continue;
    const { stdout, exitCode } = await execa(node, ['--version'], { reject: false });
    const major = Number(/^v(\d+)/.exec(stdout)?.[1] ?? 0);
    if (exitCode === 0 && major > 0 && major < 22 && findExecutable(path.join(path.dirname(node), 'npm')))
      return { dir: path.dirname(node), version: stdout.trim() };
  }
  return undefined;
}

/** This process's environment without what npm, vitest and this project's Node put in it, and `dir` first on PATH. */
function machineEnvironment(dir: string): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [name, value] of Object.entries(process.env)) {
    if (value === undefined || /^(npm_|VITEST|NODE_OPTIONS$|NODE_PATH$|TEST$|MODE$|BASE_URL$|DEV$|PROD$|SSR$)/.test(name)) continue;
    env[name] = value;
  }
  const rest = (process.env.PATH ?? '')
    .split(path.delimiter)
    .filter((entry) => entry && !entry.includes('node_modules') && entry !== path.dirname(process.execPath));
  env.PATH = [dir, ...rest].join(path.delimiter);
  return env;
}

const oldNode = await findOldNode();

describe.skipIf(!oldNode)(`the README's two commands with ${oldNode?.version ?? 'an old Node.js'} first on PATH`, () => {
  let copy: string;
  let env: Record<string, string>;
  beforeAll(async () => {
    // What a fresh clone holds (the tests too), and the result cache.
    copy = await copyProject({ tests: true, resultCache: true, prefix: 'rr-docs-clone-' });
    env = machineEnvironment(oldNode!.dir);
  });
  afterAll(() => rm(copy, { recursive: true, force: true }));

  test('npm ci on a platform the registry ships no Node.js for stops at once, naming the platform', { timeout: 120_000 }, async () => {
    const pretend = path.resolve('test/fixtures/setup/pretend-ia32.cjs');
    const result = await execa('npm', ['ci'], {
      cwd: copy,
      env: { ...env, NODE_OPTIONS: `--require ${pretend}` },
      extendEnv: false,
      all: true,
      reject: false,
    });
    expect(result.exitCode).not.toBe(0);
    expect(result.all).toContain('EBADPLATFORM');
    expect(result.all).toMatch(
      /Unsupported platform for requestrocket-docs@[\d.]+: wanted \{.*"cpu":"x64,arm64"\} \(current: \{.*"cpu":"ia32"\}\)/,
    );
    // It stops before installing anything.
    await expect(readFile(path.join(copy, 'node_modules', 'node', 'package.json'))).rejects.toMatchObject({ code: 'ENOENT' });
  });

  test('npm ci && npm run build, then npm test, run on the Node.js the project carries', { timeout: 900_000 }, async () => {
    const machineNode = await execa('node', ['--version'], { cwd: copy, env, extendEnv: false });
    expect(machineNode.stdout.trim()).toBe(oldNode!.version);

    const setUp = await execa('sh', ['-c', 'npm ci && npm run build'], { cwd: copy, env, extendEnv: false, all: true, reject: false });
    expect(setUp.exitCode, setUp.all).toBe(0);
    expect(setUp.all).not.toContain('ERR_UNKNOWN_FILE_EXTENSION');
    expect(setUp.all).not.toContain('EBADENGINE');
    expect(setUp.all).toMatch(/^snippets: \d+ passed, 0 failed/m);
    const expected = (await readFile(path.join(PROJECT, '.node-version'), 'utf8')).trim();
    const scriptNode = await execa('npm', ['exec', '--', 'node', '--version'], { cwd: copy, env, extendEnv: false });
    expect(scriptNode.stdout.trim()).toBe(`v${expected}`);

    const tests = await execa('npm', ['test', '--', 'test/manifest/manifest.test.ts'], {
      cwd: copy,
      env,
      extendEnv: false,
      all: true,
      reject: false,
    });
    expect(tests.exitCode, tests.all).toBe(0);
    expect(tests.all).toMatch(/^tests: [1-9]\d* passed, 0 failed/m);
  });
});

describe('the Node.js the project carries', () => {
  test('is the one .node-version names, pinned exactly, with its install script allowed', async () => {
    const pkg = JSON.parse(await readFile(path.join(PROJECT, 'package.json'), 'utf8')) as {
      devDependencies: Record<string, string>;
      allowScripts: Record<string, boolean>;
    };
    const expected = (await readFile(path.join(PROJECT, '.node-version'), 'utf8')).trim();
    expect(pkg.devDependencies.node).toBe(expected);
    expect(pkg.allowScripts.node).toBe(true);
    expect(process.version).toBe(`v${expected}`);
  });
});
