// JSON pointers into the description (`#/components/schemas/Target`), and the dotted field names
// that messages show for the same places (`components.schemas.Target`).
import { fieldPath } from '../zod-issues.ts';

/** One step into a JSON value: an object key or an array index. */
export type PathStep = string | number;

/** `#/a/b~1c/0` for the steps `a`, `b/c`, `0` (RFC 6901 escapes, as `$ref` writes them). */
export function pointerOf(steps: readonly PathStep[]): string {
  return `#${steps.map((step) => `/${String(step).replace(/~/g, '~0').replace(/\//g, '~1')}`).join('')}`;
}

/** The steps of a local pointer (`#/a/b~1c` gives `a`, `b/c`), or undefined when it is not one. */
export function stepsOf(pointer: string): string[] | undefined {
  if (pointer === '#') return [];
  if (!pointer.startsWith('#/')) return undefined;
  return pointer
    .slice(2)
    .split('/')
    .map((step) => decodeURIComponent(step).replace(/~1/g, '/').replace(/~0/g, '~'));
}

/** A place as a message shows it: the dotted field, then the pointer (`x-seed.clients[0] (#/x-seed/clients/0)`). */
export function describePlace(steps: readonly PathStep[]): string {
  return `"${fieldPath(steps)}" (${pointerOf(steps)})`;
}

/** Whether a value is a plain object (not null, not an array). */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The value at `steps` in `root`, or undefined when any step is missing. */
export function valueAt(root: unknown, steps: readonly PathStep[]): unknown {
  let node = root;
  for (const step of steps) {
    if (Array.isArray(node) && typeof step === 'number') node = node[step];
    else if (Array.isArray(node) && /^\d+$/.test(String(step))) node = node[Number(step)];
    else if (isRecord(node) && Object.hasOwn(node, String(step))) node = node[String(step)];
    else return undefined;
  }
  return node;
}
