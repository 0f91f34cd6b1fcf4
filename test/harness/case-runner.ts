// Starts a harness run in the background and hands each test the result of its own case, so one
// vitest test per case costs no extra runs. The tests wait for the whole run in a `beforeAll` hook
// with a time limit of its own, sized to the run's cases: no test's limit pays for other cases, and
// the toolchains were prepared before any test started (test/support/toolchains-global-setup.ts).
import { beforeAll } from 'vitest';
import { runHarness, type HarnessRun } from '../../scripts/harness/harness.ts';
import type { PlannedCase } from '../../scripts/harness/run/plan.ts';
import type { CaseResult } from '../../scripts/harness/case/case-result.ts';
import { formatFailure } from '../../scripts/report/reporters/terminal.ts';
import { runTimeLimitMs } from '../support/time-limits.ts';

/** Results by case key, available while the run is still going. */
export interface BackgroundRun {
  result(key: string): Promise<CaseResult>;
  done: Promise<HarnessRun>;
}

/** Registers a `beforeAll` of the calling file that waits for `done`, within the run's own time limit (`runTimeLimitMs`). */
export function awaitRunBeforeTests(done: Promise<unknown>, cases: readonly PlannedCase[]): void {
  beforeAll(async () => {
    await done;
  }, runTimeLimitMs(cases));
}

/**
 * Starts running `cases` of the examples under `root`, awaited before the file's tests; every
 * language is required when CI=true. With `resultCacheDir`, the run reuses and stores results there,
 * as `npm run build` does.
 */
export function startBackgroundRun(
  cases: readonly PlannedCase[],
  { root, resultCacheDir }: { root?: string; resultCacheDir?: string } = {},
): BackgroundRun {
  const waiting = new Map<string, PromiseWithResolvers<CaseResult>>();
  for (const planned of cases) waiting.set(planned.key, Promise.withResolvers<CaseResult>());
  const done = runHarness(
    { cases, root, requireAll: process.env.CI === 'true', resultCacheDir },
    { onCaseDone: (result) => waiting.get(result.key)?.resolve(result) },
  );
  done.catch((error: unknown) => {
    for (const deferred of waiting.values()) deferred.reject(error);
  });
  awaitRunBeforeTests(done, cases);
  return {
    done,
    result(key) {
      const deferred = waiting.get(key);
      if (!deferred) throw new Error(`no case ${key} in this run`);
      return deferred.promise;
    },
  };
}

/** Throws the terminal's failure report when the case failed; returns the skip reason when skipped. */
export function assertPassed(result: CaseResult): string | undefined {
  if (result.status === 'failed') throw new Error(`\n${formatFailure(result)}`);
  if (result.status === 'skipped') return result.detail.reason ?? 'skipped';
  return undefined;
}
