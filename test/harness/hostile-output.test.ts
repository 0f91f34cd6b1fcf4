// Snippets that attack the checks through their output: a flood that made the checks quadratic,
// the token printed in every usual encoding, past the kept output, in the URL or as a host name,
// and other credentials printed (a GitHub token, a PEM private key, a basic-auth header in base64).
// Each case fails exactly the expected checks, with a message that names the encoding, and no
// report (terminal, JSON, JUnit, GitHub annotations), nor what the site shows of it, holds the
// token or anything shaped like a credential, in any form.
// vitest project: programs (test/support/projects.ts)
import path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { API_FACTS } from '../../scripts/api/core-api.ts';
import type { CheckId } from '../../scripts/harness/checks/all-checks.ts';
import { PROJECT_ROOT, planHarness } from '../../scripts/harness/harness.ts';
import { toGithubAnnotations } from '../../scripts/report/reporters/github.ts';
import { toJunit } from '../../scripts/report/reporters/junit.ts';
import { toReport } from '../../scripts/report/reporters/summary.ts';
import { formatFailure } from '../../scripts/report/reporters/terminal.ts';
import type { ScenarioName } from '../../scripts/harness/case/scenarios.ts';
import type { LanguageRunner } from '../../scripts/runners/runner-contract.ts';
import { DEFAULT_RUNNERS } from '../../scripts/runners/registry.ts';
import { scanCredentials, scanText } from '../../scripts/secrets/stream-scan.ts';
import { fileResults, outputView } from '../../docs/lib/evidence.ts';
import { reportOf } from '../support/report.ts';
import { startBackgroundRun } from './case-runner.ts';

const ROOT = path.join(PROJECT_ROOT, 'test', 'fixtures', 'hostile-output');

const leaks = (says: RegExp): Expected => ({
  caughtBy: 'token-leak',
  says,
  fails: { ok: ['token-leak'], missing: [], invalid: ['token-leak'], revoked: ['token-leak'], forbidden: ['token-leak'] },
});

/** The scenarios these fixtures run under: the ones in which the mock answers. */
const SCENARIOS_RUN = ['ok', 'missing', 'invalid', 'revoked', 'forbidden'] as const satisfies readonly ScenarioName[];

interface Expected {
  caughtBy?: CheckId;
  says?: RegExp;
  fails: Record<(typeof SCENARIOS_RUN)[number], CheckId[]>;
}

/** A fixture that prints a credential-shaped string: `credential-leak` fails in every scenario, the output being printed first. */
const printsCredential = (says: RegExp): Expected => ({
  caughtBy: 'credential-leak',
  says,
  fails: {
    ok: ['credential-leak'],
    missing: ['credential-leak'],
    invalid: ['credential-leak'],
    revoked: ['credential-leak'],
    forbidden: ['credential-leak'],
  },
});

const FIXTURES: Record<string, Expected> = {
  // Passes every check: what matters is that the checks finish at all.
  'floods-output': { fails: { ok: [], missing: [], invalid: [], revoked: [], forbidden: [] } },
  'prints-token-base64': leaks(/^the token was printed base64-encoded to stdout; never print or log a token or a secret, in any form$/),
  'prints-token-hex': leaks(/^the token was printed hex-encoded to stderr;/),
  'prints-token-reversed': leaks(/^the token was printed reversed to stdout;/),
  'prints-token-url-encoded': leaks(/^the token was printed URL-encoded to stdout;/),
  'prints-token-spaced': leaks(/^the token was printed split by white space or line breaks to stdout;/),
  'prints-token-late': leaks(/^the token was printed to stderr;/),
  'prints-github-token': printsCredential(/^the program printed something shaped like a GitHub token to stdout; never print credentials/),
  'prints-private-key': printsCredential(/^the program printed something shaped like a PEM private key to stderr;/),
  'prints-basic-auth-base64': printsCredential(
    /^the program printed something shaped like a basic-auth header's user and password base64-encoded to stdout;/,
  ),
  'sends-token-in-path': {
    caughtBy: 'token-in-url',
    says: /the mock saw it \(base64-encoded\) in the URL \/api\/clients\/\[token masked: base64-encoded\]/,
    fails: {
      ok: ['request', 'token-in-url', 'exit-code', 'output'],
      missing: [],
      invalid: ['request', 'token-in-url'],
      revoked: ['request', 'token-in-url'],
      forbidden: ['request', 'token-in-url'],
    },
  },
  'connects-to-token-host': {
    caughtBy: 'token-in-url',
    says: /the mock saw it \(with its letters in another case\) in the URL \/\/\[token masked: with its letters in another case\]\.example:443$/,
    fails: {
      ok: ['egress', 'token-in-url'],
      missing: [],
      invalid: ['egress', 'token-in-url'],
      revoked: ['egress', 'token-in-url'],
      forbidden: ['egress', 'token-in-url'],
    },
  },
};

