// `npm run bench`: the whole snippet matrix, cold (empty runner cache) then warm, with the numbers
// that show where time goes: wall time, per-language median case time, and the harness's overhead;
// then warm again without the scenarios that only wait (the hung server), to show what they add,
// and without the per-case sandbox, to show what it costs.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { EngineRun } from '../harness/engine.ts';
import { runHarness } from '../harness/harness.ts';
import { describeIsolation } from '../sandbox/isolation.ts';
import { summaryLine } from '../harness/reporters/summary.ts';
import { SCENARIOS, SCENARIO_NAMES } from '../harness/scenarios.ts';

/** The scenarios whose cases only wait on a timer (the hung server), and the others. */
const WAITING_SCENARIOS = SCENARIO_NAMES.filter((name) => SCENARIOS[name].waits);
const WORKING_SCENARIOS = SCENARIO_NAMES.filter((name) => !SCENARIOS[name].waits);

/** What the waiting scenarios add to the warm wall time, in one line. */
export function describeWaitingCost(full: Pick<EngineRun, 'durationMs'>, withoutWaiting: Pick<EngineRun, 'durationMs'>): string {
  const added = (full.durationMs - withoutWaiting.durationMs) / 1000;
  return `${WAITING_SCENARIOS.join(', ')} add ${added.toFixed(2)} s of wall time (a case waits out its request timeout, 10 s by default, in the waiting lane)`;
}

/** The median of `values` (0 for none). */
export function median(values: readonly number[]): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[middle] as number) : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

/** Harness wall time over the ideal: the children's summed wall time spread over the concurrency (1.0 = no overhead). */
export function overheadRatio(run: Pick<EngineRun, 'durationMs' | 'childWallMs' | 'concurrency'>): number {
  const ideal = run.childWallMs / run.concurrency;
  return ideal > 0 ? run.durationMs / ideal : Number.NaN;
}

/** A block of text describing one run. */
export function describeRun(label: string, run: EngineRun): string {
  const languages = [...new Set(run.results.map((result) => result.language))];
  const perLanguage = languages.map((language) => {
    const times = run.results.filter((r) => r.language === language && r.status !== 'skipped').map((r) => r.durationMs);
    return `    ${language.padEnd(11)} ${median(times).toFixed(0).padStart(6)} ms`;
  });
  return [
    `${label}: ${summaryLine(run.results)}`,
    `  wall time                 ${(run.durationMs / 1000).toFixed(2)} s`,
    `  children's wall time      ${(run.childWallMs / 1000).toFixed(2)} s over concurrency ${run.concurrency}`,
    `  harness/ideal ratio       ${overheadRatio(run).toFixed(2)} (wall / (children's wall / concurrency))`,
    '  median case time per language:',
    ...perLanguage,
  ].join('\n');
}

/** Runs the matrix cold then warm in a fresh cache folder and prints both, then warm without the sandbox to show its cost. */
export async function bench(): Promise<void> {
  const cacheDir = await mkdtemp(path.join(tmpdir(), 'rr-bench-cache-'));
  try {
    const cold = await runHarness({ cacheDir });
    console.log(describeRun('cold (empty runner cache: venv, Maven resolution, Go and Java builds)', cold));
    const warm = await runHarness({ cacheDir });
    console.log(`\n${describeRun('warm (everything built)', warm)}`);
    const working = await runHarness({ cacheDir, scenarios: WORKING_SCENARIOS });
    console.log(`\n${describeRun(`warm, without ${WAITING_SCENARIOS.join(', ')}`, working)}`);
    console.log(`\ncold/warm wall-time ratio   ${(cold.durationMs / warm.durationMs).toFixed(2)}`);
    console.log(describeWaitingCost(warm, working));
    console.log(`isolation                   ${describeIsolation(warm.isolation)}`);
    if (warm.isolation.available) {
      // What the sandbox costs: the same warm run without it (each case still gets its scratch
      // space, and every cached build is hashed again before each case, as unsandboxed runs do).
      const bare = await runHarness({ cacheDir, isolation: { available: false, reason: 'turned off to measure the sandbox' } });
      console.log(`\n${describeRun('warm, unsandboxed', bare)}`);
      console.log(`\nsandboxed/unsandboxed warm wall-time ratio   ${(warm.durationMs / bare.durationMs).toFixed(2)}`);
    }
  } finally {
    await rm(cacheDir, { recursive: true, force: true });
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await bench();
