// When a sandboxed program exited, as its supervisor reports it, on the harness's clock.
// vitest project: unit (test/support/projects.ts)
import { describe, expect, test } from 'vitest';
import { COUNTERS_MARKER } from '../../scripts/sandbox/counters.ts';
import { epochToPerformanceMs, parseExitEpochMs } from '../../scripts/sandbox/exit-time.ts';

describe('parseExitEpochMs', () => {
  test('reads the nanoseconds of the `Exited:` line as milliseconds, keeping the fraction', () => {
    expect(parseExitEpochMs(`${COUNTERS_MARKER}\nExited: 1796570000123456789\nDnsStub: yes\n`)).toBeCloseTo(1_796_570_000_123.457, 2);
  });

  test('is null when the line is missing, unreadable (a `date` without %N) or printed before the report', () => {
    expect(parseExitEpochMs(`${COUNTERS_MARKER}\nDnsStub: yes\n`)).toBeNull();
    expect(parseExitEpochMs(`${COUNTERS_MARKER}\nExited: 1796570000N\n`)).toBeNull();
    expect(parseExitEpochMs(`${COUNTERS_MARKER}\nExited: \n`)).toBeNull();
    expect(parseExitEpochMs(`Exited: 1796570000123456789\n${COUNTERS_MARKER}\nDnsStub: yes\n`)).toBeNull();
  });
});

describe('epochToPerformanceMs', () => {
  test('puts a moment of the wall clock on the performance.now() scale', () => {
    const now = performance.now();
    const converted = epochToPerformanceMs(Date.now());
    expect(Math.abs(converted - now)).toBeLessThan(1_000);
    expect(epochToPerformanceMs(Date.now() - 5_000)).toBeLessThan(converted - 4_000);
  });
});
