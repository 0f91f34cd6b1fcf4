// The most a case's program may use (memory, processes, scratch space, output): the defaults, what a
// runner changes of them, and the bytes and counts the sandbox hands to the kernel.
import type { CaseLimits, LanguageRunner } from '../runners/runner-contract.ts';

/** One mebibyte. */
export const MIB = 1024 * 1024;

/** Every case's limits unless its runner declares others. */
export const DEFAULT_LIMITS: Readonly<CaseLimits> = Object.freeze({ memoryMiB: 512, processes: 64, scratchMiB: 64, outputMiB: 8 });

/** The names of the limits, in the order reports show them. */
export const LIMIT_NAMES: readonly (keyof CaseLimits)[] = Object.freeze(['memoryMiB', 'processes', 'scratchMiB', 'outputMiB']);

/** The limits of `runner`'s cases: the defaults with its own declared ones; throws naming the runner and field when one is not a positive whole number. */
export function limitsFor(runner: Pick<LanguageRunner, 'id' | 'limits'>): CaseLimits {
  const limits: CaseLimits = { ...DEFAULT_LIMITS, ...runner.limits };
  for (const name of LIMIT_NAMES) {
    const value = limits[name];
    if (!Number.isInteger(value) || value <= 0)
      throw new TypeError(`runner ${runner.id}: limits.${name} must be a positive whole number, got ${JSON.stringify(value)}`);
  }
  return limits;
}

/** The kernel's cap on the program's tasks: one past the limit (so reaching the cap is going over it), plus `supervisorTasks` of the same user. */
export function taskCap(limits: CaseLimits, supervisorTasks: number): number {
  return limits.processes + 1 + supervisorTasks;
}

/** The scratch space's size: one page past the limit, so that a full one held more than the limit. */
export function scratchBytes(limits: CaseLimits): number {
  return limits.scratchMiB * MIB + 4096;
}

/** `512 MiB of memory per process, 64 processes and threads, 64 MiB of scratch space, 8 MiB of output`, for the limits given. */
export function describeLimits(limits: Partial<CaseLimits>): string {
  const parts = [
    limits.memoryMiB === undefined ? '' : `${limits.memoryMiB} MiB of memory per process`,
    limits.processes === undefined ? '' : `${limits.processes} processes and threads`,
    limits.scratchMiB === undefined ? '' : `${limits.scratchMiB} MiB of scratch space`,
    limits.outputMiB === undefined ? '' : `${limits.outputMiB} MiB of output`,
  ];
  return parts.filter(Boolean).join(', ');
}
