// The programs tests start once every language's toolchain was prepared (test/support/toolchains-global-setup.ts):
// a toolchain this machine has but that could not be prepared fails here, with the language, the
// command and what it printed; a missing one is skipped with the reason, and fails under CI=true.
// vitest project: programs (test/support/projects.ts)
import { expect, inject, test } from 'vitest';
import { formatPreparation, planHarness } from '../../scripts/harness/harness.ts';

const { preparations, error } = inject('toolchains');

test('every language of the examples was looked at before the tests ran', async () => {
  if (error) throw new Error(error);
  const { examples } = await planHarness();
  const languages = new Set(examples.flatMap((example) => example.files.map((file) => file.language)));
  expect(preparations.map((preparation) => preparation.language).sort()).toEqual([...languages].sort());
});

test.for(preparations.map((preparation) => [preparation.label, preparation] as const))('%s was prepared', ([, preparation], context) => {
  if (preparation.state === 'missing' && process.env.CI !== 'true') context.skip(formatPreparation(preparation));
  if (preparation.state !== 'ready') throw new Error(formatPreparation(preparation));
});
