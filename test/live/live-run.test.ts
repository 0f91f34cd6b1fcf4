// The live run end to end with the real examples, steered to a stand-in of the real API on
// 127.0.0.1: a faithful one it must pass, drifted ones it must report as contract-drift.
// vitest project: programs (test/support/projects.ts)
import { describe, expect, test } from 'vitest';
import { UsageError } from '../../scripts/usage.ts';
import type { CaseResult } from '../../scripts/harness/case/case-result.ts';
import { formatFailure } from '../../scripts/report/reporters/terminal.ts';
import { LIVE_CHECK_IDS } from '../../scripts/live/live-checks.ts';
import { LIVE_SCENARIO_NAMES } from '../../scripts/live/live-scenarios.ts';
import { planLive, runLive, runLiveCases } from '../../scripts/live/live-run.ts';
import { ACCOUNT_CLIENTS, DRIFTS, standInApi, testAccountTokens } from './stand-in.ts';
import { awaitRunBeforeTests } from '../harness/case-runner.ts';

const requireAll = process.env.CI === 'true';

/** The ids of the failed checks of a result. */
const failedIds = (result: CaseResult) => result.checks.filter((check) => check.status === 'failed').map((check) => check.id);

/** A check's message in a result. */
const messageOf = (result: CaseResult, id: string) => result.checks.find((check) => check.id === id)?.message ?? '';

/** Throws the terminal's report of a failed case, so a test failure says what happened. */
function expectPassedOrSkipped(result: CaseResult): void {
  if (result.status === 'failed') throw new Error(`\n${formatFailure(result)}`);
  if (result.status === 'skipped') expect(result.detail.reason).toMatch(/not found|needed|cannot/);
}

/** The faithful run: every language of list-clients, and verify-token in JavaScript, started once in the background. */
const faithful = await (async () => {
  const tokens = testAccountTokens();
  const standIn = standInApi({ tokens });
  const cases = [
    ...(await planLive({ examples: ['list-clients'] })).cases,
    ...(await planLive({ examples: ['verify-token'], languages: ['javascript'] })).cases,
  ];
  const waiting = new Map(cases.map((planned) => [planned.key, Promise.withResolvers<CaseResult>()]));
  const done = runLiveCases(cases, {
    tokens,
    upstream: standIn.handler,
    requireAll,
    onCaseDone: (result) => waiting.get(result.key)?.resolve(result),
  });
  done.catch((error: unknown) => {
    for (const deferred of waiting.values()) deferred.reject(error);
  });
  awaitRunBeforeTests(done, cases);
  return { tokens, standIn, keys: cases.map((planned) => planned.key), done, result: (key: string) => waiting.get(key)!.promise };
})();

describe('a live run against a faithful stand-in', () => {
  const { tokens, standIn } = faithful;

  test.for(faithful.keys)('passes %s', async (key) => {
    const result = await faithful.result(key);
    expectPassedOrSkipped(result);
    if (result.status === 'passed') expect(result.checks.map((check) => check.id)).toEqual(LIVE_CHECK_IDS);
  });

  test("checks the program's output against the account's own clients, not the mock's", async () => {
    const ok = await faithful.result('list-clients/javascript/ok');
    expect(messageOf(ok, 'output')).toBe(
      `the output contains ${ACCOUNT_CLIENTS.map((client) => JSON.stringify(client.clientName)).join(', ')}`,
    );
    const verifyOk = await faithful.result('verify-token/javascript/ok');
    expect(messageOf(verifyOk, 'output')).toBe(`the output contains "Token is valid", "${ACCOUNT_CLIENTS.length} clients"`);
    const invalid = await faithful.result('list-clients/javascript/invalid');
    expect(messageOf(invalid, 'output')).toBe('the output contains "401", "Invalid or missing authentication token"');
  });

  test('sends one probe per operation and scenario, shared by every language and example, with the token of the scenario', async () => {
    const ran = (await faithful.done).results.filter((result) => result.status !== 'skipped');
    const probes = standIn.requests.filter((request) => request.probe);
    const programs = standIn.requests.filter((request) => !request.probe);
    // list-clients in five languages and verify-token both call listClients: one probe per scenario.
    const scenarios = new Set(ran.map((result) => result.scenario));
    expect(probes).toHaveLength(scenarios.size);
    expect(programs.length).toBeLessThanOrEqual(ran.length);
    const probeTokens = new Set(probes.map((request) => request.authorization));
    for (const token of [tokens.user, tokens.revoked, tokens.forbidden]) expect(probeTokens.has(token)).toBe(true);
    // The invalid scenario's probe and each invalid program have their own random token, each sent once.
    const invalid = [...probeTokens].filter((token) => token !== null && !Object.values(tokens).includes(token));
    expect(invalid).toHaveLength(1);
    const programInvalid = programs
      .map((request) => request.authorization)
      .filter((token) => token !== null && !Object.values(tokens).includes(token));
    expect(programInvalid.length).toBeLessThanOrEqual(ran.filter((result) => result.scenario === 'invalid').length);
    for (const token of [...invalid, ...programInvalid])
      expect(standIn.requests.filter((request) => request.authorization === token)).toHaveLength(1);
  });

  test('judges each operation and scenario once: every case of it carries the same verdict', async () => {
    const { results } = await faithful.done;
    const byScenario = new Map<string, Set<string>>();
    for (const result of results.filter((each) => each.status !== 'skipped')) {
      const seen = byScenario.get(result.scenario) ?? new Set<string>();
      seen.add(messageOf(result, 'contract-drift'));
      byScenario.set(result.scenario, seen);
    }
    for (const [scenario, messages] of byScenario) expect(messages.size, scenario).toBe(1);
  });

  test('shows what the probe sent and received, masked, in place of what the mock recorded', async () => {
    const ok = await faithful.result('list-clients/javascript/ok');
    expect(ok.detail.recordedBy).toBe("the harness's probe");
    expect(ok.detail.requests).toEqual([
      expect.stringMatching(/^GET \/api\/clients Authorization: "u-.{2}…\(34 chars\)" -> 200 application\/json$/),
    ]);
  });
});

