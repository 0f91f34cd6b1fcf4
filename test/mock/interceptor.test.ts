// The interception proxy: HTTPS to the API host reaches the mock and is recorded; everything else
// is refused and recorded as egress; each interceptor keeps its own record; close() ends it all.
// vitest project: programs (test/support/projects.ts)
import net from 'node:net';
import { execa } from 'execa';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { API_FACTS, documentedSuccess, formatBody } from '../../scripts/api/core-api.ts';
import { createThrowawayCa } from '../../scripts/mock/ca.ts';
import { startInterceptor } from '../../scripts/mock/interceptor.ts';
import { randomTokenTrio, toMockTokens } from '../../scripts/mock/tokens.ts';
import type { Interceptor, ThrowawayCa } from '../../scripts/mock/types.ts';
import {
  connect,
  expectSameToken,
  getClients,
  openTunnel,
  readUntil,
  readUntilClosed,
  requestOver,
  tlsThroughTunnel,
  until,
  within,
} from './helpers.ts';

const CLIENTS_OK = documentedSuccess('listClients');

let ca: ThrowawayCa;
const started: Interceptor[] = [];
const trio = randomTokenTrio();

async function start(): Promise<Interceptor> {
  const interceptor = await startInterceptor({ ca, tokens: toMockTokens(trio) });
  started.push(interceptor);
  return interceptor;
}

beforeAll(async () => {
  ca = await createThrowawayCa({ javaTrustStore: false }); // no Java client here
});
afterEach(async () => {
  await Promise.all(started.splice(0).map((interceptor) => interceptor.close()));
});
afterAll(async () => {
  await ca?.dispose();
});

