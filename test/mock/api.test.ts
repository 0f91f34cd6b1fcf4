// The mock API's answers: every status with exactly the contract's bodies.
// vitest project: unit (test/support/projects.ts)
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { CLIENTS_OK, FORBIDDEN, METHOD_NOT_ALLOWED, NOT_FOUND, UNAUTHORIZED, formatBody } from '../../scripts/api/contract.ts';
import { createApiHandler, decideAnswer, splitTarget } from '../../scripts/mock/api.ts';
import { randomTokenTrio, toMockTokens } from '../../scripts/mock/tokens.ts';
import type { RecordedRequest } from '../../scripts/mock/types.ts';
import { connect, expectSameToken, readUntilClosed, requestOver } from './helpers.ts';

const trio = randomTokenTrio();
const tokens = toMockTokens(trio);
const get = (authorizations: string[], path = '/api/clients', method = 'GET') => decideAnswer({ method, path, authorizations }, tokens);

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
  ] as const)('answers %s with the contract body', (_, authorizations, response, reason) => {
    const answer = get([...authorizations]);
    expect(answer.response).toBe(response);
    expect(answer.reason).toBe(reason);
  });

  test.each(['Bearer', 'bearer', 'BEARER', 'bEaReR'])('answers a valid token after `%s ` with 401', (scheme) => {
    const answer = get([`${scheme} ${trio.valid}`]);
    expect(answer.response).toBe(UNAUTHORIZED);
    expect(answer.reason).toBe('malformed-token');
  });

  test.each(['/api/client', '/api/clients/', '/clients', '/', '/api/Clients'])('answers unknown path %s with 404', (path) => {
    expect(get([trio.valid], path)).toEqual({ response: NOT_FOUND, reason: 'not-found', headers: {} });
  });

  test.each(['POST', 'PUT', 'DELETE', 'PATCH', 'HEAD', 'OPTIONS'])('answers %s /api/clients with 405 and Allow: GET', (method) => {
    expect(get([trio.valid], '/api/clients', method)).toEqual({
      response: METHOD_NOT_ALLOWED,
      reason: 'method-not-allowed',
      headers: { Allow: 'GET' },
    });
  });

  test('judges the path before the token', () => {
    expect(get([], '/nowhere').response).toBe(NOT_FOUND);
    expect(get([], '/api/clients', 'POST').response).toBe(METHOD_NOT_ALLOWED);
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
  ])('sends %s the exact JSON body of the contract', async (_, authorization, expected) => {
    const response = await send({ headers: [['Authorization', authorization]] });
    expect(response.status).toBe(expected.status);
    expect(response.headers['content-type']).toBe('application/json');
    expect(response.body).toBe(formatBody(expected.body));
    expect(JSON.parse(response.body)).toEqual(expected.body);
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
    expect(response.headers.allow).toBe('GET');
    expect(response.headers['content-type']).toBe('application/json');
    expect(JSON.parse(response.body)).toEqual(METHOD_NOT_ALLOWED.body);
  });

  test('records the raw request: header casing, query, version, status and reason', async () => {
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
      status: 200,
      reason: 'ok',
    });
    expect(request?.rawHeaders.map(([name]) => name)).toContain('AUTHORIZATION');
    expect(request?.rawHeaders).toContainEqual(['content-TYPE', 'application/json']);
    expectSameToken(request?.authorization, trio.valid);
  });

  test('drains a request body and keeps answering on the same connection', async () => {
    const socket = await connect(port);
    const body = 'x'.repeat(100_000);
    socket.write(`POST /api/clients HTTP/1.1\r\nHost: x\r\nContent-Length: ${body.length}\r\n\r\n${body}`);
    socket.write(`GET /api/clients HTTP/1.1\r\nHost: x\r\nAuthorization: ${trio.valid}\r\nConnection: close\r\n\r\n`);
    const received = await readUntilClosed(socket);
    expect(received).toMatch(/^HTTP\/1\.1 405 /);
    expect(received).toMatch(/HTTP\/1\.1 200 OK/);
  });
});
