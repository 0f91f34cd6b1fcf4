// What a create or an update takes from a request body, and what the server adds: only the fields
// the operation's schema lists (copied, never assigned from the body's own keys), the schema's
// defaults, write-only fields (a secret) kept apart, new ids in the seed's shapes, and the fields
// the server sets on create.
import { randomBytes, randomUUID } from 'node:crypto';
import { isRecord } from '../api/json-pointer.ts';
import type { JsonSchema } from '../api/operations.ts';

/** A record of the account, as the API answers it. */
export type ApiRecord = Record<string, unknown>;

/** What the server fills in on create when the body cannot: the new id's owner, the caller, the time. */
export interface CreateContext {
  id: string;
  /** The client the record is created under, from the path (none for a client). */
  parentId: string | undefined;
  /** The caller's user id. */
  userId: string;
  /** The fields the body gave (or their defaults). */
  given: ReadonlyMap<string, unknown>;
  now: string;
}

/**
 * Fields set by the server on create, by name, as the seed and the create examples show them: the
 * keys and links to the owning client, the caller, the caller as a new client's owner, and a proxy's
 * alias made from its name when the body leaves it out (as `ProxyCreate.proxyAlias` says).
 */
export const SERVER_SET: Readonly<Record<string, (context: CreateContext) => unknown>> = {
  pKey: (context) => context.parentId ?? context.id,
  clientId: (context) => context.parentId ?? context.id,
  parentId: (context) => context.parentId ?? context.id,
  userId: (context) => context.userId,
  clientMembers: (context) => [{ userId: context.userId, roles: ['owner'] }],
  proxyAlias: (context) => aliasOf(context.given.get('proxyName')),
};

/**
 * The fields of `body` its request schema lists (every branch of a `oneOf` included), each copied
 * (never the body's own objects), with the schema's defaults on create; write-only ones (a secret)
 * apart, as JSON text. Only names the schema lists are read, so no key of the body is ever assigned.
 */
export function takeFields(schema: JsonSchema, body: ApiRecord, withDefaults: boolean): { given: Map<string, unknown>; secret?: string } {
  const given = new Map<string, unknown>();
  const secret = new Map<string, unknown>();
  for (const [name, property] of listedProperties(schema)) {
    if (!Object.hasOwn(body, name)) {
      if (withDefaults && isRecord(property) && property.default !== undefined) given.set(name, structuredClone(property.default));
      continue;
    }
    const value: unknown = JSON.parse(JSON.stringify(body[name]));
    if (isRecord(property) && property.writeOnly === true) secret.set(name, value);
    else given.set(name, value);
  }
  return { given, ...(secret.size > 0 && { secret: JSON.stringify(Object.fromEntries(secret)) }) };
}

/** The properties a schema lists, its own and those of its `oneOf`, `anyOf` and `allOf` branches (first listing wins). */
function listedProperties(schema: JsonSchema): Map<string, JsonSchema> {
  const found = new Map<string, JsonSchema>();
  if (!isRecord(schema)) return found;
  for (const [name, property] of Object.entries(isRecord(schema.properties) ? schema.properties : {}))
    if (!found.has(name)) found.set(name, property as JsonSchema);
  for (const branch of ['oneOf', 'anyOf', 'allOf'].flatMap((key) => (Array.isArray(schema[key]) ? (schema[key] as JsonSchema[]) : [])))
    for (const [name, property] of listedProperties(branch)) if (!found.has(name)) found.set(name, property);
  return found;
}

/** A UUID when the schema says so, else the model's prefix (`tgt_`) and as many random hex digits as it has after it. */
export function newId(schema: JsonSchema, model: string | undefined): string {
  if (isRecord(schema) && schema.format === 'uuid') return randomUUID();
  const pattern = isRecord(schema) && typeof schema.pattern === 'string' ? schema.pattern : '';
  const prefix = /^[^_]+_/.exec(model ?? '')?.[0] ?? /^\^([a-z]+_)/.exec(pattern)?.[1];
  if (prefix === undefined) throw new Error(`Cannot make an id like ${model ?? pattern}: expected a UUID or a prefix such as tgt_`);
  const length = model === undefined ? 8 : model.length - prefix.length;
  return prefix + randomBytes(length).toString('hex').slice(0, length);
}

/** `Production Payment Gateway` as an alias: `production-payment-gateway`. */
function aliasOf(name: unknown): string | undefined {
  if (typeof name !== 'string') return undefined;
  const alias = name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return alias === '' ? 'proxy' : alias;
}
