// Everything a reference section shows of one operation, built from the description at build time:
// its summary, method, path template and description, its parameters, its request body's fields
// (one shape per alternative of a `oneOf`), and every answer with its meaning, its examples and,
// for a success, its fields. Each assumption sits at the level it qualifies, with its reason.
import { STATUS_CODES } from 'node:http';
import { dereference, formatBody, type JsonSchema } from '../../../scripts/site-surface.ts';
import { bodyFields, type BodyFields, type FieldRow } from './field-rows.ts';
import { operationAnchor } from './reference-anchors.ts';
import { resourceSchemas, type ApiOperation, type ReferenceSource } from './reference-source.ts';
import { assumedOf, constraintWords, defaultWords, flagWords, schemaObject, typeWords } from './schema-words.ts';

/** One example of a body: its name in the description, its summary, and its JSON as the API sends it. */
export interface ExampleView {
  name: string;
  summary?: string;
  json: string;
}

/** A request or response body: its media type, fields and examples. */
export interface BodyView extends BodyFields {
  mediaType: string;
  /** Absent for a response, whose body has no say in it. */
  required?: boolean;
  examples: readonly ExampleView[];
}

/** One answer: status, reason phrase, meaning, assumptions, and its body. */
export interface ResponseView {
  status: number;
  /** `Created`, `Not Found`. */
  reason: string;
  description: string;
  assumed: readonly string[];
  /** A 2xx answer: shown open, with its fields. */
  success: boolean;
  body?: BodyView;
}

/** What one reference section shows. */
export interface OperationView {
  operationId: string;
  /** The section's element id (see reference-anchors.ts). */
  anchor: string;
  tag: string;
  method: string;
  path: string;
  summary: string;
  description: string;
  /** Assumptions on the operation itself. */
  assumed: readonly string[];
  /** Path, then query, then header parameters. */
  parameters: readonly FieldRow[];
  requestBody?: BodyView;
  responses: readonly ResponseView[];
}

/** The description's steps to an operation. */
function stepsOf(operation: ApiOperation): string[] {
  return ['paths', operation.path, operation.method.toLowerCase()];
}

/** The node at `steps` with its `$ref`s resolved, as an object (empty when it is not one). */
function resolved(source: ReferenceSource, steps: readonly string[]): Record<string, unknown> {
  const { document, file } = source.description;
  return schemaObject(dereference(document, steps, file) as JsonSchema) ?? {};
}

/** A body's examples in the description's order, with their summaries, from the resolved `content` of a request or response. */
function examplesOf(node: Record<string, unknown>): ExampleView[] {
  const json = schemaObject((node.content as Record<string, JsonSchema> | undefined)?.['application/json']);
  const examples = (json?.examples ?? {}) as Record<string, { summary?: unknown; value?: unknown }>;
  return Object.entries(examples).map(([name, example]) => ({
    name,
    ...(typeof example.summary === 'string' && { summary: example.summary }),
    json: formatBody(example.value),
  }));
}

/** The rows of an operation's parameters: path, query, then header. */
function parameterRows(operation: ApiOperation): FieldRow[] {
  return [...operation.pathParameters, ...operation.queryParameters, ...operation.headerParameters].map((parameter) => ({
    name: parameter.name,
    depth: 0,
    in: parameter.in,
    type: typeWords(parameter.schema),
    required: parameter.required,
    ...(defaultWords(parameter.schema) !== undefined && { defaultValue: defaultWords(parameter.schema)! }),
    constraints: constraintWords(parameter.schema),
    flags: flagWords(parameter.schema),
    description: parameter.description,
    assumed: [...(parameter.assumed === undefined ? [] : [parameter.assumed]), ...assumedOf(parameter.schema)],
  }));
}

/** The operation `operationId` of `source`, as its section shows it; throws naming the ids there are. */
export function operationView(source: ReferenceSource, operationId: string): OperationView {
  const operation = source.operations.find((each) => each.operationId === operationId);
  if (!operation)
    throw new Error(
      `No operation "${operationId}" in ${source.description.file} (it has ${source.operations.map((each) => each.operationId).join(', ')})`,
    );
  const steps = stepsOf(operation);
  const linked = resourceSchemas(source);
  const requestBody = operation.requestBody && requestBodyView(operation.requestBody, resolved(source, [...steps, 'requestBody']));
  return {
    operationId,
    anchor: operationAnchor(operationId),
    tag: operation.tag,
    method: operation.method,
    path: operation.path,
    summary: operation.summary,
    description: operation.description,
    assumed: assumedOf(resolved(source, steps)),
    parameters: parameterRows(operation),
    ...(requestBody && { requestBody }),
    responses: operation.responses.map((response): ResponseView => {
      const success = response.status >= 200 && response.status < 300;
      const node = resolved(source, [...steps, 'responses', String(response.status)]);
      return {
        status: response.status,
        reason: STATUS_CODES[response.status] ?? '',
        description: response.description,
        assumed: response.assumed === undefined ? [] : [response.assumed],
        success,
        ...(response.body && {
          body: {
            mediaType: response.body.mediaType,
            ...(success ? bodyFields(response.body.schema, { linked }) : { assumed: [], shapes: [] }),
            examples: examplesOf(node),
          },
        }),
      };
    }),
  };
}

/** The request body: its own description and assumptions (on `requestBody`) before its schema's, its fields and examples. */
function requestBodyView(body: NonNullable<ApiOperation['requestBody']>, node: Record<string, unknown>): BodyView {
  const fields = bodyFields(body.schema);
  const description = typeof node.description === 'string' ? node.description : fields.description;
  return {
    mediaType: body.mediaType,
    required: body.required,
    ...fields,
    ...(description !== undefined && { description }),
    assumed: [...assumedOf(node), ...fields.assumed],
    examples: examplesOf(node),
  };
}
