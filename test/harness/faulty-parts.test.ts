// One faulty part of the harness costs its own cases, never the run: a check whose evaluate throws
// fails that check in the cases it threw in, naming it, and a runner whose detect() throws fails
// that language's cases; the other checks and cases go on, and the report keeps the error's
// message, stack and cause, masked and bounded.
// vitest project: programs (test/support/projects.ts)
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { PROJECT_ROOT, runHarness } from '../../scripts/harness/harness.ts';
import { CHECKS, type Check } from '../../scripts/harness/checks/all-checks.ts';
import { evaluateChecks } from '../../scripts/harness/checks/evaluate-checks.ts';
import { caughtError, errorSummary } from '../../scripts/harness/case/caught-error.ts';
import { harnessFailure, unpreparedCase } from '../../scripts/harness/case/case-result.ts';
import { runCase } from '../../scripts/harness/case/run-case.ts';
import { CAUGHT_ERROR_LIMITS, HarnessReportSchema } from '../../scripts/report/report-schema.ts';
import { formatFailure } from '../../scripts/report/reporters/terminal.ts';
import { toJunit } from '../../scripts/report/reporters/junit.ts';
import { MAX_MESSAGE_LENGTH } from '../../scripts/secrets/safe-text.ts';
import { curlRunner } from '../../scripts/runners/curl.ts';
import { defineRunner } from '../../scripts/runners/runner-contract.ts';
import { DEFAULT_RUNNERS } from '../../scripts/runners/registry.ts';
import { planCases } from '../../scripts/harness/run/plan.ts';
import { discoverExamples } from '../../scripts/manifest/examples.ts';

const scratch = await mkdtemp(path.join(tmpdir(), 'rr-faulty-parts-'));
afterAll(() => rm(scratch, { recursive: true, force: true }));

const snippets = path.join(PROJECT_ROOT, 'snippets');
const THIS_FILE = path.basename(import.meta.filename);

