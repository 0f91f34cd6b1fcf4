// What a new example's programs do, read from the API description, before any language: each step's
// method and path (its ids read from `REQUESTROCKET_<PARAM>` variables, or taken from the answer of
// the step that created the record), its query (the parameters' examples), its body (the request
// schema's example, each field holding another record's id read from a variable too), and the fields it prints: a list's ids and names, the new id and name, the
// record's key fields after a get (never a secret, an owner's id or a time stamp), the fields an
// update sent, as the API answers them. Each runner's template turns it into code (templates.ts).
import { API_OPERATIONS } from '../api/core-api.ts';
import { isRecord } from '../api/json-pointer.ts';
import { createdParameter, parameterVariable, referenceName, referenceVariable, type OperationKind } from '../api/operation-kinds.ts';
import { sentReferenceFields } from '../api/reference-fields.ts';
import { exampleSteps, type ExampleStep } from '../manifest/example-steps.ts';
import { resourceActions, type ResourceKind } from '../mock/resource-model.ts';
import { wordsOf } from '../runners/file-names.ts';

/** A field of a record that a step prints, and its JSON type. */
export interface ModelField {
  /** Its name in the API's JSON (`targetBaseURL`). */
  name: string;
  type: 'string' | 'integer' | 'number' | 'boolean';
  /** What it is to the record: its id, its name, or another field. */
  role: 'id' | 'name' | 'other';
}

/** A piece of a path: literal text, or a parameter's value. */
export type PathPart = string | { parameter: string };

/** One request of a new example, in words any language can write. */
export interface ModelStep {
  operationId: string;
  kind: OperationKind;
  method: string;
  /** `create a target`: the operation's summary, as "Could not …" ends. */
  doing: string;
  /** The path under the API's base URL (`/clients/`, clientId, `/targets`), with the query's examples after `?`. */
  path: PathPart[];
  /** The request schema's first example, when the operation takes a body. */
  body?: unknown;
  /** The body fields that hold another record's id, each read from the environment: the parameter of `variables` it is. */
  bodyIds: string[];
  /** The resource's names: one (`target`), several (`targets`), its id field (`sKey`) and its name field (`targetName`), if any. */
  resource: { singular: string; plural: string; idField: string; nameField?: string };
  /** The id parameter of the record this step creates (`targetId`). */
  creates?: string;
  /** The id parameter of the record this step reads, changes or deletes (`proxyId`). */
  idParam?: string;
  /**
   * What it prints of the record, in order: a list's and a create's id and name; a get's key fields
   * (keyFields); an update's id and the fields its body sets; nothing for a delete.
   */
  fields: ModelField[];
}

/** An id the program reads from the environment. */
export interface ModelVariable {
  /** The path parameter (`clientId`), or the body field (`proxyTargetId`). */
  parameter: string;
  variable: string;
  /** What it is the id of (`client`, `proxy credential`), for the message when it is unset. */
  record: string;
  /** The words of the program's name for it (`target`, `id`). */
  words: string[];
}

/** Everything the templates need to know of a new example's requests. */
export interface OperationModel {
  steps: ModelStep[];
  variables: ModelVariable[];
  /** The manifest's `parameters`: each variable by path parameter or body field. */
  parameters: Record<string, string>;
}

/** The path parameters and body ids the example reads from the environment, each under its conventional variable. */
function environmentParameters(operationIds: readonly string[]): Record<string, string> {
  const parameters: Record<string, string> = {};
  const created = new Set<string>();
  for (const operationId of operationIds) {
    const operation = API_OPERATIONS.find((each) => each.operationId === operationId);
    if (!operation) continue;
    for (const { name } of operation.pathParameters) if (!created.has(name)) parameters[name] = parameterVariable(name);
    for (const { field } of sentReferenceFields(operation, API_OPERATIONS)) parameters[field] = referenceVariable(field);
    const made = createdParameter(operation, API_OPERATIONS);
    if (made !== undefined) created.add(made);
  }
  return parameters;
}

/** `Create a target` as a clause: `create a target`. */
const lowerFirst = (text: string) => text.charAt(0).toLowerCase() + text.slice(1);

/** The value of a query parameter as sent: its example, else its default. */
function queryValue(schema: unknown, example: unknown): string | undefined {
  const value = example ?? (isRecord(schema) ? schema.default : undefined);
  return value === undefined ? undefined : String(value);
}

/** A resource's one field named `…Name`, if it has exactly one. */
function nameFieldOf(kind: ResourceKind): string | undefined {
  const names = Object.keys(isRecord(kind.recordSchema.properties) ? kind.recordSchema.properties : {}).filter((key) => /Name$/.test(key));
  return names.length === 1 ? names[0] : undefined;
}

/** A JSON schema's scalar type, or undefined for an object, an array or a schema of several types. */
function scalarType(schema: unknown): ModelField['type'] | undefined {
  if (!isRecord(schema)) return undefined;
  const { type } = schema;
  return type === 'string' || type === 'integer' || type === 'number' || type === 'boolean' ? type : undefined;
}

/** Whether a schema marks its field secret (write-only, `x-secret`, or `false`: never returned). */
const isSecret = (schema: unknown) => schema === false || (isRecord(schema) && (schema.writeOnly === true || schema['x-secret'] === true));

