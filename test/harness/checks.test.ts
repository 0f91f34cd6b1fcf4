// Each check's verdict on hand-made observations: what passes, what fails and what it says.
import { describe, expect, test } from 'vitest';
import { CHECKS, type CheckId } from '../../scripts/harness/checks/all-checks.ts';
import { findCrash } from '../../scripts/harness/checks/crash.ts';
import type { CaseObservation } from '../../scripts/harness/case/observation.ts';
import { SCENARIOS, expectationFor, type ScenarioName } from '../../scripts/harness/case/scenarios.ts';
import { parseManifest } from '../../scripts/manifest/load.ts';
import type { RecordedRequest } from '../../scripts/mock/types.ts';
import { FORBIDDEN, SAMPLE_CLIENTS, UNAUTHORIZED } from '../../scripts/api/contract.ts';
import { parseRawRequest } from '../../scripts/harness/case/request-http.ts';

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
    receivedAtMs: 1_000,
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
    tlsFailures: [],
    snippet: { language: 'python', source: 'requests.get(url, timeout=10)\n' },
    run: { exitCode: 0, signal: null, stdout: clientLines, stderr: '', timedOut: false, durationMs: 10 },
    exitedAtMs: 1_100,
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
      'egress',
      'https',
      'tls-verify',
      'request',
      'auth-header',
      'content-type',
      'raw-request',
      'token-in-url',
      'token-leak',
      'exit-code',
      'handles-error',
      'missing-token',
      'output',
      'timeout',
      'request-timeout',
      'resource-limits',
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
    const result = verdict(
      'egress',
      observe('ok', { egress: [{ kind: 'connect', host: 'evil.example', port: 443, reason: 'other-host' }] }),
    );
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
    expect(verdict('egress', observe('ok', { sideDoors: clean }))).toEqual({
      status: 'passed',
      message: 'only api.requestrocket.com was contacted, and nothing bypassed the proxy',
    });
    expect(verdict('egress', observe('ok', { sideDoors: { counts: null, missing: 'killed' as const, dnsQueries: [] } })).status).toBe(
      'passed',
    );
  });

  test('https fails on plain HTTP to the API host', () => {
    const result = verdict(
      'https',
      observe('ok', { requests: [], egress: [{ kind: 'http', host: 'api.requestrocket.com', port: 80, reason: 'not-https' }] }),
    );
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

  test('token-in-url finds the token base64-encoded in the path, and lower-cased in a refused host name', () => {
    const inPath = verdict(
      'token-in-url',
      observe('ok', { requests: [request({ path: `/api/clients/${Buffer.from(TOKEN).toString('base64url')}` })] }),
    );
    expect(inPath.message).toMatch(
      /^the token must travel only in the Authorization header; the mock saw it \(base64-encoded\) in the URL \/api\/clients\//,
    );
    const egress = [{ kind: 'connect' as const, host: `${TOKEN.toLowerCase()}.example`, port: 443, reason: 'other-host' as const }];
    expect(verdict('token-in-url', observe('ok', { egress })).message).toMatch(
      /saw it \(with its letters in another case\) in the URL \/\/u-/,
    );
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

  test('token-leak names the encoding and the stream, never the token, from the kept output', () => {
    const encoded = Buffer.from(`Authorization: ${TOKEN}`).toString('base64');
    const run = { exitCode: 0, signal: null, stdout: clientLines, stderr: `debug ${encoded}`, timedOut: false, durationMs: 1 };
    const result = verdict('token-leak', observe('ok', { run }));
    expect(result).toEqual({
      status: 'failed',
      message: 'the token was printed base64-encoded to stderr; never print or log it, in any form',
    });
  });

  test('token-leak trusts what the runner saw past the kept output', () => {
    const run = {
      exitCode: 0,
      signal: null,
      stdout: clientLines,
      stderr: '',
      timedOut: false,
      durationMs: 1,
      leaks: [
        { stream: 'stdout' as const, encoding: 'plain' as const },
        { stream: 'stdout' as const, encoding: 'hex' as const },
        { stream: 'stderr' as const, encoding: 'reversed' as const },
      ],
    };
    expect(verdict('token-leak', observe('ok', { run })).message).toBe(
      'the token was printed as is and hex-encoded to stdout, and reversed to stderr; never print or log it, in any form',
    );
  });

  test('token-leak passes output without the token in any form', () => {
    const run = { exitCode: 0, signal: null, stdout: clientLines, stderr: '', timedOut: false, durationMs: 1, leaks: [] };
    expect(verdict('token-leak', observe('ok', { run }))).toEqual({ status: 'passed', message: 'the token was not printed, in any form' });
  });

  test('exit-code fails a program that exits 0 on 403', () => {
    const observation = observe('forbidden', {
      ...rejected(403),
      run: { exitCode: 0, signal: null, stdout: '', stderr: '', timedOut: false, durationMs: 1 },
    });
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
    const observation = observe('ok', {
      rawRequest: raw(good),
      requests: [
        request({
          rawHeaders: [
            ['Authorization', TOKEN],
            ['Host', 'api.requestrocket.com'],
          ],
        }),
      ],
    });
    expect(verdict('raw-request', observation).message).toBe('request.http shows Content-Type, but the program did not send it');
  });

  test('fails when request.http holds something other than the placeholder token', () => {
    const result = verdict('raw-request', observe('ok', { rawRequest: raw(good.replace('u-your-token-here', 'u-0123456789abcdefghij')) }));
    expect(result.status).toBe('failed');
  });

  test.for([
    ['GET /api/clients\n', /request\.http:1: expected a request line like "GET \/api\/clients HTTP\/1\.1"/],
    [
      'GET /api/clients HTTP/1.1\nHost api.requestrocket.com\n',
      /request\.http:2: expected a header line like "Name: value", found "Host api\.requestrocket\.com"/,
    ],
  ] as const)('refuses a malformed file: %j', ([text, message]) => {
    expect(() => raw(text)).toThrow(message);
  });
});

/** A program that reported a failure in one line and exited 1. */
const oneLine = (text: string) => ({
  run: { exitCode: 1, signal: null, stdout: '', stderr: text, timedOut: false, durationMs: 10 },
  output: text,
});

describe('tls-verify', () => {
  const handshake = { stage: 'handshake', servername: 'api.requestrocket.com', message: 'tlsv1 alert unknown ca', code: null } as const;

  test('passes a program that broke the handshake off under an untrusted certificate', () => {
    const result = verdict(
      'tls-verify',
      observe('untrusted-cert', {
        requests: [],
        tlsFailures: [handshake],
        ...oneLine('Could not list clients: certificate verify failed'),
      }),
    );
    expect(result).toEqual({ status: 'passed', message: expect.stringContaining('tlsv1 alert unknown ca') });
  });

  test('fails a program whose request arrived over the untrusted certificate, saying what to remove', () => {
    const result = verdict('tls-verify', observe('untrusted-cert'));
    expect(result.status).toBe('failed');
    expect(result.message).toMatch(
      /certificate verification is off\. Remove whatever switches it off \(verify=False, InsecureSkipVerify, curl -k/,
    );
  });

  test('fails a program that never tried to connect, rather than counting it as a refusal', () => {
    expect(verdict('tls-verify', observe('untrusted-cert', { requests: [], ...oneLine('error') })).message).toMatch(
      /never tried a TLS connection/,
    );
  });

  test.for([
    [
      'python',
      'r = requests.get(url, verify=False, timeout=10)',
      /line 2 \(r = requests\.get\(url, verify=False, timeout=10\)\): verify=False accepts any certificate; remove it/,
    ],
    ['go', '\tTLSClientConfig: &tls.Config{InsecureSkipVerify: true},', /line 2 .*InsecureSkipVerify: true accepts any certificate/],
    ['curl', 'curl -sSk --max-time 10 \\', /line 2 .*curl -k \(--insecure\) accepts any certificate; remove -k\/--insecure/],
    ['curl', '  --insecure \\', /remove -k\/--insecure/],
    ['javascript', "process.env.NODE_TLS_REJECT_UNAUTHORIZED = '0';", /NODE_TLS_REJECT_UNAUTHORIZED turns certificate checks off/],
    ['java', '    TrustManager[] trustAll = { new X509TrustManager() {', /hand-made TrustManager/],
  ] as const)('names the line that switches verification off (%s: %s), in every scenario', ([language, line, message]) => {
    const snippet = { language, source: `// first line\n${line}\n` };
    for (const scenario of ['ok', 'revoked'] as const) {
      const result = verdict('tls-verify', observe(scenario, { snippet }));
      expect(result.status).toBe('failed');
      expect(result.message).toMatch(message);
    }
  });

  test.for([
    ['curl', 'set -euo pipefail'],
    ['curl', 'curl --silent --show-error --max-time 10 --fail-with-body \\'],
    ['python', '# never pass verify=False'],
    ['go', '// InsecureSkipVerify: true would be wrong here'],
  ] as const)('passes a line that switches nothing off (%s: %s)', ([language, source]) => {
    expect(verdict('tls-verify', observe('ok', { snippet: { language, source } })).status).toBe('passed');
  });
});

describe('request-timeout', () => {
  const hung = (waitedMs: number, overrides: Partial<CaseObservation> = {}) =>
    observe('hung-server', {
      requests: [request({ status: 0, reason: 'no-answer', receivedAtMs: 1_000 })],
      exitedAtMs: 1_000 + waitedMs,
      ...oneLine('Could not list clients: Read timed out.'),
      ...overrides,
    });

  test('passes a program that gave up within requestTimeoutMs and the margin', () => {
    expect(verdict('request-timeout', hung(10_900))).toEqual({
      status: 'passed',
      message: 'gave up 10900 ms after the request arrived (requestTimeoutMs 10000)',
    });
  });

  test('fails a program that gave up later than requestTimeoutMs plus the margin', () => {
    const result = verdict('request-timeout', hung(30_000, { snippet: { language: 'python', source: '' } }));
    expect(result.status).toBe('failed');
    expect(result.message).toMatch(
      /gave up 30000 ms after the request arrived; the manifest's requestTimeoutMs is 10000: pass timeout=10 to requests\.get\(\)/,
    );
  });

  test.for([
    ['javascript', /pass signal: AbortSignal\.timeout\(10_000\) to fetch/],
    ['go', /use &http\.Client\{Timeout: 10 \* time\.Second\}/],
    ['java', /set \.timeout\(Duration\.ofSeconds\(10\)\) on the HttpRequest/],
    ['curl', /add --max-time 10/],
  ] as const)('tells a %s program killed at the limit how to set a timeout', ([language, message]) => {
    const killed = { exitCode: null, signal: 'SIGKILL', stdout: '', stderr: '', timedOut: true, durationMs: 18_000 };
    const result = verdict('request-timeout', hung(18_000, { run: killed, output: '', snippet: { language, source: '' } }));
    expect(result.status).toBe('failed');
    expect(result.message).toMatch(/never gave up/);
    expect(result.message).toMatch(message);
  });

  test('does not apply outside the hung-server scenario', () => {
    expect(verdict('request-timeout', observe('ok')).status).toBe('skipped');
  });
});

describe('handles-error in the failure scenarios', () => {
  test.for([
    ['hung-server', 'Could not list clients: the request timed out after 10 seconds'],
    ['hung-server', 'curl: (28) Operation timed out after 10001 milliseconds with 0 bytes received'],
    ['hung-server', 'Get "https://api.requestrocket.com/api/clients": context deadline exceeded'],
    ['bad-gateway', 'Could not list clients: 502 Bad Gateway'],
    ['network-error', 'Could not list clients: read ECONNRESET'],
    ['untrusted-cert', 'Could not list clients: unable to get local issuer certificate'],
  ] as const)('passes one line under %s: %s', ([scenario, line]) => {
    expect(verdict('handles-error', observe(scenario, oneLine(line))).status).toBe('passed');
  });

  test('fails an HTML page printed under a gateway error, asking for one line', () => {
    const page = '<html>\n<head><title>502 Bad Gateway</title></head>\n</html>';
    expect(verdict('handles-error', observe('bad-gateway', oneLine(page))).message).toMatch(
      /expected one line saying what went wrong; the program printed 3 lines/,
    );
  });

  test('fails a line that does not name the 502', () => {
    expect(
      verdict('handles-error', observe('bad-gateway', oneLine('Could not list clients: Expecting value: line 1 column 1 (char 0)')))
        .message,
    ).toMatch(/does not say the status 502/);
  });

  test('fails a line that does not say the request timed out', () => {
    expect(verdict('handles-error', observe('hung-server', oneLine('Could not list clients: something went wrong'))).message).toMatch(
      /does not say that the request timed out/,
    );
  });

  test('fails a program that printed nothing', () => {
    expect(verdict('handles-error', observe('network-error', oneLine(''))).message).toMatch(/printed nothing; print one line/);
  });

  test('names a Python traceback on a gateway error first', () => {
    const crash = 'Traceback (most recent call last):\n  File "x.py", line 3\nrequests.exceptions.JSONDecodeError: Expecting value';
    expect(verdict('handles-error', observe('bad-gateway', oneLine(crash))).message).toMatch(/crashed with a Python traceback/);
  });
});
