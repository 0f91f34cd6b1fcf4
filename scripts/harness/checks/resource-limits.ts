// The check that a program stayed within its limits: memory per process, processes and threads,
// scratch space and output. The kernel refuses what goes past the first three and the harness kills
// a program that prints too much; this check says which limit the program went over.
import { MIB, describeLimits } from '../../sandbox/case-limits.ts';
import { defineCheck, fail, notApplicable, pass } from './check.ts';

/**
 * What each runtime prints when an allocation is refused (the only trace a memory limit leaves):
 * Python's MemoryError, Java's OutOfMemoryError or its native report, Go's and V8's fatal errors,
 * C programs' and bash's ENOMEM.
 */
const OUT_OF_MEMORY = [
  /\bMemoryError\b/,
  /java\.lang\.OutOfMemoryError[^\n]*/,
  /insufficient memory for the Java Runtime Environment/,
  /fatal error: [^\n]*out of memory[^\n]*/,
  /JavaScript heap out of memory|Fatal process out of memory[^\n]*|Array buffer allocation failed/,
  /[Cc]annot allocate memory|xmalloc: [^\n]*cannot allocate[^\n]*|\bOut of memory\b/,
];

/** The first out-of-memory report in `output`, or undefined. */
export function outOfMemoryReport(output: string): string | undefined {
  for (const pattern of OUT_OF_MEMORY) {
    const found = pattern.exec(output)?.[0];
    if (found !== undefined) return found.length > 100 ? `${found.slice(0, 97)}...` : found;
  }
  return undefined;
}

/** The program used no more than its limits allowed. */
export const resourceLimitsCheck = defineCheck({
  id: 'resource-limits',
  describe: 'the program stays within its limits: memory per process, processes and threads, scratch space, output',
  evaluate({ resources, run, output }) {
    if (!resources) return notApplicable('no limits were applied to this run');
    const { limits, tasksStarted, scratchBytes } = resources;
    const over: string[] = [];
    const failed = run.exitCode !== 0 || run.signal !== null;
    const memory = limits.memoryMiB !== undefined && failed ? outOfMemoryReport(output) : undefined;
    if (memory !== undefined) over.push(`used more than ${limits.memoryMiB} MiB of memory (${JSON.stringify(memory)})`);
    if (limits.processes !== undefined && tasksStarted !== null && tasksStarted > limits.processes) {
      const count = Number.isFinite(tasksStarted) ? ` (${tasksStarted})` : '';
      over.push(`started more than ${limits.processes} processes and threads${count}`);
    }
    const fileTooLarge = run.signal === 'SIGXFSZ';
    if (limits.scratchMiB !== undefined && ((scratchBytes !== null && scratchBytes > limits.scratchMiB * MIB) || fileTooLarge))
      over.push(`wrote more than ${limits.scratchMiB} MiB to its scratch space`);
    if (limits.outputMiB !== undefined && run.outputLimitExceeded) over.push(`printed more than ${limits.outputMiB} MiB`);
    if (over.length) return fail(`the program went over its limits, and its processes were ended: it ${over.join('; it ')}`);
    const used =
      tasksStarted === null
        ? limits.processes === undefined
          ? ''
          : ' (its processes and scratch space were not counted: it was killed)'
        : ` (it started ${tasksStarted === 1 ? '1 process or thread' : `${tasksStarted} processes and threads`}${scratchBytes === null ? '' : ` and left ${Math.ceil(scratchBytes / 1024)} KiB in its scratch space`})`;
    return pass(`within its limits of ${describeLimits(limits)}${used}`);
  },
});
