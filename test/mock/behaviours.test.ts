// The interceptor's failure behaviours: an untrusted certificate, a hung server, a gateway's HTML
// error page, a refused tunnel and a reset connection, each seen by a real TLS client.
// vitest project: programs (test/support/projects.ts)
import tls from 'node:tls';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { API_FACTS } from '../../scripts/api/core-api.ts';
import { createThrowawayCa } from '../../scripts/mock/ca.ts';
import { BAD_GATEWAY_HTML } from '../../scripts/mock/faults.ts';
import { startInterceptor } from '../../scripts/mock/interceptor.ts';
import { randomTokenTrio, toMockTokens } from '../../scripts/mock/tokens.ts';
import type { Interceptor, MockBehaviour, ThrowawayCa } from '../../scripts/mock/types.ts';
import { getClients, openTunnel, readUntilClosed, requestOver, tlsThroughTunnel, until, within } from './helpers.ts';

let ca: ThrowawayCa;
let otherCa: ThrowawayCa;
const started: Interceptor[] = [];
const trio = randomTokenTrio();

async function start(behaviour: MockBehaviour): Promise<Interceptor> {
  const interceptor = await startInterceptor({ ca, tokens: toMockTokens(trio), behaviour, untrustedCa: otherCa });
  started.push(interceptor);
  return interceptor;
}

beforeAll(async () => {
  [ca, otherCa] = await Promise.all([createThrowawayCa({ javaTrustStore: false }), createThrowawayCa({ javaTrustStore: false })]);
});
afterEach(async () => {
  await Promise.all(started.splice(0).map((interceptor) => interceptor.close()));
});
afterAll(async () => {
  await Promise.all([ca?.dispose(), otherCa?.dispose()]);
});

describe('startInterceptor behaviours', () => {
  test('untrusted: shows a leaf for the API host from another CA, which a client trusting the run CA refuses', async () => {
    const interceptor = await start('untrusted');
    const error = await tlsThroughTunnel(interceptor, ca).then(
      (socket) => {
        socket.destroy();
        return undefined;
      },
      (reason: Error & { code?: string }) => reason,
    );
    expect(error?.code).toMatch(/UNABLE_TO_GET_ISSUER_CERT_LOCALLY|UNABLE_TO_VERIFY_LEAF_SIGNATURE|SELF_SIGNED_CERT_IN_CHAIN/);
    await within(
      until(() => interceptor.tlsFailures.length > 0),
      'the broken-off handshake to be recorded',
    );
    expect(interceptor.requests).toEqual([]);
  });

  test('untrusted: the leaf is valid for the API host under the other CA', async () => {
    const interceptor = await start('untrusted');
    const secure = await tlsThroughTunnel(interceptor, otherCa);
    expect(tls.checkServerIdentity(API_FACTS.host, secure.getPeerCertificate())).toBeUndefined();
    secure.destroy();
  });

  test('untrusted: refuses to start without the other CA', async () => {
    await expect(startInterceptor({ ca, tokens: toMockTokens(trio), behaviour: 'untrusted' })).rejects.toThrow(
      /Expected the `untrustedCa` option/,
    );
  });

  test('hang: records the request with its arrival time and never answers', async () => {
    const interceptor = await start('hang');
    const secure = await tlsThroughTunnel(interceptor, ca);
    const before = performance.now();
    const answer = requestOver(secure, { headers: [['Authorization', trio.valid]] });
    answer.catch(() => undefined);
    await within(
      until(() => interceptor.requests.length === 1),
      'the request to be recorded',
    );
    expect(interceptor.requests[0]).toMatchObject({ status: 0, reason: 'no-answer' });
    expect(interceptor.requests[0]?.receivedAtMs).toBeGreaterThanOrEqual(before);
    let settled = false;
    answer.then(
      () => (settled = true),
      () => (settled = true),
    );
    // Closing the interceptor is what ends a hung request; until then the client got nothing.
    await new Promise((resolve) => setImmediate(resolve));
    expect(settled).toBe(false);
    await interceptor.close();
    await expect(within(answer, 'the hung request to end when the interceptor closes')).rejects.toThrow();
  });

  test('bad-gateway: answers 502 with an HTML page and records the request', async () => {
    const interceptor = await start('bad-gateway');
    const response = await getClients(interceptor, ca, trio.valid);
    expect(response.status).toBe(502);
    expect(response.headers['content-type']).toBe('text/html');
    expect(response.body).toBe(BAD_GATEWAY_HTML);
    expect(interceptor.requests).toMatchObject([{ status: 502, reason: 'bad-gateway' }]);
  });

  test('refuse: answers the CONNECT to the API with 502 and records nothing as egress', async () => {
    const interceptor = await start('refuse');
    const { socket, status } = await openTunnel(interceptor.port);
    expect(status).toBe(502);
    socket.resume();
    await within(readUntilClosed(socket), 'the proxy to close the refused tunnel');
    expect(interceptor.egress).toEqual([]);
    expect(interceptor.requests).toEqual([]);
  });

  test('reset: completes the TLS handshake, then resets the connection before any request', async () => {
    const interceptor = await start('reset');
    const secure = await tlsThroughTunnel(interceptor, ca);
    const error = await within(
      requestOver(secure, { headers: [['Authorization', trio.valid]] }).then(
        () => undefined,
        (reason: Error & { code?: string }) => reason,
      ),
      'the request to fail',
    );
    expect(error?.code).toMatch(/ECONNRESET|EPIPE/);
    expect(interceptor.requests).toEqual([]);
    expect(interceptor.tlsFailures).toEqual([]);
  });
});
