// What the API description (the mock's model of the API) says a live case is answered with.
import { API_OPERATIONS, documentedSuccess } from '../api/core-api.ts';
import { matchRoute } from '../api/operation-routes.ts';
import type { ScenarioSetup } from '../harness/case/scenarios.ts';

/** A documented answer: status, media type, and a body whose lists and records hold samples (the account's data). */
export interface DocumentedAnswer {
  status: number;
  contentType: string;
  body: unknown;
  /** The body's fields that hold the account's data (a success's record or list): compared by type only. */
  dataKeys: readonly string[];
  /** Where the schema lets the answer leave a field out (`body.proxy.proxyAlias`, `body.proxies[].proxyAlias`). */
  optional: ReadonlySet<string>;
}

/** Every place under `where` that `schema` does not require, as compareJson names places. */
function optionalPlaces(schema: unknown, where = 'body', found = new Set<string>()): Set<string> {
  if (typeof schema !== 'object' || schema === null) return found;
  const node = schema as { properties?: Record<string, unknown>; required?: unknown; items?: unknown };
  if (node.items !== undefined) optionalPlaces(node.items, `${where}[]`, found);
  const required = Array.isArray(node.required) ? node.required : [];
  for (const [key, property] of Object.entries(node.properties ?? {})) {
    if (!required.includes(key)) found.add(`${where}.${key}`);
    optionalPlaces(property, `${where}.${key}`, found);
  }
  return found;
}

/** The answer the description documents for a request under a scenario, or why it has none. */
export function documentedAnswer(
  setup: ScenarioSetup,
  request: { method: string; path: string },
): DocumentedAnswer | { undocumented: string } {
  const endpoint = `${request.method} ${request.path}`;
  const route = matchRoute(API_OPERATIONS, request.method, request.path);
  if (route.kind !== 'operation')
    return {
      undocumented: `the API description documents no operation for ${endpoint}; add it to api/core-api.openapi.yaml (the mock follows)`,
    };
  const { operation } = route;
  const status = setup.apiError?.status;
  const response = operation.responses.find((each) => (status === undefined ? each.status < 300 : each.status === status));
  if (!response?.body)
    return {
      undocumented: `the API description documents no ${status ?? 'success'} answer with a body for ${endpoint} (${operation.operationId})`,
    };
  const body = setup.apiError ?? documentedSuccess(operation.operationId).body;
  // A success's record (or list) is the account's; an error's fields are the contract's.
  const dataKeys =
    setup.apiError === undefined && typeof body === 'object' && body !== null
      ? Object.entries(body).flatMap(([key, value]) => (typeof value === 'object' && value !== null ? [key] : []))
      : [];
  return { status: response.status, contentType: response.body.mediaType, body, dataKeys, optional: optionalPlaces(response.body.schema) };
}
