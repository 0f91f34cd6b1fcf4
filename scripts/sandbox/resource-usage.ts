// What a case's program used of its limits, as its sandbox's supervisor counted it once the program
// had ended: the processes and threads it started, and how full it left its scratch space.
import type { CaseLimits } from '../runners/runner-contract.ts';
import { supervisorReport } from './counters.ts';

/** The limits a case ran under and what its program used of them. */
export interface ResourceReport {
  /** The limits that were enforced for this case (absent: not enforced, with no sandbox or no tool for it). */
  limits: Partial<CaseLimits>;
  /** Processes and threads the program started, counted by its PID namespace; null when not counted (killed at the time limit). */
  tasksStarted: number | null;
  /** Bytes in its scratch space when every process had ended; null when not measured. */
  scratchBytes: number | null;
}

/** The supervisor's `Tasks:` and `Scratch:` lines: tasks started (Infinity when the PID numbers wrapped round) and bytes used; null for each one missing. */
export function parseUsage(report: string): { tasksStarted: number | null; scratchBytes: number | null } {
  const text = supervisorReport(report) ?? '';
  const tasks = /^Tasks: (\d+) (\d+)$/m.exec(text);
  const scratch = /^Scratch: (\d+) (\d+) (\d+)$/m.exec(text);
  // The last PID given out, read by `cat` before and after: the tasks between are the program's.
  const before = Number(tasks?.[1]);
  const after = Number(tasks?.[2]);
  return {
    tasksStarted: tasks ? (after > before ? after - before - 1 : Number.POSITIVE_INFINITY) : null,
    scratchBytes: scratch ? (Number(scratch[1]) - Number(scratch[2])) * Number(scratch[3]) : null,
  };
}
