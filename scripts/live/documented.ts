// What the API description (the mock's model of the API) says a live case is answered with.
import { API_OPERATIONS, documentedSuccess } from '../api/core-api.ts';
import { matchRoute } from '../api/operation-routes.ts';
import type { ScenarioSetup } from '../harness/case/scenarios.ts';

/** A documented answer: status, media type, and a body whose lists hold sample items (the account's data). */
export interface DocumentedAnswer {
  status: number;
  contentType: string;
  body: unknown;
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
  return { status: response.status, contentType: response.body.mediaType, body };
}