/** A field of `kind`'s record by name, with its role, or undefined when it is not a scalar the API always returns, or is secret. */
function recordField(kind: ResourceKind, name: string, nameField: string | undefined): ModelField | undefined {
  const properties = isRecord(kind.recordSchema.properties) ? kind.recordSchema.properties : {};
  const schema = properties[name];
  const type = scalarType(schema);
  if (type === undefined || isSecret(schema)) return undefined;
  return { name, type, role: name === kind.idField ? 'id' : name === nameField ? 'name' : 'other' };
}

/**
 * What a reader wants to see of a record: its id, its name, then every other field the API always
 * returns that is a plain value, but for secrets, the ids of the records it belongs to (UUIDs: its
 * parent, its owner) and its time stamps.
 */
export function keyFields(kind: ResourceKind): ModelField[] {
  const nameField = nameFieldOf(kind);
  const required = new Set(Array.isArray(kind.recordSchema.required) ? (kind.recordSchema.required as string[]) : []);
  const properties = isRecord(kind.recordSchema.properties) ? kind.recordSchema.properties : {};
  const fields = Object.keys(properties).flatMap((name) => {
    const schema = properties[name];
    const format = isRecord(schema) ? schema.format : undefined;
    if (!required.has(name) || format === 'date-time' || (format === 'uuid' && name !== kind.idField)) return [];
    return recordField(kind, name, nameField) ?? [];
  });
  const rank = { id: 0, name: 1, other: 2 } as const;
  return fields.sort((a, b) => rank[a.role] - rank[b.role]);
}

/** What a step prints of its record. */
function printedFields(kind: OperationKind, resource: ResourceKind, body: unknown): ModelField[] {
  const nameField = nameFieldOf(resource);
  const idAndName = [resource.idField, ...(nameField === undefined ? [] : [nameField])].flatMap(
    (name) => recordField(resource, name, nameField) ?? [],
  );
  if (kind === 'list' || kind === 'create') return idAndName;
  if (kind === 'get') return keyFields(resource);
  if (kind === 'update') {
    const sent = isRecord(body) ? Object.keys(body).filter((name) => name !== resource.idField) : [];
    return [...idAndName.slice(0, 1), ...sent.flatMap((name) => recordField(resource, name, nameField) ?? [])];
  }
  return [];
}

/** The model of one step. */
function modelStep(step: ExampleStep, kind: ResourceKind): ModelStep {
  const { operation } = step;
  const base = /^\/[^/]+/.exec(operation.path)?.[0] ?? '';
  const path: PathPart[] = [];
  for (const piece of operation.path.slice(base.length).split(/(\{[^{}]+\})/)) {
    const parameter = /^\{(.+)\}$/.exec(piece)?.[1];
    if (parameter !== undefined) path.push({ parameter });
    else if (piece) path.push(piece);
  }
  const query = operation.queryParameters.flatMap((parameter) => {
    const value = queryValue(parameter.schema, parameter.example);
    return value === undefined ? [] : [`${encodeURIComponent(parameter.name)}=${encodeURIComponent(value)}`];
  });
  if (query.length) path.push(`?${query.join('&')}`);
  const body = operation.requestBody ? Object.values(operation.requestBody.examples)[0] : undefined;
  const nameField = nameFieldOf(kind);
  return {
    operationId: operation.operationId,
    kind: step.kind!,
    method: operation.method,
    doing: lowerFirst(operation.summary),
    path,
    ...(body !== undefined && { body: structuredClone(body) }),
    bodyIds: step.bodyIds.map((bodyId) => bodyId.field),
    resource: { singular: kind.itemKey, plural: kind.listKey, idField: kind.idField, ...(nameField !== undefined && { nameField }) },
    ...(step.creates !== undefined && { creates: step.creates }),
    ...(kind.idParam !== undefined && step.kind !== 'list' && step.kind !== 'create' && { idParam: kind.idParam }),
    fields: printedFields(step.kind!, kind, body),
  };
}

/** The model of an example that calls `operationIds` in order; throws naming an operation the scaffold cannot write. */
export function operationModel(operationIds: readonly string[]): OperationModel {
  const parameters = environmentParameters(operationIds);
  const declaration = operationIds.length === 1 ? { operation: operationIds[0]!, parameters } : { steps: operationIds, parameters };
  const actions = resourceActions(API_OPERATIONS);
  const steps = exampleSteps(declaration).map((step) => {
    const action = actions.get(step.operation.operationId);
    if (!action || step.kind === undefined)
      throw new Error(`the scaffold cannot write ${step.operation.operationId}: it is no list, create, get, update or delete`);
    return modelStep(step, action.kind);
  });
  const bodyFields = new Set(steps.flatMap((step) => step.bodyIds));
  const variables = Object.entries(parameters).map(([parameter, variable]) => {
    // A body id is named as its field without its owner's word: `proxyTargetId` is the `target` id.
    const name = bodyFields.has(parameter) ? referenceName(parameter) : parameter;
    const kind = [...actions.values()].find((action) => action.kind.idParam === parameter)?.kind;
    return {
      parameter,
      variable,
      record: kind?.itemKey ?? wordsOf(name.replace(/Id$/, '')).join(' '),
      words: wordsOf(name),
    };
  });
  return { steps, variables, parameters };
}
