// One case's sandbox around a real program: its own empty HOME, CURL_HOME, TMPDIR and working
// folder (removed afterwards), a read-only view of the system with the CA's folder showing only the
// certificate and of the project only the example's folder, a parent that is not the harness, and
// no network but the proxy.
// vitest project: programs (test/support/projects.ts)
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { execa } from 'execa';
import { afterAll, beforeAll, describe, expect, test, type TestContext } from 'vitest';
import { createThrowawayCa } from '../../scripts/mock/ca.ts';
import { startInterceptor } from '../../scripts/mock/interceptor.ts';
import { homeVariables } from '../../scripts/mock/intercepted-environment.ts';
import type { ThrowawayCa } from '../../scripts/mock/types.ts';
import { runProcess } from '../../scripts/runners/process.ts';
import { detectIsolation, type Isolation } from '../../scripts/sandbox/isolation.ts';
import { openCaseSandbox, type CaseSandbox } from '../../scripts/sandbox/sandbox.ts';
import { PROJECT_ROOT } from '../../scripts/harness/harness.ts';

/** Prints what the program can see and do, one `name=value` line each. */
const PROBE = `
echo "home=$HOME"
echo "curl_home=$CURL_HOME"
echo "tmpdir=$TMPDIR"
echo "cwd=$(pwd)"
echo "home_entries=$(ls -A "$HOME" | wc -l)"
echo "ppid=$PPID"
touch "$HOME/written" "$TMPDIR/written" "$(pwd)/written" && echo "scratch_writable=yes"
if [ -n "$PROJECT" ]; then touch "$PROJECT/written-by-a-snippet" 2>/dev/null && echo "project_writable=yes" || echo "project_writable=no"; fi
echo "ca_dir=$(ls -A "$(dirname "$CURL_CA_BUNDLE")" | tr '\\n' ' ')"
if [ -n "$USER_SECRET" ]; then cat "$USER_SECRET" >/dev/null 2>&1 && echo "user_secret=readable" || echo "user_secret=hidden"; fi
`;

let ca: ThrowawayCa;
beforeAll(async () => {
  ca = await createThrowawayCa();
});
afterAll(() => ca?.dispose());

/** Runs PROBE (or `script`) in a case sandbox with `isolation`, from `cwd`; returns its lines as a map and the scratch folder. */
async function probe(isolation: Isolation, secret?: string, script = PROBE, cwd = PROJECT_ROOT) {
  const interceptor = await startInterceptor({ ca, tokens: { valid: new Set(), revoked: new Set(), forbidden: new Set() } });
  const caFiles = [ca.caCertPath, ...(ca.trustStorePath ? [ca.trustStorePath] : [])];
  const sandbox = await openCaseSandbox({ isolation, proxy: interceptor, caFiles, homeVariables: homeVariables() });
  try {
    // Only a sandbox may be asked to write into the project: it must refuse.
    const project = isolation.available ? PROJECT_ROOT : '';
    const env = sandbox.environment({
      PATH: process.env.PATH ?? '/usr/bin:/bin',
      PROJECT: project,
      CURL_CA_BUNDLE: ca.caCertPath,
      USER_SECRET: secret ?? '',
    });
    const run = await runProcess({ command: '/bin/sh', args: ['-c', script], cwd }, { env, timeoutMs: 10_000, wrapper: sandbox.wrapper });
    const facts = Object.fromEntries(
      run.stdout
        .trim()
        .split('\n')
        .map((line) => line.split(/=(.*)/s).slice(0, 2)),
    );
    return { facts, run, scratch: sandbox.scratch, sideDoors: sandbox.sideDoors(run) };
  } finally {
    await Promise.all([sandbox.close(), interceptor.close()]);
  }
}

const isolation = await detectIsolation();

/** Skips a test that needs a sandbox on a machine without one; under CI=true, which always has one, fails it instead. */
function skipWithoutSandbox(context: TestContext): void {
  if (isolation.available) return;
  if (process.env.CI === 'true') throw new Error(`no sandbox under CI=true: ${isolation.reason}`);
  context.skip(`no sandbox here: ${isolation.reason}`);
}

/** Runs `body` with a case sandbox made with `mode` (the machine's by default) and a proxy for it; closes both after. */
async function inCaseSandbox(body: (sandbox: CaseSandbox) => Promise<void>, mode: Isolation = isolation): Promise<void> {
  const interceptor = await startInterceptor({ ca, tokens: { valid: new Set(), revoked: new Set(), forbidden: new Set() } });
  const sandbox = await openCaseSandbox({ isolation: mode, proxy: interceptor });
  try {
    await body(sandbox);
  } finally {
    await Promise.all([sandbox.close(), interceptor.close()]);
  }
}

