// Every example in the description (request bodies, responses, parameters, schemas) is valid
// against its own schema, one test per example; and the check does fail on a mutated copy.
// vitest project: unit (test/support/projects.ts)
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { createApiValidator } from '../../scripts/api/api-validator.ts';
import { listExamples } from '../../scripts/api/description-examples.ts';
import { CORE_API_DESCRIPTION, loadDescription, parseDescription, type ApiDescription } from '../../scripts/api/description.ts';
import { formatProblems } from '../../scripts/api/validation-messages.ts';

const description = loadDescription();
const validator = createApiValidator(description);

/** `place: problems` for each example that does not match its schema. */
function invalidExamples(checked: ApiDescription): string[] {
  const validator = createApiValidator(checked);
  return listExamples(checked).flatMap(({ place, schema, value }) => {
    const problems = validator.validateValue(schema, value);
    return problems.length > 0 ? [`${place}: ${formatProblems(problems)}`] : [];
  });
}

describe('listExamples', () => {
  const examples = listExamples(description);

  test('finds the examples of every request body, response and parameter', () => {
    const places = examples.map((example) => example.place);
    expect(places).toContain('createTarget request body "target"');
    expect(places).toContain('createTarget 201 "created"');
    expect(places).toContain('listClients 401 "unauthorized"');
    expect(places).toContain('getTarget path parameter targetId');
    expect(places).toContain('listCredentials query parameter includeTemporary');
    expect(places).toContain('unrouted 405 "methodNotAllowed"');
    expect(examples.length).toBeGreaterThan(150);
  });

  test.for(examples.map((example) => [example.place, example] as const))('%s matches its schema', ([, example]) => {
    expect(formatProblems(validator.validateValue(example.schema, example.value))).toBe('');
  });
});

describe('a mutated copy', () => {
  const text = readFileSync(CORE_API_DESCRIPTION, 'utf8');

  test.for([
    [
      'an http base URL',
      'targetBaseURL: https://api.openai.com',
      'targetBaseURL: http://api.openai.com',
      'createTarget request body "target": targetBaseURL: must be an https URL',
    ],
    [
      'a misspelt field',
      '        clientName: My Organisation\n',
      '        name: My Organisation\n',
      'createClient request body "client": clientName: is required; name: unknown field (expected one of clientName)',
    ],
    [
      "a status that is not the response's",
      '        message: Insufficient permissions to access this resource\n        status: 403',
      "        message: Insufficient permissions to access this resource\n        status: 'forbidden'",
      'listClients 403 "forbidden": status: must be an integer',
    ],
  ] as const)('fails on %s', ([, from, to, first]) => {
    const mutated = text.replace(from, to);
    expect(mutated).not.toBe(text);
    const invalid = invalidExamples(parseDescription(mutated, CORE_API_DESCRIPTION));
    expect(invalid[0]).toBe(first);
  });

  test('the real description has no invalid example', () => {
    expect(invalidExamples(description)).toEqual([]);
  });
});
