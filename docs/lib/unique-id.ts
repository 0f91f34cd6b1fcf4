// Element ids that stay unique on a page when a component is used more than once on it.

const issued = new WeakMap<object, Map<string, number>>();

/** `base` the first time it is asked for during one page render (`scope`: Astro.request), then `base-2`, `base-3`. */
export function uniqueId(scope: object, base: string): string {
  let counts = issued.get(scope);
  if (!counts) issued.set(scope, (counts = new Map()));
  const count = (counts.get(base) ?? 0) + 1;
  counts.set(base, count);
  return count === 1 ? base : `${base}-${count}`;
}
