// The mock keeps state per instance: it starts as the seeded account, creates records with fresh ids
// in the seed's shapes and the fields the server sets, reads, updates and deletes them, keeps a
// credential's secret without ever answering it, and no two instances (cases) share anything.
// vitest project: programs (test/support/projects.ts)
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { CORE_API } from '../../scripts/api/core-api.ts';
import { seedAccount } from '../../scripts/api/seed-account.ts';
import type { AccountState } from '../../scripts/mock/account-state.ts';
import { createAccountState } from '../../scripts/mock/answers.ts';
import { createApiHandler } from '../../scripts/mock/api.ts';
import { createThrowawayCa } from '../../scripts/mock/ca.ts';
import { startInterceptor } from '../../scripts/mock/interceptor.ts';
import { randomTokenTrio, toMockTokens } from '../../scripts/mock/tokens.ts';
import type { Interceptor, ThrowawayCa } from '../../scripts/mock/types.ts';
import { requestOver, tlsThroughTunnel } from './helpers.ts';

const seed = seedAccount(CORE_API);
const NORTHWIND = seed.clients[0]!.clientId;
const CONTOSO = seed.clients[1]!.clientId;
const OWNER = seed.clients[0]!.clientMembers[0]!.userId;
const SEEDED_TARGET = seed.targets[0]!;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const NEW_TARGET = {
  targetName: 'OpenAI API',
  targetBaseURL: 'https://api.openai.com',
  targetTestPath: '/v1/models',
  targetRegion: 'us-east-1',
};

const trio = randomTokenTrio();
const servers: http.Server[] = [];

/** What these tests read of an answer's body (the schemas are checked in operations.test.ts). */
interface Seen {
  message?: string;
  target: Record<string, unknown> & { sKey: string; targetCreatedAt: string; targetUpdatedAt: string; targetTestPath: string };
  targets: { sKey: string }[];
  client: { clientId: string };
  clients: { clientName: string }[];
  credential: { sKey: string };
  proxy: { sKey: string };
}

/** Sends a request with the valid token; a string body goes as it is, anything else as JSON. */
type Send = (method: string, path: string, body?: unknown) => Promise<{ status: number; body: Seen }>;

