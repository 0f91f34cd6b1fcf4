// runProcess: exact environment, exit codes, capped output, and the whole process tree killed.
// vitest project: programs (test/support/projects.ts)
import { randomUUID } from 'node:crypto';
import { dirname } from 'node:path';
import { afterEach, describe, expect, test, vi } from 'vitest';
import type { PreparedSnippet } from '../../scripts/runners/runner-contract.ts';
import { findExecutable } from '../../scripts/paths.ts';
import { OUTPUT_LIMIT_BYTES, runProcess, runTool } from '../../scripts/runners/process.ts';
import { runSnippet, runToolchain } from '../../scripts/runners/toolchain.ts';
import { childPid, fixture, isAlive, processesWithEnv } from './helpers.ts';

const bash = findExecutable('bash') ?? 'bash';
const PATH = process.env.PATH ?? '';

function bashScript(name: string, ...args: string[]): PreparedSnippet {
  const file = fixture('curl', name);
  return { command: bash, args: [file, ...args], cwd: dirname(file) };
}

afterEach(() => {
  vi.unstubAllEnvs();
});

describe('runProcess', () => {
  test('passes exactly the given environment', async () => {
    vi.stubEnv('RUNNER_LEAK', 'from the parent');
    const result = await runProcess(bashScript('hello.sh'), { env: { RUNNER_GREETING: 'hi' }, timeoutMs: 30_000 });
    expect(result).toMatchObject({ exitCode: 0, signal: null, timedOut: false, stderr: '' });
    expect(result.stdout).toBe('hello from curl\ngreeting=hi\nleak=(unset)\n');
    expect(result.durationMs).toBeGreaterThan(0);
  });

  test('reports a non-zero exit code without throwing', async () => {
    const result = await runProcess(bashScript('exit3.sh'), { env: {}, timeoutMs: 30_000 });
    expect(result).toMatchObject({ exitCode: 3, signal: null, timedOut: false, stdout: '', stderr: 'failing on purpose\n' });
  });

  test('kills the whole process tree when the time limit passes', async () => {
    const token = randomUUID();
    const result = await runProcess(bashScript('forever.sh'), { env: { PATH, RUNNER_TOKEN: token }, timeoutMs: 1500 });
    expect(result).toMatchObject({ exitCode: null, signal: 'SIGKILL', timedOut: true });
    const child = childPid(result.stdout);
    await vi.waitFor(async () => expect(await isAlive(child)).toBe(false));
    await vi.waitFor(async () => expect(await processesWithEnv('RUNNER_TOKEN', token)).toEqual([]));
  });

  test('kills background processes a script leaves behind when it exits', async () => {
    const token = randomUUID();
    const result = await runProcess(bashScript('leaves-background.sh'), { env: { PATH, RUNNER_TOKEN: token }, timeoutMs: 30_000 });
    expect(result).toMatchObject({ exitCode: 0, timedOut: false });
    const child = childPid(result.stdout);
    await vi.waitFor(async () => expect(await isAlive(child)).toBe(false));
    await vi.waitFor(async () => expect(await processesWithEnv('RUNNER_TOKEN', token)).toEqual([]));
  });

  test('kills the whole process tree when the signal aborts', async () => {
    const token = randomUUID();
    const controller = new AbortController();
    const running = runProcess(bashScript('forever.sh'), {
      env: { PATH, RUNNER_TOKEN: token },
      timeoutMs: 300_000,
      signal: controller.signal,
    });
    // Abort once the script and its sleeping child are both up.
    await vi.waitFor(async () => expect((await processesWithEnv('RUNNER_TOKEN', token)).length).toBe(2), { timeout: 10_000 });
    controller.abort();
    const result = await running;
    expect(result).toMatchObject({ exitCode: null, signal: 'SIGKILL', timedOut: false });
    await vi.waitFor(async () => expect(await processesWithEnv('RUNNER_TOKEN', token)).toEqual([]));
  });

  test('keeps the first MiB of a large output and says how much was dropped', async () => {
    const file = fixture('javascript', 'flood.mjs');
    const result = await runProcess({ command: process.execPath, args: [file], cwd: dirname(file) }, { env: {}, timeoutMs: 30_000 });
    expect(result.exitCode).toBe(0);
    const dropped = 3 * 1024 * 1024 - OUTPUT_LIMIT_BYTES;
    expect(result.stdout).toBe(`${'x'.repeat(1023)}\n`.repeat(1024) + `\n[output truncated: ${dropped} more bytes]`);
  });

  test('kills the program once stdout and stderr together pass the output limit, and says so', async () => {
    const file = fixture('javascript', 'flood.mjs');
    const prepared = { command: process.execPath, args: [file], cwd: dirname(file) };
    const result = await runProcess(prepared, { env: {}, timeoutMs: 30_000, outputLimitBytes: 256 * 1024 });
    expect(result).toMatchObject({ exitCode: null, signal: 'SIGKILL', timedOut: false, outputLimitExceeded: true });
    const within = await runProcess(prepared, { env: {}, timeoutMs: 30_000, outputLimitBytes: 3 * 1024 * 1024 });
    expect(within).toMatchObject({ exitCode: 0 });
    expect(within.outputLimitExceeded).toBeUndefined();
  });

  test('watches the whole of stdout and stderr for the secrets it is given, past what it keeps', async () => {
    const token = 'u-RunnerOnly0123456789abcdefghijKL';
    const file = fixture('javascript', 'leaks-late.mjs');
    const prepared = { command: process.execPath, args: [file], cwd: dirname(file) };
    const result = await runProcess(prepared, { env: { RUNNER_TOKEN: token }, timeoutMs: 30_000, secrets: [token] });
    expect(result.stdout).toMatch(/\[output truncated: \d+ more bytes\]$/);
    expect(result.leaks).toEqual([
      { stream: 'stdout', encoding: 'base64' },
      { stream: 'stderr', encoding: 'hex' },
    ]);
    const unwatched = await runProcess(prepared, { env: { RUNNER_TOKEN: token }, timeoutMs: 30_000 });
    expect(unwatched.leaks).toEqual([]);
  });

  test("is what runSnippet, every runner's run, starts: the same watch over the output", async () => {
    const token = 'u-RunnerOnly0123456789abcdefghijKL';
    const file = fixture('javascript', 'leaks-late.mjs');
    const prepared = { command: process.execPath, args: [file], cwd: dirname(file) };
    const result = await runSnippet(prepared, { env: { RUNNER_TOKEN: token }, timeoutMs: 30_000, secrets: [token] });
    expect(result.leaks).toEqual([
      { stream: 'stdout', encoding: 'base64' },
      { stream: 'stderr', encoding: 'hex' },
    ]);
    expect(await runToolchain('bash', [fixture('curl', 'exit3.sh')])).toEqual(await runTool('bash', [fixture('curl', 'exit3.sh')]));
  });

  test('throws when the program cannot be started', async () => {
    await expect(runProcess({ command: '/nonexistent/program', args: [], cwd: '/' }, { env: {}, timeoutMs: 1000 })).rejects.toThrow(
      /could not start \/nonexistent\/program/,
    );
  });

  test('rejects a time limit that is not a positive number', async () => {
    await expect(runProcess(bashScript('hello.sh'), { env: {}, timeoutMs: 0 })).rejects.toThrow(/timeoutMs must be a positive number/);
  });
});

describe('runTool', () => {
  test('says when the program is not on PATH', async () => {
    const result = await runTool('surely-not-a-real-tool', ['--version']);
    expect(result).toMatchObject({ ok: false, notFound: true, output: 'surely-not-a-real-tool not found on PATH' });
  });

  test('returns the interleaved output and exit code of a failure', async () => {
    const result = await runTool(bash, [fixture('curl', 'exit3.sh')]);
    expect(result).toMatchObject({ ok: false, notFound: false, exitCode: 3, output: 'failing on purpose' });
  });
});

describe('findExecutable', () => {
  test('finds a program on the PATH it is given', () => {
    expect(findExecutable('bash', { env: { PATH: dirname(bash) } })).toBe(bash);
  });

  test('returns undefined when no folder of PATH holds the program', () => {
    expect(findExecutable('bash', { env: { PATH: '/nonexistent' } })).toBeUndefined();
  });

  test('looks in the extra folders after PATH', () => {
    expect(findExecutable('bash', { env: { PATH: '/nonexistent' }, extraDirs: [dirname(bash)] })).toBe(bash);
  });
});
