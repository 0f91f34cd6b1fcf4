// Checks a request or an answer against the description: a request's path parameters, query,
// headers (the raw user token, the JSON media type) and body; an answer's status and body. The
// mock validates what it receives and sends with it; the harness checks what a program sent.
import { apiFacts, type ApiFacts } from './api-facts.ts';
import type { ApiDescription } from './description.ts';
import { dereference } from './local-refs.ts';
import { listOperations, operationById, responseFor, type ApiOperation, type ApiParameter, type JsonSchema } from './operations.ts';
import { createSchemaCompiler } from './schema-compiler.ts';
import { describeAjvErrors, type ProblemLocation, type ValidationProblem } from './validation-messages.ts';

/** A request as the validator sees it; leave out what was not sent (`body: undefined` is no body). */
export interface ApiRequest {
  pathParams?: Readonly<Record<string, string>>;
  query?: URLSearchParams | Readonly<Record<string, string | readonly string[]>>;
  /** Header names in any case; a repeated header as a list. */
  headers?: Readonly<Record<string, string | readonly string[] | undefined>>;
  /** The parsed JSON body. */
  body?: unknown;
}

/** The checks of one description's operations, compiled on first use. */
export interface ApiValidator {
  /** Problems of a request to the operation `operationId` (none: it is valid). */
  validateRequest(operationId: string, request: ApiRequest): ValidationProblem[];
  /** Problems of an answer of `operationId`: an undocumented status, or a body off its schema. */
  validateResponse(operationId: string, status: number, body: unknown): ValidationProblem[];
  /** Problems of a value against a resolved schema; `root` names the value when the whole is wrong. */
  validateValue(schema: JsonSchema, value: unknown, location?: ProblemLocation, root?: string): ValidationProblem[];
  /** Problems of a value against `components.schemas[name]` (`Target`, `Error`). */
  validateComponent(name: string, value: unknown): ValidationProblem[];
}

/** A validator for the description's operations (listed once unless given). */
export function createApiValidator(
  description: ApiDescription,
  operations: readonly ApiOperation[] = listOperations(description),
): ApiValidator {
  const facts = apiFacts(description);
  const bodies = createSchemaCompiler({ coerce: false });
  const parameters = createSchemaCompiler({ coerce: true });
  const components = new Map<string, JsonSchema>();

  const validateValue = (schema: JsonSchema, value: unknown, location: ProblemLocation = 'body', root = 'body'): ValidationProblem[] => {
    const validate = bodies.compile(schema);
    return validate(value) ? [] : describeAjvErrors(validate.errors, location, root);
  };

  return {
    validateRequest(operationId, request) {
      const operation = operationById(operations, operationId);
      return [
        ...checkParameters(parameters, operation.pathParameters, 'path', { ...request.pathParams }),
        ...checkParameters(parameters, operation.queryParameters, 'query', queryRecord(request.query)),
        ...checkHeaders(parameters, operation, facts, headerRecord(request.headers), request.body !== undefined),
        ...checkBody(operation, request.body, validateValue),
      ];
    },
    validateResponse(operationId, status, body) {
      const operation = operationById(operations, operationId);
      const response = responseFor(operation, status);
      if (!response) {
        const documented = operation.responses.map((each) => each.status).join(', ');
        return [
          {
            location: 'status',
            field: 'status',
            message: `must be one of ${documented} (${status} is not documented for ${operationId})`,
            keyword: 'status',
          },
        ];
      }
      if (!response.body)
        return body === undefined ? [] : [{ location: 'body', field: 'body', message: `must be empty for ${status}`, keyword: 'body' }];
      if (body === undefined) return [{ location: 'body', field: 'body', message: 'is required', keyword: 'required' }];
      return validateValue(response.body.schema, body);
    },
    validateValue,
    validateComponent(name, value) {
      let schema = components.get(name);
      if (schema === undefined) {
        schema = dereference(description.document, ['components', 'schemas', name], description.file) as JsonSchema;
        components.set(name, schema);
      }
      return validateValue(schema, value, 'body', name);
    },
  };
}

type Compiler = ReturnType<typeof createSchemaCompiler>;