describe.for([
  ['sandboxed', isolation],
  ['unsandboxed', { available: false, reason: 'turned off by the test' } satisfies Isolation],
] as const)('%s', ([, mode]) => {
  test('runs the program in its own empty scratch space, removed afterwards', async (context) => {
    if (!mode.available && mode.reason !== 'turned off by the test') context.skip(`no sandbox here: ${mode.reason}`);
    const { facts, run, scratch } = await probe(mode);
    expect(run.exitCode, run.stderr).toBe(0);
    expect(facts).toMatchObject({
      home: scratch.home,
      curl_home: scratch.home,
      tmpdir: scratch.tmp,
      cwd: scratch.work,
      home_entries: '0',
      scratch_writable: 'yes',
    });
    // Its parent is never the harness: PID 1 of its own namespace, or the fallback's shell.
    expect(Number(facts.ppid)).not.toBe(process.pid);
    expect(existsSync(scratch.dir)).toBe(false);
  });
});

describe('sandboxed only', () => {
  test('shows the file system read-only, the CA folder holding only what programs need, and its parent as PID 1', async (context) => {
    skipWithoutSandbox(context);
    // A file in the harness user's home (its keys, its settings) is out of sight. The home is made
    // outside the temp folder, which is hidden anyway.
    await mkdir(path.join(PROJECT_ROOT, '.cache'), { recursive: true });
    const userHome = await mkdtemp(path.join(PROJECT_ROOT, '.cache', 'test-user-home-'));
    const secret = path.join(userHome, '.ssh-key-of-the-user');
    await writeFile(secret, 'secret\n');
    const realHome = process.env.HOME;
    process.env.HOME = userHome;
    let seen;
    try {
      seen = await probe(isolation, secret);
    } finally {
      process.env.HOME = realHome;
      await rm(userHome, { recursive: true, force: true });
    }
    const { facts, sideDoors } = seen;
    expect(facts.user_secret).toBe('hidden');
    expect(facts.project_writable).toBe('no');
    expect(facts.ppid).toBe('1');
    const visible = (facts.ca_dir ?? '').trim().split(' ').sort();
    expect(visible).toEqual([path.basename(ca.caCertPath), ...(ca.trustStorePath ? [path.basename(ca.trustStorePath)] : [])].sort());
    expect(await readdir(ca.dir)).toContain('leaf.pem'); // hidden from the program, not removed
    expect(sideDoors).toEqual({ counts: { directTcp: 0, closedUdp: 0, noRoute: 0, dnsStub: true }, dnsQueries: [] });
  });
});

/** Lists what a program sees of the project from an example's folder: its own files, and whether the rest can be read. */
const VIEW = `
echo "own=$(ls "$EXAMPLE" | tr '\\n' ' ')"
for file in "$PROJECT/.git" "$PROJECT/package.json" "$PROJECT/snippets/verify-token/example.json" "$PROJECT/scripts" "$PROJECT/node_modules/.bin" "$PROJECT/.cache/harness"; do
  ls -d "$file" >/dev/null 2>&1 && echo "seen=$file"
done
echo "done=yes"
`;

describe('sandboxed only: the project', () => {
  test("shows a program its example's folder and nothing else of the project", async (context) => {
    skipWithoutSandbox(context);
    const example = path.join(PROJECT_ROOT, 'snippets', 'list-clients');
    await inCaseSandbox(async (sandbox) => {
      const env = sandbox.environment({ PATH: process.env.PATH ?? '/usr/bin:/bin', PROJECT: PROJECT_ROOT, EXAMPLE: example });
      const run = await runProcess(
        { command: '/bin/sh', args: ['-c', VIEW], cwd: example },
        { env, timeoutMs: 10_000, wrapper: sandbox.wrapper },
      );
      expect(run.stdout).toContain('done=yes');
      expect(run.stdout).toMatch(/^own=.*example\.json .*list-clients\.mjs/m);
      expect(run.stdout.match(/^seen=.*$/gm) ?? []).toEqual([]);
    });
  });
});

