// Bad input never takes the interceptor down: each gets a 4xx or a closed connection within a
// bounded time, and the next good request is still answered.
// vitest project: programs (test/support/projects.ts)
import { randomBytes } from 'node:crypto';
import tls from 'node:tls';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { API_FACTS } from '../../scripts/api/core-api.ts';
import { createThrowawayCa } from '../../scripts/mock/ca.ts';
import { describeTlsFailure } from '../../scripts/mock/describe.ts';
import { startInterceptor } from '../../scripts/mock/interceptor.ts';
import { randomTokenTrio, toMockTokens } from '../../scripts/mock/tokens.ts';
import type { Interceptor, ThrowawayCa } from '../../scripts/mock/types.ts';
import { connect, getClients, openTunnel, readUntilClosed, tlsThroughTunnel, until, within } from './helpers.ts';

// Short timeouts keep the slow-client cases fast; the safety net in `within` is far longer.
const TIMEOUTS = { headersMs: 300, idleMs: 600 };
const BAD_REQUEST_OR_NOTHING = /^(HTTP\/1\.1 400 [^]*)?$/;
// Fixed rather than random: random bytes could, rarely, start like a TLS record and wait for more.
const NOT_TLS = 'this is not a TLS handshake\r\n'.repeat(20);
const OVERSIZED_HEADER = `X-Padding: ${'a'.repeat(17 * 1024)}\r\n`;
const trio = randomTokenTrio();
let ca: ThrowawayCa;
let interceptor: Interceptor;

beforeAll(async () => {
  ca = await createThrowawayCa({ javaTrustStore: false }); // no Java client here
  interceptor = await startInterceptor({ ca, tokens: toMockTokens(trio), timeouts: TIMEOUTS });
});
afterEach(async () => {
  const response = await within(getClients(interceptor, ca, trio.valid), 'the next good request to be answered');
  expect(response.status).toBe(200);
});
afterAll(async () => {
  await interceptor?.close();
  await ca?.dispose();
});

/** Sends raw bytes to the proxy and returns what comes back before the connection closes. */
async function sendToProxy(bytes: string | Buffer): Promise<string> {
  const socket = await connect(interceptor.port);
  const answer = readUntilClosed(socket);
  socket.write(bytes);
  return within(answer, 'the proxy to answer and close');
}

/** Sends raw bytes inside an established TLS connection and returns the answer up to the close. */
async function sendInsideTls(bytes: string): Promise<string> {
  const secure = await tlsThroughTunnel(interceptor, ca);
  const answer = readUntilClosed(secure);
  secure.write(bytes);
  return within(answer, 'the mock to answer and close');
}

describe('the proxy listener', () => {
  test('answers a malformed request line with 400 and closes', async () => {
    expect(await sendToProxy('HELLO THERE\r\n\r\n')).toMatch(/^HTTP\/1\.1 400 /);
  });

  test('answers headers over 16 KiB with 431 and closes', async () => {
    expect(await sendToProxy(`CONNECT ${API_FACTS.host}:443 HTTP/1.1\r\n${OVERSIZED_HEADER}\r\n`)).toMatch(/^HTTP\/1\.1 431 /);
  });

  test('answers garbage bytes with 400 or closes', async () => {
    expect(await sendToProxy(randomBytes(4096))).toMatch(BAD_REQUEST_OR_NOTHING);
  });

  test('closes a connection that sends nothing', async () => {
    const socket = await connect(interceptor.port);
    expect(await within(readUntilClosed(socket), 'the silent connection to be closed')).toMatch(/^(HTTP\/1\.1 408 [^]*)?$/);
  });

  test('closes a connection that trickles its request head', async () => {
    const socket = await connect(interceptor.port);
    const closed = readUntilClosed(socket);
    const head = `CONNECT ${API_FACTS.host}:443 HTTP/1.1\r\nX-Slow: ${'s'.repeat(1000)}`;
    let sent = 0;
    const trickle = setInterval(() => socket.writable && socket.write(head[sent++ % head.length] ?? 's'), 20);
    try {
      await within(closed, 'the trickling connection to be closed');
    } finally {
      clearInterval(trickle);
    }
  });

  test('answers a CONNECT without a port with 400 and records it', async () => {
    const before = interceptor.egress.length;
    expect(await sendToProxy('CONNECT nonsense HTTP/1.1\r\nHost: nonsense\r\n\r\n')).toMatch(/^HTTP\/1\.1 400 /);
    expect(interceptor.egress.slice(before)).toEqual([{ kind: 'connect', host: 'nonsense', port: 0, reason: 'other-host' }]);
  });

  test('survives a client that disconnects in the middle of a request', async () => {
    const socket = await connect(interceptor.port);
    socket.write(`CONNECT ${API_FACTS.host}:443 HTTP/1.1\r\nHost: ${API_FACTS.host}`);
    socket.destroy();
  });
});

