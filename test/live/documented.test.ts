// The documented answers the live run compares with come from the API description: one for every
// endpoint the examples call, and the mock's own answers match them.
// vitest project: unit (test/support/projects.ts)
import { describe, expect, test } from 'vitest';
import { API_OPERATIONS } from '../../scripts/api/core-api.ts';
import { DEFAULT_RUNNERS } from '../../scripts/runners/registry.ts';
import { discoverExamples } from '../../scripts/manifest/examples.ts';
import { DEFAULT_SNIPPETS_ROOT } from '../../scripts/harness/harness.ts';
import { SCENARIOS } from '../../scripts/harness/case/scenarios.ts';
import { createAccountState } from '../../scripts/mock/answers.ts';
import { decideAnswer } from '../../scripts/mock/api.ts';
import { randomTokenTrio, toMockTokens } from '../../scripts/mock/tokens.ts';
import { compareJson } from '../../scripts/live/compare.ts';
import { documentedAnswer } from '../../scripts/live/documented.ts';
import { LIVE_SCENARIO_NAMES } from '../../scripts/live/live-scenarios.ts';
import { exampleSteps } from '../../scripts/manifest/example-steps.ts';

const examples = await discoverExamples(DEFAULT_SNIPPETS_ROOT, DEFAULT_RUNNERS);
/** An operation at a path of the seeded account (its parameters' examples). */
const seeded = (operation: (typeof API_OPERATIONS)[number]) => ({
  method: operation.method,
  path: operation.path.replace(/\{([^{}]+)\}/g, (_match, name: string) =>
    String(operation.pathParameters.find((parameter) => parameter.name === name)?.example),
  ),
});
// Every operation, for the error answers.
const everyOperation = API_OPERATIONS.map(seeded);
// The first request of each example that reads (a probe's, which the mock answers without a body).
const called = [
  ...new Map(
    examples
      .map(({ manifest }) => exampleSteps(manifest)[0]!)
      .filter((step) => step.kind === 'list' || step.kind === 'get')
      .map((step) => seeded(step.operation))
      .map((request) => [`${request.method} ${request.path}`, request]),
  ).values(),
];

describe('documentedAnswer', () => {
  test('documents every endpoint the examples call, with the media type of the description', () => {
    for (const request of called)
      expect(documentedAnswer(SCENARIOS.ok, request)).toMatchObject({ status: 200, contentType: 'application/json' });
  });

  test('documents the 401 and 403 of every operation', () => {
    for (const request of everyOperation) {
      expect(documentedAnswer(SCENARIOS.invalid, request)).toMatchObject({ status: 401 });
      expect(documentedAnswer(SCENARIOS.forbidden, request)).toMatchObject({ status: 403 });
    }
  });

  test.for(LIVE_SCENARIO_NAMES)('matches what the mock answers in the %s scenario', (scenario) => {
    const trio = randomTokenTrio();
    const tokens: Record<string, string | undefined> = {
      ok: trio.valid,
      missing: undefined,
      invalid: 'u-unknownunknownunknown',
      revoked: trio.revoked,
      forbidden: trio.forbidden,
    };
    const token = tokens[scenario];
    for (const endpoint of scenario === 'ok' ? called : everyOperation) {
      const input = {
        ...endpoint,
        query: '',
        rawHeaders: token === undefined ? [] : [['Authorization', token] as const],
        body: { kind: 'none' } as const,
      };
      const mock = decideAnswer(input, toMockTokens(trio), createAccountState());
      const documented = documentedAnswer(SCENARIOS[scenario], endpoint);
      if ('undocumented' in documented) throw new Error(documented.undocumented);
      expect(mock.status).toBe(documented.status);
      expect(compareJson(documented.body, mock.body)).toEqual([]);
    }
  });
});
