// What every operation of the description must have: the twenty operations with their ids and
// tags, 401 and 403 everywhere, 404 wherever an id is in the path, 400 wherever there is a body,
// an example on every body, and a credential's secret sent but never returned.
// vitest project: unit (test/support/projects.ts)
import { describe, expect, test } from 'vitest';
import { loadDescription } from '../../scripts/api/description.ts';
import { isRecord } from '../../scripts/api/json-pointer.ts';
import { listOperations, responseFor, type ApiOperation } from '../../scripts/api/operations.ts';

const description = loadDescription();
const operations = listOperations(description);
const byId = (id: string) => operations.find((operation) => operation.operationId === id)!;

const RESOURCES = [
  { tag: 'Clients', singular: 'Client', plural: 'Clients', path: '/api/clients' },
  { tag: 'Targets', singular: 'Target', plural: 'Targets', path: '/api/clients/{clientId}/targets' },
  { tag: 'Credentials', singular: 'Credential', plural: 'Credentials', path: '/api/clients/{clientId}/credentials' },
  { tag: 'Proxies', singular: 'Proxy', plural: 'Proxies', path: '/api/clients/{clientId}/proxies' },
] as const;

/** The five operations of a resource: [operationId, method, path]. */
const expected = RESOURCES.flatMap(({ singular, plural, path }) => {
  const one = `${path}/{${singular.toLowerCase()}Id}`;
  return [
    [`list${plural}`, 'GET', path],
    [`create${singular}`, 'POST', path],
    [`get${singular}`, 'GET', one],
    [`update${singular}`, 'PUT', one],
    [`delete${singular}`, 'DELETE', one],
  ] as const;
});

const label = (operation: ApiOperation) => operation.operationId;

describe('operations', () => {
  test('are exactly the five of each resource, with these ids, methods and paths', () => {
    expect(operations.map((operation) => [operation.operationId, operation.method, operation.path]).sort()).toEqual(
      expected.map((row) => [...row]).sort(),
    );
  });

  test.for(RESOURCES.map((resource) => [resource.tag] as const))('%s: the five operations of its paths carry that one tag', ([tag]) => {
    const resourceOf = (path: string) =>
      RESOURCES.filter((resource) => path === resource.path || path.startsWith(`${resource.path}/`)).at(-1);
    const mine = operations.filter((operation) => resourceOf(operation.path)?.tag === tag);
    expect(mine.map(label)).toHaveLength(5);
    for (const operation of mine) expect(operation.tag, label(operation)).toBe(tag);
  });

  test('the tags are declared, with a description, and only these four', () => {
    expect(description.document.tags.map((tag) => tag.name)).toEqual(RESOURCES.map((resource) => resource.tag));
  });
});

describe('responses', () => {
  test.for(operations.map((operation) => [operation.operationId, operation] as const))(
    '%s answers 401 and 403 with the error body',
    ([, operation]) => {
      for (const status of [401, 403]) {
        const response = responseFor(operation, status);
        expect(response?.body?.schema, `${status}`).toMatchObject({ required: ['error', 'message', 'status'] });
      }
    },
  );

  test.for(
    operations.filter((operation) => /\{\w+Id\}/.test(operation.path)).map((operation) => [operation.operationId, operation] as const),
  )('%s has an id in its path, so it answers 404', ([, operation]) => {
    expect(responseFor(operation, 404)).toBeDefined();
  });

  test.for(operations.filter((operation) => operation.requestBody).map((operation) => [operation.operationId, operation] as const))(
    '%s takes a body, so it answers 400, 413 and 415',
    ([, operation]) => {
      for (const status of [400, 413, 415]) expect(responseFor(operation, status), `${status}`).toBeDefined();
    },
  );

  test('8 operations take a body and 18 have an id in their path', () => {
    expect(operations.filter((operation) => operation.requestBody)).toHaveLength(8);
    expect(operations.filter((operation) => /\{\w+Id\}/.test(operation.path))).toHaveLength(18);
  });

  test.for(operations.map((operation) => [operation.operationId, operation] as const))(
    '%s has an example for its body and every response',
    ([, operation]) => {
      if (operation.requestBody) expect(Object.keys(operation.requestBody.examples).length, 'request body').toBeGreaterThan(0);
      for (const response of operation.responses)
        expect(Object.keys(response.body?.examples ?? {}).length, `${response.status}`).toBeGreaterThan(0);
    },
  );

  test('create answers 201, and get, update, delete and list answer 200', () => {
    for (const operation of operations) {
      const success = operation.responses.filter((response) => response.status < 300).map((response) => response.status);
      expect(success, label(operation)).toEqual([operation.operationId.startsWith('create') ? 201 : 200]);
    }
  });
});

