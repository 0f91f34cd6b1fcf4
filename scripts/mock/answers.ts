// Which answer the mock gives a request, decided from the API description alone: the route (404 for
// an unknown path, 405 with Allow for a method the path lacks), the token (401, 403), the path's ids
// (404), the body (415, 413, 400), the request against its operation's schemas (400 naming each
// problem), then the account's state (404 for an unknown record, 400 for a body naming a record the
// client does not hold, else the operation's success).
import { API_OPERATIONS, CORE_API, documentedError } from '../api/core-api.ts';
import { createApiValidator, type ApiValidator } from '../api/api-validator.ts';
import { unroutedResponses, type ErrorBody } from '../api/error-bodies.ts';
import { matchRoute } from '../api/operation-routes.ts';
import type { ApiOperation } from '../api/operations.ts';
import { referenceFields, type ReferenceField } from '../api/reference-fields.ts';
import { seedAccount, type SeedAccount } from '../api/seed-account.ts';
import { formatProblems, type ValidationProblem } from '../api/validation-messages.ts';
import { AccountState } from './account-state.ts';
import { parseJsonBody } from './json-body.ts';
import type { BodyRead } from './request-body.ts';
import { resourceActions, type ResourceAction, type ResourceKind } from './resource-model.ts';
import type { AnswerReason, CreatedRecord, MatchedOperation, MockTokens } from './types.ts';

/** What the mock answers: a status with its JSON body, why, the operation matched, any extra headers (405's `Allow`), and the record a create made. */
export interface Answer {
  status: number;
  body: unknown;
  reason: AnswerReason;
  operation: MatchedOperation;
  headers: Record<string, string>;
  created?: CreatedRecord;
}

/** How the mock decides beyond the description. */
export interface DecideOptions {
  /** Refuse every body it would accept with the description's documented 400, changing nothing (the `bad-request` behaviour). */
  refuseBodies?: boolean;
}

/** What the decision looks at: the request as it arrived, with its body as far as it was read. */
export interface AnswerInput {
  method: string;
  /** The path without the query, as sent (undecoded). */
  path: string;
  /** The raw query string, without `?`. */
  query: string;
  /** Every header as `[name, value]`, in arrival order. */
  rawHeaders: readonly (readonly [string, string])[];
  body: BodyRead;
}

/** The description as the mock serves it, made once per process: each operation's action, and the validator. */
interface MockModel {
  actions: ReadonlyMap<string, ResourceAction>;
  /** The body fields of each operation that hold another record's id, by operationId. */
  references: ReadonlyMap<string, readonly ReferenceField[]>;
  validator: ApiValidator;
  unknownPath: ErrorBody;
  methodNotAllowed: ErrorBody;
}

let model: MockModel | undefined;

function mockModel(): MockModel {
  if (model) return model;
  const unrouted = unroutedResponses(CORE_API);
  const unroutedBody = (status: number, name?: string) => {
    const examples = unrouted.find((response) => response.status === status)?.body?.examples ?? {};
    return (name === undefined ? Object.values(examples)[0] : examples[name]) as ErrorBody;
  };
  model = {
    actions: resourceActions(API_OPERATIONS),
    references: new Map(API_OPERATIONS.map((operation) => [operation.operationId, referenceFields(operation, API_OPERATIONS)])),
    validator: createApiValidator(CORE_API, API_OPERATIONS),
    unknownPath: unroutedBody(404, 'unknownPath'),
    methodNotAllowed: unroutedBody(405),
  };
  return model;
}

/** The kinds of resource the mock serves, each collection once, in the description's order. */
export function servedKinds(): ResourceKind[] {
  return [...new Map([...mockModel().actions.values()].map((action) => [action.kind.collection, action.kind])).values()];
}

/** A fresh account, as the description seeds it (or as `seed` holds it): one per mock instance. */
export function createAccountState(seed: SeedAccount = seedAccount(CORE_API)): AccountState {
  return new AccountState(seed, servedKinds());
}

/** The token must be the whole header value: no scheme (`Bearer `, `Token `, ...), no second header. */
export function judgeAuthorization(values: readonly string[], tokens: MockTokens): AnswerReason {
  const present = values.filter((value) => value.trim() !== '');
  if (present.length === 0) return 'missing-token';
  const [value] = present;
  if (present.length > 1 || value === undefined || /\s/.test(value)) return 'malformed-token';
  if (tokens.revoked.has(value)) return 'revoked-token';
  if (tokens.forbidden.has(value)) return 'forbidden-token';
  if (tokens.valid.has(value)) return 'ok';
  return 'unknown-token';
}

/** The header's values, matched case-insensitively. */
function headerValues(input: AnswerInput, name: string): string[] {
  return input.rawHeaders.filter(([key]) => key.toLowerCase() === name).map(([, value]) => value);
}

