// A case's own account: the seed under fresh ids (every reference following), so a program that
// sends the seed's id written in its source is answered 404; an unknown id of the right shape; the
// record a create made, as the mock records it; the ids given for a body's references to other
// records, and the 400 for a body naming a record the client does not hold; and the bad-request
// behaviour, which refuses every body it would accept with the documented 400 and changes nothing.
// vitest project: unit (test/support/projects.ts)
import { describe, expect, test } from 'vitest';
import { API_OPERATIONS, CORE_API, documentedError } from '../../scripts/api/core-api.ts';
import { operationById } from '../../scripts/api/operations.ts';
import { seedAccount } from '../../scripts/api/seed-account.ts';
import { caseIds } from '../../scripts/harness/case/case-ids.ts';
import { SCENARIOS } from '../../scripts/harness/case/scenarios.ts';
import { parseManifest } from '../../scripts/manifest/load.ts';
import { decideAnswer, type AnswerInput } from '../../scripts/mock/answers.ts';
import { freshAccount, unknownId } from '../../scripts/mock/fresh-account.ts';
import type { AccountState } from '../../scripts/mock/account-state.ts';
import { randomTokenTrio, toMockTokens } from '../../scripts/mock/tokens.ts';

const seed = seedAccount(CORE_API);
const NORTHWIND = seed.clients[0]!.clientId;
const STRIPE_TARGET = seed.targets[0]!.sKey;
const trio = randomTokenTrio();
const tokens = toMockTokens(trio);
const NEW_TARGET = {
  targetName: 'Stripe API',
  targetBaseURL: 'https://api.stripe.com',
  targetTestPath: '/v1/balance',
  targetRegion: 'us-east-1',
};

/** A request with the valid token (and a JSON body when given). */
function input(method: string, path: string, body?: unknown): AnswerInput {
  const bytes = body === undefined ? undefined : Buffer.from(JSON.stringify(body));
  return {
    method,
    path,
    query: '',
    rawHeaders: [
      ['Authorization', trio.valid],
      ['Content-Type', 'application/json'],
    ],
    body: bytes ? { kind: 'complete', bytes, received: bytes.length } : { kind: 'none' },
  };
}

const answer = (state: AccountState, method: string, path: string, body?: unknown, refuseBodies = false) =>
  decideAnswer(input(method, path, body), tokens, state, { refuseBodies });

describe('freshAccount', () => {
  test('gives every seeded record a fresh id of its shape, and only those ids reach them', () => {
    const { state, ids } = freshAccount();
    const client = ids.get(NORTHWIND)!;
    const target = ids.get(STRIPE_TARGET)!;
    expect(client).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(client).not.toBe(NORTHWIND);
    expect(target).toMatch(/^tgt_[0-9a-f]{8}$/);
    expect([...ids.keys()].sort()).toEqual(
      [
        ...seed.clients.map((each) => each.clientId),
        ...[...seed.targets, ...seed.credentials, ...seed.proxies].map((each) => each.sKey),
      ].sort(),
    );
    expect(answer(state, 'GET', `/api/clients/${NORTHWIND}/targets/${STRIPE_TARGET}`)).toMatchObject({ status: 404, reason: 'unknown-id' });
    const found = answer(state, 'GET', `/api/clients/${client}/targets/${target}`);
    expect(found).toMatchObject({
      status: 200,
      body: { target: { sKey: target, pKey: client, clientId: client, targetName: 'Stripe API' } },
    });
  });

  test('keeps the references between records: the proxy points at the fresh target and credentials', () => {
    const { state, ids } = freshAccount();
    const client = ids.get(NORTHWIND)!;
    const proxy = ids.get(seed.proxies[0]!.sKey)!;
    expect(answer(state, 'GET', `/api/clients/${client}/proxies/${proxy}`).body).toMatchObject({
      proxy: {
        proxyTargetId: ids.get(seed.proxies[0]!.proxyTargetId),
        proxyProxyCredentialId: ids.get(seed.proxies[0]!.proxyProxyCredentialId),
      },
    });
  });

  test('makes an id of the shape asked that no account holds', () => {
    const { ids } = freshAccount();
    const schema = API_OPERATIONS.find((operation) => operation.operationId === 'getTarget')!.pathParameters[1]!.schema;
    const id = unknownId(schema, STRIPE_TARGET, ids);
    expect(id).toMatch(/^tgt_[0-9a-f]{8}$/);
    expect([...ids.keys(), ...ids.values()]).not.toContain(id);
  });
});

