// Every check fires: each deliberately broken snippet under test/fixtures/broken/ is caught by the
// check named for its mistake, with a message that says how to fix it, and by nothing unrelated.
// Each fixture runs under the scenarios its expectation lists (the auth ones for the auth mistakes,
// the failure ones for the failure mistakes), so the suite stays fast.
// vitest project: programs (test/support/projects.ts)
import path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import type { CheckId } from '../../scripts/harness/checks/all-checks.ts';
import { PROJECT_ROOT, planHarness } from '../../scripts/harness/harness.ts';
import type { PlannedCase } from '../../scripts/harness/run/plan.ts';
import type { ScenarioName } from '../../scripts/harness/case/scenarios.ts';
import { formatFailure } from '../../scripts/report/reporters/terminal.ts';
import { startBackgroundRun } from './case-runner.ts';

const ROOT = path.join(PROJECT_ROOT, 'test', 'fixtures', 'broken');

/** The exact failing checks of one fixture under each scenario it runs in. */
type Fails = Partial<Record<ScenarioName, CheckId[]>>;

/** The auth scenarios, for the fixtures whose mistake is about the token. */
type AuthFails = Record<'ok' | 'missing' | 'invalid' | 'revoked' | 'forbidden', CheckId[]>;

/**
 * Each fixture: the check that must catch it, a phrase of its message, the exact failing checks
 * per scenario it runs in, and, where one language of the fixture differs, its own expectation.
 */
