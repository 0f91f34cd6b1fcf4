// Where two JSON values differ, field by field (`body.targetName`, `query.limit`), so a message can
// name the field and both values instead of showing two whole requests. Objects compare by their
// keys whatever their order; lists by position.
import { isRecord } from '../../api/json-pointer.ts';

/** One field that differs: its dotted path and each side's value (undefined: absent). */
export interface JsonDifference {
  field: string;
  left: unknown;
  right: unknown;
}

/** `value` with every object's keys sorted, so equal JSON values serialise to equal text. */
export function canonicalJson(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonicalJson);
  if (isRecord(value))
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((key) => [key, canonicalJson(value[key])]),
    );
  return value;
}

/** Every leaf of `value` by its dotted path; an empty object or list is a leaf of its own. */
function leaves(value: unknown, path: string, into: Map<string, unknown>): Map<string, unknown> {
  const entries: Array<[string, unknown]> = Array.isArray(value)
    ? value.map((item, index) => [`${path}[${index}]`, item])
    : isRecord(value)
      ? Object.entries(value).map(([key, item]) => [path ? `${path}.${key}` : key, item])
      : [];
  if (entries.length === 0) into.set(path, value);
  for (const [at, item] of entries) leaves(item, at, into);
  return into;
}

/** The fields at which `left` and `right` differ, in the order they first appear, at most `limit`. */
export function jsonDifferences(left: unknown, right: unknown, limit = 3): JsonDifference[] {
  const a = leaves(left, '', new Map());
  const b = leaves(right, '', new Map());
  const differences: JsonDifference[] = [];
  for (const field of new Set([...a.keys(), ...b.keys()])) {
    const [l, r] = [a.get(field), b.get(field)];
    if (JSON.stringify(l) === JSON.stringify(r)) continue;
    // A field that is a leaf on one side and holds more on the other differs once, at its own path.
    if (differences.some((known) => field.startsWith(`${known.field}.`) || field.startsWith(`${known.field}[`))) continue;
    differences.push({ field, left: l, right: r });
    if (differences.length === limit) break;
  }
  return differences;
}

/** A value in a message: JSON, or `nothing` when absent. */
export function showValue(value: unknown): string {
  return value === undefined ? 'nothing' : JSON.stringify(value);
}
