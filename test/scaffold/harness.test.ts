// A new example passes the harness as soon as it is created: scaffolded into a temporary folder
// (with a title full of characters that could break a comment), every language under every
// scenario passes every check. One test per case, run in the background like test/harness/.
// vitest project: programs (test/support/projects.ts)
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { execa } from 'execa';
import { afterAll, describe, expect, test } from 'vitest';
import { PROJECT_ROOT, planHarness } from '../../scripts/harness/harness.ts';
import { SCENARIO_NAMES } from '../../scripts/harness/case/scenarios.ts';
import { LANGUAGE_IDS } from '../../scripts/languages.ts';
import { assertPassed, startBackgroundRun } from '../harness/case-runner.ts';

const ID = 'list-widgets';
const TITLE = 'Say "hi" */ \\u000a """ $(exit 1) `x` ${y}';

const root = await mkdtemp(path.join(tmpdir(), 'rr-scaffold-harness-'));
const created = await execa(
  process.execPath,
  [path.join(PROJECT_ROOT, 'scripts', 'scaffold', 'new-example-cli.ts'), ID, '--title', TITLE, '--root', root],
  {
    reject: false,
  },
);
const { examples, cases } = created.exitCode === 0 ? await planHarness({ root }) : { examples: [], cases: [] };
const run = startBackgroundRun(cases, root);
afterAll(async () => {
  await run.done;
  await rm(root, { recursive: true, force: true });
});

describe('a scaffolded example', () => {
  test('is created and plans 45 cases: five languages under nine scenarios', () => {
    expect(created.exitCode, created.stderr).toBe(0);
    expect(examples.map((example) => [example.id, example.manifest.title])).toEqual([[ID, TITLE]]);
    expect(cases.map((planned) => planned.key)).toEqual(
      LANGUAGE_IDS.flatMap((language) => SCENARIO_NAMES.map((scenario) => `${ID}/${language}/${scenario}`)),
    );
  });

  test.for(cases.map((planned) => planned.key))('%s passes every check', async (key, context) => {
    const skipped = assertPassed(await run.result(key));
    if (skipped) context.skip(skipped);
  });
});
