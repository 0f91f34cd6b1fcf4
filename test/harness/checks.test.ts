// Each check's verdict on hand-made observations: what passes, what fails and what it says.
import { describe, expect, test } from 'vitest';
import { CHECKS, type CheckId } from '../../scripts/harness/checks/index.ts';
import { findCrash } from '../../scripts/harness/checks/crash.ts';
import type { CaseObservation } from '../../scripts/harness/observation.ts';
import { SCENARIOS, expectationFor, type ScenarioName } from '../../scripts/harness/scenarios.ts';
import { parseManifest } from '../../scripts/manifest/load.ts';
import type { RecordedRequest } from '../../scripts/mock/types.ts';
import { FORBIDDEN, SAMPLE_CLIENTS, UNAUTHORIZED } from '../../scripts/api/contract.ts';
import { parseRawRequest } from '../../scripts/harness/raw-request.ts';

const TOKEN = 'u-TestOnly0123456789abcdefghijKLMN';
const manifest = parseManifest('example.json', {
  title: 'List',
  request: { method: 'GET', path: '/api/clients', headers: { 'Content-Type': 'application/json' } },
});

function request(overrides: Partial<RecordedRequest> = {}): RecordedRequest {
  return {
    method: 'GET',
    path: '/api/clients',
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
    status: 200,
    reason: 'ok',
    ...overrides,
  };
}

const clientLines = SAMPLE_CLIENTS.map((client) => `${client.clientId}  ${client.clientName}`).join('\n');

function observe(scenario: ScenarioName, overrides: Partial<CaseObservation> = {}): CaseObservation {
  const setup = SCENARIOS[scenario];
  return {
    scenario: setup,
    expectation: expectationFor(scenario, manifest),
    manifest,
    token: setup.tokenInEnvironment ? TOKEN : undefined,
    requests: [request()],
    egress: [],
    run: { exitCode: 0, signal: null, stdout: clientLines, stderr: '', timedOut: false, durationMs: 10 },
    output: clientLines,
    ...overrides,
  };
}

function verdict(id: CheckId, observation: CaseObservation) {
  const check = CHECKS.find((candidate) => candidate.id === id);
  if (!check) throw new Error(`no check ${id}`);
  return check.evaluate(observation);
}

const rejected = (status: 401 | 403) => {
  const body = status === 401 ? UNAUTHORIZED.body : FORBIDDEN.body;
  const text = `Could not list clients: ${status} ${body.message}`;
  return {
    requests: [request({ status, reason: status === 401 ? 'unknown-token' : 'forbidden-token' })],
    run: { exitCode: 1, signal: null, stdout: '', stderr: text, timedOut: false, durationMs: 10 },
    output: text,
  };
};

describe('CHECKS', () => {
  test('lists every check id once, in report order', () => {
    expect(CHECKS.map((check) => check.id)).toEqual([
      'egress', 'https', 'request', 'auth-header', 'content-type', 'raw-request', 'token-in-url',
      'token-leak', 'exit-code', 'handles-error', 'missing-token', 'output', 'timeout',
    ]);
  });

  test('passes a well-behaved successful run on every check that applies', () => {
    const failed = CHECKS.map((check) => ({ id: check.id, ...check.evaluate(observe('ok')) })).filter((v) => v.status === 'failed');
    expect(failed).toEqual([]);
  });

  test.for(['invalid', 'revoked', 'forbidden'] as const)('passes a well-handled %s scenario on every check', (scenario) => {
    const observation = observe(scenario, rejected(scenario === 'forbidden' ? 403 : 401));
    const failed = CHECKS.map((check) => ({ id: check.id, ...check.evaluate(observation) })).filter((v) => v.status === 'failed');
    expect(failed).toEqual([]);
  });
});

