// Resolves the description's `$ref`s. It uses only local ones (`#/components/...`), so a few lines
// do what a general resolver would, and refuse anything else (another file, a URL, a cycle) with
// the place of the `$ref`.
import { ApiDescriptionError } from './description-error.ts';
import { describePlace, isRecord, stepsOf, valueAt, type PathStep } from './json-pointer.ts';

/** Keys whose children are names chosen by the author (a property called `value`), not keywords. */
const NAME_MAPS = new Set([
  'properties',
  'patternProperties',
  '$defs',
  'dependentSchemas',
  'content',
  'responses',
  'headers',
  'links',
  'callbacks',
  'paths',
  'schemas',
  'parameters',
  'requestBodies',
  'securitySchemes',
  'encoding',
  'variables',
  'x-unrouted-responses',
]);

/** Keywords whose value is data, never to be resolved: an example's value, a schema's default. */
const LITERALS = new Set(['value', 'example', 'default', 'const', 'enum']);

/** Where a `$ref` leads: the target's steps from the root, and the target itself. */
export interface RefTarget {
  steps: string[];
  value: unknown;
}

/** Follows one `$ref` found at `at`; throws naming that place when it is not local or leads nowhere. */
export function resolveRef(document: unknown, ref: string, file: string, at: readonly PathStep[]): RefTarget {
  const steps = stepsOf(ref);
  if (!steps)
    throw new ApiDescriptionError(file, [
      `field ${describePlace(at)}: expected a local $ref such as "#/components/schemas/Name", found "${ref}"`,
    ]);
  const value = valueAt(document, steps);
  if (value === undefined)
    throw new ApiDescriptionError(file, [`field ${describePlace(at)}: $ref "${ref}" points to nothing in the description`]);
  return { steps, value };
}

/**
 * The value at `steps` with every `$ref` inside it replaced by its target (recursively). Keys beside
 * a `$ref` (OpenAPI 3.1 allows a description or an `x-assumed` there) are kept over the target's.
 */
export function dereference(document: unknown, steps: readonly PathStep[], file: string): unknown {
  const start = valueAt(document, steps);
  if (start === undefined) throw new ApiDescriptionError(file, [`field ${describePlace(steps)}: expected a value, found nothing`]);
  return resolveNode(document, start, steps, file, [], false);
}

function resolveNode(document: unknown, node: unknown, at: readonly PathStep[], file: string, active: string[], names: boolean): unknown {
  if (Array.isArray(node)) return node.map((item, index) => resolveNode(document, item, [...at, index], file, active, false));
  if (!isRecord(node)) return node;
  if (!names && typeof node.$ref === 'string') {
    const { $ref: ref, ...siblings } = node;
    if (active.includes(ref))
      throw new ApiDescriptionError(file, [`field ${describePlace(at)}: $ref "${ref}" refers to itself through ${active.join(' -> ')}`]);
    const target = resolveRef(document, ref, file, [...at, '$ref']);
    const resolved = resolveNode(document, target.value, target.steps, file, [...active, ref], false);
    if (Object.keys(siblings).length === 0) return resolved;
    return { ...(isRecord(resolved) ? resolved : {}), ...(resolveNode(document, siblings, at, file, active, false) as object) };
  }
  const entries = Object.entries(node).map(([key, value]) => {
    if (!names && (LITERALS.has(key) || (key === 'examples' && Array.isArray(value)) || key === 'x-seed')) return [key, value];
    const childNames = !names && (NAME_MAPS.has(key) || (key === 'examples' && isRecord(value)));
    return [key, resolveNode(document, value, [...at, key], file, active, childNames)];
  });
  return Object.fromEntries(entries);
}