/** Decides the answer to one request; changes `state` only for a valid create, update or delete. */
export function decideAnswer(input: AnswerInput, tokens: MockTokens, state: AccountState, options: DecideOptions = {}): Answer {
  const { actions, references, validator, unknownPath, methodNotAllowed } = mockModel();
  const route = matchRoute(API_OPERATIONS, input.method, input.path);
  if (route.kind === 'not-found')
    return { status: 404, body: unknownPath, reason: 'not-found', operation: { unmatched: 'unknown-path' }, headers: {} };
  if (route.kind === 'method-not-allowed')
    return {
      status: 405,
      body: methodNotAllowed,
      reason: 'method-not-allowed',
      operation: { unmatched: 'method-not-allowed' },
      headers: { Allow: route.allowed.join(', ') },
    };
  const { operation, pathParams } = route;
  const answer = (status: number, body: unknown, reason: AnswerReason): Answer => ({
    status,
    body,
    reason,
    operation: { operationId: operation.operationId },
    headers: {},
  });
  const error = (status: number, reason: AnswerReason, name?: string) => answer(status, documentedError(status, name).body, reason);
  const invalid = (problems: readonly ValidationProblem[]) =>
    answer(400, { ...documentedError(400).body, message: formatProblems(problems) }, 'invalid-request');

  const auth = judgeAuthorization(headerValues(input, 'authorization'), tokens);
  if (auth === 'forbidden-token') return error(403, auth);
  if (auth !== 'ok') return error(401, auth);

  // The ids in the path come first: one of the wrong shape names no record (404, as for an unknown one).
  const request = { pathParams, query: declaredQuery(operation, input.query), headers: contentTypeOnly(input) };
  if (validator.validateRequest(operation.operationId, request).some((problem) => problem.location === 'path'))
    return error(404, 'unknown-id', 'unknownId');

  let body: unknown;
  if (operation.requestBody && hasBody(input.body)) {
    const [contentType] = headerValues(input, 'content-type');
    if (mediaTypeOf(contentType) !== operation.requestBody.mediaType) return error(415, 'unsupported-media-type');
    if (input.body.kind === 'too-large') return error(413, 'payload-too-large');
    if (input.body.kind === 'incomplete')
      return invalid([
        { location: 'body', field: 'body', message: 'must arrive in full (it stopped short of its length)', keyword: 'incomplete' },
      ]);
    const parsed = parseJsonBody(input.body.kind === 'complete' ? input.body.bytes : Buffer.alloc(0));
    if (!parsed.ok) return invalid([parsed.problem]);
    body = parsed.value;
  }
  const problems = validator
    .validateRequest(operation.operationId, { ...request, body })
    .filter((problem) => problem.location !== 'path' && problem.keyword !== 'security');
  if (problems.length > 0) return invalid(problems);
  if (options.refuseBodies && operation.requestBody) return error(400, 'invalid-request');

  const action = actions.get(operation.operationId)!;
  const unknownRecords = state.unknownReferences(action, pathParams, body, references.get(operation.operationId) ?? []);
  if (unknownRecords.length > 0) return invalid(unknownRecords);
  const outcome = state.apply(action, pathParams, body);
  if (!outcome.found) return error(404, 'unknown-id', 'unknownId');
  return { ...answer(outcome.status, outcome.body, 'ok'), ...(outcome.created && { created: outcome.created }) };
}

/** The answer when deciding failed: a bug of the mock, said in a 500 naming it (the description documents none). */
export function mockFailure(input: Pick<AnswerInput, 'method' | 'path'>, error: unknown): Answer {
  const route = matchRoute(API_OPERATIONS, input.method, input.path);
  return {
    status: 500,
    body: {
      error: 'Internal Server Error',
      message: `the mock failed: ${error instanceof Error ? error.message : String(error)}`,
      status: 500,
    },
    reason: 'mock-error',
    operation: route.kind === 'operation' ? { operationId: route.operation.operationId } : { unmatched: unmatchedWhy(route.kind) },
    headers: {},
  };
}

function unmatchedWhy(kind: 'not-found' | 'method-not-allowed'): 'unknown-path' | 'method-not-allowed' {
  return kind === 'not-found' ? 'unknown-path' : kind;
}

/** Whether a body arrived or was announced (a Content-Length of 0 is none). */
function hasBody(body: BodyRead): boolean {
  return body.kind !== 'none' && !(body.kind === 'complete' && body.bytes.length === 0);
}

/** `application/json` of `application/json; charset=utf-8`, lower-case; undefined without the header. */
function mediaTypeOf(contentType: string | undefined): string | undefined {
  return contentType?.split(';')[0]!.trim().toLowerCase();
}

/**
 * The query parameters the operation declares, for validation; others are left alone, as an
 * operation that documents no 400 cannot refuse them.
 */
function declaredQuery(operation: ApiOperation, query: string): URLSearchParams {
  const names = new Set(operation.queryParameters.map((parameter) => parameter.name));
  return new URLSearchParams([...new URLSearchParams(query)].filter(([name]) => names.has(name)));
}

/** The Content-Type header for validation; the token was judged already, with the API's own answers (its problems are left out). */
function contentTypeOnly(input: AnswerInput): Record<string, string | string[]> {
  const values = headerValues(input, 'content-type');
  return values.length === 0 ? {} : { 'content-type': values.length === 1 ? values[0]! : values };
}
