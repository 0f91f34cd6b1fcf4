// The mock API's answers, decided from the description: routes (404, 405 with Allow), the token
// (401, 403), then the request against its operation; and the listener that sends them and records
// each request, its body and the operation it matched, exactly as they arrived.
// vitest project: unit (test/support/projects.ts)
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { documentedError, documentedSuccess, formatBody } from '../../scripts/api/core-api.ts';
import { createAccountState } from '../../scripts/mock/answers.ts';
import { createApiHandler, decideAnswer, recordedBody, splitTarget, type AnswerInput } from '../../scripts/mock/api.ts';
import { randomTokenTrio, toMockTokens } from '../../scripts/mock/tokens.ts';
import type { RecordedRequest } from '../../scripts/mock/types.ts';
import { connect, expectSameToken, readUntilClosed, requestOver } from './helpers.ts';

const CLIENTS_OK = documentedSuccess('listClients');
const UNAUTHORIZED = documentedError(401);
const FORBIDDEN = documentedError(403);
const NOT_FOUND = documentedError(404, 'unknownPath');
const METHOD_NOT_ALLOWED = documentedError(405);
const CLIENT = '550e8400-e29b-41d4-a716-446655440000';

const trio = randomTokenTrio();
const tokens = toMockTokens(trio);
const input = (authorizations: readonly string[], path = '/api/clients', method = 'GET'): AnswerInput => ({
  method,
  path,
  query: '',
  rawHeaders: authorizations.map((value) => ['Authorization', value] as const),
  body: { kind: 'none' },
});
const get = (authorizations: readonly string[], path?: string, method?: string) =>
  decideAnswer(input(authorizations, path, method), tokens, createAccountState());

describe('decideAnswer', () => {
  test.each([
    ['the valid token', [trio.valid], CLIENTS_OK, 'ok'],
    ['the revoked token', [trio.revoked], UNAUTHORIZED, 'revoked-token'],
    ['the forbidden token', [trio.forbidden], FORBIDDEN, 'forbidden-token'],
    ['an unknown token', ['u-unknown'], UNAUTHORIZED, 'unknown-token'],
    ['no header', [], UNAUTHORIZED, 'missing-token'],
    ['an empty header', [''], UNAUTHORIZED, 'missing-token'],
    ['a header of spaces', ['   '], UNAUTHORIZED, 'missing-token'],
    ['two Authorization headers', [trio.valid, trio.valid], UNAUTHORIZED, 'malformed-token'],
    ['the token with a Token scheme', [`Token ${trio.valid}`], UNAUTHORIZED, 'malformed-token'],
    ['the token with trailing text', [`${trio.valid} extra`], UNAUTHORIZED, 'malformed-token'],
  ] as const)('answers %s with the documented status and body', (_, authorizations, response, reason) => {
    const answer = get(authorizations);
    expect([answer.status, answer.body, answer.reason]).toEqual([response.status, response.body, reason]);
    expect(answer.operation).toEqual({ operationId: 'listClients' });
  });

  test.each(['Bearer', 'bearer', 'BEARER', 'bEaReR'])('answers a valid token after `%s ` with 401', (scheme) => {
    const answer = get([`${scheme} ${trio.valid}`]);
    expect([answer.status, answer.body, answer.reason]).toEqual([401, UNAUTHORIZED.body, 'malformed-token']);
  });

  test.each(['/api/client', '/api/clients/', '/clients', '/', '/api/Clients', `/api/clients/${CLIENT}/telemetry`])(
    'answers unknown path %s with 404 and the unknown-path body',
    (path) => {
      expect(get([trio.valid], path)).toEqual({
        status: 404,
        body: NOT_FOUND.body,
        reason: 'not-found',
        operation: { unmatched: 'unknown-path' },
        headers: {},
      });
    },
  );

  test.each([
    ['/api/clients', 'PUT', 'GET, POST'],
    ['/api/clients', 'DELETE', 'GET, POST'],
    ['/api/clients', 'HEAD', 'GET, POST'],
    [`/api/clients/${CLIENT}`, 'PATCH', 'GET, PUT, DELETE'],
    [`/api/clients/${CLIENT}/targets`, 'DELETE', 'GET, POST'],
    [`/api/clients/${CLIENT}/targets/tgt_789e4567`, 'POST', 'GET, PUT, DELETE'],
  ])('answers %s %s with 405 and Allow: %s', (path, method, allow) => {
    expect(get([trio.valid], path, method)).toEqual({
      status: 405,
      body: METHOD_NOT_ALLOWED.body,
      reason: 'method-not-allowed',
      operation: { unmatched: 'method-not-allowed' },
      headers: { Allow: allow },
    });
  });

  test('judges the path before the token, and the token before the ids', () => {
    expect(get([], '/nowhere').status).toBe(404);
    expect(get([], '/api/clients', 'PATCH').status).toBe(405);
    expect(get([], `/api/clients/not-a-uuid`).status).toBe(401);
    expect(get([trio.forbidden], `/api/clients/not-a-uuid`).status).toBe(403);
  });

  test.each([
    ['an id of the wrong shape', '/api/clients/not-a-uuid'],
    ['an unknown client', '/api/clients/00000000-0000-4000-8000-000000000000'],
    ['a target of the wrong shape', `/api/clients/${CLIENT}/targets/cred_4f1a2b3c`],
    ['an unknown target', `/api/clients/${CLIENT}/targets/tgt_00000000`],
    ['the targets of an unknown client', '/api/clients/00000000-0000-4000-8000-000000000000/targets'],
  ])('answers %s with 404 and the unknown-id body', (_, path) => {
    const answer = get([trio.valid], path);
    expect([answer.status, answer.body, answer.reason]).toEqual([404, documentedError(404, 'unknownId').body, 'unknown-id']);
  });

  test('answers a query parameter off its schema with 400 naming it, and ignores undeclared ones', () => {
    const state = createAccountState();
    const at = (query: string) => decideAnswer({ ...input([trio.valid], `/api/clients/${CLIENT}/credentials`), query }, tokens, state);
    expect(at('includeTemporary=maybe')).toMatchObject({ status: 400, body: { message: 'includeTemporary: must be true or false' } });
    expect(at('includeTemporary=true&page=2').status).toBe(200);
    expect(decideAnswer({ ...input([trio.valid]), query: 'limit=10&__proto__=1' }, tokens, state).status).toBe(200);
  });
});

