// The probe: one request, exactly as the case's program sends it, never retried or redirected,
// within its time limit; here against stand-ins on 127.0.0.1 through the interception proxy.
// vitest project: programs (test/support/projects.ts)
import type { RequestListener } from 'node:http';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { createThrowawayCa } from '../../scripts/mock/ca.ts';
import type { ThrowawayCa } from '../../scripts/mock/types.ts';
import { randomToken } from '../../scripts/mock/tokens.ts';
import { PROBE_BODY_LIMIT_BYTES, PROBE_USER_AGENT, probeApi, type ProbeRequest } from '../../scripts/live/probe.ts';
import { standInRoute, type Route } from '../../scripts/live/route.ts';

let ca: ThrowawayCa;
const routes: Route[] = [];
beforeAll(async () => {
  ca = await createThrowawayCa({ javaTrustStore: false });
});
afterEach(async () => {
  await Promise.all(routes.splice(0).map((route) => route.close()));
});
afterAll(() => ca.dispose());

/** What a stand-in saw of each request. */
interface Seen {
  method?: string;
  url?: string;
  headers: Array<[string, string]>;
}

async function probeAgainst(handler: RequestListener, request: Partial<ProbeRequest> = {}, timeoutMs = 5_000) {
  const seen: Seen[] = [];
  const route = await standInRoute((req, res) => {
    const headers: Array<[string, string]> = [];
    for (let i = 0; i + 1 < req.rawHeaders.length; i += 2) headers.push([req.rawHeaders[i]!, req.rawHeaders[i + 1]!]);
    seen.push({ method: req.method, url: req.url, headers });
    handler(req, res);
  }, ca);
  routes.push(route);
  const answer = await probeApi(
    { method: 'GET', path: '/api/clients', headers: { 'Content-Type': 'application/json' }, token: undefined, ...request },
    { timeoutMs, agent: route.agent },
  );
  return { answer, seen };
}

const json401: RequestListener = (_req, res) => {
  res.writeHead(401, { 'Content-Type': 'application/json; charset=utf-8' });
  res.end('{"error":"Unauthorized"}');
};

describe('probeApi', () => {
  test('sends one request with the method, path, headers and raw token of the case', async () => {
    const token = randomToken();
    const { answer, seen } = await probeAgainst(json401, { token });
    expect(seen).toHaveLength(1);
    expect(seen[0]?.method).toBe('GET');
    expect(seen[0]?.url).toBe('/api/clients');
    expect(seen[0]?.headers).toEqual(
      expect.arrayContaining([
        ['Content-Type', 'application/json'],
        ['Authorization', token],
        ['User-Agent', PROBE_USER_AGENT],
      ]),
    );
    expect(seen[0]?.headers.filter(([name]) => name.toLowerCase() === 'authorization')).toHaveLength(1);
    expect(answer).toEqual({
      kind: 'answer',
      status: 401,
      contentType: 'application/json',
      location: null,
      body: '{"error":"Unauthorized"}',
      truncated: false,
    });
  });

  test('sends no Authorization header without a token', async () => {
    const { seen } = await probeAgainst(json401);
    expect(seen[0]?.headers.map(([name]) => name.toLowerCase())).not.toContain('authorization');
  });

  test('reports a redirect without following it', async () => {
    const { answer, seen } = await probeAgainst(
      (_req, res) => {
        res.writeHead(302, { Location: 'https://elsewhere.example/api/clients' });
        res.end();
      },
      { token: randomToken() },
    );
    expect(seen).toHaveLength(1);
    expect(answer).toMatchObject({
      kind: 'answer',
      status: 302,
      location: 'https://elsewhere.example/api/clients',
      contentType: null,
      body: '',
    });
  });

  test('keeps at most PROBE_BODY_LIMIT_BYTES of a body and says it cut it', async () => {
    const { answer } = await probeAgainst((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end('x'.repeat(PROBE_BODY_LIMIT_BYTES + 10));
    });
    expect(answer).toMatchObject({ kind: 'answer', truncated: true });
    expect(answer.kind === 'answer' && answer.body.length).toBe(PROBE_BODY_LIMIT_BYTES);
  });

  test('gives up on a server that never answers, at its time limit', async () => {
    const { answer, seen } = await probeAgainst(() => {}, {}, 300);
    expect(seen).toHaveLength(1);
    expect(answer).toEqual({ kind: 'error', message: 'no answer within 300 ms' });
  });

  test('reports a connection the server dropped, without retrying', async () => {
    const { answer, seen } = await probeAgainst((req) => req.socket.destroy());
    expect(seen).toHaveLength(1);
    expect(answer).toMatchObject({ kind: 'error', message: expect.stringMatching(/socket hang up|ECONNRESET/) });
  });
});
