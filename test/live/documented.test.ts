// The documented answers the live run compares with: one for every endpoint the mock serves and
// the examples call, and the mock's own answers match them.
// vitest project: unit (test/support/projects.ts)
import { describe, expect, test } from 'vitest';
import { DEFAULT_RUNNERS } from '../../scripts/runners/registry.ts';
import { discoverExamples } from '../../scripts/manifest/examples.ts';
import { DEFAULT_SNIPPETS_ROOT } from '../../scripts/harness/harness.ts';
import { SCENARIOS } from '../../scripts/harness/case/scenarios.ts';
import { ROUTES, decideAnswer } from '../../scripts/mock/api.ts';
import { randomTokenTrio, toMockTokens } from '../../scripts/mock/tokens.ts';
import { compareJson } from '../../scripts/live/compare.ts';
import { DOCUMENTED_SUCCESS, documentedAnswer } from '../../scripts/live/documented.ts';
import { LIVE_SCENARIO_NAMES } from '../../scripts/live/live-scenarios.ts';

const endpoints = [...ROUTES].flatMap(([path, methods]) => methods.map((method) => ({ method, path })));

describe('documentedAnswer', () => {
  test('documents a success answer for every endpoint the mock serves, and no other', () => {
    expect([...DOCUMENTED_SUCCESS.keys()].sort()).toEqual(endpoints.map(({ method, path }) => `${method} ${path}`).sort());
  });

  test('documents every endpoint the examples call', async () => {
    const examples = await discoverExamples(DEFAULT_SNIPPETS_ROOT, DEFAULT_RUNNERS);
    for (const example of examples) {
      expect(documentedAnswer(SCENARIOS.ok, example.manifest.request), example.id).not.toHaveProperty('undocumented');
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
    for (const endpoint of endpoints) {
      const mock = decideAnswer({ ...endpoint, authorizations: token === undefined ? [] : [token] }, toMockTokens(trio)).response;
      const documented = documentedAnswer(SCENARIOS[scenario], endpoint);
      if ('undocumented' in documented) throw new Error(documented.undocumented);
      expect(mock.status).toBe(documented.status);
      expect(compareJson(documented.body, mock.body)).toEqual([]);
    }
  });
});