/** Every token handed to a program in this run, read from the environment its runner was given. */
const tokens = new Set<string>();
const watching: LanguageRunner[] = DEFAULT_RUNNERS.map((runner) => ({
  ...runner,
  run(prepared, options) {
    const token = options.env[API_FACTS.tokenEnvVar];
    if (token) tokens.add(token);
    return runner.run(prepared, options);
  },
}));

const { examples, cases } = await planHarness({ root: ROOT, runners: watching, scenarios: SCENARIOS_RUN });
const run = startBackgroundRun(cases, { root: ROOT });
afterAll(() => run.done);

test('every fixture folder has an expectation, and every expectation a fixture', () => {
  expect(examples.map((example) => example.id).sort()).toEqual(Object.keys(FIXTURES).sort());
});

describe.for(Object.entries(FIXTURES))('%s', ([fixture, expected]) => {
  test.for(cases.filter((planned) => planned.example.id === fixture))(
    '$scenario fails exactly the expected checks, and no report shows the token',
    async (planned, context) => {
      const result = await run.result(planned.key);
      if (result.status === 'skipped' && process.env.CI !== 'true') context.skip(result.detail.reason ?? 'skipped');
      const failed = result.checks.filter((check) => check.status === 'failed').map((check) => check.id);
      expect(failed, formatFailure(result)).toEqual(expected.fails[planned.scenario as (typeof SCENARIOS_RUN)[number]]);
      if (expected.caughtBy && failed.includes(expected.caughtBy)) {
        expect(result.checks.find((check) => check.id === expected.caughtBy)?.message).toMatch(expected.says!);
      }
      const reports = [
        formatFailure(result),
        JSON.stringify(toReport([result], reportOf([]).run)),
        toJunit([result]),
        ...toGithubAnnotations([result]),
      ].join('\n');
      expect(tokens.size).toBeGreaterThan(0);
      expect(scanText(reports, [...tokens])).toEqual([]);
      expect(scanCredentials(reports)).toEqual([]);
    },
  );
});

describe('what the site shows of a program that printed a credential ("What you will see")', () => {
  test.for(['prints-github-token', 'prints-private-key', 'prints-basic-auth-base64'])(
    '%s: masked, never the credential',
    async (fixture, context) => {
      const { report } = await run.done;
      const example = examples.find((candidate) => candidate.id === fixture)!;
      const file = example.files[0]!;
      if (report.cases.some((entry) => entry.example === fixture && entry.status === 'skipped') && process.env.CI !== 'true')
        context.skip('curl missing');
      const view = outputView(fileResults(report, example, file, ROOT, PROJECT_ROOT));
      expect(view.available, JSON.stringify(view)).toBe(true);
      const shown = JSON.stringify(view);
      expect(shown).toContain('[credential masked: ');
      expect(scanCredentials(shown)).toEqual([]);
    },
  );
});
