// Each check's verdict on hand-made observations: what passes, what fails and what it says.
// vitest project: unit (test/support/projects.ts)
import { describe, expect, test } from 'vitest';
import { CHECKS, type CheckId } from '../../scripts/harness/checks/all-checks.ts';
import { CHECK_IDS } from '../../scripts/harness/checks/check-ids.ts';
import { crashMarksOf, findCrash } from '../../scripts/harness/checks/crash.ts';
import type { CaseObservation, LanguageFacts } from '../../scripts/harness/case/observation.ts';
import { SCENARIOS, expectationFor, type ScenarioName } from '../../scripts/harness/case/scenarios.ts';
import { parseManifest } from '../../scripts/manifest/load.ts';
import type { RecordedRequest } from '../../scripts/mock/types.ts';
import { CORE_API, documentedError } from '../../scripts/api/core-api.ts';
import { seedAccount } from '../../scripts/api/seed-account.ts';
import { parseRawRequest } from '../../scripts/harness/case/request-http.ts';
import { DEFAULT_RUNNERS, runnerById } from '../../scripts/runners/registry.ts';
import { harnessVariableNames } from '../../scripts/harness/checks/harness-detection.ts';
import { MANAGED_VARIABLES } from '../../scripts/mock/intercepted-environment.ts';
import { FAKE_CREDENTIALS, FAKE_GITHUB_TOKEN } from '../support/credentials.ts';

const FORBIDDEN = documentedError(403);
const SAMPLE_CLIENTS = seedAccount(CORE_API).clients;
const UNAUTHORIZED = documentedError(401);

const TOKEN = 'u-TestOnly0123456789abcdefghijKLMN';
const manifest = parseManifest('example.json', {
  title: 'List',
  operation: 'listClients',
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
    body: null,
    operation: { operationId: 'listClients' },
    status: 200,
    reason: 'ok',
    receivedAtMs: 1_000,
    ...overrides,
  };
}

/** A snippet of a built-in language, with its runner, as the harness hands it to the checks. */
function snippetIn(language: string, source: string): CaseObservation['snippet'] {
  const runner = runnerById(language);
  if (!runner) throw new Error(`no runner ${language}`);
  return { language, source, runner };
}

const clientLines = SAMPLE_CLIENTS.map((client) => `${client.clientId}  ${client.clientName}`).join('\n');

