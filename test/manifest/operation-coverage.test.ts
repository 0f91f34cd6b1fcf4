// Every operation of the API description has an example of its own (a manifest whose "operation"
// names it, not only a step of a longer one) with a file in every language, so the reference can
// show each operation in every tab. The operations come from the description, the languages from
// the runners and the examples from snippets/: none of them is listed here.
// vitest project: unit (test/support/projects.ts)
import { describe, expect, test } from 'vitest';
import { API_OPERATIONS } from '../../scripts/api/core-api.ts';
import { LANGUAGE_IDS } from '../../scripts/languages.ts';
import { discoverExamples, type Example } from '../../scripts/manifest/examples.ts';
import { DEFAULT_SNIPPETS_ROOT } from '../../scripts/project.ts';

const examples = await discoverExamples(DEFAULT_SNIPPETS_ROOT);
const operationIds = API_OPERATIONS.map((operation) => operation.operationId);

/** What is missing for each operation without a standalone example in every language, one sentence each. */
function uncovered(all: readonly Example[], operations: readonly string[] = operationIds): string[] {
  return operations.flatMap((operationId) => {
    const own = all.filter((example) => example.manifest.operation === operationId);
    if (own.length === 0) return [`${operationId}: no example in snippets/ has "operation": "${operationId}"`];
    const complete = own.find((example) => LANGUAGE_IDS.every((language) => example.files.some((file) => file.language === language)));
    if (complete) return [];
    return own.map((example) => {
      const missing = LANGUAGE_IDS.filter((language) => !example.files.some((file) => file.language === language));
      return `${operationId}: its example ${example.id} has no ${missing.join(', ')} file`;
    });
  });
}

describe('the examples of snippets/', () => {
  test('cover every operation of the API description', () => {
    expect(operationIds.length).toBeGreaterThan(0);
    expect(uncovered(examples)).toEqual([]);
  });

  test.for(operationIds)('%s has a standalone example with a file in every language', (operationId) => {
    expect(uncovered(examples, [operationId])).toEqual([]);
  });
});

describe('the coverage check', () => {
  const [first] = examples.filter((example) => example.manifest.operation !== undefined);
  const operationId = first!.manifest.operation!;

  test('names an operation whose only examples call it as a step of several', () => {
    const others = examples.filter((example) => example.manifest.operation !== operationId);
    const asStep = {
      ...first!,
      id: 'as-a-step',
      manifest: { ...first!.manifest, operation: undefined, steps: [operationId, operationId] },
    };
    expect(uncovered([...others, asStep], [operationId])).toEqual([
      `${operationId}: no example in snippets/ has "operation": "${operationId}"`,
    ]);
  });

  test('names the languages an example of an operation lacks', () => {
    const others = examples.filter((example) => example.manifest.operation !== operationId);
    const [kept, ...dropped] = LANGUAGE_IDS;
    const partial = { ...first!, files: first!.files.filter((file) => file.language === kept) };
    expect(uncovered([...others, partial], [operationId])).toEqual([
      `${operationId}: its example ${first!.id} has no ${dropped.join(', ')} file`,
    ]);
  });
});
