// The interceptor's `upstream` option: the API host's requests go to the given listener instead of
// the mock (which then records nothing), while every other destination is still refused.
// vitest project: programs (test/support/projects.ts)
import type { RequestListener } from 'node:http';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { createThrowawayCa } from '../../scripts/mock/ca.ts';
import { startInterceptor } from '../../scripts/mock/interceptor.ts';
import { randomTokenTrio, toMockTokens } from '../../scripts/mock/tokens.ts';
import type { Interceptor, ThrowawayCa } from '../../scripts/mock/types.ts';
import { getClients, openTunnel } from './helpers.ts';

let ca: ThrowawayCa;
const started: Interceptor[] = [];
const trio = randomTokenTrio();

beforeAll(async () => {
  ca = await createThrowawayCa({ javaTrustStore: false });
});
afterEach(async () => {
  await Promise.all(started.splice(0).map((interceptor) => interceptor.close()));
});
afterAll(() => ca.dispose());

async function startWith(upstream: RequestListener): Promise<Interceptor> {
  const interceptor = await startInterceptor({ ca, tokens: toMockTokens(trio), upstream });
  started.push(interceptor);
  return interceptor;
}

describe('startInterceptor with an upstream listener', () => {
  test('hands the API host its requests instead of the mock, which records none', async () => {
    const seen: Array<string | undefined> = [];
    const interceptor = await startWith((req, res) => {
      seen.push(req.headers.authorization);
      res.writeHead(418, { 'Content-Type': 'text/plain' });
      res.end('stand-in');
    });
    // A token the mock would answer 200: the upstream answers instead.
    const response = await getClients(interceptor, ca, trio.valid);
    expect(response).toMatchObject({ status: 418, body: 'stand-in' });
    expect(seen).toEqual([trio.valid]);
    expect(interceptor.requests).toEqual([]);
  });

  test('still refuses and records every other destination', async () => {
    const interceptor = await startWith((_req, res) => res.end());
    const { socket, status } = await openTunnel(interceptor.port, 'example.com:443');
    socket.destroy();
    expect(status).toBe(403);
    expect(interceptor.egress).toEqual([{ kind: 'connect', host: 'example.com', port: 443, reason: 'other-host' }]);
  });
});
