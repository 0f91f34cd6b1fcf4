// compareJson, showReal and compareAnswer on hand-made answers: what differs, and what is shown.
// vitest project: unit (test/support/projects.ts)
import { describe, expect, test } from 'vitest';
import { documentedError, documentedSuccess, formatBody } from '../../scripts/api/core-api.ts';
import { compareJson, showDocumented, showReal } from '../../scripts/live/compare.ts';
import { documentedAnswer } from '../../scripts/live/documented.ts';
import { compareAnswer, headline } from '../../scripts/live/drift.ts';
import type { ProbeAnswer } from '../../scripts/live/probe.ts';
import { SCENARIOS } from '../../scripts/harness/case/scenarios.ts';

const CLIENTS_OK = documentedSuccess('listClients');
const FORBIDDEN = documentedError(403);
const UNAUTHORIZED = documentedError(401);

const answer = (
  status: number,
  body: unknown,
  extra: Partial<Extract<ProbeAnswer, { kind: 'answer' }>> = {},
): Extract<ProbeAnswer, { kind: 'answer' }> => ({
  kind: 'answer',
  status,
  contentType: 'application/json',
  location: null,
  body: typeof body === 'string' ? body : formatBody(body),
  truncated: false,
  ...extra,
});

const documentedOk = documentedAnswer(SCENARIOS.ok, { method: 'GET', path: '/api/clients' });
const documented401 = documentedAnswer(SCENARIOS.invalid, { method: 'GET', path: '/api/clients' });

describe('compareJson', () => {
  test.for([
    ['the documented 401 body', UNAUTHORIZED.body, UNAUTHORIZED.body, []],
    [
      'another message',
      UNAUTHORIZED.body,
      { ...UNAUTHORIZED.body, message: 'Token not recognised' },
      [['body.message', '"Invalid or missing authentication token"', '"Token not recognised"']],
    ],
    ['a status as text', UNAUTHORIZED.body, { ...UNAUTHORIZED.body, status: '401' }, [['body.status', '401', 'string']]],
    [
      'a field more, by type only',
      UNAUTHORIZED.body,
      { ...UNAUTHORIZED.body, hint: 'secret detail' },
      [['body.hint', '(absent)', 'string']],
    ],
    [
      'a field less',
      UNAUTHORIZED.body,
      { error: 'Unauthorized', status: 401 },
      [['body.message', '"Invalid or missing authentication token"', '(absent)']],
    ],
    ['not an object', UNAUTHORIZED.body, ['x'], [['body', 'an object', 'a list']]],
    [
      'other clients of the same shape',
      CLIENTS_OK.body,
      { clients: [{ clientId: 'a', clientName: 'b', clientMembers: [{ userId: 'c', roles: ['admin'] }] }], message: 'Success' },
      [],
    ],
    ['no clients at all', CLIENTS_OK.body, { clients: [], message: 'Success' }, []],
    [
      'a client with a number id and an extra field',
      CLIENTS_OK.body,
      { clients: [{ clientId: 7, clientName: 'b', clientMembers: [], plan: 'gold' }], message: 'Success' },
      [
        ['body.clients[].clientId', 'string', 'number'],
        ['body.clients[].plan', '(absent)', 'string'],
      ],
    ],
    ['clients not a list', CLIENTS_OK.body, { clients: {}, message: 'Success' }, [['body.clients', 'a list', 'an object']]],
  ] as const)('finds %s', ([, documented, real, expected]) => {
    expect(compareJson(documented, real).map((d) => [d.where, d.documented, d.real])).toEqual(expected);
  });

  test('never shows a value inside a list or an undocumented field', () => {
    const real = {
      clients: [{ clientId: 'cl_secret', clientName: 'Acme Secret Project', owner: { email: 'a@b.c' } }],
      message: 'Success',
      account: 'ACME',
    };
    const shown = [showReal(real, CLIENTS_OK.body), ...compareJson(CLIENTS_OK.body, real).map((d) => `${d.documented} ${d.real}`)].join(
      '\n',
    );
    for (const secret of ['cl_secret', 'Acme Secret Project', 'a@b.c', 'ACME']) expect(shown).not.toContain(secret);
    expect(showReal(real, CLIENTS_OK.body)).toBe(
      '{"clients": [{"clientId": string, "clientName": string, "owner": {"email": string}} ×1], "message": "Success", "account": string}',
    );
  });

  test('shows the documented body with its list items by type', () => {
    expect(showDocumented(CLIENTS_OK.body)).toBe(
      '{"clients": [{"clientId": string, "clientName": string, "clientMembers": [{"userId": string, "roles": [string, …]}, …]}, …], "message": "Success"}',
    );
    expect(showDocumented(FORBIDDEN.body)).toBe(
      '{"error": "Forbidden", "message": "Insufficient permissions to access this resource", "status": 403}',
    );
  });
});

describe('compareAnswer', () => {
  test('finds nothing in the documented answers', () => {
    if ('undocumented' in documentedOk || 'undocumented' in documented401) throw new Error('expected documented answers');
    expect(
      compareAnswer(documentedOk, answer(200, { clients: [{ clientId: 'x', clientName: 'y', clientMembers: [] }], message: 'Success' }))
        .differences,
    ).toEqual([]);
    expect(compareAnswer(documented401, answer(401, UNAUTHORIZED.body)).differences).toEqual([]);
  });

  test('reports a redirect with its Location, not followed, and the empty body', () => {
    if ('undocumented' in documentedOk) throw new Error('expected a documented answer');
    const drift = compareAnswer(
      documentedOk,
      answer(301, '', { contentType: null, location: 'https://api.requestrocket.com/v2/api/clients' }),
    );
    expect(drift.differences.map((d) => d.where)).toEqual(['status', 'Location', 'Content-Type', 'body']);
    expect(drift.real).toBe('301 (no Content-Type) Location: https://api.requestrocket.com/v2/api/clients (empty body)');
    expect(headline(documentedOk, drift, 301)).toBe('documented 200, real 301');
  });

  test('reports a body that is not JSON, cut short', () => {
    if ('undocumented' in documented401) throw new Error('expected a documented answer');
    const drift = compareAnswer(documented401, answer(401, `<html>${'x'.repeat(500)}</html>`, { contentType: 'text/html' }));
    expect(drift.differences.map((d) => d.where)).toEqual(['Content-Type', 'body']);
    expect(drift.real.length).toBeLessThan(240);
    expect(headline(documented401, drift, 401)).toBe('the 401 answer differs in Content-Type, body');
  });

  test('says when the contract documents no answer for an endpoint', () => {
    expect(documentedAnswer(SCENARIOS.ok, { method: 'POST', path: '/api/widgets' })).toEqual({
      undocumented: expect.stringContaining('POST /api/widgets'),
    });
  });
});
