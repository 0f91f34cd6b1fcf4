// The order in which a run builds its files. Every file's build starts early, so that compiling one
// overlaps with running another's cases; but the first file of each language builds alone, and
// fills the caches its language's builds share before the others start. Go's build cache is the one
// that needs it: builds running at once each compile the standard library anew, so on a cold
// machine twenty Go files started together compiled it twenty times over, on two cores.

/** Starts each file's build once: the first of a language at once, the language's others once it has settled. */
export interface BuildOrder<T> {
  /** The build of `file` (in `language`), started by `start` when its turn comes; the same promise for the same file. */
  build(language: string, file: string, start: () => Promise<T>): Promise<T>;
}

/** A new build order for one run. */
export function createBuildOrder<T>(): BuildOrder<T> {
  const builds = new Map<string, Promise<T>>();
  const firstOfLanguage = new Map<string, Promise<unknown>>();
  return {
    build(language, file, start) {
      let promise = builds.get(file);
      if (promise) return promise;
      const first = firstOfLanguage.get(language);
      // After the first, failed or not: a failed first build says nothing about the others.
      promise = first ? first.then(start, start) : start();
      if (!first) firstOfLanguage.set(language, promise);
      promise.catch(() => {}); // awaited by each case; keeps an early failure from being unhandled
      builds.set(file, promise);
      return promise;
    },
  };
}