/** Whether a `bwrap` started by this process has exited and waits to be reaped: it cannot be while this thread's event loop is held. */
function exitedSandboxUnreaped(): boolean {
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = readFileSafely(`/proc/${entry}/stat`);
    // pid (comm) state ppid ...
    const fields = /^\d+ \((.*)\) (\S) (\d+) /.exec(stat);
    if (fields?.[1] === 'bwrap' && fields[2] === 'Z' && Number(fields[3]) === process.pid) return true;
  }
  return false;
}

function readFileSafely(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return ''; // the process ended meanwhile
  }
}

/**
 * Holds this thread's event loop, as a long garbage collection or a burst of other work would,
 * until `until()` is true (at most 30 s) and then for `ms` more; returns when `until()` became true.
 */
function holdEventLoop(until: () => boolean, ms: number): number {
  const started = performance.now();
  while (!until()) {
    if (performance.now() - started > 30_000) throw new Error('the sandboxed program had not exited after 30 s');
  }
  const seenAt = performance.now();
  while (performance.now() - seenAt < ms) {
    /* held */
  }
  return seenAt;
}

describe('sandboxed only: when the program exited', () => {
  test('is read by the supervisor as the program exits, not when a busy harness notices', async (context) => {
    skipWithoutSandbox(context);
    const held = 3_000;
    await inCaseSandbox(async (sandbox) => {
      const env = sandbox.environment({ PATH: process.env.PATH ?? '/usr/bin:/bin' });
      const started = performance.now();
      // runProcess has started the sandbox when it returns; the loop is then held until well after it exited.
      const running = runProcess(
        { command: '/bin/sh', args: ['-c', 'exit 0'], cwd: PROJECT_ROOT },
        {
          env,
          timeoutMs: 60_000,
          wrapper: sandbox.wrapper,
        },
      );
      const seenExitedAt = holdEventLoop(exitedSandboxUnreaped, held);
      const run = await running;
      const noticedAt = performance.now();
      expect(run.exitCode, run.stderr).toBe(0);
      expect(noticedAt - seenExitedAt).toBeGreaterThanOrEqual(held);
      // The supervisor read its clock after the program's start and before the sandbox exited,
      // which is before the held loop could notice (a few milliseconds allowed for reading two clocks).
      const exitedAt = sandbox.exitedAtMs();
      expect(exitedAt).toBeDefined();
      expect(exitedAt!).toBeGreaterThan(started);
      expect(exitedAt!).toBeLessThanOrEqual(seenExitedAt + 5);
    });
  });

  test('is unknown without a sandbox: the harness then counts from when it noticed', async () => {
    await inCaseSandbox(
      async (sandbox) => {
        const env = sandbox.environment({ PATH: process.env.PATH ?? '/usr/bin:/bin' });
        const run = await runProcess(
          { command: '/bin/sh', args: ['-c', 'true'], cwd: PROJECT_ROOT },
          { env, timeoutMs: 10_000, wrapper: sandbox.wrapper },
        );
        expect(run.exitCode).toBe(0);
        expect(sandbox.exitedAtMs()).toBeUndefined();
      },
      { available: false, reason: 'turned off by the test' },
    );
  });
});

describe('sandboxed only: the lifeline', () => {
  test('when the harness lets go of file descriptor 4, every process of the sandbox ends, without a signal from outside', async (context) => {
    skipWithoutSandbox(context);
    await inCaseSandbox(async (sandbox) => {
      const env = sandbox.environment({ PATH: process.env.PATH ?? '/usr/bin:/bin' });
      // A program with a child of its own, both waiting for a long time.
      const launch = sandbox.wrapper.wrap({ command: '/bin/sh', args: ['-c', '(exec sleep 300) & echo started; wait'], cwd: PROJECT_ROOT });
      const subprocess = execa(launch.command, launch.args, {
        cwd: launch.cwd,
        env,
        extendEnv: false,
        stdio: ['ignore', 'pipe', 'pipe', 'pipe', 'pipe'],
        reject: false,
      });
      await new Promise<void>((resolve, reject) => {
        subprocess.stdout.on('data', (chunk: Buffer) => chunk.toString().includes('started') && resolve());
        subprocess.then(() => reject(new Error('the sandbox ended before its program started')), reject);
      });
      (subprocess.stdio[4] as Readable).destroy();
      const result = await subprocess;
      // The supervisor reports the program's end by SIGKILL (128 + 9), and nothing of it is left.
      expect(result.exitCode, String(result.stderr)).toBe(137);
      expect(result.signal).toBeUndefined();
    });
  });
});
