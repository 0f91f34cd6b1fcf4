// Every check fires: each deliberately broken snippet under test/fixtures/broken/ is caught by the
// check named for its mistake, with a message that says how to fix it, and by nothing unrelated.
import path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import type { CheckId } from '../../scripts/harness/checks/index.ts';
import { PROJECT_ROOT, planHarness } from '../../scripts/harness/harness.ts';
import type { ScenarioName } from '../../scripts/harness/scenarios.ts';
import { formatFailure } from '../../scripts/harness/reporters/terminal.ts';
import { startBackgroundRun } from './case-runner.ts';

const ROOT = path.join(PROJECT_ROOT, 'test', 'fixtures', 'broken');

/** Each fixture: the check that must catch it, a phrase of its message, and the exact failing checks per scenario. */
const FIXTURES: Record<string, { caughtBy: CheckId; says: RegExp; fails: Record<ScenarioName, CheckId[]> }> = {
  'bearer-prefix': {
    caughtBy: 'auth-header',
    says: /remove the "Bearer " prefix/,
    fails: { ok: ['auth-header', 'exit-code', 'output'], missing: [], invalid: ['auth-header'], revoked: ['auth-header'], forbidden: ['auth-header'] },
  },
  'token-in-query': {
    caughtBy: 'token-in-url',
    says: /only in the Authorization header/,
    fails: { ok: ['token-in-url'], missing: [], invalid: ['token-in-url'], revoked: ['token-in-url'], forbidden: ['token-in-url'] },
  },
  'plain-http': {
    caughtBy: 'https',
    says: /plain HTTP to http:\/\/api\.requestrocket\.com\//,
    fails: { ok: ['https', 'request', 'exit-code', 'output'], missing: [], invalid: ['https', 'request'], revoked: ['https', 'request'], forbidden: ['https', 'request'] },
  },
  'other-host': {
    caughtBy: 'egress',
    says: /refused api\.requestrocket\.example:443/,
    fails: { ok: ['egress', 'request', 'exit-code', 'output'], missing: [], invalid: ['egress', 'request'], revoked: ['egress', 'request'], forbidden: ['egress', 'request'] },
  },
  'wrong-path': {
    caughtBy: 'request',
    says: /expected GET \/api\/clients; the mock received GET \/api\/client$/,
    fails: { ok: ['request', 'exit-code', 'output'], missing: [], invalid: ['request'], revoked: ['request'], forbidden: ['request'] },
  },
  'no-content-type': {
    caughtBy: 'content-type',
    says: /no Content-Type header; expected "application\/json"/,
    fails: { ok: ['content-type'], missing: [], invalid: ['content-type'], revoked: ['content-type'], forbidden: ['content-type'] },
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
    fails: { ok: ['raw-request'], missing: ['raw-request'], invalid: ['raw-request'], revoked: ['raw-request'], forbidden: ['raw-request'] },
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
};

const { examples, cases } = await planHarness({ root: ROOT });
const run = startBackgroundRun(cases, ROOT);
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
  test.for(cases.filter((planned) => planned.example.id === fixture))('$scenario fails exactly the expected checks', async (planned, context) => {
    const result = await run.result(planned.key);
    if (result.status === 'skipped' && process.env.CI !== 'true') context.skip(result.detail.reason ?? 'skipped');
    const failed = result.checks.filter((check) => check.status === 'failed').map((check) => check.id);
    expect(failed, formatFailure(result)).toEqual(expected.fails[planned.scenario]);
    const named = result.checks.find((check) => check.id === expected.caughtBy);
    if (failed.includes(expected.caughtBy)) expect(named?.message).toMatch(expected.says);
  });

  test(`is caught by ${expected.caughtBy} in at least one scenario`, () => {
    expect(Object.values(expected.fails).some((ids) => ids.includes(expected.caughtBy))).toBe(true);
  });
});