describe('a check whose evaluate throws', () => {
  test('fails that check in its cases, naming it, while the other checks, cases and the run go on', { timeout: 120_000 }, async () => {
    const tokens: string[] = [];
    // The output check breaks on curl's cases only, with a cause, and with the case's token in its message.
    const checks: Check[] = CHECKS.map((check) =>
      check.id !== 'output'
        ? check
        : {
            ...check,
            evaluate(observation) {
              if (observation.snippet.language !== 'curl') return check.evaluate(observation);
              if (observation.token) tokens.push(observation.token);
              throw new TypeError(`expected output is undefined for ${observation.token}`, {
                cause: new Error(`the table of outputs has no row for ${observation.token}`),
              });
            },
          },
    );
    const jsonReport = path.join(scratch, 'report.json');
    const run = await runHarness({
      root: snippets,
      examples: ['list-clients'],
      languages: ['javascript', 'curl'],
      scenarios: ['ok', 'revoked'],
      checks,
      resultCacheDir: path.join(scratch, 'results'),
      jsonReport,
    });
    const byKey = new Map(run.results.map((result) => [result.key, result]));
    for (const scenario of ['ok', 'revoked']) {
      const fine = byKey.get(`list-clients/javascript/${scenario}`);
      expect(fine?.status, JSON.stringify(fine?.checks)).toBe('passed');
      expect(fine?.errors).toBeUndefined();

      const broken = byKey.get(`list-clients/curl/${scenario}`)!;
      expect(broken.status).toBe('failed');
      expect(broken.checks.filter((check) => check.status === 'failed').map((check) => check.id)).toEqual(['output']);
      expect(broken.checks.find((check) => check.id === 'auth-header')?.status).toBe('passed');
      const message = broken.checks.find((check) => check.id === 'output')!.message;
      expect(message).toMatch(
        /^check "output" threw: TypeError: expected output is undefined for u-\w{2}…\(\d+ chars\); caused by Error: the table of outputs has no row for u-\w{2}…\(\d+ chars\)$/,
      );
      expect(broken.errors).toHaveLength(1);
      const [error] = broken.errors!;
      expect(error).toMatchObject({ where: 'check "output"' });
      expect(error!.message).toMatch(/^TypeError: expected output is undefined for u-/);
      expect(error!.stack).toMatch(/^TypeError: expected output is undefined[^\n]*\n\s+at /);
      expect(error!.stack).toContain(THIS_FILE);
      expect(error!.cause).toMatch(/^Error: the table of outputs has no row for u-\w{2}…\(\d+ chars\)\n\s+at /);
      expect(formatFailure(broken)).toContain(`  check "output" threw:\n    TypeError: expected output is undefined`);
      expect(formatFailure(broken)).toContain('    caused by Error: the table of outputs has no row for');
      expect(toJunit([broken])).toContain('caused by Error: the table of outputs has no row for');
    }
    // The report keeps the errors, never a token; a result in which a check threw is not cached.
    const written = await readFile(jsonReport, 'utf8');
    const report = HarnessReportSchema.parse(JSON.parse(written));
    expect(report.cases.filter((entry) => entry.errors?.length).map((entry) => entry.key)).toEqual([
      'list-clients/curl/ok',
      'list-clients/curl/revoked',
    ]);
    expect(tokens.length).toBeGreaterThan(0);
    for (const token of tokens) expect(written).not.toContain(token);
    expect(run.cache).toMatchObject({ stored: 2 });
  });

  test('evaluateChecks keeps every verdict and at most the bounded number of errors', () => {
    const throwing = Array.from({ length: CAUGHT_ERROR_LIMITS.errors + 4 }, (): Check => ({
      ...CHECKS[0]!,
      evaluate() {
        throw new Error('x'.repeat(100_000));
      },
    }));
    const { checks, errors } = evaluateChecks(throwing, undefined as never, []);
    expect(checks).toHaveLength(throwing.length);
    expect(checks.every((check) => check.status === 'failed' && check.message.length <= MAX_MESSAGE_LENGTH + 10)).toBe(true);
    expect(errors).toHaveLength(CAUGHT_ERROR_LIMITS.errors);
    for (const error of errors) expect(error.message.length).toBeLessThanOrEqual(MAX_MESSAGE_LENGTH + 10);
  });
});

describe('a runner whose detect() throws', () => {
  const brokenCurl = defineRunner({
    ...curlRunner,
    toolchainCommands: undefined,
    async detect() {
      throw new Error('could not read the version of curl', { cause: new RangeError('version 99 is not known') });
    },
  });
  const runners = DEFAULT_RUNNERS.map((runner) => (runner.id === 'curl' ? brokenCurl : runner));

  test.for([false, true])(
    "fails that language's cases, naming the runner and keeping the cause (every language required: %s); the others pass",
    { timeout: 120_000 },
    async (requireAll) => {
      const run = await runHarness({
        root: snippets,
        examples: ['list-clients'],
        languages: ['javascript', 'curl'],
        scenarios: ['ok'],
        runners,
        requireAll,
      });
      const [javascript, curl] = run.results;
      expect(javascript).toMatchObject({ key: 'list-clients/javascript/ok', status: 'passed' });
      expect(curl).toMatchObject({ key: 'list-clients/curl/ok', status: 'failed' });
      expect(curl!.checks).toEqual([
        {
          id: 'harness',
          status: 'failed',
          message:
            'the harness could not run this case: runner "curl" detect() threw: could not read the version of curl; caused by RangeError: version 99 is not known',
        },
      ]);
      expect(curl!.errors).toEqual([
        {
          where: 'runner "curl" detect()',
          message: 'Error: could not read the version of curl',
          stack: expect.stringContaining(THIS_FILE),
          cause: expect.stringMatching(/^RangeError: version 99 is not known\n\s+at /),
        },
      ]);
      expect(run.info.toolchains.curl).toEqual({
        available: false,
        reason: 'runner "curl" detect() threw: Error: could not read the version of curl; caused by RangeError: version 99 is not known',
      });
      expect(HarnessReportSchema.parse(run.report).cases[1]?.errors?.[0]?.where).toBe('runner "curl" detect()');
    },
  );
});

