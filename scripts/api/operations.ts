// The description's operations, each with its `$ref`s resolved: method, path template, tag,
// parameters, request body, responses with their examples, and what it assumes. What the mock
// serves, the validator checks and the pages show.
import { z } from 'zod';
import { assumptionsUnder, type Assumption } from './assumptions.ts';
import type { ApiDescription } from './description.ts';
import { ApiDescriptionError, describeIssuesAt } from './description-error.ts';
import { HttpMethodSchema } from './description-schema.ts';
import { describePlace, pointerOf, type PathStep } from './json-pointer.ts';
import { dereference } from './local-refs.ts';

/** A JSON Schema (2020-12, as OpenAPI 3.1 writes it) with its `$ref`s resolved. */
export type JsonSchema = Record<string, unknown> | boolean;

const SchemaValue = z.union([z.record(z.string(), z.unknown()), z.boolean()]);
const ExampleMap = z.record(z.string(), z.looseObject({ value: z.unknown() })).optional();
const MediaTypes = z.record(z.string(), z.looseObject({ schema: SchemaValue, examples: ExampleMap }));

/** An operation's parameter once resolved. */
export const ParameterSchema = z.looseObject({
  name: z.string().min(1),
  in: z.enum(['path', 'query', 'header']),
  required: z.boolean().optional(),
  description: z.string().min(1),
  schema: SchemaValue,
  example: z.unknown().optional(),
  'x-assumed': z.string().optional(),
});

/** A response (or the request body) once resolved: a description, and JSON content when it has a body. */
export const ResponseSchema = z.looseObject({
  description: z.string().min(1),
  'x-assumed': z.string().optional(),
  content: MediaTypes.optional(),
});

/** An operation once resolved: what scripts/api/ reads of it. */
export const OperationSchema = z.looseObject({
  operationId: z.string().regex(/^[a-z][A-Za-z0-9]*$/, 'expected a camelCase operationId such as listClients'),
  tags: z.array(z.string()).length(1, 'expected exactly one tag'),
  summary: z.string().min(1),
  description: z.string().min(1),
  parameters: z.array(ParameterSchema).optional(),
  requestBody: z.looseObject({ required: z.boolean().optional(), content: MediaTypes }).optional(),
  responses: z.record(z.string().regex(/^[1-5]\d\d$/, 'expected an HTTP status such as 200'), ResponseSchema),
  'x-assumed': z.string().optional(),
});

/** An HTTP method of an operation, upper-case. */
export type HttpMethod = z.output<typeof HttpMethodSchema>;

/** One parameter: where it goes, whether it must be there, its schema and its example. */
export interface ApiParameter {
  name: string;
  in: 'path' | 'query' | 'header';
  required: boolean;
  description: string;
  schema: JsonSchema;
  example?: unknown;
  assumed?: string;
}

/** A body (of a request or a response): its media type, schema and named examples. */
export interface ApiBody {
  mediaType: string;
  schema: JsonSchema;
  examples: Readonly<Record<string, unknown>>;
}

/** One documented answer of an operation. */
export interface ApiResponse {
  status: number;
  description: string;
  /** The reason, when the status or the body is an assumption. */
  assumed?: string;
  body?: ApiBody;
}

/** One operation of the API. */
export interface ApiOperation {
  operationId: string;
  method: HttpMethod;
  /** The path template, e.g. `/api/clients/{clientId}`. */
  path: string;
  /** Where it is in the description, e.g. `#/paths/~1api~1clients/get`. */
  pointer: string;
  tag: string;
  summary: string;
  description: string;
  pathParameters: readonly ApiParameter[];
  queryParameters: readonly ApiParameter[];
  headerParameters: readonly ApiParameter[];
  requestBody?: ApiBody & { required: boolean };
  /** Its answers, by ascending status. */
  responses: readonly ApiResponse[];
  /** Every assumption it relies on (its own and its shared components'), by JSON pointer. */
  assumptions: readonly Assumption[];
}

const METHODS: readonly HttpMethod[] = HttpMethodSchema.options;

