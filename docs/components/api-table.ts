// The logic behind <ApiTable>: the API's conventions as tables, read from the API description (which
// the mock answers from), never typed into a page: the success envelope, the formats of ids and
// timestamps, and every documented error with its exact body. The page and its Markdown twin render
// the same rows.
import { STATUS_CODES } from 'node:http';
import { z } from 'zod';
import { API_ERRORS, documentedSuccess } from '../../scripts/site-surface.ts';

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

/** The operations whose documented answers show the envelope and the formats: a list of clients, and one target. */
const LIST_OPERATION = 'listClients';
const RESOURCE_OPERATION = 'getTarget';

/** "array of 2 objects", "string": a JSON value's kind, for the envelope's table. */
function kindOf(value: unknown): string {
  if (Array.isArray(value)) return `array (${value.length} ${typeof value[0] === 'object' ? 'objects' : 'values'} in the example)`;
  return value === null ? 'null' : typeof value;
}

/** The success envelope: each field of a list's successful answer, its kind, and its value where the API fixes it. */
function envelopeTable(): FactTable {
  const body = documentedSuccess(LIST_OPERATION).body as Record<string, unknown>;
  return {
    columns: ['Field', 'Kind', 'Value'],
    rows: Object.entries(body).map(([name, value]) => [
      { text: name, code: true },
      { text: kindOf(value) },
      Array.isArray(value) ? { text: 'the resources asked for, named after them' } : { text: JSON.stringify(value), code: true },
    ]),
  };
}

/** The first resource of a documented answer: the object beside `message` (`target`), or the first of a list. */
function firstResource(operationId: string): Record<string, unknown> {
  const body = documentedSuccess(operationId).body as Record<string, unknown>;
  const [value] = Object.entries(body)
    .filter(([name]) => name !== 'message')
    .map(([, field]) => field);
  const resource = Array.isArray(value) ? value[0] : value;
  if (typeof resource !== 'object' || resource === null) throw new Error(`The documented answer of ${operationId} holds no resource`);
  return resource as Record<string, unknown>;
}

/** The string `field` of a documented resource, or an error naming what is missing. */
function stringField(resource: Record<string, unknown>, field: string, operationId: string): string {
  const value = resource[field];
  if (typeof value !== 'string')
    throw new Error(`The documented answer of ${operationId} has no string field "${field}" to show as an example`);
  return value;
}

/** How ids and timestamps are written, with an example of each from a documented answer. */
function formatsTable(): FactTable {
  const client = firstResource(LIST_OPERATION);
  const target = firstResource(RESOURCE_OPERATION);
  const opaque = 'store it and compare it whole, never take it apart';
  return {
    columns: ['Value', 'Format', 'Example'],
    rows: [
      [
        { text: 'Client and user ids' },
        { text: `a UUID; ${opaque}` },
        { text: stringField(client, 'clientId', LIST_OPERATION), code: true },
      ],
      [
        { text: 'Target, credential and proxy ids (sKey)' },
        { text: `a type prefix (tgt_, cred_, proxy_) and hex digits; ${opaque}` },
        { text: stringField(target, 'sKey', RESOURCE_OPERATION), code: true },
      ],
      [
        { text: 'Timestamps' },
        { text: 'ISO 8601 in UTC, with milliseconds' },
        { text: stringField(target, 'targetCreatedAt', RESOURCE_OPERATION), code: true },
      ],
    ],
  };
}

/** Every documented error: its status and the exact `error` and `message` of each of its bodies. */
function errorsTable(): FactTable {
  return {
    columns: ['Status', 'error', 'message'],
    rows: API_ERRORS.flatMap((answer) =>
      Object.values(answer.examples).map((body) => [
        { text: `${answer.status} ${STATUS_CODES[answer.status] ?? ''}`.trim() },
        { text: JSON.stringify(body.error), code: true },
        { text: JSON.stringify(body.message), code: true },
      ]),
    ),
  };
}

/** The table named `of`. */
export function apiTable(of: (typeof API_TABLES)[number]): FactTable {
  return { envelope: envelopeTable, formats: formatsTable, errors: errorsTable }[of]();
}