describe('any other fault of the harness while a case runs', () => {
  test('fails that case as a harness failure naming the engine, and the run goes on', { timeout: 120_000 }, async () => {
    const run = await runHarness({
      root: snippets,
      examples: ['list-clients', 'verify-token'],
      languages: ['curl'],
      scenarios: ['ok'],
      // The real case runner, but for one example, where the harness breaks before the program starts.
      async runCase(planned, snippet, context) {
        if (planned.example.id === 'verify-token') throw new SyntaxError('unexpected token in a recorded request');
        return runCase(planned, snippet, context);
      },
    });
    expect(run.results.map((result) => [result.key, result.status])).toEqual([
      ['list-clients/curl/ok', 'passed'],
      ['verify-token/curl/ok', 'failed'],
    ]);
    expect(run.results[1]?.checks).toEqual([
      {
        id: 'harness',
        status: 'failed',
        message: 'the harness could not run this case: the engine threw: unexpected token in a recorded request',
      },
    ]);
    expect(run.results[1]?.errors?.[0]).toMatchObject({
      where: 'the engine',
      message: 'SyntaxError: unexpected token in a recorded request',
    });
  });
});

const [planned] = planCases(await discoverExamples(snippets), DEFAULT_RUNNERS, {
  examples: ['list-clients'],
  languages: ['go'],
  scenarios: ['ok'],
});

describe('the other errors the engine turns into results', () => {
  test('a failed build keeps its stack and cause', () => {
    const outcome = unpreparedCase(
      planned!,
      'snippets/list-clients/list_clients.go',
      new Error('go build failed', { cause: new Error('exit 2') }),
    );
    expect(outcome.checks).toEqual([{ id: 'prepare', status: 'failed', message: 'go build failed; caused by Error: exit 2' }]);
    expect(outcome.errors?.[0]).toMatchObject({ where: 'runner "go" prepare()', message: 'Error: go build failed' });
    expect(outcome.errors?.[0]?.stack).toContain(THIS_FILE);
    expect(outcome.errors?.[0]?.cause).toMatch(/^Error: exit 2\n/);
  });

  test('a harness failure names what threw and masks the secrets it is given', () => {
    const token = 'u-AbCdEfGhIjKlMnOpQrStUvWx0123';
    const outcome = harnessFailure(planned!, 'snippets/list-clients/list_clients.go', new Error(`proxy refused ${token}`), {
      where: 'starting the mock and the sandbox',
      secrets: [token],
    });
    expect(outcome.checks[0]?.message).toMatch(
      /^the harness could not run this case: starting the mock and the sandbox threw: proxy refused u-Ab…/,
    );
    expect(JSON.stringify(outcome)).not.toContain(token);
  });
});

describe('caughtError', () => {
  test('stops at a cause that points back at its error, and takes thrown values that are no Error', () => {
    const looping = new Error('a');
    const middle = new Error('b', { cause: looping });
    looping.cause = middle;
    expect(errorSummary(looping)).toBe('Error: a; caused by Error: b');
    expect(caughtError('check "output"', 'just a string')).toEqual({ where: 'check "output"', message: 'just a string' });
    expect(caughtError('check "output"', undefined)).toEqual({ where: 'check "output"', message: 'undefined thrown: undefined' });
  });

  test('bounds the stack and the cause, and shows control characters instead of obeying them', () => {
    const error = new Error('red \u001b[31m text', { cause: new Error('y'.repeat(50_000)) });
    error.stack = `Error: red\n${'    at frame\n'.repeat(10_000)}`;
    const caught = caughtError('check "output"', error);
    expect(caught.message).toBe('Error: red \\x1b[31m text');
    expect(caught.stack!.length).toBeLessThanOrEqual(CAUGHT_ERROR_LIMITS.stack + 10);
    expect(caught.cause!.length).toBeLessThanOrEqual(CAUGHT_ERROR_LIMITS.cause + 10);
  });
});
