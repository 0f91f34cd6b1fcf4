// The project's description as the code reads it (scripts/api/core-api.ts): its success examples,
// its error bodies, the seeded client names, and its file in the import graph of what reads it, so
// an edit to the YAML invalidates the results of the code that depends on it.
// vitest project: unit (test/support/projects.ts)
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import {
  API_ERRORS,
  API_FACTS,
  API_OPERATIONS,
  SEED_CLIENT_NAMES,
  documentedError,
  documentedSuccess,
  formatBody,
} from '../../scripts/api/core-api.ts';
import { CORE_API_DESCRIPTION } from '../../scripts/api/description.ts';
import { importGraph } from '../../scripts/import-graph.ts';
import { PROJECT_ROOT } from '../../scripts/project.ts';

describe('the project description', () => {
  test('is api/core-api.openapi.yaml, in the import graph of the mock, the harness and the site surface', () => {
    expect(path.relative(PROJECT_ROOT, CORE_API_DESCRIPTION)).toBe(path.join('api', 'core-api.openapi.yaml'));
    for (const entry of ['scripts/mock/api.ts', 'scripts/harness/harness.ts', 'scripts/site-surface.ts'])
      expect(importGraph([path.join(PROJECT_ROOT, entry)]), entry).toContain(CORE_API_DESCRIPTION);
  });

  test('gives its facts frozen, and every operation', () => {
    expect(Object.isFrozen(API_FACTS)).toBe(true);
    expect(API_FACTS.baseUrl).toBe('https://api.requestrocket.com/api');
    expect(API_OPERATIONS).toHaveLength(20);
    expect(API_ERRORS.map((answer) => answer.status)).toEqual([400, 401, 403, 404, 405, 413, 415]);
  });
});

describe('documentedSuccess', () => {
  test("gives an operation's first 2xx status with its first example", () => {
    const list = documentedSuccess('listClients');
    expect(list.status).toBe(200);
    expect((list.body as { clients: { clientName: string }[] }).clients.map((client) => client.clientName)).toEqual([...SEED_CLIENT_NAMES]);
    expect(documentedSuccess('createTarget')).toMatchObject({
      status: 201,
      body: { target: { sKey: 'tgt_a1b2c3d4' }, message: 'Success' },
    });
    expect(documentedSuccess('deleteProxy')).toEqual({ status: 200, body: { message: 'Success' } });
  });

  test('names the operations there are for an unknown one', () => {
    expect(() => documentedSuccess('listClient')).toThrow(
      /No operation "listClient" in the API description \(expected one of listClients, /,
    );
  });
});

describe('documentedError', () => {
  test('gives the named example, or the first', () => {
    expect(documentedError(404, 'unknownId')).toEqual({
      status: 404,
      body: { error: 'Not Found', message: 'No such resource', status: 404 },
    });
    expect(documentedError(401).body.error).toBe('Unauthorized');
  });

  test('names the statuses there are for one the description does not document', () => {
    expect(() => documentedError(418)).toThrow('The API description documents no 418 answer (it has 400, 401, 403, 404, 405, 413, 415)');
  });
});

test('SEED_CLIENT_NAMES are the seeded clients, in order', () => {
  expect(SEED_CLIENT_NAMES).toEqual(['Northwind Logistics', 'Contoso Analytics']);
});

test('formatBody writes JSON with two-space indents, as the mock sends it and the guide shows it', () => {
  expect(formatBody({ a: [1] })).toBe('{\n  "a": [\n    1\n  ]\n}');
});
