// The same-request check: the ok requests of one example's languages are compared, the token
// compared as "is exactly the token", and the language that differs is the one that fails.
// vitest project: unit (test/support/projects.ts)
import { describe, expect, test } from 'vitest';
import { SameRequestGate, compareFingerprints, requestFingerprint } from '../../scripts/harness/checks/same-request.ts';
import type { CaseResult } from '../../scripts/harness/case/case-result.ts';
import { caseReport } from '../support/report.ts';
import type { PlannedCase } from '../../scripts/harness/run/plan.ts';
import { parseManifest } from '../../scripts/manifest/load.ts';
import type { RecordedRequest } from '../../scripts/mock/types.ts';

const manifest = parseManifest('example.json', {
  title: 'List',
  operation: 'listClients',
});

function sent(token: string, overrides: Partial<RecordedRequest> = {}): RecordedRequest {
  return {
    method: 'GET',
    path: '/api/clients',
    query: '',
    rawHeaders: [
      ['Authorization', token],
      ['Content-Type', 'application/json'],
      ['User-Agent', `client-${token}`],
    ],
    authorization: token,
    httpVersion: '1.1',
    tlsVersion: 'TLSv1.3',
    servername: 'api.requestrocket.com',
    tunneled: true,
    body: null,
    operation: { operationId: 'listClients' },
    status: 200,
    reason: 'ok',
    receivedAtMs: 0,
    ...overrides,
  };
}

const createTarget = parseManifest('example.json', {
  title: 'Create',
  operation: 'createTarget',
  parameters: { clientId: 'REQUESTROCKET_CLIENT_ID' },
});
const createCredential = parseManifest('example.json', {
  title: 'Create',
  operation: 'createCredential',
  parameters: { clientId: 'REQUESTROCKET_CLIENT_ID' },
});
const lifecycle = parseManifest('example.json', {
  title: 'Lifecycle',
  steps: ['createTarget', 'getTarget'],
  parameters: { clientId: 'REQUESTROCKET_CLIENT_ID' },
});

/** A case's id for the client, as the harness gives it (each case its own). */
const clientIds = (value: string) => [{ parameter: 'clientId', variable: 'REQUESTROCKET_CLIENT_ID', value, unknown: false }];

/** A POST of `body` (text) to create a target in client `clientId`. */
function posted(token: string, clientId: string, body: string, overrides: Partial<RecordedRequest> = {}): RecordedRequest {
  return sent(token, {
    method: 'POST',
    path: `/api/clients/${clientId}/targets`,
    body: { text: body, encoding: 'utf8', bytes: Buffer.byteLength(body), truncated: false },
    operation: { operationId: 'createTarget' },
    status: 201,
    ...overrides,
  });
}

const stripe = {
  targetName: 'Stripe API',
  targetBaseURL: 'https://api.stripe.com',
  targetTestPath: '/v1/balance',
  targetRegion: 'us-east-1',
};

