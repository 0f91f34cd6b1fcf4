// The Go runner: `go build` once per content hash, then the binary is run.
// vitest project: programs (test/support/projects.ts)
import { randomUUID } from 'node:crypto';
import { readFile, stat, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { afterAll, afterEach, describe, expect, test, vi } from 'vitest';
import { findExecutable } from '../../scripts/paths.ts';
import { goRunner } from '../../scripts/runners/go.ts';
import {
  CACHE_DIR,
  childPid,
  CONTEXT,
  emptyPathDir,
  fixture,
  isAlive,
  loggingWrapper,
  prepareAndRun,
  removeThrowaways,
  throwaway,
  uniqueCopy,
} from './helpers.ts';

afterAll(removeThrowaways);

afterEach(() => {
  vi.unstubAllEnvs();
});

describe('goRunner', () => {
  test('detects Go with its version', async () => {
    const toolchain = await goRunner.detect();
    expect(toolchain).toMatchObject({ available: true });
    expect(toolchain.available && toolchain.version).toMatch(/^Go \d+\.\d+/);
  });

  test('says go is not found when PATH lacks it', async () => {
    vi.stubEnv('PATH', await emptyPathDir());
    expect(await goRunner.detect()).toEqual({ available: false, reason: 'go not found on PATH' });
  });

  test('builds the file into the cache and runs the binary with exactly the given environment', async () => {
    const prepared = await goRunner.prepare(fixture('go', 'hello.go'), CONTEXT);
    expect(prepared.command.startsWith(join(CACHE_DIR, 'go'))).toBe(true);
    expect(prepared.cwd).toBe(dirname(fixture('go', 'hello.go')));
    const result = await prepareAndRun(goRunner, fixture('go', 'hello.go'));
    expect(result).toMatchObject({ exitCode: 0, timedOut: false, stderr: '' });
    expect(result.stdout).toBe('hello from go\ngreeting=hi\nleak=(unset)\n');
  });

  test('reports exit code 3', async () => {
    const result = await prepareAndRun(goRunner, fixture('go', 'exit3.go'));
    expect(result).toMatchObject({ exitCode: 3, signal: null, stdout: '', stderr: 'failing on purpose\n' });
  });

  test('kills the program and the child it started when the time limit passes', async () => {
    const result = await prepareAndRun(goRunner, fixture('go', 'forever.go'), { env: {}, timeoutMs: 1500 });
    expect(result).toMatchObject({ exitCode: null, signal: 'SIGKILL', timedOut: true });
    const child = childPid(result.stdout);
    await vi.waitFor(async () => expect(await isAlive(child)).toBe(false));
  });

  test('reuses the binary for the same file without rebuilding', async () => {
    const first = await goRunner.prepare(fixture('go', 'hello.go'), CONTEXT);
    const built = await stat(first.command);
    const second = await goRunner.prepare(fixture('go', 'hello.go'), CONTEXT);
    expect(second).toEqual(first);
    expect((await stat(second.command)).mtimeMs).toBe(built.mtimeMs);
  });

  test('builds anew when the file changes', async () => {
    const copy = await uniqueCopy('go', 'hello.go', '//');
    const before = await goRunner.prepare(copy, CONTEXT);
    await writeFile(copy, `${await readFile(copy, 'utf8')}// changed ${randomUUID()}\n`);
    const after = await goRunner.prepare(copy, CONTEXT);
    throwaway(dirname(before.command));
    throwaway(dirname(after.command));
    expect(after.command).not.toBe(before.command);
    const result = await goRunner.run(after, { env: {}, timeoutMs: 60_000 });
    expect(result.stdout).toContain('hello from go');
  });

  test('builds once when the same file is prepared concurrently', async () => {
    const copy = await uniqueCopy('go', 'hello.go', '//');
    const go = findExecutable('go');
    if (!go) throw new Error('go is needed on PATH for this test');
    const wrapper = await loggingWrapper('go', go);
    vi.stubEnv('PATH', `${wrapper.binDir}:${process.env.PATH ?? ''}`);
    // Without the build sandbox, whose view would show the wrapper's log read-only.
    const context = { ...CONTEXT, isolation: { available: false as const, reason: 'the logging wrapper writes beside itself' } };
    const prepared = await Promise.all(Array.from({ length: 4 }, () => goRunner.prepare(copy, context)));
    for (const snippet of prepared) throwaway(dirname(snippet.command));
    expect(new Set(prepared.map((snippet) => snippet.command)).size).toBe(1);
    expect((await wrapper.calls()).filter((call) => call.startsWith('build '))).toHaveLength(1);
  });

  test('throws the compiler output, naming the file, when the build fails', async () => {
    const error = await goRunner.prepare(fixture('go', 'broken.go'), CONTEXT).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toMatch(/^go build failed for test\/fixtures\/runners\/go\/broken\.go:\n/);
    expect((error as Error).message).toContain('undefined: undeclaredName');
  });

  test('fails to prepare when go is not on PATH, naming the file', async () => {
    const copy = await uniqueCopy('go', 'hello.go', '//');
    vi.stubEnv('PATH', await emptyPathDir());
    await expect(goRunner.prepare(copy, CONTEXT)).rejects.toThrow(/^go build failed for .*hello\.go: go not found on PATH$/);
  });
});
