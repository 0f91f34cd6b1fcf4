// The curl runner: `bash file.sh`, nothing to build.
// vitest project: programs (test/support/projects.ts)
import { randomUUID } from 'node:crypto';
import { afterAll, afterEach, describe, expect, test, vi } from 'vitest';
import { curlRunner } from '../../scripts/runners/curl.ts';
import {
  childPid,
  CONTEXT,
  emptyPathDir,
  fixture,
  isAlive,
  pathWithOnly,
  prepareAndRun,
  processesWithEnv,
  removeThrowaways,
} from './helpers.ts';

afterAll(removeThrowaways);

afterEach(() => {
  vi.unstubAllEnvs();
});

describe('curlRunner', () => {
  test('detects curl and bash with their versions', async () => {
    const toolchain = await curlRunner.detect();
    expect(toolchain).toMatchObject({ available: true });
    expect(toolchain.available && toolchain.version).toMatch(/^curl \d+\.\d+\.\d+, bash \d+\.\d+\.\d+$/);
  });

  test('says curl is not found when PATH lacks it', async () => {
    vi.stubEnv('PATH', await emptyPathDir());
    expect(await curlRunner.detect()).toEqual({ available: false, reason: 'curl not found on PATH' });
  });

  test('says bash is not found when PATH has curl but not bash', async () => {
    vi.stubEnv('PATH', await pathWithOnly('curl'));
    expect(await curlRunner.detect()).toEqual({ available: false, reason: 'bash not found on PATH' });
  });

  test('runs the script with bash and exactly the given environment', async () => {
    const result = await prepareAndRun(curlRunner, fixture('curl', 'hello.sh'));
    expect(result).toMatchObject({ exitCode: 0, timedOut: false, stderr: '' });
    expect(result.stdout).toBe('hello from curl\ngreeting=hi\nleak=(unset)\n');
  });

  test('reports exit code 3', async () => {
    const result = await prepareAndRun(curlRunner, fixture('curl', 'exit3.sh'));
    expect(result).toMatchObject({ exitCode: 3, signal: null, stdout: '', stderr: 'failing on purpose\n' });
  });

  test('kills the script and the child it waits for when the time limit passes', async () => {
    const token = randomUUID();
    const result = await prepareAndRun(curlRunner, fixture('curl', 'forever.sh'), {
      env: { PATH: process.env.PATH ?? '', RUNNER_TOKEN: token },
      timeoutMs: 1500,
    });
    expect(result).toMatchObject({ exitCode: null, signal: 'SIGKILL', timedOut: true });
    const child = childPid(result.stdout);
    await vi.waitFor(async () => expect(await isAlive(child)).toBe(false));
    await vi.waitFor(async () => expect(await processesWithEnv('RUNNER_TOKEN', token)).toEqual([]));
  });

  test('fails to prepare when bash is not on PATH', async () => {
    vi.stubEnv('PATH', await emptyPathDir());
    await expect(curlRunner.prepare(fixture('curl', 'hello.sh'), CONTEXT)).rejects.toThrow(
      'cannot run test/fixtures/runners/curl/hello.sh: bash not found on PATH',
    );
  });
});
