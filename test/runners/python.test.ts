// The Python runner: one cached virtual environment holding snippets/requirements.txt.
// vitest project: programs (test/support/projects.ts)
import { lstat, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, test, vi } from 'vitest';
import { pythonRunner } from '../../scripts/runners/python.ts';
import { CACHE_DIR, childPid, CONTEXT, emptyPathDir, fixture, isAlive, prepareAndRun, removeThrowaways, scratchDir } from './helpers.ts';

afterAll(removeThrowaways);

afterEach(() => {
  vi.unstubAllEnvs();
});

describe('pythonRunner', () => {
  test('detects python3 with its version', async () => {
    const toolchain = await pythonRunner.detect();
    expect(toolchain).toMatchObject({ available: true });
    expect(toolchain.available && toolchain.version).toMatch(/^Python 3\.\d+\.\d+/);
  });

  test('says python3 is not found when PATH lacks it', async () => {
    vi.stubEnv('PATH', await emptyPathDir());
    expect(await pythonRunner.detect()).toEqual({ available: false, reason: 'python3 not found on PATH' });
  });

  test('runs the file in the venv, with requests installed and exactly the given environment', async () => {
    const prepared = await pythonRunner.prepare(fixture('python', 'hello.py'), CONTEXT);
    expect(prepared.command).toMatch(new RegExp(`^${join(CACHE_DIR, 'python', 'venv-')}[0-9a-f]+/bin/python$`));
    const pinned = /^requests==(\S+)$/m.exec(await readFile(join(CONTEXT.snippetsRoot, 'requirements.txt'), 'utf8'))?.[1];
    const result = await prepareAndRun(pythonRunner, fixture('python', 'hello.py'));
    expect(result).toMatchObject({ exitCode: 0, timedOut: false, stderr: '' });
    expect(result.stdout).toBe(`hello from python\ngreeting=hi\nleak=(unset)\nrequests=${pinned}\n`);
  });

  test('reports exit code 3', async () => {
    const result = await prepareAndRun(pythonRunner, fixture('python', 'exit3.py'));
    expect(result).toMatchObject({ exitCode: 3, signal: null, stdout: '', stderr: 'failing on purpose\n' });
  });

  test('kills the program and the child it forked when the time limit passes', async () => {
    const result = await prepareAndRun(pythonRunner, fixture('python', 'forever.py'), { env: {}, timeoutMs: 1500 });
    expect(result).toMatchObject({ exitCode: null, signal: 'SIGKILL', timedOut: true });
    const child = childPid(result.stdout);
    await vi.waitFor(async () => expect(await isAlive(child)).toBe(false));
  });

  test('reuses the venv for every file and every prepare', async () => {
    const first = await pythonRunner.prepare(fixture('python', 'hello.py'), CONTEXT);
    const made = await lstat(first.command);
    const [second, other] = await Promise.all([
      pythonRunner.prepare(fixture('python', 'hello.py'), CONTEXT),
      pythonRunner.prepare(fixture('python', 'exit3.py'), CONTEXT),
    ]);
    expect(second).toEqual(first);
    expect(other.command).toBe(first.command);
    expect((await lstat(second.command)).mtimeMs).toBe(made.mtimeMs);
  });

  test('fails to prepare, naming the file, when requirements.txt is missing', async () => {
    const snippetsRoot = await scratchDir();
    await expect(pythonRunner.prepare(fixture('python', 'hello.py'), { ...CONTEXT, snippetsRoot })).rejects.toThrow(
      /^python venv failed for test\/fixtures\/runners\/python\/hello\.py: cannot read .*requirements\.txt: file not found$/,
    );
  });
});
