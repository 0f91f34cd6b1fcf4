// What each operation of the description does to the account, read from its method, its path
// template and its answers: `GET /api/clients/{clientId}/targets` lists the collection `targets`
// under a client, `PUT …/targets/{targetId}` updates one of them. The mock's state follows it.
import type { ApiOperation, JsonSchema } from '../api/operations.ts';
import { isRecord } from '../api/json-pointer.ts';
import { operationKind, pathShape, type OperationKind } from '../api/operation-kinds.ts';

/** One kind of resource: its collection (as paths and `x-seed` name it), its record and its id. */
export interface ResourceKind {
  /** `targets`: the path segment, and the key of `x-seed` holding the seeded records. */
  collection: string;
  /** The path parameter naming one record (`targetId`). */
  idParam: string;
  /** The record field holding that id: the one named as the parameter, else the one of the parameter's schema (`sKey`). */
  idField: string;
  idSchema: JsonSchema;
  /** The path parameter of the record it belongs to (`clientId`), absent for a top-level collection. */
  parentParam?: string;
  /** The record's schema, as get and list answer it. */
  recordSchema: Record<string, unknown>;
  /** The envelope keys of one record (`target`) and of a list (`targets`). */
  itemKey: string;
  listKey: string;
}

/** What one operation does, and to which kind. */
export interface ResourceAction {
  operation: ApiOperation;
  action: OperationKind;
  kind: ResourceKind;
  /** Its success status and the `message` its envelope carries (`Success`). */
  successStatus: number;
  message: unknown;
}

/** The action of every operation, with the kinds they share; throws naming an operation the mock cannot model. */
export function resourceActions(operations: readonly ApiOperation[]): Map<string, ResourceAction> {
  const shapes = operations.map((operation) => ({ operation, shape: pathShape(operation.path) }));
  const kinds = new Map<string, ResourceKind>();
  for (const { operation, shape } of shapes) {
    if (shape.idParam === undefined || kinds.has(shape.collection)) continue;
    const list = shapes.find((each) => each.shape.collection === shape.collection && each.shape.idParam === undefined);
    const item = successSchema(operation);
    const itemKey = envelopeKey(item, (schema) => schema.type === 'object', operation);
    const recordSchema = (item.properties as Record<string, Record<string, unknown>>)[itemKey]!;
    const listKey = list
      ? envelopeKey(successSchema(list.operation), (schema) => schema.type === 'array', list.operation)
      : shape.collection;
    const idSchema = operation.pathParameters.find((parameter) => parameter.name === shape.idParam)!.schema;
    kinds.set(shape.collection, {
      collection: shape.collection,
      idParam: shape.idParam,
      idField: idFieldOf(recordSchema, shape.idParam, idSchema, operation),
      idSchema,
      ...(shape.parentParam !== undefined && { parentParam: shape.parentParam }),
      recordSchema,
      itemKey,
      listKey,
    });
  }
  const actions = new Map<string, ResourceAction>();
  for (const { operation, shape } of shapes) {
    const action = operationKind(operation);
    const kind = kinds.get(shape.collection);
    if (!action || !kind) throw new Error(`The mock cannot serve ${operation.operationId} (${operation.method} ${operation.path})`);
    const success = operation.responses.find((response) => response.status >= 200 && response.status < 300)!;
    const properties = successSchema(operation).properties as Record<string, Record<string, unknown>>;
    actions.set(operation.operationId, { operation, action, kind, successStatus: success.status, message: properties.message?.const });
  }
  return actions;
}

function successSchema(operation: ApiOperation): Record<string, unknown> {
  const schema = operation.responses.find((response) => response.status >= 200 && response.status < 300)?.body?.schema;
  if (!isRecord(schema) || !isRecord(schema.properties))
    throw new Error(`Expected ${operation.operationId} to answer a JSON object on success (${operation.pointer})`);
  return schema;
}

/** The one envelope property (not `message`) whose schema passes `test`. */
function envelopeKey(
  schema: Record<string, unknown>,
  test: (property: Record<string, unknown>) => boolean,
  operation: ApiOperation,
): string {
  const keys = Object.entries(schema.properties as Record<string, unknown>)
    .filter(([key, property]) => key !== 'message' && isRecord(property) && test(property))
    .map(([key]) => key);
  if (keys.length !== 1)
    throw new Error(`Expected one resource in the success envelope of ${operation.operationId}, found ${keys.join(', ')}`);
  return keys[0]!;
}

function idFieldOf(recordSchema: Record<string, unknown>, idParam: string, idSchema: JsonSchema, operation: ApiOperation): string {
  const properties = recordSchema.properties as Record<string, unknown>;
  if (Object.hasOwn(properties, idParam)) return idParam;
  const same = Object.keys(properties).filter((name) => JSON.stringify(properties[name]) === JSON.stringify(idSchema));
  if (same.length !== 1)
    throw new Error(
      `Expected one field of ${operation.operationId}'s record with the schema of ${idParam}, found ${same.join(', ') || 'none'}`,
    );
  return same[0]!;
}
