// The secrets a program sent in its request bodies: every text under a field the description marks
// secret (`x-secret`, or `writeOnly`, like a credential's `credentialSecret`). They are known only
// once the mock has received them, so the harness masks them, and `token-leak` looks for them in the
// output, after the run, exactly as it does for the token.
import { API_OPERATIONS } from '../../api/core-api.ts';
import { isRecord } from '../../api/json-pointer.ts';
import type { JsonSchema } from '../../api/operations.ts';
import { parseJsonBody } from '../../mock/json-body.ts';
import type { RecordedRequest } from '../../mock/types.ts';

/** One secret text a request carried. */
export interface SentSecret {
  operationId: string;
  /** Where in the body (`credentialSecret.key`). */
  field: string;
  value: string;
}

/** Whether a schema marks its value secret. */
const isSecret = (schema: JsonSchema) => isRecord(schema) && (schema['x-secret'] === true || schema.writeOnly === true);

/** The properties a schema lists: its own and those of its `oneOf`, `anyOf` and `allOf` branches. */
function listedProperties(schema: JsonSchema): Array<[string, JsonSchema]> {
  if (!isRecord(schema)) return [];
  const own = isRecord(schema.properties) ? (Object.entries(schema.properties) as Array<[string, JsonSchema]>) : [];
  const branches = ['oneOf', 'anyOf', 'allOf'].flatMap((key) => (Array.isArray(schema[key]) ? (schema[key] as JsonSchema[]) : []));
  return [...own, ...branches.flatMap(listedProperties)];
}

/** Every text in `value`, with its place under `field`. */
function texts(value: unknown, field: string): Array<{ field: string; value: string }> {
  if (typeof value === 'string') return [{ field, value }];
  if (Array.isArray(value)) return value.flatMap((item, index) => texts(item, `${field}[${index}]`));
  if (isRecord(value)) return Object.entries(value).flatMap(([key, item]) => texts(item, `${field}.${key}`));
  return [];
}

/** The secret texts of `value` under `schema`, at `field` (empty at the top). */
function secretsIn(schema: JsonSchema, value: unknown, field: string): Array<{ field: string; value: string }> {
  if (isSecret(schema)) return texts(value, field);
  if (!isRecord(value)) return [];
  return listedProperties(schema).flatMap(([name, property]) =>
    Object.hasOwn(value, name) ? secretsIn(property, value[name], field ? `${field}.${name}` : name) : [],
  );
}

/** Every secret text the recorded requests sent in a JSON body, under a field their operation marks secret. */
export function sentSecrets(requests: readonly RecordedRequest[]): SentSecret[] {
  const found: SentSecret[] = [];
  for (const request of requests) {
    if (!('operationId' in request.operation) || request.body === null) continue;
    const { operationId } = request.operation;
    const schema = API_OPERATIONS.find((operation) => operation.operationId === operationId)?.requestBody?.schema;
    if (schema === undefined) continue;
    const parsed = parseJsonBody(Buffer.from(request.body.text, request.body.encoding === 'base64' ? 'base64' : 'utf8'));
    if (!parsed.ok) continue;
    for (const secret of secretsIn(schema, parsed.value, ''))
      if (!found.some((known) => known.value === secret.value)) found.push({ operationId, ...secret });
  }
  return found;
}
