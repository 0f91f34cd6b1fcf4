// matchRoute and matchTemplate: which operation a method and path are for, with the path
// parameters taken out, and 405 (with the methods the path has) told apart from 404.
// vitest project: unit (test/support/projects.ts)
import { describe, expect, test } from 'vitest';
import { loadDescription } from '../../scripts/api/description.ts';
import { matchRoute, matchTemplate } from '../../scripts/api/operation-routes.ts';
import { listOperations } from '../../scripts/api/operations.ts';

const operations = listOperations(loadDescription());
const CLIENT = '550e8400-e29b-41d4-a716-446655440000';

describe('matchTemplate', () => {
  test.for([
    ['/api/clients/{clientId}', `/api/clients/${CLIENT}`, { clientId: CLIENT }],
    ['/api/clients/{clientId}/proxies/{proxyId}', `/api/clients/${CLIENT}/proxies/proxy_1`, { clientId: CLIENT, proxyId: 'proxy_1' }],
    ['/api/clients/{clientId}', '/api/clients/a%20b', { clientId: 'a b' }],
    ['/api/clients/{clientId}', '/api/clients/', undefined],
    ['/api/clients/{clientId}', `/api/clients/${CLIENT}/`, undefined],
    ['/api/clients/{clientId}', '/api/clients/%E0%A4%A', undefined],
    ['/api/clients', '/api/clientsX', undefined],
  ] as const)('%s against %s', ([template, pathname, expected]) => {
    expect(matchTemplate(template, pathname)).toEqual(expected);
  });
});

describe('matchRoute', () => {
  test('finds the operation and its path parameters', () => {
    const match = matchRoute(operations, 'put', `/api/clients/${CLIENT}/targets/tgt_1`);
    expect(match.kind === 'operation' && [match.operation.operationId, match.pathParams]).toEqual([
      'updateTarget',
      { clientId: CLIENT, targetId: 'tgt_1' },
    ]);
  });

  test('tells a method the path lacks (405, with the methods it has) from an unknown path (404)', () => {
    expect(matchRoute(operations, 'PATCH', `/api/clients/${CLIENT}`)).toEqual({
      kind: 'method-not-allowed',
      allowed: ['GET', 'PUT', 'DELETE'],
    });
    expect(matchRoute(operations, 'DELETE', '/api/clients')).toEqual({ kind: 'method-not-allowed', allowed: ['GET', 'POST'] });
    expect(matchRoute(operations, 'GET', '/clients')).toEqual({ kind: 'not-found' });
    expect(matchRoute(operations, 'GET', `/api/clients/${CLIENT}/telemetry`)).toEqual({ kind: 'not-found' });
  });
});