/** Path or query parameters: unknown ones, repeated ones, missing ones, then each against its schema. */
function checkParameters(
  compiler: Compiler,
  declared: readonly ApiParameter[],
  location: 'path' | 'query',
  given: Record<string, string | readonly string[]>,
): ValidationProblem[] {
  const problems: ValidationProblem[] = [];
  const names = declared.map((parameter) => parameter.name);
  for (const name of Object.keys(given)) {
    if (names.includes(name)) continue;
    const expected = names.length > 0 ? `expected one of ${names.join(', ')}` : 'this operation takes none';
    problems.push({ location, field: name, message: `unknown ${location} parameter (${expected})`, keyword: 'unknown-parameter' });
  }
  for (const parameter of declared) {
    const value = given[parameter.name];
    if (value === undefined) {
      if (parameter.required) problems.push({ location, field: parameter.name, message: 'is required', keyword: 'required' });
      continue;
    }
    if (typeof value !== 'string' && value.length !== 1) {
      problems.push({ location, field: parameter.name, message: 'must be given once', keyword: 'repeated' });
      continue;
    }
    const validate = compiler.compile(parameter.schema);
    // Ajv coerces in place, so the value goes in a holder it may rewrite.
    const holder = { value: typeof value === 'string' ? value : value[0] };
    if (
      !validate(holder.value, { instancePath: '', parentData: holder, parentDataProperty: 'value', rootData: holder, dynamicAnchors: {} })
    )
      problems.push(...describeAjvErrors(validate.errors, location, parameter.name));
  }
  return problems;
}

/** The security scheme's header (a raw token with the prefix, no scheme), the JSON media type, and header parameters. */
function checkHeaders(
  compiler: Compiler,
  operation: ApiOperation,
  facts: ApiFacts,
  headers: Record<string, string | readonly string[]>,
  hasBody: boolean,
): ValidationProblem[] {
  const problems: ValidationProblem[] = [];
  const token = headers[facts.tokenHeader.toLowerCase()];
  if (token === undefined || token === '')
    problems.push({ location: 'header', field: facts.tokenHeader, message: 'is required', keyword: 'security' });
  else if (typeof token !== 'string')
    problems.push({ location: 'header', field: facts.tokenHeader, message: 'must be sent once', keyword: 'security' });
  else if (!token.startsWith(facts.tokenPrefix) || /\s/.test(token))
    problems.push({
      location: 'header',
      field: facts.tokenHeader,
      message: `must be the raw user token (${facts.tokenPrefix}…), with no Bearer or other scheme`,
      keyword: 'security',
    });
  if (operation.requestBody && hasBody) {
    const type = headers['content-type'];
    const mediaType = typeof type === 'string' ? type.split(';')[0]!.trim().toLowerCase() : undefined;
    if (mediaType !== operation.requestBody.mediaType)
      problems.push({
        location: 'header',
        field: 'Content-Type',
        message: `must be ${operation.requestBody.mediaType}`,
        keyword: 'media-type',
      });
  }
  const declared = operation.headerParameters.map((parameter) => ({ ...parameter, name: parameter.name.toLowerCase() }));
  const given = Object.fromEntries(Object.entries(headers).filter(([name]) => declared.some((parameter) => parameter.name === name)));
  return [
    ...problems,
    ...checkParameters(compiler, declared, 'query', given).map((problem) => ({ ...problem, location: 'header' as const })),
  ];
}

function checkBody(operation: ApiOperation, body: unknown, validateValue: ApiValidator['validateValue']): ValidationProblem[] {
  if (!operation.requestBody)
    return body === undefined
      ? []
      : [{ location: 'body', field: 'body', message: `must be empty (${operation.operationId} takes no body)`, keyword: 'body' }];
  if (body === undefined)
    return operation.requestBody.required ? [{ location: 'body', field: 'body', message: 'is required', keyword: 'required' }] : [];
  return validateValue(operation.requestBody.schema, body);
}

// The request's names are the sender's (`?__proto__=x`, a header named `constructor`): they go into
// objects without a prototype, so no name reaches one or reads Object.prototype's members.
function queryRecord(query: ApiRequest['query']): Record<string, string | readonly string[]> {
  const record: Record<string, string[]> = Object.create(null) as Record<string, string[]>;
  if (!(query instanceof URLSearchParams)) return Object.assign(record, query);
  for (const [name, value] of query) (record[name] ??= []).push(value);
  return record;
}

function headerRecord(headers: ApiRequest['headers']): Record<string, string | readonly string[]> {
  const record: Record<string, string | readonly string[]> = Object.create(null) as Record<string, string | readonly string[]>;
  for (const [name, value] of Object.entries(headers ?? {})) if (value !== undefined) record[name.toLowerCase()] = value;
  return record;
}
