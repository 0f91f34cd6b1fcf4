// Planning: filters, shards and --changed decide exactly which cases run.
// vitest project: unit (test/support/projects.ts)
import { mkdir, rm, writeFile, cp } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { affectedExamples } from '../../scripts/harness/run/changes.ts';
import { PROJECT_ROOT, planHarness } from '../../scripts/harness/harness.ts';
import { parseShard, planCases, shardCases } from '../../scripts/harness/run/plan.ts';
import { UsageError } from '../../scripts/usage.ts';
import { SCENARIO_NAMES, scenariosOf } from '../../scripts/harness/case/scenarios.ts';
import { LANGUAGES } from '../../scripts/languages.ts';
import { discoverExamples } from '../../scripts/manifest/examples.ts';
import { exampleSteps } from '../../scripts/manifest/example-steps.ts';
import { DEFAULT_RUNNERS } from '../../scripts/runners/registry.ts';
import { copyProject } from '../support/project-copy.ts';

const examples = await discoverExamples(path.join(PROJECT_ROOT, 'snippets'));
const allCases = planCases(examples, DEFAULT_RUNNERS);

describe('planCases', () => {
  test('plans every example × language × the scenarios of its operations', () => {
    const perExample = examples.map((example) => scenariosOf(example.manifest).length);
    expect(allCases).toHaveLength(LANGUAGES.length * perExample.reduce((sum, count) => sum + count, 0));
    expect(new Set(allCases.map((planned) => planned.key)).size).toBe(allCases.length);
  });

  test('plans not-found only for an id from the environment, and bad-request only for a body', () => {
    const scenariosOfExample = (id: string) =>
      new Set(allCases.filter((planned) => planned.example.id === id).map((planned) => planned.scenario));
    expect(scenariosOfExample('list-clients')).toEqual(
      new Set(SCENARIO_NAMES.filter((name) => name !== 'not-found' && name !== 'bad-request')),
    );
    expect(scenariosOfExample('list-credentials')).toEqual(new Set(SCENARIO_NAMES.filter((name) => name !== 'bad-request')));
    expect(scenariosOfExample('create-target')).toEqual(new Set(SCENARIO_NAMES));
  });

  test('takes a scenario an example lacks as a filter that plans none of its cases', () => {
    const cases = planCases(examples, DEFAULT_RUNNERS, { scenarios: ['bad-request'], languages: ['go'] });
    // The examples that send a body: each of their steps' operations, read from the description.
    const withBody = examples.filter((example) => exampleSteps(example.manifest).some((step) => step.operation.requestBody));
    expect(withBody.length).toBeGreaterThan(0);
    expect(withBody.length).toBeLessThan(examples.length);
    expect(cases.map((planned) => planned.example.id).sort()).toEqual(withBody.map((example) => example.id).sort());
  });

  test('narrows to the asked example, language and scenario', () => {
    const cases = planCases(examples, DEFAULT_RUNNERS, { examples: ['list-clients'], languages: ['go'], scenarios: ['ok', 'forbidden'] });
    expect(cases.map((planned) => planned.key)).toEqual(['list-clients/go/ok', 'list-clients/go/forbidden']);
  });

  test.for([
    [{ examples: ['nope'] }, `unknown example "nope"; expected one of: ${examples.map((example) => example.id).join(', ')}`],
    [{ languages: ['rust'] }, /unknown language "rust"; expected one of: javascript, python, go, java, curl/],
    [{ scenarios: ['expired'] }, /unknown scenario "expired"/],
  ] as const)('rejects %o with the names it knows', ([filter, message]) => {
    expect(() => planCases(examples, DEFAULT_RUNNERS, filter)).toThrow(message);
  });
});

describe('shardCases', () => {
  test.for([1, 2, 3, 4, 7])('puts every case in exactly one of %i shards', (count) => {
    const seen = Array.from({ length: count }, (_, i) => shardCases(allCases, { index: i + 1, count })).flat();
    expect(seen.map((planned) => planned.key).sort()).toEqual(allCases.map((planned) => planned.key).sort());
  });

  test('gives the same slice every time', () => {
    expect(shardCases(allCases, { index: 2, count: 3 })).toEqual(shardCases([...allCases], { index: 2, count: 3 }));
  });

  test('balances the shards within one case', () => {
    const sizes = [1, 2, 3].map((index) => shardCases(allCases, { index, count: 3 }).length);
    expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
  });

  test.for(['0/2', '3/2', '1/0', 'a/b', '2'])('rejects "%s"', (text) => {
    expect(() => parseShard(text)).toThrow(UsageError);
  });
});

describe('affectedExamples', () => {
  test('runs only the example whose folder changed', () => {
    const affected = affectedExamples(['snippets/verify-token/verify_token.go', 'docs/pages/index.astro'], examples, PROJECT_ROOT);
    expect(affected).toMatchObject({ all: false, ids: ['verify-token'] });
  });

  test.for([
    'scripts/harness/checks/network.ts',
    'scripts/manifest/manifest-schema.ts',
    'scripts/secrets/stream-scan.ts',
    'scripts/sandbox/sandbox.ts',
    'scripts/report/report-schema.ts',
    'scripts/runners/java/Training.java',
    'snippets/requirements.txt',
    'package-lock.json',
  ])('runs every example when %s changed', (file) => {
    expect(affectedExamples([file], examples, PROJECT_ROOT)).toMatchObject({ all: true, ids: examples.map((example) => example.id) });
  });

  test('runs nothing when only prose or code the harness does not import changed', () => {
    expect(affectedExamples(['README.md', 'docs/pages/index.astro', 'scripts/bench/synthetic.ts'], examples, PROJECT_ROOT).ids).toEqual([]);
  });
});

describe('planHarness with --changed', () => {
  let repo: string;

  beforeAll(async () => {
    repo = await copyProject({ git: true });
  });
  afterAll(() => rm(repo, { recursive: true, force: true }));

  test('leaves an untouched example out and runs the edited one', async () => {
    await writeFile(path.join(repo, 'snippets', 'list-clients', 'list_clients.py'), '# edited\n', { flag: 'a' });
    const plan = await planHarness({ root: path.join(repo, 'snippets'), projectRoot: repo, changedSince: 'HEAD' });
    expect(new Set(plan.cases.map((planned) => planned.example.id))).toEqual(new Set(['list-clients']));
    const listClients = plan.examples.find((example) => example.id === 'list-clients')!;
    expect(plan.cases).toHaveLength(LANGUAGES.length * scenariosOf(listClients.manifest).length);
  });

  test('counts a new untracked example as changed', async () => {
    await mkdir(path.join(repo, 'snippets', 'brand-new'));
    await cp(path.join(repo, 'snippets', 'verify-token'), path.join(repo, 'snippets', 'brand-new'), { recursive: true });
    const plan = await planHarness({ root: path.join(repo, 'snippets'), projectRoot: repo, changedSince: 'HEAD' });
    expect(new Set(plan.cases.map((planned) => planned.example.id))).toEqual(new Set(['brand-new', 'list-clients']));
  });

  test('refuses a ref git does not know', async () => {
    await expect(planHarness({ root: path.join(repo, 'snippets'), projectRoot: repo, changedSince: 'no-such-ref' })).rejects.toThrow(
      /"no-such-ref" is not a commit git knows here/,
    );
  });
});