const FIXTURES: Record<string, { caughtBy: CheckId; says: RegExp; fails: AuthFails | Fails; byLanguage?: Record<string, Fails> }> = {
  'bearer-prefix': {
    caughtBy: 'auth-header',
    says: /remove the "Bearer " prefix/,
    fails: {
      ok: ['auth-header', 'exit-code', 'output'],
      missing: [],
      invalid: ['auth-header'],
      revoked: ['auth-header'],
      forbidden: ['auth-header'],
    },
  },
  'token-in-query': {
    caughtBy: 'token-in-url',
    says: /only in the Authorization header/,
    // The query parameter it puts the token in is one the description does not have either.
    fails: {
      ok: ['request-schema', 'token-in-url'],
      missing: [],
      invalid: ['request-schema', 'token-in-url'],
      revoked: ['request-schema', 'token-in-url'],
      forbidden: ['request-schema', 'token-in-url'],
    },
  },
  'plain-http': {
    caughtBy: 'https',
    says: /plain HTTP to http:\/\/api\.requestrocket\.com\//,
    fails: {
      ok: ['https', 'request', 'exit-code', 'output'],
      missing: [],
      invalid: ['https', 'request'],
      revoked: ['https', 'request'],
      forbidden: ['https', 'request'],
    },
  },
  'other-host': {
    caughtBy: 'egress',
    says: /refused api\.requestrocket\.example:443/,
    fails: {
      ok: ['egress', 'request', 'exit-code', 'output'],
      missing: [],
      invalid: ['egress', 'request'],
      revoked: ['egress', 'request'],
      forbidden: ['egress', 'request'],
    },
  },
  'wrong-path': {
    caughtBy: 'request',
    says: /^expected GET \/api\/clients \(listClients\); the mock received GET \/api\/client \(no operation has this path\)$/,
    fails: { ok: ['request', 'exit-code', 'output'], missing: [], invalid: ['request'], revoked: ['request'], forbidden: ['request'] },
  },
  'no-content-type': {
    caughtBy: 'content-type',
    says: /no Content-Type header; expected "application\/json"/,
    fails: { ok: ['content-type'], missing: [], invalid: ['content-type'], revoked: ['content-type'], forbidden: ['content-type'] },
  },
  // Python and JavaScript read HTTPS_PROXY; Go asks which proxy the environment names and compares it with 127.0.0.1.
  'detects-harness': {
    caughtBy: 'harness-detection',
    says: /^line \d+ names the (?:variable HTTPS_PROXY|loopback address 127\.0\.0\.1)(?:;.*)?: a program that looks at how it is run/,
    fails: {
      ok: ['harness-detection'],
      missing: ['harness-detection'],
      invalid: ['harness-detection'],
      revoked: ['harness-detection'],
      forbidden: ['harness-detection'],
    },
  },
  'prints-token': {
    caughtBy: 'token-leak',
    says: /printed to stdout/,
    fails: { ok: ['token-leak'], missing: [], invalid: ['token-leak'], revoked: ['token-leak'], forbidden: ['token-leak'] },
  },
  'crashes-on-401': {
    caughtBy: 'handles-error',
    says: /crashed with a JavaScript stack trace/,
    fails: { ok: [], missing: [], invalid: ['handles-error'], revoked: ['handles-error'], forbidden: ['handles-error'] },
  },
  'exits-zero-on-403': {
    caughtBy: 'exit-code',
    says: /expected a non-zero exit code .* exited 0/,
    fails: { ok: [], missing: [], invalid: [], revoked: [], forbidden: ['exit-code'] },
  },
  'sends-undefined': {
    caughtBy: 'missing-token',
    says: /sent Authorization: "undefined"/,
    fails: { ok: [], missing: ['missing-token'], invalid: [], revoked: [], forbidden: [] },
  },
  'panics-on-missing-token': {
    caughtBy: 'handles-error',
    says: /crashed with a Go panic/,
    fails: { ok: [], missing: ['handles-error', 'missing-token'], invalid: [], revoked: [], forbidden: [] },
  },
  'raw-request-shows-bearer': {
    caughtBy: 'raw-request',
    says: /request\.http must show Authorization: u-your-token-here \(the placeholder, raw\); found "Bearer u-your-token-here"/,
    fails: {
      ok: ['raw-request'],
      missing: ['raw-request'],
      invalid: ['raw-request'],
      revoked: ['raw-request'],
      forbidden: ['raw-request'],
    },
  },
  'hangs-forever': {
    caughtBy: 'timeout',
    says: /killed with its whole process tree/,
    fails: {
      ok: ['request', 'exit-code', 'output', 'timeout'],
      missing: ['exit-code', 'missing-token', 'timeout'],
      invalid: ['request', 'exit-code', 'timeout'],
      revoked: ['request', 'exit-code', 'timeout'],
      forbidden: ['request', 'exit-code', 'timeout'],
    },
  },
  ...certificateFixtures({
    'verify-off-python': /line 19 \(verify=False,\): verify=False accepts any certificate; remove it/,
    'insecure-skip-verify': /line 38 \(TLSClientConfig: &tls\.Config\{InsecureSkipVerify: true\},\): .*remove the custom tls\.Config/,
    'curl-insecure': /line 8 \(.*--insecure.*\): curl -k \(--insecure\) accepts any certificate; remove -k\/--insecure/,
    'trust-all-manager': /line 19 \(TrustManager\[\] trustAll = .*\): a hand-made TrustManager .*remove it and the SSLContext/,
  }),
  // It also names a variable the harness manages (it removes NODE_TLS_REJECT_UNAUTHORIZED from every environment).
  'reject-unauthorized-off': {
    caughtBy: 'tls-verify',
    says: /line 2 \(process\.env\.NODE_TLS_REJECT_UNAUTHORIZED = "0";\): .*remove it/,
    fails: {
      ok: ['tls-verify'],
      'untrusted-cert': ['tls-verify', 'request', 'exit-code', 'handles-error'],
    },
  },
  'verify-off-hidden': {
    caughtBy: 'tls-verify',
    says: /sent its request \(and its token\) over a certificate signed by a CA it does not trust: certificate verification is off\. Remove/,
    fails: { ok: [], 'untrusted-cert': ['tls-verify', 'request', 'exit-code', 'handles-error'] },
  },
  ...timeoutFixtures({
    'no-timeout-fetch': /never gave up.*pass signal: AbortSignal\.timeout\(1_000\) to fetch/,
    'no-timeout-requests': /never gave up.*pass timeout=1 to requests\.get\(\)/,
    'default-client': /never gave up.*use &http\.Client\{Timeout: 1 \* time\.Second\}/,
    'no-request-timeout': /never gave up.*set \.timeout\(Duration\.ofSeconds\(1\)\) on the HttpRequest/,
    'curl-no-max-time': /never gave up.*add --max-time 1/,
  }),
  'slow-timeout': {
    caughtBy: 'request-timeout',
    says: /gave up \d+ ms after the request arrived; the manifest's requestTimeoutMs is 1000: pass timeout=1 to requests\.get\(\)/,
    fails: { 'hung-server': ['request-timeout'] },
  },
  'crashes-on-gateway-error': {
    caughtBy: 'handles-error',
    says: /crashed with a Python traceback/,
    fails: { ok: [], 'bad-gateway': ['handles-error'] },
  },
  'panics-on-network-error': {
    caughtBy: 'handles-error',
    says: /crashed with a Go panic/,
    fails: { ok: [], 'network-error': ['handles-error'] },
  },
  // The query the others do not send is one the description does not have either.
  'same-request-differs': {
    caughtBy: 'same-request',
    says: /^request 1 \(listClients\) query\.limit: this file sent "10"; javascript, python sent nothing: make this file send what the other languages send/,
    fails: { ok: [] },
    byLanguage: { curl: { ok: ['request-schema', 'same-request'] } },
  },
  // The mistakes of a request against its operation in the description: each names the field.
  'wrong-field-name': {
    caughtBy: 'request-schema',
    says: /^createTarget: targetName: is required; createTarget: name: unknown field \(expected one of targetName, .*\), found "OpenAI API" \(string\)/,
    fails: { ok: ['request-schema', 'exit-code', 'output'], invalid: ['request-schema'] },
  },
  'number-as-string': {
    caughtBy: 'request-schema',
    says: /^updateProxy: proxyMaxRequestsPerMinute: must be an integer, found "60" \(string\)/,
    fails: { ok: ['request-schema', 'exit-code', 'output'], forbidden: ['request-schema'] },
  },
  'form-body': {
    caughtBy: 'request-schema',
    says: /^createTarget: body: must be JSON, not form fields \(name=value&…\); found "targetName=OpenAI\+API&/,
    fails: { ok: ['request-schema', 'exit-code', 'output'], revoked: ['request-schema'] },
  },
  'no-content-type-on-body': {
    caughtBy: 'request-schema',
    says: /^createTarget: header Content-Type: must be application\/json on a request with a body; none was sent/,
    fails: { ok: ['request-schema', 'content-type', 'exit-code', 'output'], invalid: ['request-schema', 'content-type'] },
  },
  'post-instead-of-put': {
    caughtBy: 'request',
    says: /^expected PUT \/api\/clients\/\{clientId\}\/proxies\/\{proxyId\} \(updateProxy\); the mock received POST \/api\/clients\/[\w-]+\/proxies\/proxy_\w+ \(this path does not take POST\)$/,
    fails: { ok: ['request', 'exit-code', 'output'], 'not-found': ['request'] },
  },
  // The harness gives each case an id of its own, so the seeded id written in the source is unknown there.
  'hard-coded-id': {
    caughtBy: 'request',
    says: /^createTarget sent clientId "550e8400-e29b-41d4-a716-446655440000", but the harness set REQUESTROCKET_CLIENT_ID to [\w-]+: read clientId from REQUESTROCKET_CLIENT_ID instead of writing it in the program$/,
    fails: { ok: ['request', 'exit-code', 'output'], missing: [], invalid: ['request'] },
  },
  // Ids of the records a body names, written in the source: unknown in the case's account, so the mock refuses them (400) too.
  'hard-coded-body-id': {
    caughtBy: 'request',
    says: /^createProxy sent proxyProxyCredentialId "cred_4f1a2b3c" in its body, but the harness set REQUESTROCKET_PROXY_CREDENTIAL_ID to cred_\w+: read proxyProxyCredentialId from REQUESTROCKET_PROXY_CREDENTIAL_ID instead of writing it in the program$/,
    fails: { ok: ['request', 'exit-code', 'output'], missing: [], invalid: ['request'] },
  },
  'exits-zero-on-404': {
    caughtBy: 'exit-code',
    says: /expected a non-zero exit code with an id the API does not know \(404\), so that a script or CI stops; the program exited 0/,
    fails: { ok: [], 'not-found': ['exit-code', 'handles-error'] },
  },
  'prints-credential-secret': {
    caughtBy: 'token-leak',
    says: /^the secret the program sent in credentialSecret\.key \(createCredential\) was printed to stdout; never print or log a token or a secret/,
    fails: { ok: ['token-leak'], invalid: [] },
  },
  'bodies-differ': {
    caughtBy: 'same-request',
    says: /^request 1 \(createTarget\) body\.targetName: this file sent "OpenAI"; javascript, python sent "OpenAI API": make this file send what the other languages send/,
    fails: { ok: [] },
    byLanguage: { java: { ok: ['same-request'] } },
  },
};

