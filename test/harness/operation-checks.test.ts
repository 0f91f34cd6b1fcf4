// The checks that hold a request to its operation in the description, on hand-made observations:
// request (method, path template and where each id came from), request-schema (path, query,
// Content-Type and body, naming the field), token-leak on a secret sent in a body, output with the
// ids of the case, and raw-request with bodies and several requests.
// vitest project: unit (test/support/projects.ts)
import { describe, expect, test } from 'vitest';
import type { GivenId } from '../../scripts/harness/case/case-ids.ts';
import type { CaseObservation } from '../../scripts/harness/case/observation.ts';
import { parseRawRequest } from '../../scripts/harness/case/request-http.ts';
import { SCENARIOS, expectationFor, type ScenarioName } from '../../scripts/harness/case/scenarios.ts';
import { sentSecrets } from '../../scripts/harness/case/sent-secrets.ts';
import { CHECKS, type CheckId } from '../../scripts/harness/checks/all-checks.ts';
import { evaluateChecks } from '../../scripts/harness/checks/evaluate-checks.ts';
import type { Manifest } from '../../scripts/manifest/manifest-schema.ts';
import { parseManifest } from '../../scripts/manifest/load.ts';
import type { RecordedRequest } from '../../scripts/mock/types.ts';
import { DEFAULT_RUNNERS, runnerById } from '../../scripts/runners/registry.ts';

const TOKEN = 'u-TestOnly0123456789abcdefghijKLMN';
const CLIENT_ID = '3f0c2a14-5d6e-4f70-8a91-b2c3d4e5f607';
const PROXY_ID = 'proxy_1a2b3c4d';
const CLIENT: GivenId = { parameter: 'clientId', variable: 'REQUESTROCKET_CLIENT_ID', value: CLIENT_ID, unknown: false };
const PROXY: GivenId = { parameter: 'proxyId', variable: 'REQUESTROCKET_PROXY_ID', value: PROXY_ID, unknown: false };
const SECRET = 'sk-this-is-the-example-secret-42';

const manifestOf = (data: Record<string, unknown>) => parseManifest('example.json', { title: 'An example', ...data });
const createTarget = manifestOf({ operation: 'createTarget', parameters: { clientId: CLIENT.variable } });
const updateProxy = manifestOf({ operation: 'updateProxy', parameters: { clientId: CLIENT.variable, proxyId: PROXY.variable } });
const createCredential = manifestOf({ operation: 'createCredential', parameters: { clientId: CLIENT.variable } });
const listCredentials = manifestOf({ operation: 'listCredentials', parameters: { clientId: CLIENT.variable } });
const lifecycle = manifestOf({ steps: ['createTarget', 'getTarget', 'deleteTarget'], parameters: { clientId: CLIENT.variable } });

const target = {
  targetName: 'Stripe API',
  targetBaseURL: 'https://api.stripe.com',
  targetTestPath: '/v1/balance',
  targetRegion: 'us-east-1',
};
const credential = {
  credentialType: 'proxy',
  credentialAuthType: 'apiKey',
  credentialName: 'agent',
  credentialRegion: 'us-east-1',
  credentialSecret: { key: SECRET },
};

/** A request as the mock records it; `body` is JSON text (or an object to serialise). */
function request(
  method: string,
  path: string,
  operationId: string,
  overrides: Partial<RecordedRequest> & { json?: unknown } = {},
): RecordedRequest {
  const { json, ...rest } = overrides;
  const text = json === undefined ? undefined : typeof json === 'string' ? json : JSON.stringify(json);
  return {
    method,
    path,
    query: '',
    rawHeaders: [
      ['Host', 'api.requestrocket.com'],
      ['Content-Type', 'application/json'],
      ['Authorization', TOKEN],
    ],
    authorization: TOKEN,
    httpVersion: '1.1',
    tlsVersion: 'TLSv1.3',
    servername: 'api.requestrocket.com',
    tunneled: true,
    body: text === undefined ? null : { text, encoding: 'utf8', bytes: Buffer.byteLength(text), truncated: false },
    operation: { operationId },
    status: 200,
    reason: 'ok',
    receivedAtMs: 1_000,
    ...rest,
  };
}

