// What an operation does to its resource, read from its method and path template alone: a GET of a
// collection lists it, a POST creates one record (whose id parameter the record's own paths name),
// a GET, PUT or DELETE of `…/{id}` reads, changes or deletes one. The mock's state, the manifest's
// steps and the scaffold all read it from here.
import { API_FACTS } from './core-api.ts';
import type { ApiOperation } from './operations.ts';

/** What an operation does to its resource. */
export type OperationKind = 'list' | 'create' | 'get' | 'update' | 'delete';

/** The shape of a path template: the collection it is about, and the parameters that name one record and its parent. */
export interface PathShape {
  /** `targets`: the path segment, and the key of `x-seed` holding the seeded records. */
  collection: string;
  /** The parameter naming one record (`targetId`), when the path ends in one. */
  idParam?: string;
  /** The parameter of the record the collection belongs to (`clientId`), when there is one. */
  parentParam?: string;
}

const parameterName = (segment: string | undefined) => /^\{(.+)\}$/.exec(segment ?? '')?.[1];

/** `/api/clients/{clientId}/targets/{targetId}` gives targets, targetId, under clientId. */
export function pathShape(template: string): PathShape {
  const segments = template.split('/').filter(Boolean);
  const idParam = parameterName(segments.at(-1));
  const collectionAt = idParam === undefined ? segments.length - 1 : segments.length - 2;
  const collection = segments[collectionAt];
  if (collection === undefined || parameterName(collection) !== undefined)
    throw new Error(`Expected a path ending in a collection or one of its records, got ${template}`);
  const parentParam = parameterName(segments[collectionAt - 1]);
  return { collection, ...(idParam !== undefined && { idParam }), ...(parentParam !== undefined && { parentParam }) };
}

const KINDS: Readonly<Record<string, OperationKind>> = {
  'GET list': 'list',
  'POST list': 'create',
  'GET one': 'get',
  'PUT one': 'update',
  'PATCH one': 'update',
  'DELETE one': 'delete',
};

/** The kind of `operation`, or undefined for a method and path of no known kind. */
export function operationKind(operation: Pick<ApiOperation, 'method' | 'path'>): OperationKind | undefined {
  return KINDS[`${operation.method} ${pathShape(operation.path).idParam === undefined ? 'list' : 'one'}`];
}

/** The id parameter of the record a create makes (`targetId` for createTarget): the one its record's own paths end in. */
export function createdParameter(
  operation: Pick<ApiOperation, 'method' | 'path'>,
  operations: readonly ApiOperation[],
): string | undefined {
  if (operationKind(operation) !== 'create') return undefined;
  for (const other of operations) {
    const shape = pathShape(other.path);
    if (shape.idParam !== undefined && other.path === `${operation.path}/{${shape.idParam}}`) return shape.idParam;
  }
  return undefined;
}

/** The prefix of the environment variables the examples read (`REQUESTROCKET_`): the token variable's first word. */
export const VARIABLE_PREFIX = /^[A-Z0-9]+_/.exec(API_FACTS.tokenEnvVar)?.[0] ?? '';

/** The environment variable an example reads a path parameter from, by convention: `clientId` is `REQUESTROCKET_CLIENT_ID`. */
export function parameterVariable(parameter: string): string {
  return VARIABLE_PREFIX + parameter.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toUpperCase();
}

/**
 * The environment variable an example reads a body field holding an id from, by convention: the
 * field without the word of the record it belongs to, so `proxyTargetId` is
 * `REQUESTROCKET_TARGET_ID` and `proxyProxyCredentialId` is `REQUESTROCKET_PROXY_CREDENTIAL_ID`.
 */
export function referenceVariable(field: string): string {
  return parameterVariable(referenceName(field));
}

/** `proxyTargetCredentialId` without its owner's word: `targetCredentialId` (a field of one word and `Id` is kept). */
export function referenceName(field: string): string {
  const rest = field.replace(/^[a-z0-9]+/, '');
  return /^[A-Z][a-z0-9]+.*Id$/.test(rest) && rest !== 'Id' ? rest.charAt(0).toLowerCase() + rest.slice(1) : field;
}