/** Fixtures that switch certificate checks off: named by the source scan everywhere, and seen sending over an untrusted certificate. */
function certificateFixtures(says: Record<string, RegExp>) {
  return Object.fromEntries(
    Object.entries(says).map(([fixture, message]) => [
      fixture,
      {
        caughtBy: 'tls-verify' as const,
        says: message,
        fails: { ok: ['tls-verify'], 'untrusted-cert': ['tls-verify', 'request', 'exit-code', 'handles-error'] } satisfies Fails,
      },
    ]),
  );
}

/** Fixtures that never give up on a server that never answers (their manifests say requestTimeoutMs 1000). */
function timeoutFixtures(says: Record<string, RegExp>) {
  return Object.fromEntries(
    Object.entries(says).map(([fixture, message]) => [
      fixture,
      {
        caughtBy: 'request-timeout' as const,
        says: message,
        fails: { 'hung-server': ['exit-code', 'timeout', 'request-timeout'] } satisfies Fails,
      },
    ]),
  );
}

const expectedFails = (planned: PlannedCase): CheckId[] | undefined => {
  const fixture = FIXTURES[planned.example.id];
  const fails: Fails | undefined = fixture?.byLanguage?.[planned.file.language] ?? fixture?.fails;
  return fails?.[planned.scenario];
};

