// A build step (a compiler, a dependency installation) in its build sandbox: a scratch HOME, a small
// environment with cgo off unless its runner declares otherwise, the paths it reads read-only and
// the folders it writes writable, nothing of the harness user's home or the rest of the project, and
// no network at all, or, for a dependency installation, the registry proxy to its runner's hosts
// alone; a failure says what the step tried. Without bwrap the environment and scratch HOME hold.
// vitest project: programs (test/support/projects.ts)
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, test, vi } from 'vitest';
import { PROJECT_ROOT } from '../../scripts/harness/harness.ts';
import { runBuild } from '../../scripts/runners/toolchain.ts';
import type { BuildDeclaration, BuildStep } from '../../scripts/runners/runner-contract.ts';
import { detectIsolation, type Isolation } from '../../scripts/sandbox/isolation.ts';

/** Prints what the step sees and may do, one `name=value` line each. */
const PROBE = `
echo "home=$HOME"
echo "home_entries=$(ls -A "$HOME" | wc -l)"
echo "input=$(cat "$READS/input.txt")"
touch "$READS/written" 2>/dev/null && echo "reads_writable=yes" || echo "reads_writable=no"
echo built >"$WRITES/out.txt" && echo "writes_writable=yes"
cat "$SECRET" >/dev/null 2>&1 && echo "secret=readable" || echo "secret=hidden"
[ -e "$PROJECT/package.json" ] && echo "project=seen" || echo "project=hidden"
echo "leak=\${RR_BUILD_LEAK:-unset}"
echo "cgo=\${CGO_ENABLED:-unset}"
echo "proxy=\${HTTPS_PROXY:-unset}"
`;

let root: string;
let reads: string;
let writes: string;
let userHome: string;
const realHome = process.env.HOME;

beforeAll(async () => {
  // Inside the project, outside the temp folder (hidden anyway): only what a step names shows.
  await mkdir(path.join(PROJECT_ROOT, '.cache'), { recursive: true });
  root = await mkdtemp(path.join(PROJECT_ROOT, '.cache', 'test-build-sandbox-'));
  reads = path.join(root, 'reads');
  writes = path.join(root, 'writes');
  userHome = path.join(root, 'user-home');
  await Promise.all([reads, userHome].map((dir) => mkdir(dir)));
  await writeFile(path.join(reads, 'input.txt'), 'the snippet\n');
  await writeFile(path.join(userHome, '.npmrc'), '//registry.npmjs.org/:_authToken=npm_secret\n');
});
afterAll(() => rm(root, { recursive: true, force: true }));
afterEach(() => {
  process.env.HOME = realHome;
  delete process.env.RR_BUILD_LEAK;
  vi.unstubAllEnvs();
});

const isolation = await detectIsolation();
const UNSANDBOXED: Isolation = { available: false, reason: 'turned off by the test' };

/** Runs PROBE as a build step with `isolation`, the harness user's home being `userHome`; returns its lines as a map. */
async function probe(mode: Isolation, build?: BuildDeclaration) {
  process.env.HOME = userHome;
  process.env.RR_BUILD_LEAK = 'a secret of the harness';
  const step: BuildStep = {
    command: '/bin/sh',
    args: ['-c', PROBE],
    cwd: reads,
    reads: [reads],
    writes: [writes],
    env: { READS: reads, WRITES: writes, SECRET: path.join(userHome, '.npmrc'), PROJECT: PROJECT_ROOT },
  };
  const result = await runBuild(step, build, { isolation: mode });
  const facts = Object.fromEntries(result.output.split('\n').map((line) => line.split(/=(.*)/s).slice(0, 2)));
  return { result, facts };
}

/** Skips a test that needs bwrap where there is none (failing under CI=true, which installs it). */
function needsSandbox(context: { skip(note: string): void }): void {
  if (isolation.available) return;
  if (process.env.CI === 'true') throw new Error(`no sandbox under CI=true: ${isolation.reason}`);
  context.skip(`no sandbox here: ${isolation.reason}`);
}

