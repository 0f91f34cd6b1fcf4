// The facts, error bodies and the clients the examples print, as read from the description: the
// values the examples, the pages and the mock have always used, so nothing they show changes.
// vitest project: unit (test/support/projects.ts)
import { describe, expect, test } from 'vitest';
import { apiFacts } from '../../scripts/api/api-facts.ts';
import { loadDescription } from '../../scripts/api/description.ts';
import { docsContradictions, knownGaps } from '../../scripts/api/docs-notes.ts';
import { errorAnswers, errorBody } from '../../scripts/api/error-bodies.ts';
import { listOperations, operationById, responseFor } from '../../scripts/api/operations.ts';

const description = loadDescription();
const facts = apiFacts(description);
const answers = errorAnswers(description);

describe('apiFacts', () => {
  test('reads the server, the /api prefix and the raw Authorization header', () => {
    expect(facts).toEqual({
      serverUrl: 'https://api.requestrocket.com',
      host: 'api.requestrocket.com',
      basePath: '/api',
      baseUrl: 'https://api.requestrocket.com/api',
      securityScheme: 'userToken',
      tokenHeader: 'Authorization',
      tokenEnvVar: 'REQUESTROCKET_USER_TOKEN',
      tokenPrefix: 'u-',
      placeholderToken: 'u-your-token-here',
    });
  });
});

describe('errorAnswers', () => {
  test.for([
    [401, undefined, { error: 'Unauthorized', message: 'Invalid or missing authentication token', status: 401 }],
    [403, undefined, { error: 'Forbidden', message: 'Insufficient permissions to access this resource', status: 403 }],
    [404, 'unknownPath', { error: 'Not Found', message: 'No such endpoint', status: 404 }],
    [404, 'unknownId', { error: 'Not Found', message: 'No such resource', status: 404 }],
    [405, undefined, { error: 'Method Not Allowed', message: 'This endpoint does not accept that method', status: 405 }],
  ] as const)('the %i body (%s) is the one the guide and the mock have always shown', ([status, name, body]) => {
    expect(errorBody(answers, status, name)).toEqual(body);
  });

  test('documents 400, 401, 403, 404, 405, 413 and 415, each body repeating its status', () => {
    expect(answers.map((answer) => answer.status)).toEqual([400, 401, 403, 404, 405, 413, 415]);
    for (const answer of answers) for (const body of Object.values(answer.examples)) expect(body.status).toBe(answer.status);
  });

  test('marks every error answer but 401 and 403 as assumed: the docs show no other', () => {
    expect(answers.filter((answer) => !answer.assumed).map((answer) => answer.status)).toEqual([401, 403]);
  });
});

describe("the clients today's examples print", () => {
  const example = responseFor(operationById(listOperations(description), 'listClients'), 200)!.body!.examples.clients as {
    clients: { clientId: string; clientName: string }[];
    message: string;
  };

  test('are Northwind Logistics and Contoso Analytics, in that order', () => {
    expect(example.clients.map((client) => client.clientName)).toEqual(['Northwind Logistics', 'Contoso Analytics']);
    expect(example.message).toBe('Success');
  });

  test('have the UUID ids of the public docs', () => {
    for (const client of example.clients) expect(client.clientId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
  });
});

describe('docs notes', () => {
  test('the known gaps are the telemetry, configuration, rules, requests, notifications and meters endpoints', () => {
    const gaps = knownGaps(description);
    expect(gaps.map((gap) => `${gap.method} ${gap.path}`)).toEqual(
      expect.arrayContaining([
        'GET /api/clients/{clientId}/telemetry',
        'GET /api/clients/{clientId}/proxies/{proxyId}/telemetry',
        'PUT /api/clients/{clientId}/configuration',
        'POST /api/clients/{clientId}/targets/{targetId}/rules',
        'GET /api/clients/{clientId}/proxies/{proxyId}/requests',
        'GET /api/notifications/system',
        'DELETE /api/clients/{clientId}/proxies/{proxyId}/meters/{meterId}',
      ]),
    );
    expect(gaps).toHaveLength(25);
  });

  test('no known gap is an operation the description has', () => {
    const operations = listOperations(description).map((operation) => `${operation.method} ${operation.path}`);
    for (const gap of knownGaps(description)) expect(operations).not.toContain(`${gap.method} ${gap.path}`);
  });

  test('the contradictions resolved include the prefix, the variable, the invalid JSON and apiKey versus key', () => {
    expect(docsContradictions(description).map((contradiction) => contradiction.topic)).toEqual(
      expect.arrayContaining(['Path prefix', 'Token environment variable', 'List clients example', 'API-key auth type']),
    );
  });
});
