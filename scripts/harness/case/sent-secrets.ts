// The secrets a program sent in its request bodies: every text under a field the description marks
// secret (`x-secret`, or `writeOnly`, like a credential's `credentialSecret`) in any operation's
// request body, wherever such a field is in a JSON body, whatever operation the request matched (a
// request sent to the wrong path carries its secret all the same). They are known only once the
// mock has received them, so the harness masks them, and `token-leak` looks for them in the
// output, after the run, exactly as it does for the token.
import { API_OPERATIONS } from '../../api/core-api.ts';
import { isRecord } from '../../api/json-pointer.ts';
import type { JsonSchema } from '../../api/operations.ts';
import { parseJsonBody } from '../../mock/json-body.ts';
import type { RecordedRequest } from '../../mock/types.ts';

/** One secret text a request carried. */
export interface SentSecret {
  /** The operation the request matched (`createCredential`), or its method and path when it matched none. */
  operationId: string;
  /** Where in the body (`credentialSecret.key`). */
  field: string;
  value: string;
}

/** Whether a schema marks its value secret. */
const isSecret = (schema: unknown) => isRecord(schema) && (schema['x-secret'] === true || schema.writeOnly === true);

/** The names of the fields a schema (its properties, its branches, at any depth) marks secret. */
function secretFieldNames(schema: JsonSchema, into: Set<string> = new Set(), seen: Set<unknown> = new Set()): Set<string> {
  if (!isRecord(schema) || seen.has(schema)) return into;
  seen.add(schema);
  for (const [name, property] of Object.entries(isRecord(schema.properties) ? schema.properties : {})) {
    if (isSecret(property)) into.add(name);
    secretFieldNames(property as JsonSchema, into, seen);
  }
  for (const key of ['oneOf', 'anyOf', 'allOf', 'items'])
    for (const branch of [schema[key]].flat()) secretFieldNames(branch as JsonSchema, into, seen);
  return into;
}

/** Every field name the description marks secret in a request body. */
const SECRET_FIELDS: ReadonlySet<string> = API_OPERATIONS.reduce(
  (names, operation) => (operation.requestBody ? secretFieldNames(operation.requestBody.schema, names) : names),
  new Set<string>(),
);

/** Every text in `value`, with its place under `field`. */
function texts(value: unknown, field: string): Array<{ field: string; value: string }> {
  if (typeof value === 'string') return [{ field, value }];
  if (Array.isArray(value)) return value.flatMap((item, index) => texts(item, `${field}[${index}]`));
  if (isRecord(value)) return Object.entries(value).flatMap(([key, item]) => texts(item, `${field}.${key}`));
  return [];
}

/** The texts under every secret field of a JSON value, at any depth. */
function secretsIn(value: unknown, field: string): Array<{ field: string; value: string }> {
  if (Array.isArray(value)) return value.flatMap((item, index) => secretsIn(item, `${field}[${index}]`));
  if (!isRecord(value)) return [];
  return Object.entries(value).flatMap(([name, item]) => {
    const at = field ? `${field}.${name}` : name;
    return SECRET_FIELDS.has(name) ? texts(item, at) : secretsIn(item, at);
  });
}

/** Every secret text the recorded requests sent in a JSON body, under a field the description marks secret. */
export function sentSecrets(requests: readonly RecordedRequest[]): SentSecret[] {
  const found: SentSecret[] = [];
  for (const request of requests) {
    if (request.body === null) continue;
    const parsed = parseJsonBody(Buffer.from(request.body.text, request.body.encoding === 'base64' ? 'base64' : 'utf8'));
    if (!parsed.ok) continue;
    const operationId = 'operationId' in request.operation ? request.operation.operationId : `${request.method} ${request.path}`;
    for (const secret of secretsIn(parsed.value, ''))
      if (secret.value !== '' && !found.some((known) => known.value === secret.value)) found.push({ operationId, ...secret });
  }
  return found;
}