/** A mock with an account of its own; `state` is that account, for what no answer shows. */
async function freshMock(): Promise<{ send: Send; state: AccountState }> {
  const state = createAccountState();
  const server = http.createServer(createApiHandler({ tokens: toMockTokens(trio), record: () => undefined, tunneled: false, state }));
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api`;
  const send: Send = async (method, path, body) => {
    const headers: Record<string, string> = { Authorization: trio.valid };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    const text = body === undefined || typeof body === 'string' ? body : JSON.stringify(body);
    const response = await fetch(`${base}${path}`, { method, headers, body: text });
    return { status: response.status, body: (await response.json()) as Seen };
  };
  return { send, state };
}
afterEach(async () => {
  for (const server of servers.splice(0)) {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
});

describe('a target, created, read, updated and deleted', () => {
  test('gets a fresh tgt_ id, the fields the server sets, and the default rule effect', async () => {
    const { send } = await freshMock();
    const created = await send('POST', `/clients/${NORTHWIND}/targets`, NEW_TARGET);
    expect(created.status).toBe(201);
    const target = created.body.target;
    expect(target.sKey).toMatch(/^tgt_[0-9a-f]{8}$/);
    expect(target.sKey).not.toBe(SEEDED_TARGET.sKey);
    expect(target).toMatchObject({
      pKey: NORTHWIND,
      clientId: NORTHWIND,
      parentId: NORTHWIND,
      userId: OWNER,
      ...NEW_TARGET,
      targetDefaultRuleEffect: 'allow',
    });
    expect(target.targetCreatedAt).toMatch(TIME);
    expect(target.targetUpdatedAt).toBe(target.targetCreatedAt);
    expect(Object.keys(target)).toEqual(Object.keys(SEEDED_TARGET));
    expect(created.body.message).toBe('Success');
  });

  test('reads back the same fields, lists it after the seeded one, updates only what is sent, and deletes it', async () => {
    const { send } = await freshMock();
    const { target } = (await send('POST', `/clients/${NORTHWIND}/targets`, NEW_TARGET)).body;
    const at = `/clients/${NORTHWIND}/targets/${target.sKey}`;
    expect(await send('GET', at)).toEqual({ status: 200, body: { target, message: 'Success' } });
    expect((await send('GET', `/clients/${NORTHWIND}/targets`)).body.targets.map((each: { sKey: string }) => each.sKey)).toEqual([
      SEEDED_TARGET.sKey,
      target.sKey,
    ]);

    const updated = await send('PUT', at, { targetTestPath: '/v1/health' });
    expect(updated.status).toBe(200);
    const { targetUpdatedAt, ...rest } = updated.body.target;
    const { targetUpdatedAt: before, ...unchanged } = target;
    expect(rest).toEqual({ ...unchanged, targetTestPath: '/v1/health' });
    expect(targetUpdatedAt >= before).toBe(true);
    expect((await send('GET', at)).body.target.targetTestPath).toBe('/v1/health');

    expect(await send('DELETE', at)).toEqual({ status: 200, body: { message: 'Success' } });
    expect((await send('GET', at)).status).toBe(404);
    expect((await send('DELETE', at)).status).toBe(404);
    expect((await send('PUT', at, { targetName: 'x' })).status).toBe(404);
    expect((await send('GET', `/clients/${NORTHWIND}/targets`)).body.targets).toHaveLength(1);
  });

  test('is not found under another client, which cannot change or delete it', async () => {
    const { send } = await freshMock();
    const elsewhere = `/clients/${CONTOSO}/targets/${SEEDED_TARGET.sKey}`;
    for (const [method, body] of [['GET'], ['PUT', { targetName: 'x' }], ['DELETE']] as const)
      expect(await send(method, elsewhere, body)).toEqual({
        status: 404,
        body: { error: 'Not Found', message: 'No such resource', status: 404 },
      });
    expect((await send('GET', `/clients/${NORTHWIND}/targets/${SEEDED_TARGET.sKey}`)).body.target).toEqual(SEEDED_TARGET);
    expect((await send('GET', `/clients/${CONTOSO}/targets`)).body.targets).toEqual([]);
  });

  test('is not created under an unknown client', async () => {
    const { send } = await freshMock();
    expect((await send('POST', '/clients/00000000-0000-4000-8000-000000000000/targets', NEW_TARGET)).status).toBe(404);
  });
});

describe('a client', () => {
  test('is created with a UUID and the caller as owner, holds records of its own, and takes them when deleted', async () => {
    const { send } = await freshMock();
    const created = await send('POST', '/clients', { clientName: 'Fabrikam' });
    expect(created.status).toBe(201);
    const { client } = created.body;
    expect(client).toEqual({
      clientId: expect.stringMatching(UUID),
      clientName: 'Fabrikam',
      clientMembers: [{ userId: OWNER, roles: ['owner'] }],
    });
    expect((await send('GET', '/clients')).body.clients.map((each: { clientName: string }) => each.clientName)).toEqual([
      ...seed.clients.map((each) => each.clientName),
      'Fabrikam',
    ]);
    const { target } = (await send('POST', `/clients/${client.clientId}/targets`, NEW_TARGET)).body;
    expect(target).toMatchObject({ pKey: client.clientId, clientId: client.clientId, parentId: client.clientId });
    expect((await send('DELETE', `/clients/${client.clientId}`)).status).toBe(200);
    expect((await send('GET', `/clients/${client.clientId}/targets/${target.sKey}`)).status).toBe(404);
    expect((await send('GET', '/clients')).body.clients).toHaveLength(seed.clients.length);
  });
});

describe('a credential', () => {
  test('keeps its secret, and no answer ever carries it', async () => {
    const { send, state } = await freshMock();
    const secret = '{"key":"kept-but-never-shown","__proto__":"a name like any other"}';
    const body = `{"credentialType":"target","credentialAuthType":"bearer","credentialName":"upstream","credentialRegion":"us-east-1","credentialSecret":${secret}}`;
    const created = await send('POST', `/clients/${NORTHWIND}/credentials`, body);
    expect(created.status).toBe(201);
    const { credential } = created.body;
    expect(credential.sKey).toMatch(/^cred_[0-9a-f]{8}$/);
    const answers = [
      created,
      await send('GET', `/clients/${NORTHWIND}/credentials/${credential.sKey}`),
      await send('GET', `/clients/${NORTHWIND}/credentials`),
    ];
    for (const answer of answers) expect(JSON.stringify(answer.body)).not.toMatch(/credentialSecret|kept-but-never-shown|a name like/);
    expect(state.storedSecret('credentials', credential.sKey)).toBe(`{"credentialSecret":${secret}}`);
    expect(({} as Record<string, unknown>).key).toBeUndefined();
  });
});

describe('a proxy', () => {
  test('takes its alias from its name when the body leaves it out, and its defaults', async () => {
    const { send } = await freshMock();
    const links = {
      proxyProxyCredentialId: seed.credentials[0]!.sKey,
      proxyTargetId: SEEDED_TARGET.sKey,
      proxyTargetCredentialId: seed.credentials[1]!.sKey,
    };
    const created = await send('POST', `/clients/${NORTHWIND}/proxies`, {
      proxyName: 'Billing Gateway 2',
      proxyRegion: 'us-east-1',
      ...links,
    });
    expect(created.status).toBe(201);
    expect(created.body.proxy).toMatchObject({
      proxyAlias: 'billing-gateway-2',
      proxyActive: true,
      proxyDefaultRuleEffect: 'allow',
      ...links,
    });
    expect(created.body.proxy.sKey).toMatch(/^proxy_[0-9a-f]{8}$/);
  });
});

describe('instances', () => {
  let ca: ThrowawayCa;
  const started: Interceptor[] = [];
  beforeAll(async () => {
    ca = await createThrowawayCa({ javaTrustStore: false });
  });
  afterAll(async () => {
    await Promise.all(started.map((interceptor) => interceptor.close()));
    await ca?.dispose();
  });

  const through = async (interceptor: Interceptor, method: string, path: string, body?: unknown) => {
    const secure = await tlsThroughTunnel(interceptor, ca);
    try {
      const headers: Array<[string, string]> = [['Authorization', trio.valid]];
      if (body !== undefined) headers.push(['Content-Type', 'application/json']);
      const answer = await requestOver(secure, {
        method,
        path: `/api${path}`,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      return { status: answer.status, body: JSON.parse(answer.body) };
    } finally {
      secure.destroy();
    }
  };

  test("each interceptor (one per case) has its own account: one's changes never reach another", async () => {
    const [first, second] = await Promise.all([
      startInterceptor({ ca, tokens: toMockTokens(trio) }),
      startInterceptor({ ca, tokens: toMockTokens(trio) }),
    ]);
    started.push(first, second);
    const { target } = (await through(first, 'POST', `/clients/${NORTHWIND}/targets`, NEW_TARGET)).body;
    expect((await through(first, 'DELETE', `/clients/${NORTHWIND}/targets/${SEEDED_TARGET.sKey}`)).status).toBe(200);
    expect((await through(first, 'GET', `/clients/${NORTHWIND}/targets/${target.sKey}`)).status).toBe(200);
    expect((await through(second, 'GET', `/clients/${NORTHWIND}/targets/${target.sKey}`)).status).toBe(404);
    expect((await through(second, 'GET', `/clients/${NORTHWIND}/targets`)).body.targets).toEqual([SEEDED_TARGET]);
    const third = await startInterceptor({ ca, tokens: toMockTokens(trio) });
    started.push(third);
    expect((await through(third, 'GET', `/clients/${NORTHWIND}/targets`)).body.targets).toEqual([SEEDED_TARGET]);
  });
});