const created = (id: string) =>
  request('POST', `/api/clients/${CLIENT_ID}/targets`, 'createTarget', {
    json: target,
    status: 201,
    created: { parameter: 'targetId', id },
  });

function observe(
  manifest: Manifest,
  requests: RecordedRequest[],
  overrides: Partial<CaseObservation> = {},
  scenario: ScenarioName = 'ok',
): CaseObservation {
  const output = overrides.output ?? '';
  return {
    scenario: SCENARIOS[scenario],
    expectation: expectationFor(scenario, manifest),
    manifest,
    token: TOKEN,
    ids: [CLIENT, PROXY].filter((id) => Object.hasOwn(manifest.parameters, id.parameter)),
    requests,
    egress: [],
    tlsFailures: [],
    snippet: { language: 'python', source: '', runner: runnerById('python')! },
    runners: DEFAULT_RUNNERS,
    run: { exitCode: 0, signal: null, stdout: output, stderr: '', timedOut: false, durationMs: 10 },
    exitedAtMs: 1_100,
    output,
    ...overrides,
  };
}

function verdict(id: CheckId, observation: CaseObservation) {
  return CHECKS.find((check) => check.id === id)!.evaluate(observation);
}

describe('request', () => {
  test('passes the operation with the ids the harness set', () => {
    expect(verdict('request', observe(createTarget, [created('tgt_new1')])).status).toBe('passed');
  });

  test('names the parameter and the variable when an id was written in the program', () => {
    const seeded = request('POST', '/api/clients/550e8400-e29b-41d4-a716-446655440000/targets', 'createTarget', {
      json: target,
      status: 404,
    });
    expect(verdict('request', observe(createTarget, [seeded])).message).toBe(
      `createTarget sent clientId "550e8400-e29b-41d4-a716-446655440000", but the harness set REQUESTROCKET_CLIENT_ID to ${CLIENT_ID}: ` +
        'read clientId from REQUESTROCKET_CLIENT_ID instead of writing it in the program',
    );
  });

  test("names both when the method is not the operation's (POST where it is PUT)", () => {
    const posted = request('POST', `/api/clients/${CLIENT_ID}/proxies/${PROXY_ID}`, 'updateProxy', {
      operation: { unmatched: 'method-not-allowed' },
      status: 405,
    });
    expect(verdict('request', observe(updateProxy, [posted])).message).toBe(
      `expected PUT /api/clients/{clientId}/proxies/{proxyId} (updateProxy); the mock received POST /api/clients/${CLIENT_ID}/proxies/${PROXY_ID} (this path does not take POST)`,
    );
  });

  test('holds a later step to the id an earlier one created', () => {
    const get = (id: string) => request('GET', `/api/clients/${CLIENT_ID}/targets/${id}`, 'getTarget');
    const remove = (id: string) => request('DELETE', `/api/clients/${CLIENT_ID}/targets/${id}`, 'deleteTarget');
    expect(verdict('request', observe(lifecycle, [created('tgt_new1'), get('tgt_new1'), remove('tgt_new1')])).status).toBe('passed');
    expect(verdict('request', observe(lifecycle, [created('tgt_new1'), get('tgt_789e4567'), remove('tgt_new1')])).message).toBe(
      'request 2 (getTarget) sent targetId "tgt_789e4567", but request 1 (createTarget) created tgt_new1: take targetId from that request\'s answer',
    );
  });

  test('counts the steps: every one with a valid token', () => {
    expect(verdict('request', observe(lifecycle, [created('tgt_new1')])).message).toMatch(
      /^expected 3 request\(s\) \(POST \/api\/clients\/\{clientId\}\/targets \(createTarget\), then GET .*\); the mock received 1/,
    );
  });
});

