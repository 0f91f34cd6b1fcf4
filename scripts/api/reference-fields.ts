// The body fields of an operation that hold the id of another record, read from the description: a
// field whose schema is the schema of a path parameter naming one record (`proxyTargetId` is a
// `TargetId`, the schema of `{targetId}`), so no list of them is written by hand. Examples read them
// from the environment, the harness fills them with the case's ids, and the mock refuses one that
// names no record of the client.
import { isRecord } from './json-pointer.ts';
import { pathShape } from './operation-kinds.ts';
import type { ApiOperation, JsonSchema } from './operations.ts';

/** A body field that holds the id of another record. */
export interface ReferenceField {
  /** The field's name in the request body (`proxyTargetId`). */
  field: string;
  /** The path parameter that names such a record (`targetId`). */
  idParam: string;
  /** The collection the record is in (`targets`). */
  collection: string;
}

/** Keywords that say what a schema is for, not what it accepts: two id schemas differing only in them are the same. */
const ANNOTATIONS = new Set(['description', 'title', 'example', 'examples', 'default', 'x-assumed', 'x-expected']);

/** A schema's accepting keywords as canonical text. */
function shapeOf(schema: JsonSchema): string {
  if (!isRecord(schema)) return JSON.stringify(schema);
  const kept = Object.keys(schema)
    .filter((key) => !ANNOTATIONS.has(key))
    .sort()
    .map((key) => [key, schema[key]]);
  return JSON.stringify(kept);
}

/** The id schema of each kind of record, by its shape: the path parameter that ends a record's path (`{targetId}`), and its collection. */
function idSchemas(operations: readonly ApiOperation[]): Map<string, Omit<ReferenceField, 'field'>> {
  const found = new Map<string, Omit<ReferenceField, 'field'>>();
  for (const operation of operations) {
    const shape = pathShape(operation.path);
    if (shape.idParam === undefined) continue;
    const parameter = operation.pathParameters.find((each) => each.name === shape.idParam);
    if (parameter && !found.has(shapeOf(parameter.schema)))
      found.set(shapeOf(parameter.schema), { idParam: shape.idParam, collection: shape.collection });
  }
  return found;
}

/** The top-level fields of `operation`'s request body that hold the id of another record, in the schema's order. */
export function referenceFields(operation: ApiOperation, operations: readonly ApiOperation[]): ReferenceField[] {
  const schema = operation.requestBody?.schema;
  if (!isRecord(schema) || !isRecord(schema.properties)) return [];
  const ids = idSchemas(operations);
  return Object.entries(schema.properties).flatMap(([field, property]) => {
    const kind = ids.get(shapeOf(property as JsonSchema));
    return kind ? [{ field, ...kind }] : [];
  });
}

/** The first example of `operation`'s request body (what the examples send), when it is a JSON object. */
export function requestExample(operation: ApiOperation): Record<string, unknown> | undefined {
  const [example] = Object.values(operation.requestBody?.examples ?? {});
  return isRecord(example) ? example : undefined;
}

/** The reference fields the request example of `operation` fills in: those an example sends, and must read from the environment. */
export function sentReferenceFields(operation: ApiOperation, operations: readonly ApiOperation[]): ReferenceField[] {
  const example = requestExample(operation) ?? {};
  return referenceFields(operation, operations).filter((reference) => Object.hasOwn(example, reference.field));
}
