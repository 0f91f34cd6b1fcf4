// A language is one runner file plus its template: TypeScript, defined under
// test/fixtures/sixth-language/ through the public contract only and registered by passing a longer
// runner list, is scaffolded, planned, run under every scenario and checked like the built-in five,
// with the facts its runner declares (its variables, its ways of switching verification off, its
// timeout advice, its crash marks). Nothing else in the project knows about it.
// vitest project: programs (test/support/projects.ts)
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { scenariosOf } from '../../scripts/harness/case/scenarios.ts';
import { PROJECT_ROOT, planHarness, runHarness } from '../../scripts/harness/harness.ts';
import type { CaseResult } from '../../scripts/harness/case/case-result.ts';
import { formatFailure } from '../../scripts/report/reporters/terminal.ts';
import { HarnessReportSchema } from '../../scripts/report/report-schema.ts';
import { DEFAULT_RUNNERS } from '../../scripts/runners/registry.ts';
import { scaffoldExample } from '../../scripts/scaffold/scaffold.ts';
import { typescriptRunner } from '../fixtures/sixth-language/typescript.ts';

const REGISTERED = [...DEFAULT_RUNNERS, typescriptRunner];
const BROKEN = path.join(PROJECT_ROOT, 'test', 'fixtures', 'sixth-language', 'broken');

const root = await mkdtemp(path.join(tmpdir(), 'rr-sixth-language-'));
afterAll(() => rm(root, { recursive: true, force: true }));

/** The ids of the checks a case failed. */
const failedChecks = (result: CaseResult) => result.checks.filter((check) => check.status === 'failed').map((check) => check.id);

/** The message of one check of a case. */
const messageOf = (result: CaseResult, id: string) => result.checks.find((check) => check.id === id)?.message ?? '';

describe('a sixth language, registered by passing a longer runner list', () => {
  test('is scaffolded by npm run new-example: its runner names the template and the file', async () => {
    const created = await scaffoldExample({ id: 'list-widgets', title: 'List your widgets', root, runners: REGISTERED });
    expect(created.files.map((file) => path.basename(file))).toEqual([
      'example.json',
      'request.http',
      'list-widgets.mjs',
      'list_widgets.py',
      'list_widgets.go',
      'ListWidgets.java',
      'list-widgets.sh',
      'list-widgets.mts',
    ]);
    const template = await readFile(new URL('../fixtures/sixth-language/template.mts', import.meta.url), 'utf8');
    expect(await readFile(path.join(root, 'list-widgets', 'list-widgets.mts'), 'utf8')).toBe(
      template.replace('{{sentence}}', 'List your widgets.'),
    );
  });

  test('writes no operation but the default without code of its own for the others, and says so', async () => {
    await expect(scaffoldExample({ id: 'create-widget', operations: ['createTarget'], root, runners: REGISTERED })).rejects.toThrow(
      "the typescript runner's template can only write listClients: its scaffold has no `code` to write createTarget",
    );
  });

  test('passes every check under every scenario, as scaffolded', async () => {
    const plan = await planHarness({ root, runners: REGISTERED, languages: ['typescript'] });
    expect(plan.cases.map((planned) => planned.key)).toEqual(
      scenariosOf(plan.examples[0]!.manifest).map((scenario) => `list-widgets/typescript/${scenario}`),
    );
    const run = await runHarness({ root, runners: REGISTERED, languages: ['typescript'] });
    for (const result of run.results) expect(result.status, formatFailure(result)).toBe('passed');
    const report = HarnessReportSchema.parse(run.report);
    expect(report.cases[0]).toMatchObject({
      example: 'list-widgets',
      language: 'typescript',
      file: path.relative(PROJECT_ROOT, path.join(root, 'list-widgets', 'list-widgets.mts')),
    });
    expect(report.run.toolchains.typescript).toEqual({
      available: true,
      version: expect.stringMatching(/^Node\.js \S+ \(type stripping\)$/),
    });
  });

  test('reaches the mock and trusts its CA with the variables its own runner declares, registered alone', async () => {
    const run = await runHarness({ root, runners: [typescriptRunner], scenarios: ['ok', 'untrusted-cert'] });
    expect(run.results.map((result) => [result.key, result.status])).toEqual([
      ['list-widgets/typescript/ok', 'passed'],
      ['list-widgets/typescript/untrusted-cert', 'passed'],
    ]);
    // Without the CA variable it declares, the same program does not trust the mock's certificate.
    const untrusting = { ...typescriptRunner, environment: { ...typescriptRunner.environment, caFileVariables: [] } };
    const [ok] = (await runHarness({ root, runners: [untrusting], scenarios: ['ok'] })).results;
    expect(ok?.status).toBe('failed');
    expect(ok?.detail.outputTail.join('\n')).toMatch(/Request failed: .*certificate/);
  });

  test('is left unclaimed when it is not registered', async () => {
    const plan = await planHarness({ root });
    expect(plan.cases.some((planned) => planned.file.name.endsWith('.mts'))).toBe(false);
    const scaffolded = await scaffoldExample({ id: 'list-gadgets', root });
    expect(scaffolded.files.some((file) => file.endsWith('.mts'))).toBe(false);
  });
});