const { examples, cases: everyCase } = await planHarness({ root: ROOT });
const cases = everyCase.filter((planned) => expectedFails(planned) !== undefined);
const run = startBackgroundRun(cases, { root: ROOT });
afterAll(() => run.done);

test('every fixture folder has an expectation, and every expectation a fixture', () => {
  expect(examples.map((example) => example.id).sort()).toEqual(Object.keys(FIXTURES).sort());
});

test('the fixtures cover all five languages', () => {
  expect(new Set(examples.flatMap((example) => example.files.map((file) => file.language)))).toEqual(
    new Set(['javascript', 'python', 'go', 'java', 'curl']),
  );
});

describe.for(Object.entries(FIXTURES))('%s', ([fixture, expected]) => {
  test.for(cases.filter((planned) => planned.example.id === fixture))(
    '$scenario fails exactly the expected checks',
    async (planned, context) => {
      const result = await run.result(planned.key);
      if (result.status === 'skipped' && process.env.CI !== 'true') context.skip(result.detail.reason ?? 'skipped');
      const failed = result.checks.filter((check) => check.status === 'failed').map((check) => check.id);
      expect(failed, formatFailure(result)).toEqual(expectedFails(planned));
      const named = result.checks.find((check) => check.id === expected.caughtBy);
      if (failed.includes(expected.caughtBy)) expect(named?.message).toMatch(expected.says);
    },
  );

  test(`is caught by ${expected.caughtBy} in at least one scenario`, () => {
    const everyFails = [expected.fails, ...Object.values(expected.byLanguage ?? {})].flatMap((fails) => Object.values(fails));
    expect(everyFails.some((ids) => ids?.includes(expected.caughtBy))).toBe(true);
  });
});
