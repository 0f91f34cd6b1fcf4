// A run builds each file once, the first file of each language alone and the language's others
// after it, so that they reuse what it put in the language's shared caches.
// vitest project: unit (test/support/projects.ts)
import { describe, expect, test } from 'vitest';
import { createBuildOrder } from '../../scripts/harness/run/build-order.ts';

/** A build to start by hand: what started, and a way to finish each. */
function controlledBuilds() {
  const started: string[] = [];
  const finish = new Map<string, PromiseWithResolvers<string>>();
  const start = (file: string) => () => {
    started.push(file);
    const deferred = Promise.withResolvers<string>();
    finish.set(file, deferred);
    return deferred.promise;
  };
  return { started, finish, start };
}

/** Lets every settled promise's callbacks run. */
const settle = () => new Promise((resolve) => setImmediate(resolve));

describe('createBuildOrder', () => {
  test("starts a language's first file at once and its others only once the first has built", async () => {
    const { started, finish, start } = controlledBuilds();
    const order = createBuildOrder<string>();
    const first = order.build('go', 'a.go', start('a.go'));
    const second = order.build('go', 'b.go', start('b.go'));
    const third = order.build('go', 'c.go', start('c.go'));
    await settle();
    expect(started).toEqual(['a.go']);
    finish.get('a.go')!.resolve('built a');
    await settle();
    expect(started).toEqual(['a.go', 'b.go', 'c.go']);
    finish.get('b.go')!.resolve('built b');
    finish.get('c.go')!.resolve('built c');
    expect(await Promise.all([first, second, third])).toEqual(['built a', 'built b', 'built c']);
  });

  test("builds the languages' first files side by side", async () => {
    const { started, start } = controlledBuilds();
    const order = createBuildOrder<string>();
    void order.build('go', 'a.go', start('a.go'));
    void order.build('java', 'A.java', start('A.java'));
    void order.build('go', 'b.go', start('b.go'));
    await settle();
    expect(started).toEqual(['a.go', 'A.java']);
  });

  test('builds a file once, however many cases ask for it', async () => {
    const { started, finish, start } = controlledBuilds();
    const order = createBuildOrder<string>();
    const one = order.build('go', 'a.go', start('a.go'));
    const again = order.build('go', 'a.go', start('a.go'));
    expect(again).toBe(one);
    finish.get('a.go')!.resolve('built a');
    await settle();
    expect(started).toEqual(['a.go']);
  });

  test("starts the language's other files after a first build that failed, and keeps each failure its own", async () => {
    const { started, finish, start } = controlledBuilds();
    const order = createBuildOrder<string>();
    const first = order.build('go', 'a.go', start('a.go'));
    const second = order.build('go', 'b.go', start('b.go'));
    finish.get('a.go')!.reject(new Error('a.go: syntax error'));
    await settle();
    expect(started).toEqual(['a.go', 'b.go']);
    finish.get('b.go')!.resolve('built b');
    await expect(first).rejects.toThrow('a.go: syntax error');
    await expect(second).resolves.toBe('built b');
  });
});
