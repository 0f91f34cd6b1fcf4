// What the documented contract (the mock's model of the API) says a live case is answered with.
import { CLIENTS_OK, type ApiResponse } from '../api/contract.ts';
import type { ScenarioSetup } from '../harness/case/scenarios.ts';

/** Media type of every documented body. */
export const DOCUMENTED_CONTENT_TYPE = 'application/json';

/** The success answer of each endpoint the examples call, by `METHOD /path`. */
export const DOCUMENTED_SUCCESS: ReadonlyMap<string, ApiResponse<unknown>> = new Map([['GET /api/clients', CLIENTS_OK]]);

/** A documented answer: status, media type, and a body whose lists hold sample items (the account's data). */
export interface DocumentedAnswer {
  status: number;
  contentType: string;
  body: unknown;
}

/** The answer the contract documents for a request under a scenario, or why the contract has none. */
export function documentedAnswer(
  setup: ScenarioSetup,
  request: { method: string; path: string },
): DocumentedAnswer | { undocumented: string } {
  if (setup.apiError) return { status: setup.apiError.status, contentType: DOCUMENTED_CONTENT_TYPE, body: setup.apiError };
  const endpoint = `${request.method} ${request.path}`;
  const success = DOCUMENTED_SUCCESS.get(endpoint);
  if (!success) {
    return {
      undocumented: `the contract documents no answer for ${endpoint}; add it to DOCUMENTED_SUCCESS in scripts/live/documented.ts (and to the mock)`,
    };
  }
  return { status: success.status, contentType: DOCUMENTED_CONTENT_TYPE, body: success.body };
}
