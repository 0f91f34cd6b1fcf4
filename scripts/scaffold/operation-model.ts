// What a new example's programs do, read from the API description, before any language: each step's
// method and path (its ids read from `REQUESTROCKET_<PARAM>` variables, or taken from the answer of
// the step that created the record), its query (the parameters' examples), its body (the request
// schema's example), and what it prints (a list's ids and names, the new id, the id changed or
// deleted). Each runner's template turns it into code (templates.ts).
import { API_OPERATIONS } from '../api/core-api.ts';
import { isRecord } from '../api/json-pointer.ts';
import { createdParameter, parameterVariable, type OperationKind } from '../api/operation-kinds.ts';
import { exampleSteps, type ExampleStep } from '../manifest/example-steps.ts';
import { resourceActions, type ResourceKind } from '../mock/resource-model.ts';

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
  /** The resource's names: one (`target`), several (`targets`), its id field (`sKey`) and its name field (`targetName`), if any. */
  resource: { singular: string; plural: string; idField: string; nameField?: string };
  /** The id parameter of the record this step creates (`targetId`). */
  creates?: string;
  /** The id parameter of the record this step reads, changes or deletes (`proxyId`). */
  idParam?: string;
}

/** An id the program reads from the environment. */
export interface ModelVariable {
  parameter: string;
  variable: string;
  /** What it is the id of (`client`), for the message when it is unset. */
  record: string;
}

/** Everything the templates need to know of a new example's requests. */
export interface OperationModel {
  steps: ModelStep[];
  variables: ModelVariable[];
  /** The manifest's `parameters`: each variable by path parameter. */
  parameters: Record<string, string>;
}

/** The path parameters the example reads from the environment, each under its conventional variable. */
function environmentParameters(operationIds: readonly string[]): Record<string, string> {
  const parameters: Record<string, string> = {};
  const created = new Set<string>();
  for (const operationId of operationIds) {
    const operation = API_OPERATIONS.find((each) => each.operationId === operationId);
    if (!operation) continue;
    for (const { name } of operation.pathParameters) if (!created.has(name)) parameters[name] = parameterVariable(name);
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
    resource: { singular: kind.itemKey, plural: kind.listKey, idField: kind.idField, ...(nameField !== undefined && { nameField }) },
    ...(step.creates !== undefined && { creates: step.creates }),
    ...(kind.idParam !== undefined && step.kind !== 'list' && step.kind !== 'create' && { idParam: kind.idParam }),
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
  const variables = Object.entries(parameters).map(([parameter, variable]) => ({
    parameter,
    variable,
    record: [...actions.values()].find((action) => action.kind.idParam === parameter)?.kind.itemKey ?? parameter.replace(/Id$/, ''),
  }));
  return { steps, variables, parameters };
}