describe('a live run against a drifted stand-in', () => {
  test.for([
    [
      'changedErrorBody',
      ['missing', 'invalid', 'revoked'],
      'body.message: documented "Invalid or missing authentication token", real "Token not recognised"',
    ],
    ['differentStatus', ['missing'], 'GET /api/clients (missing): documented 401, real 400'],
    [
      'redirect',
      ['ok', 'missing', 'invalid', 'revoked', 'forbidden'],
      'Location: documented (none), real https://api.requestrocket.com/v2/api/clients (not followed)',
    ],
    ['changedShape', ['ok'], 'body.nextPage: documented (absent), real null'],
  ] as const)('reports %s as contract-drift in %j', async ([name, drifted, message]) => {
    const tokens = testAccountTokens();
    const standIn = standInApi({ tokens, drift: DRIFTS[name] });
    const { results } = await runLive({ tokens, upstream: standIn.handler, examples: ['list-clients'], languages: ['javascript', 'curl'] });
    for (const result of results) {
      if (result.status === 'skipped') continue;
      const drift = result.checks.find((check) => check.id === 'contract-drift')!;
      if ((drifted as readonly string[]).includes(result.scenario)) {
        expect(drift.status, result.key).toBe('failed');
        expect(drift.message).toContain(message);
        expect(drift.message).toMatch(/\n {4}documented: .*\n {4}real: {7}/);
      } else {
        expect(drift, result.key).toMatchObject({ status: 'passed' });
      }
    }
    expect(results.some((result) => result.status === 'failed')).toBe(true);
  });

  test('passes the programs that cope with a changed message, and fails only contract-drift', async () => {
    const tokens = testAccountTokens();
    const standIn = standInApi({ tokens, drift: DRIFTS.changedErrorBody });
    const { results } = await runLive({
      tokens,
      upstream: standIn.handler,
      examples: ['list-clients'],
      languages: ['javascript'],
      scenarios: ['invalid'],
    });
    expect(results.map(failedIds)).toEqual([['contract-drift']]);
    expect(messageOf(results[0]!, 'output')).toBe('the output contains "401", "Token not recognised"');
  });
});

describe('live run safety', () => {
  test('skips the revoked and forbidden scenarios, with the reason, when their tokens are not given, and sends nothing for them', async () => {
    const { user } = testAccountTokens();
    const standIn = standInApi({ tokens: { user } });
    const { results } = await runLive({
      tokens: { user },
      upstream: standIn.handler,
      examples: ['list-clients'],
      languages: ['javascript'],
      scenarios: ['revoked', 'forbidden'],
    });
    expect(results.map((result) => [result.scenario, result.status, result.checks])).toEqual([
      [
        'revoked',
        'skipped',
        [
          {
            id: 'contract-drift',
            status: 'skipped',
            message: 'REQUESTROCKET_REVOKED_TOKEN is not set (a revoked token of the same account)',
          },
        ],
      ],
      [
        'forbidden',
        'skipped',
        [
          {
            id: 'contract-drift',
            status: 'skipped',
            message: 'REQUESTROCKET_FORBIDDEN_TOKEN is not set (a valid token without the permission of the same account)',
          },
        ],
      ],
    ]);
    expect(standIn.requests).toEqual([]);
  });

  test('refuses, before sending anything, a run whose plan could exceed the ceiling', async () => {
    const tokens = testAccountTokens();
    const standIn = standInApi({ tokens });
    await expect(
      runLive({ tokens, upstream: standIn.handler, examples: ['list-clients', 'verify-token'], requestCeiling: 14 }),
    ).rejects.toThrow(
      new UsageError(
        'a live run of 50 case(s) could send 55 requests to the real API (5 probe(s), 50 from the programs), more than the ceiling of 14; narrow it with --example, --lang or --scenario (nothing was sent)',
      ),
    );
    expect(standIn.requests).toEqual([]);
  });

  test('plans only the scenarios a real account can produce', async () => {
    const { cases } = await planLive({});
    expect(new Set(cases.map((planned) => planned.scenario))).toEqual(new Set(LIVE_SCENARIO_NAMES));
  });
});
