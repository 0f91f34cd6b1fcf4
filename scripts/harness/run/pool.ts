// Runs async jobs with at most N at a time, in order of submission, in one lane or several.

/** Maps `items` through `job` with at most `concurrency` jobs running at once; keeps the order. */
export async function mapConcurrent<T, R>(
  items: readonly T[],
  concurrency: number,
  job: (item: T, index: number) => Promise<R>,
): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await job(items[index] as T, index);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(concurrency, items.length)) }, worker));
  return results;
}

/** How many jobs each lane may run at once. */
export type LaneWidths<Lane extends string> = Readonly<Record<Lane, number>>;

/**
 * Maps `items` through `job` in separate lanes, each with its own limit (a lane of jobs that only
 * wait on a timer need not take the slots of jobs that work); keeps the order of `items`.
 */
export async function mapInLanes<T, R, Lane extends string>(
  items: readonly T[],
  laneOf: (item: T) => Lane,
  widths: LaneWidths<Lane>,
  job: (item: T, index: number) => Promise<R>,
): Promise<R[]> {
  const results = new Array<R>(items.length);
  const byLane = new Map<Lane, number[]>();
  items.forEach((item, index) => {
    const lane = laneOf(item);
    byLane.set(lane, [...(byLane.get(lane) ?? []), index]);
  });
  await Promise.all(
    [...byLane].map(([lane, indexes]) =>
      mapConcurrent(indexes, widths[lane], async (index) => {
        results[index] = await job(items[index] as T, index);
      }),
    ),
  );
  return results;
}
