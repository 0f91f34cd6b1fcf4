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

/** The value at a dotted path (`[0].body.targetName`, `clients[0].clientName`) of a JSON value, or undefined. */
export function valueAt(value: unknown, field: string): unknown {
  let at = value;
  for (const step of field.match(/[^.[\]]+/g) ?? []) {
    if (Array.isArray(at) && /^\d+$/.test(step)) at = at[Number(step)];
    else if (isRecord(at) && Object.hasOwn(at, step)) at = at[step];
    else return undefined;
  }
  return at;
}

/** The fields at which `left` and `right` differ, in the order they first appear, at most `limit`. */
export function jsonDifferences(left: unknown, right: unknown, limit = 3): JsonDifference[] {
  const a = leaves(left, '', new Map());
  const b = leaves(right, '', new Map());
  const under = (field: string, parent: string) => field.startsWith(`${parent}.`) || field.startsWith(`${parent}[`);
  const empty = (value: unknown) => JSON.stringify(value) === '{}' || JSON.stringify(value) === '[]';
  const all: JsonDifference[] = [];
  for (const field of new Set([...a.keys(), ...b.keys()])) {
    const [l, r] = [a.get(field), b.get(field)];
    if (JSON.stringify(l) !== JSON.stringify(r)) all.push({ field, left: l, right: r });
  }
  // An empty object on one side is named by the fields the other side holds in it; a value that is
  // a leaf on one side and holds more on the other differs once, at its own path, with both whole.
  const named = all.filter(
    (difference) => !((empty(difference.left) || empty(difference.right)) && all.some((other) => under(other.field, difference.field))),
  );
  const differences = named
    .filter((difference) => !named.some((other) => under(difference.field, other.field)))
    .map((difference) =>
      named.some((other) => under(other.field, difference.field))
        ? { field: difference.field, left: valueAt(left, difference.field), right: valueAt(right, difference.field) }
        : difference,
    );
  return differences.slice(0, limit);
}

/** A value in a message: JSON, or `nothing` when absent. */
export function showValue(value: unknown): string {
  return value === undefined ? 'nothing' : JSON.stringify(value);
}
