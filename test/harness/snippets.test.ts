// Every published example, in every language, under every scenario: one test per case, so
// `npm test` fails on a broken example and says which check broke.
import { afterAll, describe, expect, test } from 'vitest';
import { planHarness } from '../../scripts/harness/harness.ts';
import { assertPassed, startBackgroundRun } from './case-runner.ts';

const { examples, cases } = await planHarness();
const run = startBackgroundRun(cases);
afterAll(() => run.done);

describe('snippets/', () => {
  test('holds the guide examples, each in all five languages', () => {
    expect(examples.map((example) => example.id)).toEqual(expect.arrayContaining(['list-clients', 'verify-token']));
    for (const example of examples) {
      expect(example.files.map((file) => file.language), example.id).toEqual(['javascript', 'python', 'go', 'java', 'curl']);
    }
  });
});

describe.for(examples.map((example) => example.id))('%s', (exampleId) => {
  test.for(cases.filter((planned) => planned.example.id === exampleId).map((planned) => planned.key))(
    '%s passes every check',
    async (key, context) => {
      const skipped = assertPassed(await run.result(key));
      if (skipped) context.skip(skipped);
    },
  );
});
