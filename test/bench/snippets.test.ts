// The benchmark's arithmetic: medians and the overhead ratio it prints.
import { describe, expect, test } from 'vitest';
import { describeWaitingCost, median, overheadRatio } from '../../scripts/bench/snippets.ts';

describe('median', () => {
  test.for([
    [[], 0],
    [[5], 5],
    [[3, 1, 2], 2],
    [[4, 1, 3, 2], 2.5],
  ] as const)('of %j is %d', ([values, expected]) => {
    expect(median(values)).toBe(expected);
  });
});

describe('overheadRatio', () => {
  test('is 1 when the wall time equals the children spread over the concurrency', () => {
    expect(overheadRatio({ durationMs: 500, childWallMs: 1000, concurrency: 2 })).toBe(1);
  });

  test('grows with time spent outside the children', () => {
    expect(overheadRatio({ durationMs: 1500, childWallMs: 1000, concurrency: 2 })).toBe(3);
  });

  test('is NaN when no child ran', () => {
    expect(overheadRatio({ durationMs: 10, childWallMs: 0, concurrency: 2 })).toBeNaN();
  });
});

describe('describeWaitingCost', () => {
  test('names the waiting scenarios and the wall time they add', () => {
    expect(describeWaitingCost({ durationMs: 31_500 }, { durationMs: 21_000 })).toBe(
      'hung-server add 10.50 s of wall time (a case waits out its request timeout, 10 s by default, in the waiting lane)',
    );
  });
});
