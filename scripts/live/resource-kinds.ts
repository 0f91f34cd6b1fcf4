// The kinds of resource a write run makes and deletes for itself, read from the description as the
// mock reads them: which path parameter names a record of which collection, which operation creates
// and which deletes one, and how a request body the description gives as an example is made the
// run's own (its names, and the ids of the resources it refers to).
import { API_OPERATIONS, CORE_API } from '../api/core-api.ts';
import { isRecord } from '../api/json-pointer.ts';
import { operationKind, pathShape } from '../api/operation-kinds.ts';
import type { ApiOperation, JsonSchema } from '../api/operations.ts';
import { seedAccount } from '../api/seed-account.ts';
import { resourceActions, type ResourceKind } from '../mock/resource-model.ts';

/** Every kind of resource, by collection (`targets`), in the description's order. */
export const RESOURCE_KINDS: ReadonlyMap<string, ResourceKind> = new Map(
  [...resourceActions(API_OPERATIONS).values()].map((action) => [action.kind.collection, action.kind]),
);

/** The kind whose records a path parameter names (`targetId`: targets), or undefined. */
export function kindOfParameter(parameter: string): ResourceKind | undefined {
  return [...RESOURCE_KINDS.values()].find((kind) => kind.idParam === parameter);
}

/** The top-level kind (clients): the one whose records the others belong to, and of which a write run is given one. */
export const ACCOUNT_KIND: ResourceKind = [...RESOURCE_KINDS.values()].find((kind) => kind.parentParam === undefined)!;

/** The operation of `kind` that does `action` (create, delete, list); throws when the description has none. */
export function operationOf(kind: ResourceKind, action: 'create' | 'delete' | 'list'): ApiOperation {
  const found = API_OPERATIONS.find(
    (operation) => pathShape(operation.path).collection === kind.collection && operationKind(operation) === action,
  );
  if (!found) throw new Error(`The API description has no ${action} operation for ${kind.collection}`);
  return found;
}

/** A path template with its parameters filled in (encoded); throws naming a parameter without a value. */
export function fillPath(template: string, values: Readonly<Record<string, string>>): string {
  return template.replace(/\{([^{}]+)\}/g, (_whole, name: string) => {
    const value = values[name];
    if (value === undefined) throw new Error(`no value for the path parameter ${name} of ${template}`);
    return encodeURIComponent(value);
  });
}

/** The collection of each id of the seeded account (`tgt_789e4567`: targets), which request examples refer to. */
const SEEDED_IDS: ReadonlyMap<string, string> = (() => {
  const seed = seedAccount(CORE_API) as unknown as Record<string, ReadonlyArray<Record<string, unknown>> | undefined>;
  const ids = new Map<string, string>();
  for (const kind of RESOURCE_KINDS.values())
    for (const record of seed[kind.collection] ?? []) ids.set(String(record[kind.idField]), kind.collection);
  return ids;
})();

/** The first request example of an operation that takes a body, or undefined. */
export function exampleBody(operation: ApiOperation): unknown {
  return operation.requestBody ? Object.values(operation.requestBody.examples)[0] : undefined;
}

/**
 * A body made the run's own: every string field named `…Name` holds `name`, and every seeded id is
 * replaced by the id `idOf` gives for its collection (a resource of the run).
 */
export async function ownBody(body: unknown, name: string, idOf: (collection: string) => Promise<string>): Promise<unknown> {
  if (Array.isArray(body)) return Promise.all(body.map((item) => ownBody(item, name, idOf)));
  if (isRecord(body)) {
    const entries = await Promise.all(
      Object.entries(body).map(async ([key, value]): Promise<[string, unknown]> => {
        if (typeof value === 'string' && /Name$/.test(key)) return [key, name];
        return [key, await ownBody(value, name, idOf)];
      }),
    );
    return Object.fromEntries(entries);
  }
  if (typeof body === 'string') {
    const collection = SEEDED_IDS.get(body);
    if (collection !== undefined) return idOf(collection);
  }
  return body;
}

/** The collections whose seeded ids a body refers to (a proxy's target and credentials), each once. */
export function referencedCollections(body: unknown): string[] {
  const found = new Set<string>();
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(visit);
    else if (isRecord(value)) Object.values(value).forEach(visit);
    else if (typeof value === 'string' && SEEDED_IDS.has(value)) found.add(SEEDED_IDS.get(value)!);
  };
  visit(body);
  return [...found];
}

/** The id of the record in a create's (or get's) answer, or undefined when the answer holds none. */
export function recordIdIn(body: string, kind: ResourceKind): string | undefined {
  try {
    const parsed = JSON.parse(body) as unknown;
    const record = isRecord(parsed) ? parsed[kind.itemKey] : undefined;
    const id = isRecord(record) ? record[kind.idField] : undefined;
    return typeof id === 'string' && id !== '' ? id : undefined;
  } catch {
    return undefined;
  }
}

/** The ids in a list answer, or undefined when the answer is not one. */
export function listedIds(body: string, kind: ResourceKind): string[] | undefined {
  try {
    const parsed = JSON.parse(body) as unknown;
    const list = isRecord(parsed) ? parsed[kind.listKey] : undefined;
    if (!Array.isArray(list)) return undefined;
    return list.flatMap((record) => (isRecord(record) && typeof record[kind.idField] === 'string' ? [record[kind.idField] as string] : []));
  } catch {
    return undefined;
  }
}

/** A regular expression source that finds an id of `kind` in text: its schema's pattern, or a UUID. */
export function idPatternOf(kind: ResourceKind): string {
  const schema: JsonSchema = kind.idSchema;
  if (isRecord(schema) && typeof schema.pattern === 'string') return schema.pattern.replace(/^\^/, '').replace(/\$$/, '');
  return '[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}';
}