describe('auth-header', () => {
  test('names the Bearer prefix when the token is sent as a bearer token', () => {
    const result = verdict('auth-header', observe('ok', { requests: [request({ rawHeaders: [['Authorization', `Bearer ${TOKEN}`]] })] }));
    expect(result.status).toBe('failed');
    expect(result.message).toMatch(/raw token.*remove the "Bearer " prefix/);
  });

  test('fails a value that differs from the token', () => {
    const result = verdict('auth-header', observe('ok', { requests: [request({ rawHeaders: [['authorization', 'u-other']] })] }));
    expect(result).toEqual({ status: 'failed', message: expect.stringContaining('byte for byte') });
  });

  test('fails when no Authorization header is sent', () => {
    const result = verdict('auth-header', observe('ok', { requests: [request({ rawHeaders: [] })] }));
    expect(result.message).toBe('no Authorization header was sent');
  });

  test('does not apply when the variable is unset', () => {
    expect(verdict('auth-header', observe('missing', { requests: [] })).status).toBe('skipped');
  });
});

describe('network checks', () => {
  test('egress fails on a connection to another host', () => {
    const result = verdict('egress', observe('ok', { egress: [{ kind: 'connect', host: 'evil.example', port: 443, reason: 'other-host' }] }));
    expect(result.status).toBe('failed');
    expect(result.message).toContain('evil.example:443');
  });

  test('egress fails on what the sandbox saw bypass the proxy, saying what it was', () => {
    const sideDoors = { counts: { directTcp: 1, closedUdp: 0, noRoute: 2, dnsStub: true }, dnsQueries: ['leak.example'] };
    const result = verdict('egress', observe('ok', { sideDoors }));
    expect(result).toEqual({
      status: 'failed',
      message:
        'expected connections to api.requestrocket.com:443 only, through the proxy; its sandbox recorded 1 direct TCP connection to a loopback port, bypassing the proxy, ' +
        '2 packets to an address outside the sandbox (no route: only the proxy is reachable), a DNS lookup of "leak.example"',
    });
  });

  test('egress passes a sandboxed run that used the proxy alone, and one killed before it could be counted', () => {
    const clean = { counts: { directTcp: 0, closedUdp: 0, noRoute: 0, dnsStub: true }, dnsQueries: [] };
    expect(verdict('egress', observe('ok', { sideDoors: clean }))).toEqual({ status: 'passed', message: 'only api.requestrocket.com was contacted, and nothing bypassed the proxy' });
    expect(verdict('egress', observe('ok', { sideDoors: { counts: null, missing: 'killed' as const, dnsQueries: [] } })).status).toBe('passed');
  });

  test('https fails on plain HTTP to the API host', () => {
    const result = verdict('https', observe('ok', { requests: [], egress: [{ kind: 'http', host: 'api.requestrocket.com', port: 80, reason: 'not-https' }] }));
    expect(result.status).toBe('failed');
    expect(result.message).toContain('http://api.requestrocket.com/');
  });

  test('request fails on a wrong path and names both', () => {
    const result = verdict('request', observe('ok', { requests: [request({ path: '/api/client', status: 404 })] }));
    expect(result.message).toBe('expected GET /api/clients; the mock received GET /api/client');
  });

  test('request fails when the program sends twice', () => {
    expect(verdict('request', observe('ok', { requests: [request(), request()] })).status).toBe('failed');
  });

  test('request allows no request when the variable is unset', () => {
    expect(verdict('request', observe('missing', { requests: [] })).status).toBe('passed');
  });

  test('token-in-url finds the token in the query string', () => {
    const result = verdict('token-in-url', observe('ok', { requests: [request({ query: `token=${TOKEN}` })] }));
    expect(result.status).toBe('failed');
  });

  test('content-type names the missing header and the expected value', () => {
    const result = verdict('content-type', observe('ok', { requests: [request({ rawHeaders: [['Authorization', TOKEN]] })] }));
    expect(result.message).toBe('no Content-Type header; expected "application/json"');
  });
});