describe('splitTarget', () => {
  test.each([
    ['/api/clients', '/api/clients', ''],
    ['/api/clients?a=1&b', '/api/clients', 'a=1&b'],
    ['/api/clients?', '/api/clients', ''],
    ['https://api.requestrocket.com/api/clients?x', '/api/clients', 'x'],
    ['https://api.requestrocket.com', '/', ''],
    ['https://api.requestrocket.com?q', '/', 'q'],
  ])('splits %s into path and raw query', (target, path, query) => {
    expect(splitTarget(target)).toEqual({ path, query });
  });
});

describe('recordedBody', () => {
  test.each([
    ['no framing', { kind: 'none' } as const, null],
    [
      'a whole UTF-8 body',
      { kind: 'complete', bytes: Buffer.from('{"a":"é"}'), received: 10 } as const,
      { text: '{"a":"é"}', encoding: 'utf8', bytes: 10, truncated: false },
    ],
    [
      'bytes that are not UTF-8',
      { kind: 'complete', bytes: Buffer.from([0xff, 0x7b]), received: 2 } as const,
      { text: '/3s=', encoding: 'base64', bytes: 2, truncated: false },
    ],
    [
      'a body over the limit',
      { kind: 'too-large', bytes: Buffer.from('{"a'), received: 9, declared: undefined } as const,
      { text: '{"a', encoding: 'utf8', bytes: 9, truncated: true },
    ],
    [
      'a body cut short',
      { kind: 'incomplete', bytes: Buffer.from('{'), received: 1, why: 'deadline' } as const,
      { text: '{', encoding: 'utf8', bytes: 1, truncated: true },
    ],
  ])('keeps %s exactly', (_, read, expected) => {
    expect(recordedBody(read)).toEqual(expected);
  });
});

