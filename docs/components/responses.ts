// The logic behind <ResponseExample>: the API's exact response bodies, taken from the API description
// that the mock server also answers from, so the guide can never show a body the API does not send.
import { STATUS_CODES } from 'node:http';
import { z } from 'zod';
import { type DocumentedAnswer, documentedError, documentedSuccess, formatBody } from '../../scripts/site-surface.ts';

/** The operation the guide's examples call (`GET /api/clients`), whose success the guide shows. */
const GUIDE_OPERATION = 'listClients';

/** The statuses the guide can show, with the description's answer for each. */
export const DOCUMENTED_RESPONSES: Readonly<Record<200 | 401 | 403, DocumentedAnswer>> = Object.freeze({
  200: documentedSuccess(GUIDE_OPERATION),
  401: documentedError(401),
  403: documentedError(403),
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