describe('requestFingerprint', () => {
  test('is the same for two cases with different tokens and other headers', () => {
    expect(requestFingerprint({ manifest, token: 'u-aaaa', ids: [], requests: [sent('u-aaaa')] })).toBe(
      requestFingerprint({ manifest, token: 'u-bbbb', ids: [], requests: [sent('u-bbbb')] }),
    );
  });

  test('shows the token as <token> and keeps what surrounds it, and the query as parsed parameters', () => {
    const fingerprint = requestFingerprint({
      manifest,
      token: 'u-aaaa',
      ids: [],
      requests: [sent('Bearer u-aaaa', { query: 'limit=10' })],
    });
    expect(JSON.parse(fingerprint)).toEqual([
      {
        operation: 'listClients',
        path: {},
        query: { limit: '10' },
        headers: { Authorization: 'Bearer <token>', 'Content-Type': 'application/json' },
      },
    ]);
  });

  test('compares bodies as JSON and query strings as parameters, not as bytes', () => {
    const one = posted('u-aaaa', 'c-1', JSON.stringify(stripe), { query: 'a=1&b=2' });
    const other = posted(
      'u-bbbb',
      'c-2',
      `{\n  ${Object.entries(stripe)
        .reverse()
        .map(([key, value]) => `"${key}": "${value}"`)
        .join(',\n  ')}\n}`,
      {
        query: 'b=2&a=1',
      },
    );
    expect(requestFingerprint({ manifest: createTarget, token: 'u-aaaa', ids: clientIds('c-1'), requests: [one] })).toBe(
      requestFingerprint({ manifest: createTarget, token: 'u-bbbb', ids: clientIds('c-2'), requests: [other] }),
    );
  });

  test("names a body's id of another record by the variable the harness set, and keeps one written in the program", () => {
    const createProxy = parseManifest('example.json', {
      title: 'Create a proxy',
      operation: 'createProxy',
      parameters: {
        clientId: 'REQUESTROCKET_CLIENT_ID',
        proxyProxyCredentialId: 'REQUESTROCKET_PROXY_CREDENTIAL_ID',
        proxyTargetId: 'REQUESTROCKET_TARGET_ID',
        proxyTargetCredentialId: 'REQUESTROCKET_TARGET_CREDENTIAL_ID',
      },
    });
    const given = (suffix: string) => [
      ...clientIds(`c-${suffix}`),
      ...['ProxyCredential', 'Target', 'TargetCredential'].map((name) => ({
        parameter: `proxy${name}Id`,
        in: 'body' as const,
        variable: `REQUESTROCKET_${name.replace(/(?<=.)([A-Z])/g, '_$1').toUpperCase()}_ID`,
        value: `${name.toLowerCase()}-${suffix}`,
        unknown: false,
      })),
    ];
    const fingerprint = (suffix: string, targetId = `target-${suffix}`) => {
      const body = {
        proxyName: 'stripe-checkout',
        proxyRegion: 'us-east-1',
        proxyProxyCredentialId: `proxycredential-${suffix}`,
        proxyTargetId: targetId,
        proxyTargetCredentialId: `targetcredential-${suffix}`,
      };
      const request = posted('u-aaaa', `c-${suffix}`, JSON.stringify(body), {
        path: `/api/clients/c-${suffix}/proxies`,
        operation: { operationId: 'createProxy' },
      });
      return requestFingerprint({ manifest: createProxy, token: 'u-aaaa', ids: given(suffix), requests: [request] });
    };
    expect(fingerprint('1')).toBe(fingerprint('2'));
    expect(JSON.parse(fingerprint('1'))[0].body).toMatchObject({
      proxyProxyCredentialId: '$REQUESTROCKET_PROXY_CREDENTIAL_ID',
      proxyTargetId: '$REQUESTROCKET_TARGET_ID',
      proxyTargetCredentialId: '$REQUESTROCKET_TARGET_CREDENTIAL_ID',
    });
    expect(JSON.parse(fingerprint('1', 'tgt_789e4567'))[0].body).toMatchObject({ proxyTargetId: 'tgt_789e4567' });
  });

  test('names an id by where it came from: the variable the harness set, or the request that created it', () => {
    const create = posted('u-aaaa', 'c-1', JSON.stringify(stripe), { created: { parameter: 'targetId', id: 'tgt_new1' } });
    const get = sent('u-aaaa', { path: '/api/clients/c-1/targets/tgt_new1', operation: { operationId: 'getTarget' } });
    const fingerprint = JSON.parse(
      requestFingerprint({ manifest: lifecycle, token: 'u-aaaa', ids: clientIds('c-1'), requests: [create, get] }),
    );
    expect(fingerprint.map((each: { path: unknown }) => each.path)).toEqual([
      { clientId: '$REQUESTROCKET_CLIENT_ID' },
      { clientId: '$REQUESTROCKET_CLIENT_ID', targetId: 'created by request 1' },
    ]);
    const hardCoded = sent('u-aaaa', { path: '/api/clients/550e8400-e29b-41d4-a716-446655440000/targets/tgt_new1' });
    expect(
      JSON.parse(requestFingerprint({ manifest: lifecycle, token: 'u-aaaa', ids: clientIds('c-1'), requests: [create, hardCoded] }))[1]
        .path,
    ).toEqual({
      clientId: '550e8400-e29b-41d4-a716-446655440000',
      targetId: 'created by request 1',
    });
  });

  test('shows a secret sent in a body as its hash, never as it is, and tells two secrets apart', () => {
    const body = (key: string) =>
      JSON.stringify({
        credentialType: 'proxy',
        credentialAuthType: 'apiKey',
        credentialName: 'agent',
        credentialRegion: 'us-east-1',
        credentialSecret: { key },
      });
    const request = (key: string) =>
      sent('u-aaaa', {
        method: 'POST',
        path: '/api/clients/c-1/credentials',
        body: { text: body(key), encoding: 'utf8', bytes: body(key).length, truncated: false },
        operation: { operationId: 'createCredential' },
      });
    const fingerprint = (key: string) =>
      requestFingerprint({ manifest: createCredential, token: 'u-aaaa', ids: clientIds('c-1'), requests: [request(key)] });
    expect(fingerprint('a-secret-value-1234')).not.toContain('a-secret-value-1234');
    expect(fingerprint('a-secret-value-1234')).toMatch(/"key":"<secret sha256:[0-9a-f]{16}>"/);
    expect(fingerprint('a-secret-value-1234')).not.toBe(fingerprint('another-secret-5678'));
  });
});

