// A case's limits on real programs (test/fixtures/resource-limits/): each greedy fixture makes its
// request, then goes past one limit (memory, processes, scratch space, output), which must fail
// `resource-limits` naming the limit and leave nothing running; the honest one, in the same run,
// passes. The limits here are small (256 MiB, 32 processes, 16 MiB, 1 MiB), and each fixture stops
// by itself at a size this machine can hold (1 GiB, 200 processes, 1.6 GB, 64 MiB) were it not
// stopped. Also the check itself on made-up observations, and the supervisor's usage report.
// vitest project: programs (test/support/projects.ts)
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import type { CheckId } from '../../scripts/harness/checks/all-checks.ts';
import { resourceLimitsCheck } from '../../scripts/harness/checks/resource-limits.ts';
import type { CaseObservation } from '../../scripts/harness/case/observation.ts';
import type { CaseResult } from '../../scripts/harness/case/case-result.ts';
import { PROJECT_ROOT, runHarness } from '../../scripts/harness/harness.ts';
import { formatFailure } from '../../scripts/report/reporters/terminal.ts';
import { curlRunner } from '../../scripts/runners/curl.ts';
import { pythonRunner } from '../../scripts/runners/python.ts';
import type { CaseLimits, RunResult } from '../../scripts/runners/runner-contract.ts';
import { COUNTERS_MARKER } from '../../scripts/sandbox/counters.ts';
import { detectIsolation } from '../../scripts/sandbox/isolation.ts';
import { MIB } from '../../scripts/sandbox/case-limits.ts';
import { parseUsage, type ResourceReport } from '../../scripts/sandbox/resource-usage.ts';

const ROOT = path.join(PROJECT_ROOT, 'test', 'fixtures', 'resource-limits');

/** Small limits, so that going over them is quick and cheap. */
const TIGHT: CaseLimits = { memoryMiB: 256, processes: 32, scratchMiB: 16, outputMiB: 1 };

const isolation = await detectIsolation();

function failedChecks(result: CaseResult | undefined): CheckId[] {
  return (result?.checks ?? []).filter((check) => check.status === 'failed').map((check) => check.id as CheckId);
}

const messageOf = (result: CaseResult | undefined) => result?.checks.find((check) => check.id === 'resource-limits')?.message ?? '';

/** Command lines of running processes that mention a fixture of this folder. */
async function leftoverPrograms(): Promise<string[]> {
  const found: string[] = [];
  for (const pid of (await readdir('/proc')).filter((name) => /^\d+$/.test(name))) {
    const commandLine = await readFile(`/proc/${pid}/cmdline`, 'utf8').catch(() => '');
    if (commandLine.includes(ROOT)) found.push(`${pid}: ${commandLine.replaceAll('\0', ' ')}`);
  }
  return found;
}

describe('on real programs, in a sandbox', () => {
  test('each limit gone over fails resource-limits naming it, ends the program, and the honest case beside them passes', async (context) => {
    if (!isolation.available) {
      if (process.env.CI === 'true') throw new Error(`no sandbox under CI=true: ${isolation.reason}`);
      context.skip(`no sandbox here: ${isolation.reason}`);
    }
    if (isolation.available && isolation.limits.missing.length)
      throw new Error(`limits not enforced here: ${isolation.limits.missing.join('; ')}`);
    const runners = [
      { ...pythonRunner, limits: TIGHT },
      { ...curlRunner, limits: TIGHT },
    ];
    const run = await runHarness({
      root: ROOT,
      runners,
      scenarios: ['ok'],
      isolation,
      concurrency: 2,
      requireAll: process.env.CI === 'true',
    });
    const results = new Map(run.results.map((result) => [result.key, result]));
    const expectations: Record<string, { fails: CheckId[]; says: RegExp }> = {
      'allocates-memory/python/ok': {
        fails: ['exit-code', 'handles-error', 'resource-limits'],
        says: /it used more than 256 MiB of memory \("MemoryError"\)$/,
      },
      'forks-processes/python/ok': {
        fails: ['exit-code', 'handles-error', 'resource-limits'],
        says: /it started more than 32 processes and threads \(\d+\)$/,
      },
      'fills-scratch/curl/ok': { fails: ['resource-limits'], says: /it wrote more than 16 MiB to its scratch space$/ },
      'floods-output/curl/ok': { fails: ['exit-code', 'resource-limits'], says: /it printed more than 1 MiB$/ },
      'within-limits/curl/ok': {
        fails: [],
        says: /^within its limits of 256 MiB of memory per process, 32 processes and threads, 16 MiB of scratch space, 1 MiB of output \(it started \d+ processes and threads and left 0 KiB in its scratch space\)$/,
      },
    };
    for (const [key, expected] of Object.entries(expectations)) {
      const result = results.get(key);
      if (result?.status === 'skipped' && process.env.CI !== 'true') continue;
      expect(failedChecks(result), result ? formatFailure(result) : key).toEqual(expected.fails);
      expect(messageOf(result)).toMatch(expected.says);
      // The report records the limits the case ran under.
      expect(run.report.cases.find((entry) => entry.key === key)?.limits).toEqual(TIGHT);
    }
    // Nothing the greedy programs started outlives the run.
    expect(await leftoverPrograms()).toEqual([]);
    expect(run.info.isolation).toMatch(
      /limits: memory per process \(RLIMIT_DATA\), processes and threads \(RLIMIT_NPROC, .*\), scratch space \(a tmpfs of fixed size\), output \(counted by the harness\)$/,
    );
  }, 300_000);
});