function observe(scenario: ScenarioName, overrides: Partial<CaseObservation> = {}): CaseObservation {
  const setup = SCENARIOS[scenario];
  return {
    scenario: setup,
    expectation: expectationFor(scenario, manifest),
    manifest,
    token: setup.tokenInEnvironment ? TOKEN : undefined,
    ids: [],
    requests: [request()],
    egress: [],
    tlsFailures: [],
    snippet: snippetIn('python', 'requests.get(url, timeout=10)\n'),
    runners: DEFAULT_RUNNERS,
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
  test('lists every check id once, in report order: all of CHECK_IDS but the check across languages', () => {
    expect(CHECKS.map((check) => check.id)).toEqual(CHECK_IDS.filter((id) => id !== 'same-request'));
    expect(new Set(CHECKS.map((check) => check.id)).size).toBe(CHECKS.length);
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
    const unknownPath = request({ path: '/api/client', status: 404, operation: { unmatched: 'unknown-path' } });
    const result = verdict('request', observe('ok', { requests: [unknownPath] }));
    expect(result.message).toBe('expected GET /api/clients (listClients); the mock received GET /api/client (no operation has this path)');
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
      message: 'the token was printed base64-encoded to stderr; never print or log a token or a secret, in any form',
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
      'the token was printed as is and hex-encoded to stdout, and reversed to stderr; never print or log a token or a secret, in any form',
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

  test("output says the client names are a default from the API's sample clients, and which manifest field replaces it", () => {
    expect(verdict('output', observe('ok', { output: 'Token is valid' })).message).toBe(
      `expected the output to contain ${SAMPLE_CLIENTS.map((client) => JSON.stringify(client.clientName)).join(', ')}: ` +
        'the default, the names of the seeded clients that listClients returns; ' +
        'if your example prints something else, list what it prints in scenarios.ok.output in example.json',
    );
  });

  test("output names the manifest's field when the missing text comes from it", () => {
    const listing = parseManifest('example.json', { ...manifest, scenarios: { ok: { output: ['Token is valid'] } } });
    const observation = observe('ok', { manifest: listing, expectation: expectationFor('ok', listing), output: 'done' });
    expect(verdict('output', observation).message).toBe(
      'expected the output to contain "Token is valid" (listed in scenarios.ok.output in example.json)',
    );
  });

  test('output gives no source for text that is neither the default nor listed (a live run’s real client names)', () => {
    const observation = observe('ok', { expectation: { ...expectationFor('ok', manifest), output: ['Fabrikam'] }, output: 'done' });
    expect(verdict('output', observation).message).toBe('expected the output to contain "Fabrikam"');
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

  test("looks for the snippet's own runner's marks first, then every other registered runner's", () => {
    const output = 'Traceback (most recent call last):\npanic: boom';
    const python = runnerById('python')!;
    const go = runnerById('go')!;
    expect(findCrash(output, crashMarksOf(DEFAULT_RUNNERS, python))).toMatch(/^a Python traceback/);
    expect(findCrash(output, crashMarksOf(DEFAULT_RUNNERS, go))).toMatch(/^a Go panic/);
  });
});

/** A language only a test registers, with facts of its own. */
const rocket: LanguageFacts = {
  id: 'rocket',
  insecureTls: [{ pattern: /trust_everything\(\)/, what: 'trust_everything() accepts any certificate', fix: 'remove the call' }],
  requestTimeoutAdvice: (seconds) => `call deadline(${seconds})`,
  crashMarks: [{ pattern: /^ROCKET FAULT /, anchor: 'ROCKET FAULT ', what: 'a Rocket fault' }],
};

describe("the checks read a language's facts from its runner", () => {
  const inRocket = (source: string): CaseObservation['snippet'] => ({ language: 'rocket', source, runner: rocket });

  test("tls-verify finds the runner's own spelling of verification off, in its words", () => {
    const result = verdict(
      'tls-verify',
      observe('ok', { snippet: inRocket('client = rocket.trust_everything()\n'), runners: [...DEFAULT_RUNNERS, rocket] }),
    );
    expect(result).toEqual({
      status: 'failed',
      message: expect.stringContaining(
        'line 1 (client = rocket.trust_everything()): trust_everything() accepts any certificate; remove the call',
      ),
    });
  });

  test("tls-verify names the runner's spellings when the untrusted certificate was accepted", () => {
    const result = verdict('tls-verify', observe('untrusted-cert', { snippet: inRocket(''), runners: [...DEFAULT_RUNNERS, rocket] }));
    expect(result.message).toMatch(/Remove whatever switches it off \(trust_everything\(\) accepts any certificate\)$/);
  });

  test("tls-verify looks for every registered runner's spellings in a language that declares none", () => {
    const bare: LanguageFacts = { id: 'bare' };
    const snippet = { language: 'bare', source: 'r = get(url, verify=False)\n', runner: bare };
    expect(verdict('tls-verify', observe('ok', { snippet, runners: [...DEFAULT_RUNNERS, bare] })).message).toMatch(
      /verify=False accepts any certificate/,
    );
  });

  test("request-timeout advises the runner's own way of setting a timeout, or a plain one", () => {
    const killed = { exitCode: null, signal: 'SIGKILL', stdout: '', stderr: '', timedOut: true, durationMs: 18_000 };
    const hung = (runner: LanguageFacts) =>
      verdict('request-timeout', observe('hung-server', { run: killed, output: '', snippet: { language: runner.id, source: '', runner } }));
    expect(hung(rocket).message).toMatch(/never gave up.*call deadline\(10\)/);
    expect(hung({ id: 'bare' }).message).toMatch(/never gave up.*set a request timeout of 10 s/);
  });

  test('handles-error finds a crash mark that only a registered runner declares', () => {
    const text = 'ROCKET FAULT at line 3';
    const crashed = { run: { exitCode: 1, signal: null, stdout: '', stderr: text, timedOut: false, durationMs: 10 }, output: text };
    const python = snippetIn('python', '');
    expect(
      verdict('handles-error', observe('revoked', { ...crashed, snippet: python, runners: [...DEFAULT_RUNNERS, rocket] })).message,
    ).toMatch(/crashed with a Rocket fault \("ROCKET FAULT at line 3"\)/);
    expect(verdict('handles-error', observe('revoked', { ...crashed, snippet: python, runners: DEFAULT_RUNNERS })).message).not.toMatch(
      /crashed/,
    );
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
    expect(result.message).toBe('request.http shows GET /api/users; the manifest (and the programs) use GET /api/clients (listClients)');
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
      /certificate verification is off\. Remove whatever switches it off \(verify=False accepts any certificate; an unverified SSL context/,
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
    const snippet = snippetIn(language, `// first line\n${line}\n`);
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
    expect(verdict('tls-verify', observe('ok', { snippet: snippetIn(language, source) })).status).toBe('passed');
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
    const result = verdict('request-timeout', hung(30_000, { snippet: snippetIn('python', '') }));
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
    const result = verdict('request-timeout', hung(18_000, { run: killed, output: '', snippet: snippetIn(language, '') }));
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

describe('credential-leak', () => {
  const printing = (stdout: string, stderr = '') => ({
    run: { exitCode: 0, signal: null, stdout, stderr, timedOut: false, durationMs: 10 },
  });

  test('fails naming the kind, the form and the stream, never the value', () => {
    const stderr = Buffer.from(FAKE_CREDENTIALS['private-key']).toString('base64');
    const result = verdict('credential-leak', observe('missing', printing(`${clientLines}\n${FAKE_GITHUB_TOKEN}\n`, stderr)));
    expect(result).toEqual({
      status: 'failed',
      message:
        'the program printed something shaped like a GitHub token to stdout, and a PEM private key base64-encoded to stderr; ' +
        'never print credentials (every report masks them, and a real one must be revoked)',
    });
    expect(result.message).not.toContain(FAKE_GITHUB_TOKEN.slice(4));
  });

  test('passes output holding nothing shaped like a credential', () => {
    expect(verdict('credential-leak', observe('ok'))).toEqual({
      status: 'passed',
      message: 'nothing shaped like a credential was printed, in any form',
    });
  });
});

describe('harness-detection', () => {
  const source = (language: string, text: string) => ({ snippet: snippetIn(language, text) });

  test('derives the variables from the ones the harness manages, without the token and what passes through', () => {
    const names = harnessVariableNames();
    expect(names).toEqual(
      expect.arrayContaining(['HTTPS_PROXY', 'https_proxy', 'NO_PROXY', 'SSL_CERT_FILE', 'JAVA_TOOL_OPTIONS', 'NODE_USE_ENV_PROXY']),
    );
    for (const name of names) expect(MANAGED_VARIABLES).toContain(name);
    expect(names).not.toContain('REQUESTROCKET_USER_TOKEN');
    expect(names).not.toContain('HOME');
  });

  test.for([
    [
      'python',
      'proxy = os.environ.get("HTTPS_PROXY", "")\nif "127.0.0.1" in proxy:',
      'line 1 names the variable HTTPS_PROXY; line 2 names the loopback address 127.0.0.1',
    ],
    [
      'javascript',
      'if (process.env.https_proxy?.includes("localhost")) {}',
      'line 1 names the variable https_proxy; line 1 names the loopback host localhost',
    ],
    ['java', 'String ca = System.getenv("SSL_CERT_FILE");', 'line 1 names the variable SSL_CERT_FILE'],
    ['go', 'if os.Getenv("JAVA_TOOL_OPTIONS") != "" {', 'line 1 names the variable JAVA_TOOL_OPTIONS'],
    ['curl', 'curl --resolve api.requestrocket.com:443:[::1] "$URL"', 'line 1 names the IPv6 loopback address ::1'],
    ['curl', 'curl http://0.0.0.0:8080/', 'line 1 names the any-address 0.0.0.0'],
  ] as const)('fails a %s source that looks at how it is run, naming the line', ([language, text, named]) => {
    const result = verdict('harness-detection', observe('ok', source(language, text)));
    expect(result.status).toBe('failed');
    expect(result.message).toMatch(new RegExp(`^${named.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: a program that looks at how it is run`));
    expect(result.message).toContain('Read only REQUESTROCKET_USER_TOKEN');
  });

  test.for([
    ['a longer name that only ends like one', 'MY_HTTPS_PROXY_URL = 1'],
    ['a version number', 'User-Agent: example/127.0'],
    [
      'the token variable and the API host',
      'token = os.environ["REQUESTROCKET_USER_TOKEN"]; url = "https://api.requestrocket.com/api/clients"',
    ],
  ])('passes %s', ([, text]) => {
    expect(verdict('harness-detection', observe('ok', source('python', text!))).status).toBe('passed');
  });
});
