// A case's limits: the sandbox's defaults, what a runner declares of its own, and a bad declaration
// refused, naming the runner and the field, before any case runs.
// vitest project: programs (test/support/projects.ts)
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { PROJECT_ROOT, runHarness } from '../../scripts/harness/harness.ts';
import { curlRunner } from '../../scripts/runners/curl.ts';
import { javaRunner } from '../../scripts/runners/java.ts';
import { DEFAULT_LIMITS, limitsFor } from '../../scripts/sandbox/case-limits.ts';

describe('limitsFor', () => {
  test("gives a runner the defaults, with the ones it declares in their place (a JVM's memory)", () => {
    expect(limitsFor(curlRunner)).toEqual(DEFAULT_LIMITS);
    expect(limitsFor(javaRunner)).toEqual({ ...DEFAULT_LIMITS, memoryMiB: 1024 });
  });

  test('refuses a limit that is not a positive whole number, naming the runner and the field', () => {
    expect(() => limitsFor({ id: 'rocket', limits: { processes: 0 } })).toThrow(
      'runner rocket: limits.processes must be a positive whole number, got 0',
    );
    expect(() => limitsFor({ id: 'rocket', limits: { memoryMiB: 1.5 } })).toThrow('limits.memoryMiB');
  });

  test('a run with such a runner stops before any case runs', async () => {
    const root = path.join(PROJECT_ROOT, 'test', 'fixtures', 'resource-limits');
    const onCaseDone = () => {
      throw new Error('no case may run');
    };
    await expect(
      runHarness({ root, runners: [{ ...curlRunner, limits: { outputMiB: -1 } }], examples: ['within-limits'], onCaseDone }),
    ).rejects.toThrow('runner curl: limits.outputMiB must be a positive whole number, got -1');
  });
});
