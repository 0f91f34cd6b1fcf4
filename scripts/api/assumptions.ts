// The description's assumptions: every node that carries `x-assumed` (the reason, one sentence)
// because the public docs are silent there. Found in the raw document, by JSON pointer.
import { isRecord, pointerOf, stepsOf, valueAt, type PathStep } from './json-pointer.ts';

/** The extension that marks an assumption; its value is the reason. */
export const ASSUMED_KEY = 'x-assumed';

/** One assumption: the node it qualifies (a JSON pointer) and why it was made. */
export interface Assumption {
  pointer: string;
  reason: unknown;
}

/** Every `x-assumed` at or below `steps`, in document order, without following `$ref`s. */
export function findAssumptions(document: unknown, steps: readonly PathStep[] = []): Assumption[] {
  const found: Assumption[] = [];
  const visit = (node: unknown, at: readonly PathStep[]) => {
    if (Array.isArray(node)) node.forEach((item, index) => visit(item, [...at, index]));
    else if (isRecord(node)) {
      if (Object.hasOwn(node, ASSUMED_KEY)) found.push({ pointer: pointerOf(at), reason: node[ASSUMED_KEY] });
      for (const [key, value] of Object.entries(node)) if (key !== ASSUMED_KEY && key !== 'x-seed') visit(value, [...at, key]);
    }
  };
  visit(valueAt(document, steps), steps);
  return found;
}

/**
 * Every `x-assumed` that the nodes at `roots` rely on: their own, and those of everything they
 * reach through `$ref`s (an operation's shared responses and schemas), each once.
 */
export function assumptionsUnder(document: unknown, ...roots: (readonly PathStep[])[]): Assumption[] {
  const seen = new Set<string>();
  const found: Assumption[] = [];
  const visit = (node: unknown, at: readonly PathStep[]) => {
    const pointer = pointerOf(at);
    if (seen.has(pointer)) return;
    seen.add(pointer);
    for (const assumption of findAssumptions(node, [])) found.push({ ...assumption, pointer: pointer + assumption.pointer.slice(1) });
    for (const ref of refsIn(node)) {
      const target = stepsOf(ref);
      if (target) visit(valueAt(document, target), target);
    }
  };
  for (const steps of roots) visit(valueAt(document, steps), steps);
  return found;
}

function refsIn(node: unknown): string[] {
  if (Array.isArray(node)) return node.flatMap(refsIn);
  if (!isRecord(node)) return [];
  const own = typeof node.$ref === 'string' ? [node.$ref] : [];
  return [...own, ...Object.entries(node).flatMap(([key, value]) => (key === 'x-seed' ? [] : refsIn(value)))];
}
