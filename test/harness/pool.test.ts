// The pool's lanes: each lane has its own limit, so waiting jobs do not take the working slots.
// vitest project: unit (test/support/projects.ts)
import { describe, expect, test } from 'vitest';
import { mapInLanes } from '../../scripts/harness/run/pool.ts';

describe('mapInLanes', () => {
  test('runs each lane up to its own width and keeps the order of the items', async () => {
    const running = { work: 0, wait: 0 };
    const most = { work: 0, wait: 0 };
    const gates: Array<() => void> = [];
    const items = ['work', 'wait', 'wait', 'work', 'wait', 'work', 'wait'] as const;
    const done = mapInLanes(
      items,
      (item) => item,
      { work: 1, wait: 3 },
      async (item, index) => {
        running[item] += 1;
        most[item] = Math.max(most[item], running[item]);
        await new Promise<void>((resolve) => gates.push(resolve));
        running[item] -= 1;
        return `${item}-${index}`;
      },
    );
    // Release jobs one at a time until every job has run.
    while (gates.length || running.work + running.wait) {
      await new Promise((resolve) => setImmediate(resolve));
      gates.shift()?.();
    }
    expect(await done).toEqual(items.map((item, index) => `${item}-${index}`));
    expect(most).toEqual({ work: 1, wait: 3 });
  });
});