describe('startInterceptor', () => {
  test('listens on 127.0.0.1 at a port the OS chose', async () => {
    const interceptor = await start();
    expect(interceptor.port).toBeGreaterThan(0);
    expect(interceptor.proxyUrl).toBe(`http://127.0.0.1:${interceptor.port}`);
  });

  test('tunnels HTTPS for the API host to the mock and records the request as it arrived', async () => {
    const interceptor = await start();
    const secure = await tlsThroughTunnel(interceptor, ca);
    expect(secure.alpnProtocol).toBe('http/1.1');
    const response = await requestOver(secure, {
      path: '/api/clients?page=1',
      headers: [
        ['authorization', trio.valid],
        ['Content-Type', 'application/json'],
      ],
    });
    secure.destroy();
    expect(response.status).toBe(200);
    expect(response.body).toBe(formatBody(CLIENTS_OK.body));
    expect(interceptor.requests).toHaveLength(1);
    const [request] = interceptor.requests;
    expect(request).toMatchObject({
      method: 'GET',
      path: '/api/clients',
      query: 'page=1',
      httpVersion: '1.1',
      servername: API_FACTS.host,
      tunneled: true,
      status: 200,
      reason: 'ok',
    });
    expect(request?.tlsVersion).toMatch(/^TLSv1\.[23]$/);
    expect(request?.rawHeaders).toContainEqual(['Content-Type', 'application/json']);
    expect(request?.rawHeaders.map(([name]) => name)).toContain('authorization');
    expectSameToken(request?.authorization, trio.valid);
    expect(interceptor.egress).toEqual([]);
  });

  test('negotiates http/1.1 with a client that prefers h2', async () => {
    const interceptor = await start();
    const secure = await tlsThroughTunnel(interceptor, ca, { ALPNProtocols: ['h2', 'http/1.1'] });
    expect(secure.alpnProtocol).toBe('http/1.1');
    secure.destroy();
  });

  test('serves several requests on one kept-alive tunnel', async () => {
    const interceptor = await start();
    const secure = await tlsThroughTunnel(interceptor, ca);
    const request = (token: string, connection: string) =>
      `GET /api/clients HTTP/1.1\r\nHost: ${API_FACTS.host}\r\nAuthorization: ${token}\r\nConnection: ${connection}\r\n\r\n`;
    secure.write(request(trio.valid, 'keep-alive'));
    await within(readUntil(secure, /"Success"\n}$/), 'the first answer');
    secure.write(request(trio.revoked, 'keep-alive') + request(trio.forbidden, 'close'));
    const rest = await within(readUntilClosed(secure), 'the pipelined answers');
    expect([...rest.matchAll(/HTTP\/1\.1 (\d{3})/g)].map((match) => match[1])).toEqual(['401', '403']);
    expect(interceptor.requests.map((request) => request.reason)).toEqual(['ok', 'revoked-token', 'forbidden-token']);
  });

  test.each([
    ['example.com:443', { host: 'example.com', port: 443, reason: 'other-host' }],
    ['api.requestrocket.com:80', { host: API_FACTS.host, port: 80, reason: 'not-https' }],
    ['api.requestrocket.com:8443', { host: API_FACTS.host, port: 8443, reason: 'other-port' }],
    ['127.0.0.1:443', { host: '127.0.0.1', port: 443, reason: 'other-host' }],
    ['[::1]:443', { host: '::1', port: 443, reason: 'other-host' }],
  ])('refuses CONNECT %s with 403 and records it as egress', async (authority, attempt) => {
    const interceptor = await start();
    const { socket, status } = await openTunnel(interceptor.port, authority);
    expect(status).toBe(403);
    socket.resume();
    await within(readUntilClosed(socket), 'the refused tunnel to close');
    expect(interceptor.egress).toEqual([{ kind: 'connect', ...attempt }]);
    expect(interceptor.requests).toEqual([]);
  });

  test.each([
    ['http://api.requestrocket.com/api/clients', { host: API_FACTS.host, port: 80, reason: 'not-https' }],
    ['http://example.com:8080/', { host: 'example.com', port: 8080, reason: 'other-host' }],
    ['https://api.requestrocket.com/api/clients', { host: API_FACTS.host, port: 443, reason: 'not-https' }],
  ])('refuses a plain-HTTP proxy request for %s and records it as egress', async (url, attempt) => {
    const interceptor = await start();
    const socket = await connect(interceptor.port);
    socket.write(`GET ${url} HTTP/1.1\r\nHost: ${new URL(url).host}\r\nAuthorization: ${trio.valid}\r\n\r\n`);
    const answer = await within(readUntilClosed(socket), 'the refusal');
    expect(answer).toMatch(/^HTTP\/1\.1 403 /);
    expect(interceptor.egress).toEqual([{ kind: 'http', ...attempt }]);
    expect(interceptor.requests).toEqual([]);
  });

  test('refuses a request sent to the proxy port directly', async () => {
    const interceptor = await start();
    const socket = await connect(interceptor.port);
    socket.write(`GET /api/clients HTTP/1.1\r\nHost: 127.0.0.1:${interceptor.port}\r\n\r\n`);
    expect(await within(readUntilClosed(socket), 'the refusal')).toMatch(/^HTTP\/1\.1 403 /);
    expect(interceptor.egress).toEqual([{ kind: 'http', host: '127.0.0.1', port: interceptor.port, reason: 'other-host' }]);
  });

  test('records a TLS connection that a client distrusting the CA hangs up', async () => {
    const interceptor = await start();
    const rejected = tlsThroughTunnel(interceptor, ca, { ca: undefined });
    await expect(rejected).rejects.toMatchObject({ code: expect.stringMatching(/VERIFY|CERT|ISSUER/) });
    await within(
      until(() => interceptor.tlsFailures.length > 0),
      'the failure to be recorded',
    );
    expect(interceptor.tlsFailures).toEqual([
      { stage: 'handshake', servername: API_FACTS.host, message: 'the client hung up during the TLS handshake', code: null },
    ]);
    expect(interceptor.requests).toEqual([]);
  });

  test('records a handshake that the client aborts with an alert', async () => {
    const interceptor = await start();
    // openssl s_client verifies the certificate mid-handshake and answers an unknown CA with an alert.
    const args = ['s_client', '-proxy', `127.0.0.1:${interceptor.port}`, '-connect', `${API_FACTS.host}:443`];
    const result = await within(
      execa('openssl', [...args, '-servername', API_FACTS.host, '-verify_return_error', '-no-CAfile', '-no-CApath', '-no-CAstore'], {
        input: '',
        reject: false,
      }),
      'openssl s_client to end',
    );
    expect(result.exitCode).not.toBe(0);
    await within(
      until(() => interceptor.tlsFailures.length > 0),
      'the failure to be recorded',
    );
    expect(interceptor.tlsFailures).toEqual([
      {
        stage: 'handshake',
        servername: API_FACTS.host,
        message: expect.stringMatching(/alert unknown ca/),
        code: expect.stringMatching(/^ERR_SSL_/),
      },
    ]);
  });

  test('keeps the requests of concurrent interceptors apart', async () => {
    const cases = await Promise.all(
      Array.from({ length: 8 }, async () => {
        const own = randomTokenTrio();
        const interceptor = await startInterceptor({ ca, tokens: toMockTokens(own) });
        started.push(interceptor);
        return { own, interceptor };
      }),
    );
    const statuses = await Promise.all(cases.map(({ own, interceptor }) => getClients(interceptor, ca, own.valid)));
    expect(statuses.map((response) => response.status)).toEqual(cases.map(() => 200));
    for (const { own, interceptor } of cases) {
      expect(interceptor.requests).toHaveLength(1);
      expectSameToken(interceptor.requests[0]?.authorization, own.valid);
    }
    const [first, second] = cases;
    if (!first || !second) throw new Error('Expected eight interceptors');
    expect((await getClients(first.interceptor, ca, second.own.valid)).status).toBe(401);
    expect(first.interceptor.requests[1]?.reason).toBe('unknown-token');
  });

  test('rejects timeouts that are not positive integers, naming the option', async () => {
    await expect(startInterceptor({ ca, tokens: toMockTokens(trio), timeouts: { idleMs: -1 } })).rejects.toThrow(
      'Expected the `timeouts.idleMs` option to be a positive integer, got `-1` (number)',
    );
  });
});

describe('Interceptor.close', () => {
  test('destroys idle, tunnelled and TLS sockets at once and stops listening', async () => {
    const interceptor = await startInterceptor({ ca, tokens: toMockTokens(trio) });
    const idle = await connect(interceptor.port);
    const { socket: tunnel } = await openTunnel(interceptor.port);
    const secure = await tlsThroughTunnel(interceptor, ca);
    secure.write(`GET /api/clients HTTP/1.1\r\nHost: ${API_FACTS.host}\r\nAuthorization: ${trio.valid}\r\n\r\n`);
    await within(readUntil(secure, /"Success"\n}$/), 'the answer on a kept-alive connection');
    const closed = [idle, tunnel, secure].map((socket) => readUntilClosed(socket));
    await within(interceptor.close(), 'close() to resolve');
    await within(Promise.all(closed), 'every socket to be closed');
    await expect(connect(interceptor.port)).rejects.toMatchObject({ code: 'ECONNREFUSED' });
    await interceptor.close();
  });

  test('refuses a connection that arrives while closing', async () => {
    const interceptor = await startInterceptor({ ca, tokens: toMockTokens(trio) });
    const closing = interceptor.close();
    const late = net.connect(interceptor.port, '127.0.0.1');
    await within(readUntilClosed(late), 'the late socket to be closed');
    await closing;
    expect(late.destroyed).toBe(true);
  });
});
