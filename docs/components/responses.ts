// The logic behind <ResponseExample>: the API's exact response bodies, taken from the contract that
// the mock server also answers with, so the guide can never show a body the API does not send.
import { STATUS_CODES } from 'node:http';
import { z } from 'zod';
import { type ApiResponse, CLIENTS_OK, FORBIDDEN, formatBody, UNAUTHORIZED } from '../../scripts/site-surface.ts';

/** The statuses the guide can show, with the contract's response for each. */
export const DOCUMENTED_RESPONSES: Readonly<Record<200 | 401 | 403, ApiResponse<unknown>>> = Object.freeze({
  200: CLIENTS_OK,
  401: UNAUTHORIZED,
  403: FORBIDDEN,
});

/** A status the guide can show. */
export type DocumentedStatus = keyof typeof DOCUMENTED_RESPONSES;

/** The statuses the guide can show, as numbers. */
export const DOCUMENTED_STATUSES: readonly DocumentedStatus[] = [200, 401, 403];

/** What <ResponseExample> renders for one status: the status line and the body exactly as the API sends it. */
export interface ResponseView {
  status: DocumentedStatus;
  /** Reason phrase ("OK", "Unauthorized"). */
  reason: string;
  body: string;
}

/** The response the API answers with for `status`, formatted as the mock sends it. */
export function responseView(status: DocumentedStatus): ResponseView {
  const response = DOCUMENTED_RESPONSES[status];
  return { status, reason: STATUS_CODES[status] ?? '', body: formatBody(response.body) };
}

/** The props of <ResponseExample>, for the page and its Markdown twin alike. */
export const ResponseExamplePropsSchema = z.strictObject({
  status: z.union(
    DOCUMENTED_STATUSES.map((status) => z.literal(status)),
    { error: `expected one of ${DOCUMENTED_STATUSES.join(', ')} as a number (status={401})` },
  ),
});