/** Every operation of the description, in the order of its paths and of METHODS. */
export function listOperations(description: ApiDescription): ApiOperation[] {
  const { document, file } = description;
  const operations: ApiOperation[] = [];
  for (const [path, item] of Object.entries(document.paths)) {
    const sharedSteps = ['paths', path, 'parameters'];
    const shared = z
      .array(ParameterSchema)
      .optional()
      .safeParse(item.parameters === undefined ? undefined : dereference(document, sharedSteps, file), { reportInput: true });
    if (!shared.success)
      throw new ApiDescriptionError(file, describeIssuesAt(shared.error.issues, sharedSteps, { key: 'field', whole: 'the path' }));
    for (const method of METHODS) {
      const steps = ['paths', path, method.toLowerCase()];
      if (!(method.toLowerCase() in item)) continue;
      const operation = OperationSchema.safeParse(dereference(document, steps, file), { reportInput: true });
      if (!operation.success)
        throw new ApiDescriptionError(file, describeIssuesAt(operation.error.issues, steps, { key: 'field', whole: 'the operation' }));
      // An operation's own parameter replaces the path's of the same name and place.
      const own = operation.data.parameters ?? [];
      const inherited = (shared.data ?? []).filter(
        (parameter) => !own.some((mine) => mine.name === parameter.name && mine.in === parameter.in),
      );
      const parameters = [...inherited, ...own].map(toParameter);
      const twin = operations.find((known) => known.operationId === operation.data.operationId);
      if (twin)
        throw new ApiDescriptionError(file, [
          `field ${describePlace([...steps, 'operationId'])}: expected a unique operationId, found "${operation.data.operationId}" again (first at ${twin.pointer})`,
        ]);
      operations.push({
        operationId: operation.data.operationId,
        method,
        path,
        pointer: pointerOf(steps),
        tag: operation.data.tags[0]!,
        summary: operation.data.summary,
        description: operation.data.description,
        pathParameters: parameters.filter((parameter) => parameter.in === 'path'),
        queryParameters: parameters.filter((parameter) => parameter.in === 'query'),
        headerParameters: parameters.filter((parameter) => parameter.in === 'header'),
        ...(operation.data.requestBody && {
          requestBody: {
            required: operation.data.requestBody.required ?? false,
            ...jsonBody(operation.data.requestBody.content, [...steps, 'requestBody'], file),
          },
        }),
        responses: toResponses(operation.data.responses, [...steps, 'responses'], file),
        assumptions: assumptionsUnder(document, sharedSteps, steps),
      });
    }
  }
  return operations;
}

/** The operation with this id; throws naming the ids there are. */
export function operationById(operations: readonly ApiOperation[], operationId: string): ApiOperation {
  const found = operations.find((operation) => operation.operationId === operationId);
  if (!found)
    throw new Error(
      `No operation "${operationId}" in the API description (expected one of ${operations.map((each) => each.operationId).join(', ')})`,
    );
  return found;
}

/** An operation's documented answer for `status`, or undefined. */
export function responseFor(operation: ApiOperation, status: number): ApiResponse | undefined {
  return operation.responses.find((response) => response.status === status);
}

/** The resolved responses of a responses map found at `at` (an operation's or `x-unrouted-responses`), by status. */
export function toResponses(
  responses: Record<string, z.output<typeof ResponseSchema>>,
  at: readonly PathStep[],
  file: string,
): ApiResponse[] {
  return Object.entries(responses)
    .map(([status, response]) => ({
      status: Number(status),
      description: response.description,
      ...(response['x-assumed'] !== undefined && { assumed: response['x-assumed'] }),
      ...(response.content && { body: jsonBody(response.content, [...at, status], file) }),
    }))
    .sort((a, b) => a.status - b.status);
}

function toParameter(parameter: z.output<typeof ParameterSchema>): ApiParameter {
  return {
    name: parameter.name,
    in: parameter.in,
    required: parameter.required ?? false,
    description: parameter.description,
    schema: parameter.schema,
    ...(parameter.example !== undefined && { example: parameter.example }),
    ...(parameter['x-assumed'] !== undefined && { assumed: parameter['x-assumed'] }),
  };
}

function jsonBody(content: z.output<typeof MediaTypes>, steps: readonly PathStep[], file: string): ApiBody {
  const json = content['application/json'];
  if (!json)
    throw new ApiDescriptionError(file, [
      `field ${describePlace([...steps, 'content'])}: expected application/json content, found ${Object.keys(content).join(', ') || 'none'}`,
    ]);
  const examples = Object.fromEntries(Object.entries(json.examples ?? {}).map(([name, example]) => [name, example.value]));
  return { mediaType: 'application/json', schema: json.schema, examples };
}
