// When a sandboxed program exited, by the clock its supervisor read at that moment (command.ts),
// instead of when the harness got round to noticing: a harness whose event loop was held up (a
// long garbage collection, a burst of other work) would otherwise make a punctual program look late.
import { supervisorReport } from './counters.ts';

/** The supervisor's `Exited:` line (nanoseconds since the epoch), in milliseconds since the epoch; null when missing or unreadable. */
export function parseExitEpochMs(report: string): number | null {
  const exited = /^Exited: (\d{10,})$/m.exec(supervisorReport(report) ?? '');
  // Nanoseconds since the epoch are past a double's exact integers; as milliseconds they keep a fraction of a microsecond.
  return exited ? Number(exited[1]) / 1e6 : null;
}

/**
 * A moment in milliseconds since the epoch on this process's `performance.now()` scale, through
 * the offset between the two clocks read now (so that a clock slewed during a long run does not
 * creep in).
 */
export function epochToPerformanceMs(epochMs: number): number {
  return epochMs - (Date.now() - performance.now());
}