describe('request-schema', () => {
  const problems = (manifest: Manifest, sent: RecordedRequest) => verdict('request-schema', observe(manifest, [sent]));
  const proxyUpdate = (json: unknown, overrides: Partial<RecordedRequest> = {}) =>
    request('PUT', `/api/clients/${CLIENT_ID}/proxies/${PROXY_ID}`, 'updateProxy', { json, ...overrides });

  test('passes a request the description accepts', () => {
    expect(problems(createTarget, created('tgt_new1'))).toEqual({
      status: 'passed',
      message: 'the request is valid for the API description',
    });
  });

  test.for([
    [
      'a misspelt field',
      proxyUpdate({ maxRequestsPerMinute: 60 }),
      'updateProxy: maxRequestsPerMinute: unknown field (expected one of proxyName, ',
    ],
    [
      'a number sent as text',
      proxyUpdate({ proxyMaxRequestsPerMinute: '60' }),
      'updateProxy: proxyMaxRequestsPerMinute: must be an integer, found "60" (string)',
    ],
    [
      'a number out of range',
      proxyUpdate({ proxyMaxRequestsPerDay: 50_000 }),
      'updateProxy: proxyMaxRequestsPerDay: must be at most 20000, found 50000 (number)',
    ],
    [
      'a form body',
      proxyUpdate('proxyMaxRequestsPerMinute=60&proxyMaxRequestsPerDay=2000'),
      'updateProxy: body: must be JSON, not form fields (name=value&…); found "proxyMaxRequestsPerMinute=60&proxyMaxRequestsPerDay=2000"',
    ],
    [
      'a body without Content-Type',
      proxyUpdate({ proxyMaxRequestsPerMinute: 60 }, { rawHeaders: [['Authorization', TOKEN]] }),
      'updateProxy: header Content-Type: must be application/json on a request with a body; none was sent',
    ],
    [
      'a body sent as text/plain',
      proxyUpdate(
        { proxyMaxRequestsPerMinute: 60 },
        {
          rawHeaders: [
            ['Authorization', TOKEN],
            ['Content-Type', 'text/plain'],
          ],
        },
      ),
      'updateProxy: header Content-Type: must be application/json on a request with a body; found "text/plain"',
    ],
    ['no body at all', proxyUpdate(undefined), 'updateProxy: body: is required'],
    [
      'a body that is not JSON',
      proxyUpdate('{"proxyMaxRequestsPerMinute": 60,'),
      'updateProxy: body: must be valid JSON; found "{\\"proxyMaxRequestsPerMinute\\": 60,"',
    ],
  ] as const)('fails %s, naming the field and what the description expects', ([, sent, message]) => {
    const result = problems(updateProxy, sent);
    expect(result.status).toBe('failed');
    expect(result.message).toContain(message);
    expect(result.message).toMatch(/: send what the API description \(api\/core-api\.openapi\.yaml\) says$/);
  });

  test('checks the query against its parameters', () => {
    const listing = (query: string) => request('GET', `/api/clients/${CLIENT_ID}/credentials`, 'listCredentials', { query });
    expect(problems(listCredentials, listing('includeTemporary=true')).status).toBe('passed');
    expect(problems(listCredentials, listing('includeTemporary=yes')).message).toContain(
      'listCredentials: query includeTemporary: must be true or false, found "yes" (string)',
    );
    expect(problems(listCredentials, listing('limit=10')).message).toContain(
      'listCredentials: query limit: unknown query parameter (expected one of includeTemporary), found "10" (string)',
    );
  });

  test("leaves a request that is not its step's operation to the request check", () => {
    const other = request('GET', '/api/clients', 'listClients');
    expect(problems(createTarget, other)).toEqual({ status: 'skipped', message: "no request matched its step's operation (see request)" });
  });
});

