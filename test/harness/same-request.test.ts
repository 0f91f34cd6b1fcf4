// The same-request check: the ok requests of one example's languages are compared, the token
// compared as "is exactly the token", and the language that differs is the one that fails.
// vitest project: unit (test/support/projects.ts)
import { describe, expect, test } from 'vitest';
import { SameRequestGate, compareFingerprints, requestFingerprint } from '../../scripts/harness/checks/same-request.ts';
import type { CaseResult } from '../../scripts/harness/case/case-result.ts';
import { caseReport } from '../support/report.ts';
import type { PlannedCase } from '../../scripts/harness/run/plan.ts';
import { parseManifest } from '../../scripts/manifest/load.ts';
import type { RecordedRequest } from '../../scripts/mock/types.ts';

const manifest = parseManifest('example.json', {
  title: 'List',
  request: { method: 'GET', path: '/api/clients', headers: { 'Content-Type': 'application/json' } },
});

function sent(token: string, overrides: Partial<RecordedRequest> = {}): RecordedRequest {
  return {
    method: 'GET',
    path: '/api/clients',
    query: '',
    rawHeaders: [
      ['Authorization', token],
      ['Content-Type', 'application/json'],
      ['User-Agent', `client-${token}`],
    ],
    authorization: token,
    httpVersion: '1.1',
    tlsVersion: 'TLSv1.3',
    servername: 'api.requestrocket.com',
    tunneled: true,
    body: null,
    operation: { operationId: 'listClients' },
    status: 200,
    reason: 'ok',
    receivedAtMs: 0,
    ...overrides,
  };
}

describe('requestFingerprint', () => {
  test('is the same for two cases with different tokens and other headers', () => {
    expect(requestFingerprint({ manifest, token: 'u-aaaa', requests: [sent('u-aaaa')] })).toBe(
      requestFingerprint({ manifest, token: 'u-bbbb', requests: [sent('u-bbbb')] }),
    );
  });

  test('shows the token as <token> and keeps what surrounds it', () => {
    const fingerprint = requestFingerprint({ manifest, token: 'u-aaaa', requests: [sent('Bearer u-aaaa', { query: 'limit=10' })] });
    expect(fingerprint).toBe('GET /api/clients?limit=10 with Authorization: "Bearer <token>", Content-Type: "application/json"');
  });
});

describe('compareFingerprints', () => {
  const same = 'GET /api/clients with Authorization: "<token>"';
  const other = 'GET /api/clients?limit=10 with Authorization: "<token>"';

  test('fails only the language that differs from the others, naming both requests', () => {
    const verdicts = compareFingerprints([
      { key: 'x/javascript/ok', language: 'javascript', fingerprint: same },
      { key: 'x/python/ok', language: 'python', fingerprint: same },
      { key: 'x/curl/ok', language: 'curl', fingerprint: other },
    ]);
    expect(verdicts.get('x/javascript/ok')?.status).toBe('passed');
    expect(verdicts.get('x/python/ok')?.status).toBe('passed');
    expect(verdicts.get('x/curl/ok')).toEqual({
      status: 'failed',
      message: `sent ${other}; javascript, python sent ${same}: make this file send what the other languages send (and what example.json says)`,
    });
  });

  test('fails every language when there is no majority', () => {
    const verdicts = compareFingerprints([
      { key: 'a', language: 'go', fingerprint: same },
      { key: 'b', language: 'java', fingerprint: other },
    ]);
    expect([...verdicts.values()].map((verdict) => verdict.status)).toEqual(['failed', 'failed']);
  });

  test('skips a language with nothing to compare with', () => {
    expect(compareFingerprints([{ key: 'a', language: 'go', fingerprint: same }]).get('a')?.status).toBe('skipped');
  });
});

describe('SameRequestGate', () => {
  const planned = (language: string, scenario: string) =>
    ({ example: { id: 'x' }, scenario, key: `x/${language}/${scenario}` }) as unknown as PlannedCase;
  const finished = (language: string, scenario: string): CaseResult => ({
    ...caseReport({ example: 'x', language, scenario, status: 'passed' }),
    file: `x.${language}`,
    detail: { requests: [], egress: [], outputTail: [] },
  });

  test('holds the ok cases of an example until the last one, then releases them judged', () => {
    const gate = new SameRequestGate([planned('go', 'ok'), planned('curl', 'ok'), planned('go', 'revoked')]);
    const revoked = gate.settle(finished('go', 'revoked'), 'GET /api/clients');
    expect(revoked.map((result) => result.checks.at(-1)?.status)).toEqual(['skipped']);
    expect(gate.settle(finished('go', 'ok'), 'GET /api/clients')).toEqual([]);
    const released = gate.settle(finished('curl', 'ok'), 'GET /api/clients?x=1');
    expect(released.map((result) => result.key)).toEqual(['x/go/ok', 'x/curl/ok']);
    expect(released.map((result) => result.status)).toEqual(['failed', 'failed']);
    expect(released.every((result) => result.checks.at(-1)?.id === 'same-request')).toBe(true);
  });
});
