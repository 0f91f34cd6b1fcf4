// Values one build shares across the copies of a module: Astro bundles the pages' code apart from
// its integrations (which Node loads), so a module-level variable exists once per copy. Each value is
// kept on globalThis under a registered symbol and made once per process.

/** The value this process keeps under `name`, made by `create` the first time it is asked for. */
export function buildShared<T>(name: string, create: () => T): T {
  const key = Symbol.for(`requestrocket.docs.${name}`);
  const store = globalThis as typeof globalThis & { [key: symbol]: T | undefined };
  return (store[key] ??= create());
}
