// Time limits sized to the work a hook or a test does, for the work that is more than one program's
// run: a harness run of many cases, an `npm run build`. Derived from what runs, so a longer matrix
// gets a longer limit by itself; they only stop something that hangs, and are never assertions.
import { caseTimeLimitMs } from '../../scripts/harness/case/scenarios.ts';
import type { PlannedCase } from '../../scripts/harness/run/plan.ts';

/** Allowed per case beyond its program's own time limit: the mock, the sandbox and the checks (a live probe too). */
const CASE_OVERHEAD_MS = 10_000;

/** Allowed per snippet file for its build (javac, go build), which no time limit of the harness bounds. */
const BUILD_ALLOWANCE_MS = 60_000;

/** Allowed once per run: the throwaway certificate authorities and the sandbox's detection. */
const RUN_OVERHEAD_MS = 60_000;

/** Allowed for one `astro build` of the docs site. */
export const SITE_BUILD_LIMIT_MS = 300_000;

/**
 * The longest a harness run of `cases` takes when nothing is wrong, even one case at a time on a
 * busy machine: every case's own time limit (the harness's, from its manifest) and overhead, and a
 * build per file. The toolchains are prepared before the tests (test/support/toolchains-global-setup.ts).
 */
export function runTimeLimitMs(cases: readonly PlannedCase[]): number {
  const files = new Set(cases.map((planned) => planned.file.path)).size;
  const casesMs = cases.reduce((sum, planned) => sum + caseTimeLimitMs(planned.scenario, planned.example.manifest) + CASE_OVERHEAD_MS, 0);
  return RUN_OVERHEAD_MS + files * BUILD_ALLOWANCE_MS + casesMs;
}