describe('compareFingerprints', () => {
  const same = 'GET /api/clients with Authorization: "<token>"';
  const other = 'GET /api/clients?limit=10 with Authorization: "<token>"';
  const target = (name: string, language: string) => ({
    key: `x/${language}/ok`,
    language,
    fingerprint: requestFingerprint({
      manifest: createTarget,
      token: 'u-aaaa',
      ids: clientIds('c-1'),
      requests: [posted('u-aaaa', 'c-1', JSON.stringify({ ...stripe, targetName: name }))],
    }),
  });

  test('names the field and both values when one language sends another body', () => {
    const verdicts = compareFingerprints([target('Stripe API', 'javascript'), target('Stripe API', 'python'), target('Stripe', 'java')]);
    expect(verdicts.get('x/python/ok')?.status).toBe('passed');
    expect(verdicts.get('x/java/ok')).toEqual({
      status: 'failed',
      message:
        'request 1 (createTarget) body.targetName: this file sent "Stripe"; javascript, python sent "Stripe API": ' +
        'make this file send what the other languages send (and what example.json says)',
    });
  });

  test('compares fingerprints it cannot read field by field as whole texts', () => {
    const verdicts = compareFingerprints([
      { key: 'x/javascript/ok', language: 'javascript', fingerprint: same },
      { key: 'x/python/ok', language: 'python', fingerprint: same },
      { key: 'x/curl/ok', language: 'curl', fingerprint: other },
    ]);
    expect(verdicts.get('x/javascript/ok')?.status).toBe('passed');
    expect(verdicts.get('x/python/ok')?.status).toBe('passed');
    expect(verdicts.get('x/curl/ok')).toEqual({
      status: 'failed',
      message: `this file sent ${other}; javascript, python sent ${same}: make this file send what the other languages send (and what example.json says)`,
    });
  });

  test('fails every language when there is no majority', () => {
    const verdicts = compareFingerprints([
      { key: 'a', language: 'go', fingerprint: same },
      { key: 'b', language: 'java', fingerprint: other },
    ]);
    expect([...verdicts.values()].map((verdict) => verdict.status)).toEqual(['failed', 'failed']);
  });

  test('skips a language with nothing to compare with', () => {
    expect(compareFingerprints([{ key: 'a', language: 'go', fingerprint: same }]).get('a')?.status).toBe('skipped');
  });
});

describe('SameRequestGate', () => {
  const planned = (language: string, scenario: string) =>
    ({ example: { id: 'x' }, scenario, key: `x/${language}/${scenario}` }) as unknown as PlannedCase;
  const finished = (language: string, scenario: string): CaseResult => ({
    ...caseReport({ example: 'x', language, scenario, status: 'passed' }),
    file: `x.${language}`,
    detail: { requests: [], egress: [], outputTail: [] },
  });

  test('holds the ok cases of an example until the last one, then releases them judged', () => {
    const gate = new SameRequestGate([planned('go', 'ok'), planned('curl', 'ok'), planned('go', 'revoked')]);
    const revoked = gate.settle(finished('go', 'revoked'), 'GET /api/clients');
    expect(revoked.map((result) => result.checks.at(-1)?.status)).toEqual(['skipped']);
    expect(gate.settle(finished('go', 'ok'), 'GET /api/clients')).toEqual([]);
    const released = gate.settle(finished('curl', 'ok'), 'GET /api/clients?x=1');
    expect(released.map((result) => result.key)).toEqual(['x/go/ok', 'x/curl/ok']);
    expect(released.map((result) => result.status)).toEqual(['failed', 'failed']);
    expect(released.every((result) => result.checks.at(-1)?.id === 'same-request')).toBe(true);
  });
});