describe('the tunnel to the mock', () => {
  test('closes a tunnel that sends garbage instead of a TLS handshake, and records it', async () => {
    const before = interceptor.tlsFailures.length;
    const { socket } = await openTunnel(interceptor.port);
    const closed = readUntilClosed(socket);
    socket.write(NOT_TLS);
    await within(closed, 'the tunnel to be closed');
    await within(
      until(() => interceptor.tlsFailures.length > before),
      'the failure to be recorded',
    );
    expect(interceptor.tlsFailures[before]?.stage).toBe('handshake');
    expect(describeTlsFailure(interceptor.tlsFailures[before]!)).toMatch(
      /^not TLS: the client sent bytes that are not a TLS handshake into the tunnel/,
    );
  });

  test('answers bytes that are not HTTP inside TLS with 400, and records them as such, not as distrust', async () => {
    const before = interceptor.tlsFailures.length;
    const secure = await tlsThroughTunnel(interceptor, ca);
    const closed = readUntilClosed(secure);
    secure.write(NOT_TLS);
    expect(await within(closed, 'the TLS connection to be closed')).toMatch(/^HTTP\/1\.1 400 Bad Request\r\n/);
    await within(
      until(() => interceptor.tlsFailures.length > before),
      'the failure to be recorded',
    );
    const failure = interceptor.tlsFailures[before]!;
    expect(failure).toMatchObject({ stage: 'not-http', servername: API_FACTS.host, code: expect.stringMatching(/^HPE_/) });
    expect(describeTlsFailure(failure)).toMatch(
      /^not HTTP inside TLS: the client sent bytes that are not an HTTP request inside the TLS connection/,
    );
    expect(describeTlsFailure(failure)).not.toMatch(/trust/);
  });

  test('hands bytes sent along with the CONNECT to the TLS side', async () => {
    const before = interceptor.tlsFailures.length;
    const socket = await connect(interceptor.port);
    const closed = readUntilClosed(socket);
    socket.write(`CONNECT ${API_FACTS.host}:443 HTTP/1.1\r\nHost: ${API_FACTS.host}\r\n\r\n${NOT_TLS}`);
    expect(await within(closed, 'the tunnel to be closed')).toMatch(/^HTTP\/1\.1 200 /);
    // Only bytes that reached the TLS side can make its handshake fail; silence would be cut off unrecorded.
    await within(
      until(() => interceptor.tlsFailures.length > before),
      'the failure to be recorded',
    );
  });

  test('closes a tunnel that never starts the TLS handshake', async () => {
    const { socket } = await openTunnel(interceptor.port);
    await within(readUntilClosed(socket), 'the silent tunnel to be closed');
  });

  test('closes a TLS connection that never sends a request', async () => {
    const secure = await tlsThroughTunnel(interceptor, ca);
    await within(readUntilClosed(secure), 'the silent TLS connection to be closed');
  });

  test('closes a TLS connection that trickles its request head', async () => {
    const secure = await tlsThroughTunnel(interceptor, ca);
    const closed = readUntilClosed(secure);
    const trickle = setInterval(() => secure.writable && secure.write('X'), 20);
    secure.write(`GET /api/clients HTTP/1.1\r\nHost: ${API_FACTS.host}\r\nX-Slow: `);
    try {
      await within(closed, 'the trickling TLS connection to be closed');
    } finally {
      clearInterval(trickle);
    }
  });

  test('refuses a TLS handshake naming another server, and records it as egress', async () => {
    const before = interceptor.egress.length;
    const rejected = tlsThroughTunnel(interceptor, ca, { servername: 'example.com' });
    await expect(within(rejected, 'the handshake to fail')).rejects.toBeInstanceOf(Error);
    expect(interceptor.egress.slice(before)).toEqual([{ kind: 'tls', host: 'example.com', port: 443, reason: 'wrong-sni' }]);
    expect(interceptor.tlsFailures.some((failure) => failure.servername === 'example.com')).toBe(false);
  });

  test('closes a TLS connection without a server name, and records it as egress', async () => {
    const before = interceptor.egress.length;
    const { socket } = await openTunnel(interceptor.port);
    const secure = tls.connect({ socket, servername: '', ca: ca.caCertPem, checkServerIdentity: () => undefined });
    secure.on('error', () => undefined);
    await within(readUntilClosed(secure), 'the nameless connection to be closed');
    expect(interceptor.egress.slice(before)).toEqual([{ kind: 'tls', host: '', port: 443, reason: 'no-sni' }]);
  });

  test('answers headers over 16 KiB with 431 and closes', async () => {
    const answer = await sendInsideTls(`GET /api/clients HTTP/1.1\r\nHost: ${API_FACTS.host}\r\n${OVERSIZED_HEADER}\r\n`);
    expect(answer).toMatch(/^HTTP\/1\.1 431 /);
  });

  test('answers a malformed request line with 400 and closes', async () => {
    expect(await sendInsideTls('NOT HTTP AT ALL\r\n\r\n')).toMatch(/^HTTP\/1\.1 400 /);
  });

  test('answers garbage bytes with 400 or closes', async () => {
    expect(await sendInsideTls(randomBytes(4096).toString('latin1'))).toMatch(BAD_REQUEST_OR_NOTHING);
  });

  test('survives a client that disconnects in the middle of a request', async () => {
    const before = interceptor.requests.length;
    const secure = await tlsThroughTunnel(interceptor, ca);
    secure.write(`GET /api/clients HTTP/1.1\r\nHost: ${API_FACTS.host}\r\nAuthori`);
    secure.destroy();
    expect(interceptor.requests.length).toBe(before);
  });

  test('survives a client that disconnects before reading its answer', async () => {
    const secure = await tlsThroughTunnel(interceptor, ca);
    secure.write(`GET /api/clients HTTP/1.1\r\nHost: ${API_FACTS.host}\r\nAuthorization: ${trio.valid}\r\n\r\n`);
    secure.destroy();
  });
});