describe.for([
  ['sandboxed', isolation],
  ['unsandboxed', UNSANDBOXED],
] as const)('%s', ([, mode]) => {
  test("runs with its own empty HOME, none of the harness's variables, cgo off, and no proxy when it installs nothing", async (context) => {
    if (!mode.available && mode !== UNSANDBOXED) needsSandbox(context);
    const { result, facts } = await probe(mode);
    expect(result.ok, result.output).toBe(true);
    expect(facts).toMatchObject({ home_entries: '0', leak: 'unset', cgo: '0', proxy: 'unset', input: 'the snippet' });
    expect(facts.home).not.toBe(userHome);
    expect(await readFile(path.join(writes, 'out.txt'), 'utf8')).toBe('built\n');
  });

  test("runs with its runner's declared variables over the defaults", async (context) => {
    if (!mode.available && mode !== UNSANDBOXED) needsSandbox(context);
    const { facts } = await probe(mode, { variables: { CGO_ENABLED: '1' } });
    expect(facts.cgo).toBe('1');
  });
});

describe('sandboxed only', () => {
  test("shows what it reads read-only and what it writes writable, and nothing of the harness user's home or the project", async (context) => {
    needsSandbox(context);
    const { facts } = await probe(isolation);
    expect(facts).toMatchObject({ reads_writable: 'no', writes_writable: 'yes', secret: 'hidden', project: 'hidden' });
  });

  test('reaches no network, and its failure says what it tried', async (context) => {
    needsSandbox(context);
    const result = await runBuild(
      { command: 'curl', args: ['--silent', '--show-error', '--max-time', '5', 'https://example.com/'], cwd: '/', reads: [], writes: [] },
      undefined,
      { isolation },
    );
    expect(result.ok).toBe(false);
    // Named by the stub resolver as root; where it cannot listen on port 53, still seen, unnamed.
    expect(result.output).toMatch(/the build's sandbox recorded: (a DNS lookup of "example\.com"|\d+ UDP datagrams? to a loopback port)/);
  });

  test('a dependency installation reaches its registry hosts through the proxy, and no other host', async (context) => {
    needsSandbox(context);
    const registry = http.createServer((_request, response) => response.end('from the registry\n'));
    await new Promise<void>((resolve) => registry.listen(0, '127.0.0.1', () => resolve()));
    const allowed = `127.0.0.1:${(registry.address() as AddressInfo).port}`;
    try {
      const curl = (url: string) => `curl --silent --show-error --max-time 5 --proxytunnel ${url}`;
      const step: BuildStep = {
        command: '/bin/sh',
        args: ['-c', `${curl(`http://${allowed}/simple/`)} && ${curl('http://elsewhere.example/')}`],
        cwd: '/',
        reads: [],
        writes: [],
        network: true,
      };
      const installed = await runBuild(step, { registryHosts: [allowed] }, { isolation });
      expect(installed.ok).toBe(false);
      expect(installed.output).toContain('from the registry');
      expect(installed.output).toContain(
        `a request for elsewhere.example:80 through the build proxy (refused: this step reaches only ${allowed})`,
      );
      // The same step without `network` has no proxy at all.
      const compiled = await runBuild({ ...step, network: false }, { registryHosts: [allowed] }, { isolation });
      expect(compiled.ok).toBe(false);
      expect(compiled.output).not.toContain('from the registry');
    } finally {
      await new Promise((resolve) => registry.close(resolve));
    }
  });
});

test('says a program that is not on PATH is not found', async () => {
  const result = await runBuild({ command: 'rr-no-such-compiler', args: [], cwd: '/', reads: [], writes: [] }, undefined, {
    isolation: UNSANDBOXED,
  });
  expect(result).toEqual({ ok: false, notFound: true, exitCode: null, output: 'rr-no-such-compiler not found on PATH' });
});