describe('behaviour checks', () => {
  test('token-leak fails when the token is printed', () => {
    const run = { exitCode: 0, signal: null, stdout: `token ${TOKEN}`, stderr: '', timedOut: false, durationMs: 1 };
    expect(verdict('token-leak', observe('ok', { run })).message).toContain('stdout');
  });

  test('exit-code fails a program that exits 0 on 403', () => {
    const observation = observe('forbidden', { ...rejected(403), run: { exitCode: 0, signal: null, stdout: '', stderr: '', timedOut: false, durationMs: 1 } });
    expect(verdict('exit-code', observation).message).toMatch(/non-zero exit code.*exited 0/);
  });

  test('handles-error fails when the API message is not shown', () => {
    const observation = observe('revoked', { ...rejected(401), output: 'Error: 401' });
    expect(verdict('handles-error', observation).message).toContain("the API's message");
  });

  test('missing-token fails a program that sends "undefined"', () => {
    const observation = observe('missing', { requests: [request({ rawHeaders: [['authorization', 'undefined']], status: 401 })] });
    expect(verdict('missing-token', observation).message).toContain('"undefined"');
  });

  test('missing-token passes a program that stops and names the variable', () => {
    const observation = observe('missing', { requests: [], output: 'Set REQUESTROCKET_USER_TOKEN first.' });
    expect(verdict('missing-token', observation).status).toBe('passed');
  });

  test('missing-token fails a program that stops without naming the variable', () => {
    const observation = observe('missing', { requests: [], output: 'no token' });
    expect(verdict('missing-token', observation).status).toBe('failed');
  });

  test('output fails when the client names are absent', () => {
    expect(verdict('output', observe('ok', { output: '[]' })).message).toContain(SAMPLE_CLIENTS[0]!.clientName);
  });

  test('timeout fails a run killed at the limit', () => {
    const run = { exitCode: null, signal: 'SIGKILL', stdout: '', stderr: '', timedOut: true, durationMs: 20_000 };
    expect(verdict('timeout', observe('ok', { run })).status).toBe('failed');
  });
});

describe('findCrash', () => {
  test.for([
    ['Traceback (most recent call last):\n  File "x.py", line 3', 'Python traceback'],
    ['panic: no token\n\ngoroutine 1 [running]:', 'Go panic'],
    ['Exception in thread "main" java.lang.NullPointerException\n\tat Main.main(Main.java:5)', 'Java exception'],
    ['TypeError: body.clients is not iterable\n    at file:///tmp/x.mjs:11:27', 'JavaScript stack trace'],
  ])('recognises %s', ([output, what]) => {
    expect(findCrash(output!)).toContain(what);
  });

  test('ignores a one-line error message', () => {
    expect(findCrash('Could not list clients: 401 Invalid or missing authentication token')).toBeUndefined();
  });
});

describe('raw-request', () => {
  const raw = (text: string) => parseRawRequest('request.http', text);
  const good = 'GET /api/clients HTTP/1.1\nHost: api.requestrocket.com\nContent-Type: application/json\nAuthorization: u-your-token-here\n';

  test('passes when the program sends the method, path and headers request.http shows', () => {
    expect(verdict('raw-request', observe('ok', { rawRequest: raw(good) })).status).toBe('passed');
  });

  test('does not apply to an example without request.http', () => {
    expect(verdict('raw-request', observe('ok')).status).toBe('skipped');
  });

  test('fails when request.http shows another path', () => {
    const result = verdict('raw-request', observe('ok', { rawRequest: raw(good.replace('/api/clients', '/api/users')) }));
    expect(result.message).toBe('request.http shows GET /api/users; the manifest (and the programs) use GET /api/clients');
  });

  test('fails when the program omits a header request.http shows', () => {
    const observation = observe('ok', { rawRequest: raw(good), requests: [request({ rawHeaders: [['Authorization', TOKEN], ['Host', 'api.requestrocket.com']] })] });
    expect(verdict('raw-request', observation).message).toBe('request.http shows Content-Type, but the program did not send it');
  });

  test('fails when request.http holds something other than the placeholder token', () => {
    const result = verdict('raw-request', observe('ok', { rawRequest: raw(good.replace('u-your-token-here', 'u-0123456789abcdefghij')) }));
    expect(result.status).toBe('failed');
  });

  test.for([
    ['GET /api/clients\n', /request\.http:1: expected a request line like "GET \/api\/clients HTTP\/1\.1"/],
    ['GET /api/clients HTTP/1.1\nHost api.requestrocket.com\n', /request\.http:2: expected a header line like "Name: value", found "Host api\.requestrocket\.com"/],
  ] as const)('refuses a malformed file: %j', ([text, message]) => {
    expect(() => raw(text)).toThrow(message);
  });
});
