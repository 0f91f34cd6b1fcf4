// The project's own API description (api/core-api.openapi.yaml), read and checked once per process,
// and what most code takes from it: the facts, the operations, the documented error bodies, each
// operation's success example and the seeded account's client names. The mock, the harness, the
// live run and the site all read these, so no fact of the API is written twice.
import { apiFacts, type ApiFacts } from './api-facts.ts';
import { loadDescription, type ApiDescription } from './description.ts';
import { errorAnswers, errorBody, type ErrorAnswer, type ErrorBody } from './error-bodies.ts';
import { listOperations, operationById, type ApiOperation } from './operations.ts';
import { seedAccount } from './seed-account.ts';

/** The project's description, read and checked on first import (a broken file stops with its field and what was expected). */
export const CORE_API: ApiDescription = loadDescription();

/** Where the API is and how it authenticates: host, base URL, the token's header, variable, prefix and placeholder. */
export const API_FACTS: Readonly<ApiFacts> = Object.freeze(apiFacts(CORE_API));

/** Every operation of the description, in its order. */
export const API_OPERATIONS: readonly ApiOperation[] = Object.freeze(listOperations(CORE_API));

/** The media type of the API's request bodies (`application/json`), which the examples send as Content-Type on every request. */
export const API_MEDIA_TYPE: string =
  API_OPERATIONS.find((operation) => operation.requestBody)?.requestBody?.mediaType ?? 'application/json';

/** Every error status the description documents, with its bodies. */
export const API_ERRORS: readonly ErrorAnswer[] = Object.freeze(errorAnswers(CORE_API, API_OPERATIONS));

/** A status with the exact body the API answers with (the description's example; never change it). */
export interface DocumentedAnswer<Body = unknown> {
  status: number;
  body: Body;
}

/** The documented error answer of `status`: its example `name`, or its first. */
export function documentedError(status: number, name?: string): DocumentedAnswer<ErrorBody> {
  return { status, body: errorBody(API_ERRORS, status, name) };
}

/** An operation's success: its first 2xx status and the first example of that answer; throws naming what is missing. */
export function documentedSuccess(operationId: string): DocumentedAnswer {
  const operation = operationById(API_OPERATIONS, operationId);
  const success = operation.responses.find((response) => response.status >= 200 && response.status < 300);
  const [example] = Object.values(success?.body?.examples ?? {});
  if (!success || example === undefined)
    throw new Error(`The API description documents no success answer with an example for ${operationId} (${operation.pointer})`);
  return { status: success.status, body: example };
}

/** The seeded account's client names, in order: what the examples print with a valid token. */
export const SEED_CLIENT_NAMES: readonly string[] = Object.freeze(seedAccount(CORE_API).clients.map((client) => client.clientName));

/** Serialises a body the way the mock sends it and the guide shows it. */
export function formatBody(body: unknown): string {
  return JSON.stringify(body, null, 2);
}
