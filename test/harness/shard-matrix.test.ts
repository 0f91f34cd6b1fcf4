// CI's shard count follows the matrix: as many shards as keep each at or under the cases a shard of
// the two-example matrix ran, dealt out by `shardCases`, and the command line's --shard-matrix.
// vitest project: unit (test/support/projects.ts)
import { describe, expect, test } from 'vitest';
import { parseCommandLine } from '../../scripts/harness/cli/command-line.ts';
import { shardCases } from '../../scripts/harness/run/plan.ts';
import { CASES_PER_SHARD, MAX_SHARDS, shardCount, shardMatrix } from '../../scripts/harness/run/shard-matrix.ts';
import { UsageError } from '../../scripts/usage.ts';

describe('shardCount', () => {
  test('is what a shard of the two-example matrix ran at most: 2 examples × 5 languages × 9 scenarios over four shards', () => {
    const twoExamples = Array.from({ length: 2 * 5 * 9 }, (_, position) => position);
    const shards = [1, 2, 3, 4].map((index) => shardCases(twoExamples, { index, count: 4 }).length);
    expect(Math.max(...shards)).toBe(CASES_PER_SHARD);
    expect(shardCount(twoExamples.length)).toBe(4);
  });

  test.for([
    [0, 1],
    [1, 1],
    [23, 1],
    [24, 2],
    [46, 2],
    [47, 3],
    [356, 16],
    [1100, 48],
  ])('%i case(s) take %i shard(s)', ([cases, shards]) => {
    expect(shardCount(cases!)).toBe(shards);
  });

  test('no shard runs more than CASES_PER_SHARD cases, and one shard fewer would make one run more', () => {
    for (let cases = 1; cases <= 2000; cases += 1) {
      const count = shardCount(cases);
      const planned = Array.from({ length: cases }, (_, position) => position);
      const sizes = Array.from({ length: count }, (_, position) => shardCases(planned, { index: position + 1, count }).length);
      expect(Math.max(...sizes)).toBeLessThanOrEqual(CASES_PER_SHARD);
      expect(Math.min(...sizes)).toBeGreaterThan(0);
      if (count > 1) expect(Math.ceil(cases / (count - 1))).toBeGreaterThan(CASES_PER_SHARD);
    }
  });

  test('refuses more shards than GitHub makes of one matrix, naming the counts', () => {
    expect(shardCount(MAX_SHARDS * CASES_PER_SHARD)).toBe(MAX_SHARDS);
    expect(() => shardCount(MAX_SHARDS * CASES_PER_SHARD + 1)).toThrow(UsageError);
    expect(() => shardCount(MAX_SHARDS * CASES_PER_SHARD + 1)).toThrow(/5889 case\(s\) at 23 per shard need 257 shards, more than the 256/);
  });

  test('refuses a count that is not a whole number', () => {
    expect(() => shardCount(-1)).toThrow(/expected a case count/);
    expect(() => shardCount(2.5)).toThrow(/expected a case count/);
    expect(() => shardCount(10, 0)).toThrow(/expected cases per shard/);
  });
});

describe('shardMatrix', () => {
  test('numbers the shards from 1, as `--shard i/N` takes them', () => {
    expect(shardMatrix(0)).toEqual({ shard: [1] });
    expect(shardMatrix(47)).toEqual({ shard: [1, 2, 3] });
    expect(JSON.stringify(shardMatrix(90))).toBe('{"shard":[1,2,3,4]}');
  });

  test('is asked for with --shard-matrix', () => {
    expect(parseCommandLine(['--shard-matrix'], {}).shardMatrix).toBe(true);
    expect(parseCommandLine([], {}).shardMatrix).toBe(false);
  });
});
