// A new example passes the harness as soon as it is created: scaffolded into a temporary folder
// (with a title full of characters that could break a comment), the default example and one of an
// operation with an id, a body and a secret pass every check, in every language, under every
// scenario their operations have. One test per case, run in the background like test/harness/.
// vitest project: programs (test/support/projects.ts)
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { execa } from 'execa';
import { afterAll, describe, expect, test } from 'vitest';
import { PROJECT_ROOT, planHarness } from '../../scripts/harness/harness.ts';
import { SCENARIO_NAMES } from '../../scripts/harness/case/scenarios.ts';
import { idFromOperation } from '../../scripts/scaffold/new-example-cli.ts';
import { LANGUAGE_IDS } from '../../scripts/languages.ts';
import { assertPassed, startBackgroundRun } from '../harness/case-runner.ts';

const ID = 'list-widgets';
const TITLE = 'Say "hi" */ \\u000a """ $(exit 1) `x` ${y}';

const OPERATION = 'createCredential';

const root = await mkdtemp(path.join(tmpdir(), 'rr-scaffold-harness-'));
const scaffold = (...args: string[]) =>
  execa(
    process.execPath,
    [path.join(PROJECT_ROOT, 'scripts', 'scaffold', 'new-example-cli.ts'), ...args, '--title', TITLE, '--root', root],
    {
      reject: false,
    },
  );
const created = [await scaffold(ID), await scaffold('--operation', OPERATION)];
const { examples, cases } = created.every((each) => each.exitCode === 0) ? await planHarness({ root }) : { examples: [], cases: [] };
const run = startBackgroundRun(cases, { root });
afterAll(async () => {
  await run.done;
  await rm(root, { recursive: true, force: true });
});

describe('a scaffolded example', () => {
  test('is created and plans five languages under the scenarios of its operation: nine for listClients, eleven for createCredential', () => {
    for (const each of created) expect(each.exitCode, each.stderr).toBe(0);
    const other = idFromOperation(OPERATION);
    expect(examples.map((example) => [example.id, example.manifest.title])).toEqual([
      [other, TITLE],
      [ID, TITLE],
    ]);
    const keys = (id: string, scenarios: readonly string[]) =>
      LANGUAGE_IDS.flatMap((language) => scenarios.map((scenario) => `${id}/${language}/${scenario}`));
    expect(cases.map((planned) => planned.key)).toEqual([
      ...keys(other, SCENARIO_NAMES),
      ...keys(
        ID,
        SCENARIO_NAMES.filter((name) => name !== 'not-found' && name !== 'bad-request'),
      ),
    ]);
  });

  test.for(cases.map((planned) => planned.key))('%s passes every check', async (key, context) => {
    const skipped = assertPassed(await run.result(key));
    if (skipped) context.skip(skipped);
  });
});