describe('caseIds', () => {
  const manifest = parseManifest('example.json', {
    title: 'Update',
    operation: 'updateProxy',
    parameters: { clientId: 'REQUESTROCKET_CLIENT_ID', proxyId: 'REQUESTROCKET_PROXY_ID' },
  });

  test("sets each variable to the id the case's account gives the record the description names", () => {
    const account = freshAccount();
    expect(caseIds(manifest, SCENARIOS.ok, account)).toEqual([
      { parameter: 'clientId', variable: 'REQUESTROCKET_CLIENT_ID', value: account.ids.get(NORTHWIND), unknown: false },
      { parameter: 'proxyId', variable: 'REQUESTROCKET_PROXY_ID', value: account.ids.get(seed.proxies[0]!.sKey), unknown: false },
    ]);
  });

  test('gives the refused id one no record has in the not-found scenario', () => {
    const account = freshAccount();
    const [client, proxy] = caseIds(manifest, SCENARIOS['not-found'], account);
    expect(client).toMatchObject({ value: account.ids.get(NORTHWIND), unknown: false });
    expect(proxy).toMatchObject({ unknown: true });
    expect(answer(account.state, 'GET', `/api/clients/${client!.value}/proxies/${proxy!.value}`)).toMatchObject({ status: 404 });
  });
});

describe('caseIds of a body that names other records', () => {
  const manifest = parseManifest('example.json', {
    title: 'Create a proxy',
    operation: 'createProxy',
    parameters: {
      clientId: 'REQUESTROCKET_CLIENT_ID',
      proxyProxyCredentialId: 'PROXY_CREDENTIAL',
      proxyTargetId: 'TARGET',
      proxyTargetCredentialId: 'TARGET_CREDENTIAL',
    },
  });
  const example = Object.values(operationById(API_OPERATIONS, 'createProxy').requestBody!.examples)[0] as Record<string, string>;

  test("sets each body field's variable to the case's id of the record the request example names there", () => {
    const account = freshAccount();
    const given = caseIds(manifest, SCENARIOS.ok, account);
    expect(given).toEqual([
      { parameter: 'clientId', variable: 'REQUESTROCKET_CLIENT_ID', value: account.ids.get(NORTHWIND), unknown: false },
      {
        parameter: 'proxyProxyCredentialId',
        in: 'body',
        variable: 'PROXY_CREDENTIAL',
        value: account.ids.get(example.proxyProxyCredentialId!),
        unknown: false,
      },
      { parameter: 'proxyTargetId', in: 'body', variable: 'TARGET', value: account.ids.get(example.proxyTargetId!), unknown: false },
      {
        parameter: 'proxyTargetCredentialId',
        in: 'body',
        variable: 'TARGET_CREDENTIAL',
        value: account.ids.get(example.proxyTargetCredentialId!),
        unknown: false,
      },
    ]);
    // Fresh ids of the records the example names: never the description's own.
    for (const id of given) expect(Object.values(example)).not.toContain(id.value);
    expect(new Set(given.map((id) => id.value)).size).toBe(4);
  });

  test('gives ids the mock creates the proxy with', () => {
    const account = freshAccount();
    const [client, ...body] = caseIds(manifest, SCENARIOS.ok, account);
    const sent = { ...example, ...Object.fromEntries(body.map((id) => [id.parameter, id.value])) };
    expect(answer(account.state, 'POST', `/api/clients/${client!.value}/proxies`, sent)).toMatchObject({
      status: 201,
      body: { proxy: { proxyTargetId: body[1]!.value } },
    });
  });
});

