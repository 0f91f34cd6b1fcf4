// When a sandboxed program exited, by the clock its supervisor read at that moment (command.ts),
// instead of when the harness got round to noticing: a harness whose event loop was held up (a
// long garbage collection, a burst of other work) would otherwise make a punctual program look late.
import { COUNTERS_MARKER } from './counters.ts';

/** The supervisor's `Exited:` line (nanoseconds since the epoch), in milliseconds since the epoch; null when missing or unreadable. */
export function parseExitEpochMs(report: string): number | null {
  const start = report.lastIndexOf(COUNTERS_MARKER);
  if (start === -1) return null;
  const exited = /^Exited: (\d{10,})$/m.exec(report.slice(start));
  return exited ? Number(BigInt(exited[1]!) / 1_000_000n) + Number(BigInt(exited[1]!) % 1_000_000n) / 1e6 : null;
}

/**
 * A moment in milliseconds since the epoch on this process's `performance.now()` scale, through
 * the offset between the two clocks read now (so that a clock slewed during a long run does not
 * creep in).
 */
export function epochToPerformanceMs(epochMs: number): number {
  return epochMs - (Date.now() - performance.now());
}
