// The logic behind <ApiTable>: the API's conventions as tables, read from the API's facts (the
// contract the mock answers with), never typed into a page: the success envelope, the formats of
// ids and timestamps, and every documented error with its exact body. The page and its Markdown
// twin render the same rows.
import { STATUS_CODES } from 'node:http';
import { z } from 'zod';
import { contract, type ApiResponse } from '../../scripts/site-surface.ts';

/** A timestamp as the API writes them (ISO 8601, UTC, milliseconds); the contract's bodies hold none yet, so it is stated here, once. */
export const TIMESTAMP_EXAMPLE = '2024-01-22T12:00:00.000Z';

/** One cell: its text, shown as code when it is a value the API sends. */
export interface TableCell {
  text: string;
  code?: boolean;
}

/** A table of facts: its column headings and its rows. */
export interface FactTable {
  columns: string[];
  rows: TableCell[][];
}

/** The tables <ApiTable of="…"> can show. */
export const API_TABLES = ['envelope', 'formats', 'errors'] as const;

/** The props of <ApiTable>, for the page and its Markdown twin alike. */
export const ApiTablePropsSchema = z.strictObject({
  of: z.enum(API_TABLES, { error: `expected one of ${API_TABLES.map((name) => `"${name}"`).join(', ')}` }),
});

/** A response of the contract, whatever its body. */
type AnyResponse = ApiResponse<unknown>;

/** Whether `value` (an export of the contract) is a documented response: a status and a body. */
function isResponse(value: unknown): value is AnyResponse {
  return typeof value === 'object' && value !== null && typeof (value as AnyResponse).status === 'number' && 'body' in value;
}

/** The contract's documented responses, by status. */
function documentedResponses(): AnyResponse[] {
  return (Object.values(contract) as unknown[]).filter(isResponse).sort((a, b) => a.status - b.status);
}

/** "array of 2 objects", "string": a JSON value's kind, for the envelope's table. */
function kindOf(value: unknown): string {
  if (Array.isArray(value)) return `array (${value.length} ${typeof value[0] === 'object' ? 'objects' : 'values'} in the example)`;
  return value === null ? 'null' : typeof value;
}

/** The success envelope: each field of a successful answer's body, its kind, and its value where the API fixes it. */
function envelopeTable(): FactTable {
  const success = documentedResponses().find((response) => response.status < 300);
  const body = (success?.body ?? {}) as Record<string, unknown>;
  return {
    columns: ['Field', 'Kind', 'Value'],
    rows: Object.entries(body).map(([name, value]) => [
      { text: name, code: true },
      { text: kindOf(value) },
      Array.isArray(value) ? { text: 'the resources asked for, named after them' } : { text: JSON.stringify(value), code: true },
    ]),
  };
}

/** How ids and timestamps are written, with an example of each from the API's facts. */
function formatsTable(): FactTable {
  const [client] = contract.SAMPLE_CLIENTS;
  return {
    columns: ['Value', 'Format', 'Example'],
    rows: [
      [
        { text: 'Ids' },
        { text: 'a string, opaque: store it and compare it whole, never take it apart' },
        { text: client?.clientId ?? '', code: true },
      ],
      [{ text: 'Timestamps' }, { text: 'ISO 8601 in UTC, with milliseconds' }, { text: TIMESTAMP_EXAMPLE, code: true }],
    ],
  };
}

/** Every documented error: its status and the exact `error` and `message` of its body. */
function errorsTable(): FactTable {
  return {
    columns: ['Status', 'error', 'message'],
    rows: documentedResponses()
      .filter((response) => response.status >= 400)
      .map((response) => {
        const body = response.body as { error?: unknown; message?: unknown };
        return [
          { text: `${response.status} ${STATUS_CODES[response.status] ?? ''}`.trim() },
          { text: JSON.stringify(body.error), code: true },
          { text: JSON.stringify(body.message), code: true },
        ];
      }),
  };
}

/** The table named `of`. */
export function apiTable(of: (typeof API_TABLES)[number]): FactTable {
  return { envelope: envelopeTable, formats: formatsTable, errors: errorsTable }[of]();
}