describe('token-leak, for a secret sent in a body', () => {
  const sent = request('POST', `/api/clients/${CLIENT_ID}/credentials`, 'createCredential', { json: credential, status: 201 });

  test('finds the secret in the fields the description marks secret', () => {
    expect(sentSecrets([sent])).toEqual([{ operationId: 'createCredential', field: 'credentialSecret.key', value: SECRET }]);
    expect(sentSecrets([created('tgt_new1')])).toEqual([]);
    // Sent to a path no operation has, it is a secret all the same.
    const astray = request('POST', `/api/clients/${CLIENT_ID}/credential`, 'createCredential', {
      json: credential,
      operation: { unmatched: 'unknown-path' },
    });
    expect(sentSecrets([astray])).toEqual([
      { operationId: `POST /api/clients/${CLIENT_ID}/credential`, field: 'credentialSecret.key', value: SECRET },
    ]);
  });

  test.for([
    ['as is', `Created with ${SECRET}`, 'printed to stdout'],
    ['base64-encoded', Buffer.from(SECRET).toString('base64'), 'printed base64-encoded to stdout'],
    ['reversed', [...SECRET].reverse().join(''), 'printed reversed to stdout'],
  ])('fails a program that printed it %s, naming the field, never the value', ([, output, how]) => {
    const result = verdict('token-leak', observe(createCredential, [sent], { output }));
    expect(result.message).toBe(
      `the secret the program sent in credentialSecret.key (createCredential) was ${how}; never print or log a token or a secret, in any form`,
    );
    expect(result.message).not.toContain(SECRET);
  });

  test('passes a program that kept it to itself, saying what it looked for', () => {
    expect(verdict('token-leak', observe(createCredential, [sent], { output: 'Created credential cred_1' }))).toEqual({
      status: 'passed',
      message: 'the token was not printed, nor the secret sent in credentialSecret.key, in any form',
    });
  });

  test('fails when the output was cut before all of it could be searched', () => {
    const cut = 'x\n[output truncated: 1024 more bytes]';
    const run = { exitCode: 0, signal: null, stdout: cut, stderr: '', timedOut: false, durationMs: 10 };
    expect(verdict('token-leak', observe(createCredential, [sent], { run, output: cut })).message).toMatch(
      /could not be looked for in all of the output: it was longer than the harness keeps; print less/,
    );
  });

  test('is masked in every message the checks write, as the harness masks the token', () => {
    // A secret sent as text where an object belongs: request-schema shows what it found.
    const wrong = request('POST', `/api/clients/${CLIENT_ID}/credentials`, 'createCredential', {
      json: { ...credential, credentialSecret: SECRET },
      status: 400,
    });
    const observation = observe(createCredential, [wrong], { output: SECRET });
    expect(verdict('request-schema', observation).message).toContain(SECRET);
    const secrets = [TOKEN, ...sentSecrets([wrong]).map((secret) => secret.value)];
    const { checks } = evaluateChecks(CHECKS, observation, secrets);
    expect(checks.find((check) => check.id === 'request-schema')?.message).toMatch(
      /credentialSecret: must be an object, found "sk-t…\(32 chars\)"/,
    );
    expect(JSON.stringify(checks)).not.toContain(SECRET);
  });
});

describe('output, with the ids of the case', () => {
  test('fills {targetId} with the id the mock created, and says so', () => {
    expect(verdict('output', observe(createTarget, [created('tgt_new1')], { output: 'Created target tgt_new1' }))).toEqual({
      status: 'passed',
      message: 'the output contains "tgt_new1" ({targetId}: the id createTarget created)',
    });
  });

  test('names the default and the field that replaces it when the id is not printed', () => {
    expect(verdict('output', observe(updateProxy, [], { output: 'Updated' })).message).toBe(
      `expected the output to contain "${PROXY_ID}" ({proxyId}: the id the harness set in REQUESTROCKET_PROXY_ID): the default, ` +
        'the id of the record updateProxy changed; if your example prints something else, list what it prints in scenarios.ok.output in example.json',
    );
  });

  test('says when the id it asks for was never created', () => {
    expect(verdict('output', observe(createTarget, [], { output: '' })).message).toBe(
      'expected the output to contain "{targetId}", but no {targetId} was created in this case',
    );
  });
});

