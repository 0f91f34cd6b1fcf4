// Toolchain detection with a memory: an available toolchain is detected once while its programs
// and PATH stay the same; a missing one is always looked for again.
// vitest project: unit (test/support/projects.ts)
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, test, vi } from 'vitest';
import { commandsIdentity, detectWithCache } from '../../scripts/harness/cache/toolchain-cache.ts';
import { curlRunner } from '../../scripts/runners/curl.ts';
import { defineRunner, type Toolchain } from '../../scripts/runners/runner-contract.ts';
import { runSnippet } from '../../scripts/runners/toolchain.ts';

const scratch = await mkdtemp(path.join(tmpdir(), 'rr-toolchain-cache-'));
afterAll(() => rm(scratch, { recursive: true, force: true }));
afterEach(() => vi.unstubAllEnvs());

/** A runner asking `sh` whose detect() counts its calls and answers `answer`. */
function countingRunner(answer: Toolchain, commands: readonly string[] = ['sh']) {
  const calls = { count: 0 };
  const runner = defineRunner({
    ...curlRunner,
    id: 'counting',
    label: 'Counting',
    extensions: ['.count'],
    toolchainCommands: commands,
    async detect() {
      calls.count += 1;
      return answer;
    },
    prepare: async () => ({ command: 'sh', args: [], cwd: scratch }),
    run: runSnippet,
  });
  return { runner, calls };
}

describe('detectWithCache', () => {
  test('detects an available toolchain once, then reuses the answer', async () => {
    const dir = path.join(scratch, 'available');
    const { runner, calls } = countingRunner({ available: true, version: 'Counting 1.0' });
    expect(await detectWithCache(runner, dir)).toEqual({ available: true, version: 'Counting 1.0' });
    expect(await detectWithCache(runner, dir)).toEqual({ available: true, version: 'Counting 1.0' });
    expect(calls.count).toBe(1);
  });

  test('detects again when PATH changes', async () => {
    const dir = path.join(scratch, 'path');
    const { runner, calls } = countingRunner({ available: true, version: 'Counting 1.0' });
    await detectWithCache(runner, dir);
    vi.stubEnv('PATH', `${scratch}${path.delimiter}${process.env.PATH ?? ''}`);
    await detectWithCache(runner, dir);
    expect(calls.count).toBe(2);
  });

  test('never remembers a missing toolchain', async () => {
    const dir = path.join(scratch, 'missing');
    const { runner, calls } = countingRunner({ available: false, reason: 'counting not found on PATH' });
    await detectWithCache(runner, dir);
    await detectWithCache(runner, dir);
    expect(calls.count).toBe(2);
  });

  test('always detects a runner that names no programs, or one whose program is not on PATH', async () => {
    const dir = path.join(scratch, 'unnamed');
    for (const commands of [[], ['no-such-program-here']]) {
      const { runner, calls } = countingRunner({ available: true, version: 'Counting 1.0' }, commands);
      await detectWithCache(runner, dir);
      await detectWithCache(runner, dir);
      expect(calls.count).toBe(2);
    }
  });
});

describe('commandsIdentity', () => {
  test('is the same for the same programs, and undefined when one is missing', () => {
    expect(commandsIdentity(['sh'])).toBe(commandsIdentity(['sh']));
    expect(commandsIdentity(['sh'])).not.toBe(commandsIdentity(['sh', 'env']));
    expect(commandsIdentity(['sh', 'no-such-program-here'])).toBeUndefined();
  });
});