describe('createApiHandler', () => {
  const recorded: RecordedRequest[] = [];
  let server: http.Server;
  let port: number;

  beforeAll(async () => {
    server = http.createServer(createApiHandler({ tokens, record: (r) => recorded.push(r), tunneled: false }));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  const send = async (options: Parameters<typeof requestOver>[1]) => requestOver(await connect(port), options);

  test.each([
    ['the valid token', trio.valid, CLIENTS_OK],
    ['the revoked token', trio.revoked, UNAUTHORIZED],
    ['the forbidden token', trio.forbidden, FORBIDDEN],
    ['an empty value', '', UNAUTHORIZED],
    ['a Bearer value', `Bearer ${trio.valid}`, UNAUTHORIZED],
  ])('sends %s the exact JSON body of the description', async (_, authorization, expected) => {
    const response = await send({ headers: [['Authorization', authorization]] });
    expect(response.status).toBe(expected.status);
    expect(response.headers['content-type']).toBe('application/json');
    expect(response.body).toBe(formatBody(expected.body));
  });

  test('sends 404 for an unknown path, shaped like the other errors', async () => {
    const response = await send({ path: '/api/nothing', headers: [['Authorization', trio.valid]] });
    expect(response.status).toBe(404);
    expect(response.headers['content-type']).toBe('application/json');
    expect(JSON.parse(response.body)).toEqual(NOT_FOUND.body);
    expect(Object.keys(JSON.parse(response.body))).toEqual(['error', 'message', 'status']);
  });

  test('sends 405 with an Allow header for a wrong method', async () => {
    const response = await send({ method: 'DELETE', headers: [['Authorization', trio.valid]] });
    expect(response.status).toBe(405);
    expect(response.headers.allow).toBe('GET, POST');
    expect(JSON.parse(response.body)).toEqual(METHOD_NOT_ALLOWED.body);
  });

  test('records the raw request: header casing, query, version, status, reason and the operation', async () => {
    recorded.length = 0;
    await send({
      path: '/api/clients?page=2&x=%20',
      headers: [
        ['AUTHORIZATION', trio.valid],
        ['content-TYPE', 'application/json'],
      ],
    });
    const [request] = recorded;
    expect(request).toMatchObject({
      method: 'GET',
      path: '/api/clients',
      query: 'page=2&x=%20',
      httpVersion: '1.1',
      tlsVersion: null,
      servername: null,
      tunneled: false,
      body: null,
      operation: { operationId: 'listClients' },
      status: 200,
      reason: 'ok',
    });
    expect(request?.rawHeaders.map(([name]) => name)).toContain('AUTHORIZATION');
    expect(request?.rawHeaders).toContainEqual(['content-TYPE', 'application/json']);
    expectSameToken(request?.authorization, trio.valid);
  });

  test('records the body byte for byte, even one it refuses, and why nothing matched', async () => {
    recorded.length = 0;
    const body = '{ "clientName" : "Acme",\n "extra": 1 }';
    const response = await send({
      method: 'POST',
      headers: [
        ['Authorization', trio.valid],
        ['Content-Type', 'application/json'],
      ],
      body,
    });
    expect(response.status).toBe(400);
    expect(JSON.parse(response.body)).toEqual({
      error: 'Bad Request',
      message: 'extra: unknown field (expected one of clientName)',
      status: 400,
    });
    await send({ method: 'PATCH', headers: [['Authorization', trio.valid]], body: 'x' });
    expect(recorded.map((request) => [request.body, request.operation, request.reason])).toEqual([
      [{ text: body, encoding: 'utf8', bytes: body.length, truncated: false }, { operationId: 'createClient' }, 'invalid-request'],
      [{ text: 'x', encoding: 'utf8', bytes: 1, truncated: false }, { unmatched: 'method-not-allowed' }, 'method-not-allowed'],
    ]);
  });

  test('reads a body it does not need and keeps answering on the same connection', async () => {
    const socket = await connect(port);
    const body = 'x'.repeat(60_000);
    socket.write(`PUT /api/clients HTTP/1.1\r\nHost: x\r\nContent-Length: ${body.length}\r\n\r\n${body}`);
    socket.write(`GET /api/clients HTTP/1.1\r\nHost: x\r\nAuthorization: ${trio.valid}\r\nConnection: close\r\n\r\n`);
    const received = await readUntilClosed(socket);
    expect(received).toMatch(/^HTTP\/1\.1 405 /);
    expect(received).toMatch(/HTTP\/1\.1 200 OK/);
  });
});