describe('raw-request, with ids, bodies and several requests', () => {
  const head = (line: string) =>
    `${line} HTTP/1.1\nHost: api.requestrocket.com\nContent-Type: application/json\nAuthorization: u-your-token-here\n`;
  const shown = (body: unknown) =>
    `${head('POST /api/clients/550e8400-e29b-41d4-a716-446655440000/targets')}\n${JSON.stringify(body, null, 2)}\n`;
  const check = (manifest: Manifest, text: string, requests: RecordedRequest[]) =>
    verdict('raw-request', observe(manifest, requests, { rawRequest: parseRawRequest('request.http', text) }));

  test('passes the seeded ids or placeholders in the path, and a body equal as JSON to what was sent', () => {
    expect(check(createTarget, shown({ ...target }), [created('tgt_new1')]).status).toBe('passed');
    const reordered = Object.fromEntries(Object.entries(target).reverse());
    expect(
      check(createTarget, `${head('POST /api/clients/{clientId}/targets')}\n${JSON.stringify(reordered)}\n`, [created('tgt_new1')]).status,
    ).toBe('passed');
  });

  test('names the field where the shown body differs from the sent one', () => {
    expect(check(createTarget, shown({ ...target, targetName: 'OpenAI API' }), [created('tgt_new1')]).message).toBe(
      'request.http shows targetName "OpenAI API"; the program sent "Stripe API"',
    );
  });

  test("wants one request per step, each with its step's operation", () => {
    const steps = [
      shown(target),
      head('GET /api/clients/{clientId}/targets/{targetId}'),
      head('DELETE /api/clients/{clientId}/targets/{targetId}'),
    ];
    expect(check(lifecycle, steps.join('\n###\n\n'), [created('tgt_new1')]).status).toBe('passed');
    expect(check(lifecycle, steps.slice(0, 2).join('\n###\n\n'), [created('tgt_new1')]).message).toMatch(
      /^request\.http shows 2 request\(s\); the example makes 3: .* \(separate requests with a line "###"\)$/,
    );
    expect(check(lifecycle, [steps[0], steps[2], steps[1]].join('\n###\n\n'), [created('tgt_new1')]).message).toBe(
      'request 2 of request.http shows DELETE /api/clients/{clientId}/targets/{targetId}; the manifest (and the programs) use GET /api/clients/{clientId}/targets/{targetId} (getTarget)',
    );
  });

  test('refuses an id that is neither the seeded one nor a placeholder, and a missing body', () => {
    expect(check(createTarget, shown(target).replace('550e8400-e29b-41d4-a716-446655440000', 'my-client'), []).message).toBe(
      'request.http shows clientId "my-client"; show the description\'s example (550e8400-e29b-41d4-a716-446655440000) or the placeholder {clientId}',
    );
    expect(check(createTarget, head('POST /api/clients/{clientId}/targets'), []).message).toBe(
      'request.http shows no body; createTarget sends one: show the JSON the programs send',
    );
  });

  test('compares the shown query with the one sent, as parameters', () => {
    const text = head('GET /api/clients/{clientId}/credentials?includeTemporary=true');
    const listing = (query: string) => request('GET', `/api/clients/${CLIENT_ID}/credentials`, 'listCredentials', { query });
    expect(check(listCredentials, text, [listing('includeTemporary=true')]).status).toBe('passed');
    expect(check(listCredentials, text, [listing('')]).message).toBe(
      'request.http shows the query includeTemporary=true; the program sent none',
    );
  });
});
