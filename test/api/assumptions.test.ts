// Assumptions are marked one way (`x-assumed: <one sentence>`), on the node they qualify, and
// wherever the public docs are silent; what the docs or the authentication contract say is not.
// vitest project: unit (test/support/projects.ts)
import { describe, expect, test } from 'vitest';
import { findAssumptions } from '../../scripts/api/assumptions.ts';
import { loadDescription } from '../../scripts/api/description.ts';
import { ReasonSchema } from '../../scripts/api/description-schema.ts';
import { isRecord, stepsOf, valueAt } from '../../scripts/api/json-pointer.ts';
import { listOperations, responseFor } from '../../scripts/api/operations.ts';

const description = loadDescription();
const { document } = description;
const operations = listOperations(description);
const assumed = findAssumptions(document);
const pointers = assumed.map((assumption) => assumption.pointer);

describe('x-assumed', () => {
  test.for(assumed.map((assumption) => [assumption.pointer, assumption] as const))(
    '%s gives its reason in one sentence',
    ([, assumption]) => {
      expect(ReasonSchema.safeParse(assumption.reason).success, String(assumption.reason)).toBe(true);
    },
  );

  test('sits on an object of the description (an operation, response, schema, property or parameter), never in an example or the seed', () => {
    for (const pointer of pointers) {
      expect(isRecord(valueAt(document, stepsOf(pointer)!)), pointer).toBe(true);
      expect(pointer, pointer).not.toMatch(/^#\/(x-seed|components\/examples)\//);
    }
  });

  test('the convention is explained in info.description', () => {
    expect(document.info.description).toContain('`x-assumed`');
    expect(document.info.description).toContain('additionalProperties: false');
  });
});

describe('where the docs are silent', () => {
  const nonList = operations.filter((operation) => !operation.operationId.startsWith('list'));

  test.for(nonList.map((operation) => [operation.operationId, operation] as const))(
    '%s: its success answer is assumed',
    ([, operation]) => {
      const success = operation.responses.find((response) => response.status < 300)!;
      expect(success.assumed, `${success.status}`).toMatch(/^The docs show no answer/);
    },
  );

  test.for(operations.filter((operation) => operation.requestBody).map((operation) => [operation.operationId, operation] as const))(
    '%s: its request body schema is assumed',
    ([, operation]) => {
      expect((operation.requestBody!.schema as Record<string, unknown>)['x-assumed']).toEqual(expect.any(String));
    },
  );

  test.for([400, 404, 413, 415] as const)('the %i answer is assumed', (status) => {
    const response = operations.map((operation) => responseFor(operation, status)).find(Boolean)!;
    expect(response.assumed).toEqual(expect.any(String));
  });

  test('405 (for a request matching no operation) is assumed', () => {
    expect(pointers).toContain('#/x-unrouted-responses/405');
  });

  test.for([
    'Client',
    'Target',
    'Credential',
    'Proxy',
    'ClientEnvelope',
    'TargetEnvelope',
    'CredentialEnvelope',
    'ProxyEnvelope',
    'Deleted',
  ])('which fields of %s are present is assumed', (name) => {
    expect(pointers).toContain(`#/components/schemas/${name}`);
  });

  test('the ids of targets, credentials and proxies (their sKey) are assumed', () => {
    for (const name of ['TargetId', 'CredentialId', 'ProxyId']) expect(pointers).toContain(`#/components/parameters/${name}`);
  });

  test('every operation but the lists relies on at least one assumption', () => {
    for (const operation of nonList) expect(operation.assumptions.length, operation.operationId).toBeGreaterThan(0);
  });
});

describe('what the docs say', () => {
  test.for(
    operations
      .filter((operation) => operation.operationId.startsWith('list'))
      .map((operation) => [operation.operationId, operation] as const),
  )('%s: its 200 answer (a resource-named list and "Success") is not assumed', ([, operation]) => {
    expect(responseFor(operation, 200)!.assumed).toBeUndefined();
  });

  test('401 and 403 (the authentication contract) are not assumed, nor the security scheme', () => {
    for (const operation of operations) {
      expect(responseFor(operation, 401)!.assumed, operation.operationId).toBeUndefined();
      expect(responseFor(operation, 403)!.assumed, operation.operationId).toBeUndefined();
    }
    expect(pointers.filter((pointer) => pointer.startsWith('#/components/securitySchemes'))).toEqual([]);
  });
});
