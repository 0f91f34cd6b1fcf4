// Real clients (curl, python requests, Go net/http, java.net.http, node fetch) reach the mock
// through the interceptor with only the environment from `interceptedEnvironment` and the real
// URL, are refused elsewhere, and really verify the certificate.
// vitest project: programs (test/support/projects.ts)
import { execa } from 'execa';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { API_FACTS, CORE_API } from '../../scripts/api/core-api.ts';
import { seedAccount } from '../../scripts/api/seed-account.ts';
import { createThrowawayCa } from '../../scripts/mock/ca.ts';
import { interceptedEnvironment } from '../../scripts/mock/intercepted-environment.ts';
import { startInterceptor } from '../../scripts/mock/interceptor.ts';
import { randomTokenTrio, toMockTokens, type TokenTrio } from '../../scripts/mock/tokens.ts';
import type { Interceptor, ThrowawayCa } from '../../scripts/mock/types.ts';
import { prepareClients, type RealClient } from './clients.ts';
import { expectSameToken, requireTool, until, within } from './helpers.ts';

const SAMPLE_CLIENTS = seedAccount(CORE_API).clients;

const CLIENTS_URL = `${API_FACTS.baseUrl}/clients`;
const CLIENT_NAMES = ['curl', 'python requests', 'go net/http', 'java.net.http', 'node fetch'];

let ca: ThrowawayCa;
let clients: RealClient[] = [];
let disposeClients: (() => Promise<void>) | undefined;

beforeAll(async () => {
  [ca, { clients, dispose: disposeClients }] = await Promise.all([createThrowawayCa(), prepareClients()]);
});
afterAll(async () => {
  await Promise.all([ca?.dispose(), disposeClients?.()]);
});

/** A fresh interceptor with fresh tokens for one test, closed when the test ends. */
async function fresh(
  onTestFinished: (fn: () => Promise<void>) => void,
): Promise<{ interceptor: Interceptor; trio: TokenTrio; env: Record<string, string> }> {
  const trio = randomTokenTrio();
  const interceptor = await startInterceptor({ ca, tokens: toMockTokens(trio) });
  onTestFinished(() => interceptor.close());
  return { interceptor, trio, env: interceptedEnvironment(process.env, interceptor, ca) };
}

function clientNamed(name: string): RealClient {
  const found = clients.find((candidate) => candidate.name === name);
  if (!found) throw new Error(`Expected a prepared client named ${name}`);
  return found;
}

describe.concurrent.each(CLIENT_NAMES)('%s', (name) => {
  test('reaches the mock through the proxy and sends the token raw', async ({ expect, skip, onTestFinished }) => {
    const client = clientNamed(name);
    requireTool({ skip }, client.missing);
    const { interceptor, trio, env } = await fresh(onTestFinished);
    const result = await client.run(CLIENTS_URL, trio.valid, env);
    expect(result.exitCode, result.stderr).toBe(0);
    for (const sample of SAMPLE_CLIENTS) expect(result.stdout).toContain(sample.clientName);
    expect(interceptor.requests).toHaveLength(1);
    const [request] = interceptor.requests;
    expect(request).toMatchObject({
      method: 'GET',
      path: '/api/clients',
      query: '',
      tunneled: true,
      servername: API_FACTS.host,
      status: 200,
    });
    const authorization = request?.rawHeaders.filter(([header]) => header.toLowerCase() === 'authorization') ?? [];
    expect(authorization.map(([header]) => header)).toEqual([client.headerName]);
    expectSameToken(authorization[0]?.[1], trio.valid);
    expect(interceptor.egress).toEqual([]);
  });

  test('is refused when it targets another host, which is recorded as egress', async ({ expect, skip, onTestFinished }) => {
    const client = clientNamed(name);
    requireTool({ skip }, client.missing);
    const { interceptor, trio, env } = await fresh(onTestFinished);
    const result = await client.run('https://example.com/api/clients', trio.valid, env);
    expect(result.exitCode).not.toBe(0);
    expect(interceptor.egress).toEqual([{ kind: 'connect', host: 'example.com', port: 443, reason: 'other-host' }]);
    expect(interceptor.requests).toEqual([]);
  });

  test('is refused over plain HTTP, which is recorded as not HTTPS', async ({ expect, skip, onTestFinished }) => {
    const client = clientNamed(name);
    requireTool({ skip }, client.missing);
    const { interceptor, trio, env } = await fresh(onTestFinished);
    const result = await client.run(`http://${API_FACTS.host}/api/clients`, trio.valid, env);
    for (const sample of SAMPLE_CLIENTS) expect(result.stdout).not.toContain(sample.clientName);
    expect(interceptor.egress).toHaveLength(1);
    expect(interceptor.egress[0]).toMatchObject({ host: API_FACTS.host, port: 80, reason: 'not-https' });
    expect(interceptor.requests).toEqual([]);
  });

  test('rejects the leaf when the environment does not trust the throwaway CA', async ({ expect, skip, onTestFinished }) => {
    const client = clientNamed(name);
    requireTool({ skip }, client.missing);
    const { interceptor, trio } = await fresh(onTestFinished);
    const untrusting = interceptedEnvironment(process.env, interceptor, ca, { trustCa: false });
    const result = await client.run(CLIENTS_URL, trio.valid, untrusting);
    expect(result.exitCode).not.toBe(0);
    expect(`${result.stdout}\n${result.stderr}`).toMatch(client.untrusted);
    await within(
      until(() => interceptor.tlsFailures.length > 0),
      'the refused TLS connection to be recorded',
    );
    expect(interceptor.tlsFailures[0]?.servername).toBe(API_FACTS.host);
    expect(interceptor.requests).toEqual([]);
  });
});

describe('curl', () => {
  test('keeps the Authorization header name in the casing the client wrote', async ({ expect, skip, onTestFinished }) => {
    requireTool({ skip }, clientNamed('curl').missing);
    const { interceptor, trio, env } = await fresh(onTestFinished);
    const input = `AuThOrIzAtIoN: ${trio.valid}\n`;
    const result = await execa('curl', ['-sS', '-H', '@-', CLIENTS_URL], { env, extendEnv: false, reject: false, input });
    expect(result.exitCode).toBe(0);
    expect(interceptor.requests[0]?.rawHeaders.map(([header]) => header)).toContain('AuThOrIzAtIoN');
    expect(interceptor.requests[0]?.status).toBe(200);
  });
});

describe('requireTool', () => {
  const skip = (note?: string): never => {
    throw new Error(`skipped: ${note}`);
  };

  test('skips with a message naming the missing client', () => {
    const ci = process.env.CI;
    delete process.env.CI;
    try {
      expect(() => requireTool({ skip }, 'go not found on PATH')).toThrow('skipped: go not found on PATH');
    } finally {
      if (ci !== undefined) process.env.CI = ci;
    }
  });

  test('fails instead of skipping under CI=true', () => {
    const ci = process.env.CI;
    process.env.CI = 'true';
    try {
      expect(() => requireTool({ skip }, 'go not found on PATH')).toThrow('go not found on PATH, and CI=true requires every client');
    } finally {
      if (ci === undefined) delete process.env.CI;
      else process.env.CI = ci;
    }
  });

  test('does nothing when the client is there', () => {
    expect(() => requireTool({ skip }, null)).not.toThrow();
  });
});