/** A finished run with exit code 0 unless changed. */
function runOf(changes: Partial<RunResult> = {}): RunResult {
  return { exitCode: 0, signal: null, stdout: '', stderr: '', timedOut: false, durationMs: 100, ...changes };
}

/** The check on a run, its output and what the sandbox counted. */
function judge(run: RunResult, resources: ResourceReport | undefined) {
  return resourceLimitsCheck.evaluate({ run, output: `${run.stdout}\n${run.stderr}`, resources } as CaseObservation);
}

const ALL = { limits: TIGHT, tasksStarted: 3, scratchBytes: 0 } satisfies ResourceReport;

describe('the resource-limits check', () => {
  test('passes within the limits, saying what was used', () => {
    expect(judge(runOf(), ALL)).toEqual({
      status: 'passed',
      message:
        'within its limits of 256 MiB of memory per process, 32 processes and threads, 16 MiB of scratch space, 1 MiB of output (it started 3 processes and threads and left 0 KiB in its scratch space)',
    });
  });

  test('names every limit gone over', () => {
    const outcome = judge(runOf({ exitCode: 1, stderr: 'MemoryError\n', outputLimitExceeded: true }), {
      ...ALL,
      tasksStarted: 33,
      scratchBytes: 16 * MIB + 4096,
    });
    expect(outcome).toEqual({
      status: 'failed',
      message:
        'the program went over its limits, and its processes were ended: it used more than 256 MiB of memory ("MemoryError"); it started more than 32 processes and threads (33); it wrote more than 16 MiB to its scratch space; it printed more than 1 MiB',
    });
  });

  test("reads each runtime's out-of-memory report, only from a program that failed", () => {
    for (const report of [
      'java.lang.OutOfMemoryError: Java heap space',
      'There is insufficient memory for the Java Runtime Environment to continue.',
      'fatal error: runtime: out of memory',
      'FATAL ERROR: Reached heap limit Allocation failed - JavaScript heap out of memory',
      'RangeError: Array buffer allocation failed',
      'bash: xmalloc: cannot allocate 1048576 bytes',
      'curl: (27) Out of memory',
    ])
      expect(judge(runOf({ exitCode: 1, stderr: report }), ALL).status, report).toBe('failed');
    expect(judge(runOf({ exitCode: 0, stdout: 'MemoryError is a Python exception' }), ALL).status).toBe('passed');
  });

  test('a file larger than the scratch space (SIGXFSZ) went over it too', () => {
    expect(judge(runOf({ exitCode: null, signal: 'SIGXFSZ' }), ALL).message).toMatch(/wrote more than 16 MiB to its scratch space$/);
  });

  test('judges only the limits that were enforced, and nothing without them', () => {
    const outputOnly = { limits: { outputMiB: 1 }, tasksStarted: null, scratchBytes: null } satisfies ResourceReport;
    expect(judge(runOf({ exitCode: 1, stderr: 'MemoryError' }), outputOnly)).toEqual({
      status: 'passed',
      message: 'within its limits of 1 MiB of output',
    });
    expect(judge(runOf({ outputLimitExceeded: true }), outputOnly).status).toBe('failed');
    expect(judge(runOf(), undefined)).toEqual({ status: 'skipped', message: 'no limits were applied to this run' });
  });
});

describe('parseUsage', () => {
  test('counts the tasks between the two reads of the last PID, and the scratch space in use', () => {
    expect(parseUsage(`${COUNTERS_MARKER}\nTasks: 7 31\nScratch: 4097 1 4096\n`)).toEqual({ tasksStarted: 23, scratchBytes: 4096 * 4096 });
  });

  test('takes PID numbers that wrapped round as more than any limit, and misses as null', () => {
    expect(parseUsage(`${COUNTERS_MARKER}\nTasks: 4000 12\n`).tasksStarted).toBe(Number.POSITIVE_INFINITY);
    expect(parseUsage(`${COUNTERS_MARKER}\nScratch: \n`)).toEqual({ tasksStarted: null, scratchBytes: null });
    expect(parseUsage('Tasks: 1 9\n')).toEqual({ tasksStarted: null, scratchBytes: null });
  });
});
