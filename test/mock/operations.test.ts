// Every answer the mock gives is one its operation documents, with a body valid against that
// answer's schema: for every operation a valid request (its path parameters' examples, its request
// example), each documented error (400, 401, 403, 404, 405, 413, 415) and invalid bodies.
// vitest project: unit (test/support/projects.ts)
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, test } from 'vitest';
import { createApiValidator } from '../../scripts/api/api-validator.ts';
import { API_OPERATIONS, CORE_API } from '../../scripts/api/core-api.ts';
import { unroutedResponses } from '../../scripts/api/error-bodies.ts';
import { responseFor, type ApiOperation } from '../../scripts/api/operations.ts';
import { formatProblems } from '../../scripts/api/validation-messages.ts';
import { createApiHandler } from '../../scripts/mock/api.ts';
import { randomTokenTrio, toMockTokens } from '../../scripts/mock/tokens.ts';

const validator = createApiValidator(CORE_API, API_OPERATIONS);
const trio = randomTokenTrio();
const servers: http.Server[] = [];

/** A mock of its own, as the seed makes it, at http://127.0.0.1:port. */
async function freshMock(): Promise<string> {
  const server = http.createServer(createApiHandler({ tokens: toMockTokens(trio), record: () => undefined, tunneled: false }));
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}
afterEach(async () => {
  for (const server of servers.splice(0)) {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
});

interface Call {
  method?: string;
  path: string;
  token?: string | null;
  contentType?: string;
  body?: string;
}

async function call(base: string, request: Call): Promise<{ status: number; body: unknown; allow: string | null }> {
  const headers: Record<string, string> = {};
  if (request.token !== null) headers.Authorization = request.token ?? trio.valid;
  if (request.body !== undefined) headers['Content-Type'] = request.contentType ?? 'application/json';
  const response = await fetch(`${base}${request.path}`, { method: request.method ?? 'GET', headers, body: request.body });
  expect(response.headers.get('content-type')).toBe('application/json');
  return { status: response.status, body: await response.json(), allow: response.headers.get('allow') };
}

/** The path of the seeded records (each parameter's example), with `override` for some parameters. */
function pathOf(operation: ApiOperation, override: Record<string, string> = {}): string {
  return operation.path.replace(/\{([^{}]+)\}/g, (_match, name: string) =>
    encodeURIComponent(override[name] ?? String(operation.pathParameters.find((parameter) => parameter.name === name)!.example)),
  );
}

/** An id of the right shape that names no seeded record. */
function unknownIdLike(example: string): string {
  return /^[0-9a-f-]{36}$/.test(example) ? '00000000-0000-4000-8000-000000000000' : example.replace(/_.*$/, '_ffffffff');
}

const requestExample = (operation: ApiOperation) => JSON.stringify(Object.values(operation.requestBody?.examples ?? {})[0]);

/** Asserts the answer is documented for the operation and valid against its schema. */
function expectDocumented(operation: ApiOperation, answer: { status: number; body: unknown }, status: number): void {
  expect(answer.status, JSON.stringify(answer.body)).toBe(status);
  expect(formatProblems(validator.validateResponse(operation.operationId, answer.status, answer.body))).toBe('');
}

const withStatus = (status: number) =>
  API_OPERATIONS.filter((operation) => responseFor(operation, status)).map((operation) => [operation.operationId, operation] as const);

describe.each(API_OPERATIONS.map((operation) => [operation.operationId, operation] as const))('%s', (_, operation) => {
  const success = operation.responses.find((response) => response.status < 300)!.status;

  test(`answers a valid request with ${success} and a body of its schema`, async () => {
    const base = await freshMock();
    const answer = await call(base, {
      method: operation.method,
      path: pathOf(operation),
      body: operation.requestBody ? requestExample(operation) : undefined,
    });
    expectDocumented(operation, answer, success);
  });

  test('answers 401 without a token, and 403 with a token lacking the permission', async () => {
    const base = await freshMock();
    const body = operation.requestBody ? requestExample(operation) : undefined;
    expectDocumented(operation, await call(base, { method: operation.method, path: pathOf(operation), token: null, body }), 401);
    expectDocumented(operation, await call(base, { method: operation.method, path: pathOf(operation), token: trio.forbidden, body }), 403);
    expectDocumented(
      operation,
      await call(base, { method: operation.method, path: pathOf(operation), token: `Bearer ${trio.valid}`, body }),
      401,
    );
  });
});

describe('404', () => {
  test.each(withStatus(404))('%s: an unknown id of each path parameter, and one of the wrong shape', async (_, operation) => {
    const base = await freshMock();
    const body = operation.requestBody ? requestExample(operation) : undefined;
    for (const parameter of operation.pathParameters) {
      for (const id of [unknownIdLike(String(parameter.example)), 'not-an-id']) {
        const answer = await call(base, { method: operation.method, path: pathOf(operation, { [parameter.name]: id }), body });
        expectDocumented(operation, answer, 404);
        expect(answer.body).toMatchObject({ message: 'No such resource' });
      }
    }
  });
});

describe('400', () => {
  test.each(withStatus(400).filter(([, operation]) => operation.requestBody))(
    '%s: bodies off the schema, each problem named',
    async (_, operation) => {
      const base = await freshMock();
      for (const body of ['{}', '[]', '"text"', '{"unknownField": 1}', 'not json', '']) {
        const answer = await call(base, { method: operation.method, path: pathOf(operation), body });
        expectDocumented(operation, answer, 400);
        expect((answer.body as { message: string }).message).toMatch(/^[\w.[\]]+: /);
      }
    },
  );

  test('listCredentials: a query parameter off its schema', async () => {
    const operation = API_OPERATIONS.find((each) => each.operationId === 'listCredentials')!;
    const answer = await call(await freshMock(), { path: `${pathOf(operation)}?includeTemporary=sometimes` });
    expectDocumented(operation, answer, 400);
    expect(answer.body).toMatchObject({ message: 'includeTemporary: must be true or false' });
  });

  test.each([
    [
      'createTarget',
      { targetName: 'A', targetBaseURL: 'http://a.example', targetTestPath: '/', targetRegion: 'us-east-1' },
      'targetBaseURL: must be an https URL',
    ],
    ['createTarget', { targetBaseURL: 'https://a.example', targetTestPath: '/', targetRegion: 'us-east-1' }, 'targetName: is required'],
    ['createClient', { clientName: 'A', targetNmae: 'x' }, 'targetNmae: unknown field (expected one of clientName)'],
    ['createClient', { clientName: '' }, 'clientName: must not be empty'],
    ['updateProxy', { proxyMaxRequestsPerMinute: 5000 }, 'proxyMaxRequestsPerMinute: must be at most 1000'],
    [
      'updateTarget',
      { targetRegion: 'eu-west-1' },
      'targetRegion: unknown field (expected one of targetName, targetBaseURL, targetTestPath, targetDefaultRuleEffect)',
    ],
    [
      'createCredential',
      {
        credentialType: 'proxy',
        credentialAuthType: 'oauth2',
        credentialName: 'a',
        credentialRegion: 'us-east-1',
        credentialSecret: { key: 'k' },
      },
      'credentialAuthType: must be one of apiKey, bearer, jwt, basicAuth, jwtVerify',
    ],
  ])('%s with %j: %s', async (operationId, body, message) => {
    const operation = API_OPERATIONS.find((each) => each.operationId === operationId)!;
    const answer = await call(await freshMock(), { method: operation.method, path: pathOf(operation), body: JSON.stringify(body) });
    expectDocumented(operation, answer, 400);
    expect(answer.body).toEqual({ error: 'Bad Request', message, status: 400 });
  });
});

describe('413 and 415', () => {
  test.each(withStatus(413))('%s: a body over the limit gets 413', async (_, operation) => {
    const answer = await call(await freshMock(), {
      method: operation.method,
      path: pathOf(operation),
      body: JSON.stringify({ pad: 'x'.repeat(70_000) }),
    });
    expectDocumented(operation, answer, 413);
  });

  test.each(withStatus(415))('%s: a body of another media type gets 415', async (_, operation) => {
    const base = await freshMock();
    for (const contentType of ['text/plain', 'application/x-www-form-urlencoded', 'application/jsonx'])
      expectDocumented(
        operation,
        await call(base, { method: operation.method, path: pathOf(operation), body: requestExample(operation), contentType }),
        415,
      );
  });
});

describe('a request that matches no operation', () => {
  const [notFound, methodNotAllowed] = unroutedResponses(CORE_API);

  test('gets 404 for an unknown path and 405 with Allow for a method the path lacks, each valid against x-unrouted-responses', async () => {
    const base = await freshMock();
    const unknown = await call(base, { path: '/api/clients/550e8400-e29b-41d4-a716-446655440000/telemetry' });
    expect(unknown.status).toBe(404);
    expect(formatProblems(validator.validateValue(notFound!.body!.schema, unknown.body))).toBe('');
    for (const path of new Set(API_OPERATIONS.map((operation) => pathOf(operation)))) {
      const answer = await call(base, { method: 'PATCH', path });
      expect(answer.status).toBe(405);
      expect(answer.allow).toMatch(/^(GET|POST|PUT|DELETE)(, (GET|POST|PUT|DELETE))*$/);
      expect(formatProblems(validator.validateValue(methodNotAllowed!.body!.schema, answer.body))).toBe('');
    }
  });
});
