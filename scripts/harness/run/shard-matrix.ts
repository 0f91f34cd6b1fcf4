// How many CI shards the snippet matrix needs: as many as keep every shard at or under the cases
// each shard ran when the matrix was two examples (list-clients and verify-token: 90 cases over four
// shards, at most 23 each), so no shard runs longer than those did however many examples there are.
// `npm run snippets -- --shard-matrix` prints the matrix CI's `snippets` job is made from.
import { UsageError } from '../../usage.ts';

/** The most cases one shard runs: what each of the four shards of the two-example matrix ran at most (ceil(90 / 4)). */
export const CASES_PER_SHARD = 23;

/** The most jobs GitHub Actions makes of one matrix. */
export const MAX_SHARDS = 256;

/** The shards `cases` cases need so that none runs more than `perShard` (`shardCases` deals them out one by one); at least one. */
export function shardCount(cases: number, perShard: number = CASES_PER_SHARD): number {
  if (!Number.isInteger(cases) || cases < 0) throw new Error(`expected a case count (a whole number of at least 0), got ${cases}`);
  if (!Number.isInteger(perShard) || perShard < 1)
    throw new Error(`expected cases per shard (a whole number of at least 1), got ${perShard}`);
  const count = Math.max(1, Math.ceil(cases / perShard));
  if (count > MAX_SHARDS) {
    throw new UsageError(
      `${cases} case(s) at ${perShard} per shard need ${count} shards, more than the ${MAX_SHARDS} jobs GitHub Actions makes of one matrix`,
    );
  }
  return count;
}

/** The `strategy.matrix` of CI's snippets job for `cases` cases: `{"shard":[1,…,N]}`. */
export function shardMatrix(cases: number, perShard: number = CASES_PER_SHARD): { shard: number[] } {
  return { shard: Array.from({ length: shardCount(cases, perShard) }, (_, position) => position + 1) };
}