describe('request bodies', () => {
  /** Every object schema in a resolved schema, with where it is. */
  function objectSchemas(schema: unknown, at = ''): [string, Record<string, unknown>][] {
    if (!isRecord(schema)) return [];
    const own: [string, Record<string, unknown>][] = schema.properties ? [[at || '(body)', schema]] : [];
    const branches = Array.isArray(schema.oneOf)
      ? schema.oneOf.flatMap((branch, index) => objectSchemas(branch, `${at}oneOf[${index}]`))
      : [];
    return [...own, ...branches];
  }

  test.for(operations.filter((operation) => operation.requestBody).map((operation) => [operation.operationId, operation] as const))(
    '%s accepts only the fields it lists (additionalProperties: false)',
    ([, operation]) => {
      const objects = objectSchemas(operation.requestBody!.schema);
      expect(objects.length).toBeGreaterThan(0);
      for (const [where, schema] of objects) expect(schema.additionalProperties, where).toBe(false);
    },
  );

  test('listCredentials has the optional boolean includeTemporary, false by default', () => {
    expect(byId('listCredentials').queryParameters).toEqual([
      expect.objectContaining({
        name: 'includeTemporary',
        required: false,
        schema: expect.objectContaining({ type: 'boolean', default: false }),
      }),
    ]);
  });

  test('credentialSecret is write-only and a secret in every create body, and never in an answer', () => {
    const create = byId('createCredential').requestBody!.schema as { oneOf: { properties: Record<string, Record<string, unknown>> }[] };
    for (const branch of create.oneOf) expect(branch.properties.credentialSecret).toMatchObject({ writeOnly: true, 'x-secret': true });
    for (const operation of operations.filter((each) => each.tag === 'Credentials'))
      for (const response of operation.responses)
        expect(JSON.stringify(response.body?.examples ?? {}), `${operation.operationId} ${response.status}`).not.toContain(
          'credentialSecret',
        );
    const credential = description.document.components.schemas.Credential as { properties: Record<string, unknown> };
    expect(credential.properties.credentialSecret).toBe(false);
  });

  test('each credential type accepts the auth types of the credentials page, together all of them', () => {
    const schemas = description.document.components.schemas as Record<string, { properties: { credentialAuthType: { enum: string[] } } }>;
    const proxy = schemas.ProxyCredentialCreate!.properties.credentialAuthType.enum;
    const target = schemas.TargetCredentialCreate!.properties.credentialAuthType.enum;
    expect(proxy).toEqual(['apiKey', 'bearer', 'jwt', 'basicAuth', 'jwtVerify']);
    expect(target).toEqual(['apiKey', 'bearer', 'jwt', 'basicAuth', 'oauth2', 'customToken', 'custom', 'none']);
    expect(new Set([...proxy, ...target])).toEqual(
      new Set((description.document.components.schemas.CredentialAuthType as { enum: string[] }).enum),
    );
  });

  test("the credential body's discriminator mapping names the branch whose credentialType is that value", () => {
    const create = description.document.components.schemas.CredentialCreate as {
      oneOf: { $ref: string }[];
      discriminator: { mapping: Record<string, string> };
    };
    for (const [value, ref] of Object.entries(create.discriminator.mapping)) {
      const branch = description.document.components.schemas[ref.split('/').at(-1)!] as {
        properties: { credentialType: { const: string } };
      };
      expect(branch.properties.credentialType.const, ref).toBe(value);
    }
    expect(Object.values(create.discriminator.mapping).sort()).toEqual(create.oneOf.map((branch) => branch.$ref).sort());
  });
});