describe('a body that names a record the client does not hold', () => {
  const example = Object.values(operationById(API_OPERATIONS, 'createProxy').requestBody!.examples)[0] as Record<string, string>;

  test('is refused with the documented 400, naming the field and the id, and creates nothing', () => {
    const { state, ids } = freshAccount();
    const client = ids.get(NORTHWIND)!;
    const sent = {
      ...example,
      proxyProxyCredentialId: ids.get(example.proxyProxyCredentialId!),
      proxyTargetCredentialId: ids.get(example.proxyTargetCredentialId!),
    };
    const refused = answer(state, 'POST', `/api/clients/${client}/proxies`, sent);
    expect(refused).toMatchObject({
      status: 400,
      reason: 'invalid-request',
      body: { ...documentedError(400).body, message: `proxyTargetId: no target ${example.proxyTargetId} in this client` },
    });
    expect((answer(state, 'GET', `/api/clients/${client}/proxies`).body as { proxies: unknown[] }).proxies).toHaveLength(1);
  });

  test('names every such field, as a 400 names each problem', () => {
    const { state, ids } = freshAccount();
    expect(answer(state, 'POST', `/api/clients/${ids.get(NORTHWIND)}/proxies`, example).body).toMatchObject({
      message: [
        `proxyProxyCredentialId: no credential ${example.proxyProxyCredentialId} in this client`,
        `proxyTargetId: no target ${example.proxyTargetId} in this client`,
        `proxyTargetCredentialId: no credential ${example.proxyTargetCredentialId} in this client`,
      ].join('; '),
    });
  });

  test("refuses a record of another client, and an update's reference too", () => {
    const { state, ids } = freshAccount();
    const contoso = ids.get(seed.clients[1]!.clientId)!;
    const linked = Object.fromEntries(
      ['proxyProxyCredentialId', 'proxyTargetId', 'proxyTargetCredentialId'].map((field) => [field, ids.get(example[field]!)]),
    );
    // Northwind's records, sent to Contoso: not in that client.
    expect(answer(state, 'POST', `/api/clients/${contoso}/proxies`, { ...example, ...linked })).toMatchObject({
      status: 400,
      body: { message: expect.stringContaining(`proxyTargetId: no target ${linked.proxyTargetId} in this client`) },
    });
    const proxy = ids.get(seed.proxies[0]!.sKey)!;
    const path = `/api/clients/${ids.get(NORTHWIND)}/proxies/${proxy}`;
    expect(answer(state, 'PUT', path, { proxyTargetId: example.proxyTargetId })).toMatchObject({
      status: 400,
      body: { message: `proxyTargetId: no target ${example.proxyTargetId} in this client` },
    });
    expect(answer(state, 'PUT', path, { proxyTargetId: linked.proxyTargetId })).toMatchObject({ status: 200 });
  });

  test('leaves an unknown client to the 404', () => {
    const { state, ids } = freshAccount();
    const unknownClient = unknownId({ type: 'string', format: 'uuid' }, undefined, ids);
    expect(answer(state, 'POST', `/api/clients/${unknownClient}/proxies`, example)).toMatchObject({ status: 404, reason: 'unknown-id' });
  });
});

describe('what the mock answers a create, and under bad-request', () => {
  test('records the record a create made, by the parameter that names it', () => {
    const { state, ids } = freshAccount();
    const created = answer(state, 'POST', `/api/clients/${ids.get(NORTHWIND)}/targets`, NEW_TARGET);
    expect(created).toMatchObject({ status: 201, created: { parameter: 'targetId', id: expect.stringMatching(/^tgt_/) } });
    expect(answer(state, 'GET', `/api/clients/${ids.get(NORTHWIND)}/targets/${created.created!.id}`).status).toBe(200);
  });

  test('refuses a body it would accept with the documented 400, and creates nothing', () => {
    const { state, ids } = freshAccount();
    const client = ids.get(NORTHWIND)!;
    expect(answer(state, 'POST', `/api/clients/${client}/targets`, NEW_TARGET, true)).toMatchObject({
      status: 400,
      body: documentedError(400).body,
      reason: 'invalid-request',
    });
    expect(answer(state, 'GET', `/api/clients/${client}/targets`).body).toMatchObject({ targets: [{ sKey: ids.get(STRIPE_TARGET) }] });
    expect(answer(state, 'GET', `/api/clients/${client}/targets`, undefined, true).status).toBe(200);
  });
});