describe("a broken variant fails the checks its runner's facts name", () => {
  const expected: Record<string, { scenarios: string[]; fails: Record<string, string[]> }> = {
    'verify-off': {
      scenarios: ['ok', 'untrusted-cert'],
      fails: { ok: ['tls-verify'], 'untrusted-cert': ['tls-verify', 'request', 'exit-code', 'handles-error'] },
    },
    'no-timeout': { scenarios: ['hung-server'], fails: { 'hung-server': ['exit-code', 'timeout', 'request-timeout'] } },
    'crashes-on-401': { scenarios: ['revoked'], fails: { revoked: ['handles-error'] } },
  };
  const results = (async () => {
    const plan = await planHarness({ root: BROKEN, runners: REGISTERED });
    const cases = plan.cases.filter((planned) => expected[planned.example.id]?.scenarios.includes(planned.scenario));
    const run = await runHarness({ cases, root: BROKEN, runners: REGISTERED });
    return new Map(run.results.map((result) => [result.key, result]));
  })();
  results.catch(() => {}); // awaited by each test, which fails with the reason
  const resultOf = async (key: string) => {
    const result = (await results).get(key);
    if (!result) throw new Error(`no case ${key}`);
    return result;
  };

  test.for(
    Object.entries(expected).flatMap(([id, { fails }]) =>
      Object.entries(fails).map(([scenario, ids]) => [`${id}/typescript/${scenario}`, ids] as const),
    ),
  )('%s fails exactly the expected checks', async ([key, ids]) => {
    const result = await resultOf(key);
    expect(failedChecks(result), formatFailure(result)).toEqual(ids);
  });

  test("tls-verify names the line in the words of the runner's own spelling", async () => {
    const [spelling] = typescriptRunner.insecureTls ?? [];
    expect(messageOf(await resultOf('verify-off/typescript/ok'), 'tls-verify')).toContain(
      `line 2 (process.env.NODE_TLS_REJECT_UNAUTHORIZED = '0';): ${spelling?.what}; ${spelling?.fix}`,
    );
  });

  test("request-timeout advises the runner's own way of setting a timeout", async () => {
    expect(messageOf(await resultOf('no-timeout/typescript/hung-server'), 'request-timeout')).toMatch(
      /never gave up.*give fetch an AbortSignal\.timeout\(1_000\) as its signal/,
    );
  });

  test("handles-error recognises the crash by the runner's own mark", async () => {
    expect(messageOf(await resultOf('crashes-on-401/typescript/revoked'), 'handles-error')).toMatch(
      /crashed with an uncaught error in TypeScript \(a Node\.js stack trace\) \("at clientsOf \(file:\/\/\/.*\/crashes-on-401\//,
    );
  });
});
