// What a live case's program must print, from the probe's real answer.
// vitest project: unit (test/support/projects.ts)
import { describe, expect, test } from 'vitest';
import { documentedError, formatBody } from '../../scripts/api/core-api.ts';
import { liveExpectation, realFacts } from '../../scripts/live/expectation.ts';
import type { ProbeAnswer } from '../../scripts/live/probe.ts';
import { SCENARIOS } from '../../scripts/harness/case/scenarios.ts';
import { parseManifest } from '../../scripts/manifest/load.ts';

const UNAUTHORIZED = documentedError(401);

const answer = (status: number, body: unknown): ProbeAnswer => ({
  kind: 'answer',
  status,
  contentType: 'application/json',
  location: null,
  body: formatBody(body),
  truncated: false,
});
const list = parseManifest('example.json', { title: 'List', operation: 'listClients' });
const verify = parseManifest('example.json', {
  title: 'Verify',
  operation: 'listClients',
  scenarios: { ok: { output: ['Token is valid', '2 clients'] } },
});
const real = realFacts(
  answer(200, {
    clients: [
      { clientId: 'a', clientName: 'Fabrikam' },
      { clientId: 'b', clientName: 'Tailspin' },
      { clientId: 'c', clientName: 'Litware' },
    ],
    message: 'Success',
  }),
);

describe('realFacts', () => {
  test('takes the client names of a 200 and the status and message of an error', () => {
    expect(real).toEqual({ clientNames: ['Fabrikam', 'Tailspin', 'Litware'] });
    expect(realFacts(answer(401, UNAUTHORIZED.body))).toEqual({ error: { status: 401, message: UNAUTHORIZED.body.message } });
  });

  test('takes nothing from an answer it cannot read', () => {
    expect(realFacts({ kind: 'error', message: 'timeout' })).toEqual({});
    expect(realFacts({ kind: 'answer', status: 200, contentType: 'text/html', location: null, body: '<html>', truncated: false })).toEqual(
      {},
    );
    expect(realFacts(answer(301, ''))).toEqual({});
  });
});

describe('liveExpectation', () => {
  test("expects the real client names instead of the mock's", () => {
    expect(liveExpectation(SCENARIOS.ok, list, real)).toEqual({
      exit: 'zero',
      requests: { min: 1, max: 1 },
      output: ['Fabrikam', 'Tailspin', 'Litware'],
    });
  });

  test("swaps the mock's count of clients in the manifest's text for the real one", () => {
    expect(liveExpectation(SCENARIOS.ok, verify, real).output).toEqual(['Token is valid', '3 clients']);
  });

  test("drops the mock's facts when the real ones are unknown", () => {
    expect(liveExpectation(SCENARIOS.ok, verify, {}).output).toEqual(['Token is valid']);
    expect(liveExpectation(SCENARIOS.ok, list, {}).output).toEqual([]);
  });

  test('expects the real status and message of an error the program was given', () => {
    const facts = { error: { status: 401, message: 'Token not recognised' } };
    expect(liveExpectation(SCENARIOS.invalid, list, facts)).toEqual({
      exit: 'non-zero',
      requests: { min: 1, max: 1 },
      output: ['401', 'Token not recognised'],
    });
    // Without a token the program stops before sending: nothing to print about the API's answer.
    expect(liveExpectation(SCENARIOS.missing, list, facts).output).toEqual([]);
  });
});
