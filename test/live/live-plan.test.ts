// What a live run plans before it sends anything: which examples a read run leaves out, where each
// id of a write run comes from, which probes go first, how many requests the plan may send, and
// how a create's new id is read from a program's output.
// vitest project: unit (test/support/projects.ts)
import { describe, expect, test } from 'vitest';
import { API_OPERATIONS } from '../../scripts/api/core-api.ts';
import { createdParameter, parameterVariable, referenceVariable } from '../../scripts/api/operation-kinds.ts';
import { sentReferenceFields } from '../../scripts/api/reference-fields.ts';
import { SCENARIOS } from '../../scripts/harness/case/scenarios.ts';
import { planHarness } from '../../scripts/harness/harness.ts';
import { exampleSteps } from '../../scripts/manifest/example-steps.ts';
import { LIVE_REQUEST_CEILING, checkRequestPlan, requestPlan } from '../../scripts/live/budget.ts';
import { createdIdsIn } from '../../scripts/live/created-ids.ts';
import { documentedAnswer } from '../../scripts/live/documented.ts';
import { compareAnswer } from '../../scripts/live/drift.ts';
import { environmentIds, leftOutReason, parameterRole } from '../../scripts/live/live-plan.ts';
import { answerAssumptions, plannedProbes, probeKeyOf } from '../../scripts/live/probe-phase.ts';
import { UsageError } from '../../scripts/usage.ts';

/** The steps of an example of `operationIds`, each path parameter read from its conventional variable unless an earlier step creates it. */
function steps(...operationIds: string[]) {
  const created = new Set<string>();
  const parameters: Record<string, string> = {};
  for (const id of operationIds) {
    const operation = API_OPERATIONS.find((each) => each.operationId === id)!;
    for (const { name } of operation.pathParameters) if (!created.has(name)) parameters[name] = parameterVariable(name);
    for (const { field } of sentReferenceFields(operation, API_OPERATIONS)) parameters[field] = referenceVariable(field);
    const creates = createdParameter(operation, API_OPERATIONS);
    if (creates) created.add(creates);
  }
  return exampleSteps(operationIds.length === 1 ? { operation: operationIds[0], parameters } : { steps: operationIds, parameters });
}

describe('leftOutReason', () => {
  test('leaves out, in a read run, every example that creates, changes or deletes, naming the flag and the variable', () => {
    expect(leftOutReason(steps('createTarget'), { writes: false })).toEqual({
      reason: 'createTarget changes the account; a live run writes only with --live-writes and REQUESTROCKET_LIVE_CLIENT_ID',
      writes: true,
    });
    expect(leftOutReason(steps('createTarget', 'getTarget', 'deleteTarget'), { writes: false })?.reason).toBe(
      'createTarget, deleteTarget change the account; a live run writes only with --live-writes and REQUESTROCKET_LIVE_CLIENT_ID',
    );
  });

  test('sends, in a read run, a read under the dedicated client only when it is given, and never one of a record only a write run makes', () => {
    expect(leftOutReason(steps('listClients'), { writes: false })).toBeUndefined();
    expect(leftOutReason(steps('listTargets'), { writes: false })?.reason).toBe(
      'it reads a clientId: set REQUESTROCKET_LIVE_CLIENT_ID to the client kept for live runs',
    );
    expect(leftOutReason(steps('listTargets'), { writes: false, clientId: 'c' })).toBeUndefined();
    expect(leftOutReason(steps('getTarget'), { writes: false, clientId: 'c' })?.writes).toBe(false);
  });

  test('sends everything in a write run', () => {
    for (const operation of API_OPERATIONS)
      expect(leftOutReason(steps(operation.operationId), { writes: true, clientId: 'c' })).toBeUndefined();
  });
});

describe('environmentIds', () => {
  test("gives a body's ids of other records a run's resource too, each variable once", () => {
    expect(environmentIds(steps('createProxy'))).toEqual([
      { parameter: 'clientId', variable: 'REQUESTROCKET_CLIENT_ID' },
      { parameter: 'credentialId', variable: 'REQUESTROCKET_PROXY_CREDENTIAL_ID' },
      { parameter: 'targetId', variable: 'REQUESTROCKET_TARGET_ID' },
      { parameter: 'credentialId', variable: 'REQUESTROCKET_TARGET_CREDENTIAL_ID' },
    ]);
    expect(parameterRole(steps('createProxy'), 'targetId', 'ok')).toEqual({ kind: 'shared', collection: 'targets' });
  });
});

describe('parameterRole', () => {
  test('gives the dedicated client to what is read under it, and a resource of the run to everything else', () => {
    expect(parameterRole(steps('listTargets'), 'clientId', 'ok')).toEqual({ kind: 'client' });
    expect(parameterRole(steps('getTarget'), 'targetId', 'ok')).toEqual({ kind: 'shared', collection: 'targets' });
  });

  test('gives a fresh resource to what a valid-token case changes or deletes, never the dedicated client', () => {
    expect(parameterRole(steps('deleteTarget'), 'targetId', 'ok')).toEqual({ kind: 'fresh', collection: 'targets' });
    expect(parameterRole(steps('updateProxy'), 'proxyId', 'ok')).toEqual({ kind: 'fresh', collection: 'proxies' });
    expect(parameterRole(steps('deleteClient'), 'clientId', 'ok')).toEqual({ kind: 'fresh', collection: 'clients' });
    expect(parameterRole(steps('updateClient'), 'clientId', 'invalid')).toEqual({ kind: 'shared', collection: 'clients' });
    expect(parameterRole(steps('deleteTarget'), 'targetId', 'missing')).toEqual({ kind: 'shared', collection: 'targets' });
  });
});

describe('the probes of a plan', async () => {
  const { cases } = await planHarness({ scenarios: ['ok', 'missing', 'invalid', 'revoked', 'forbidden'] });

  test('are one per operation and scenario, whatever the languages and examples', () => {
    const probes = plannedProbes(cases);
    expect(probes.map((probe) => probe.key).sort()).toEqual([...new Set(cases.map(probeKeyOf))].sort());
    // list-clients and verify-token both call listClients in five languages: one probe per scenario.
    expect(probes.filter((probe) => probe.operation.operationId === 'listClients')).toHaveLength(5);
  });

  test('send those whose documented answer rests on an assumption first', () => {
    const probes = plannedProbes(cases);
    const firstPlain = probes.findIndex((probe) => probe.assumptions.length === 0);
    expect(firstPlain).toBeGreaterThan(0);
    expect(probes.slice(firstPlain).every((probe) => probe.assumptions.length === 0)).toBe(true);
    const createTarget = API_OPERATIONS.find((operation) => operation.operationId === 'createTarget')!;
    expect(answerAssumptions(createTarget, 'ok').map((each) => each.pointer)).toContain(
      '#/paths/~1api~1clients~1{clientId}~1targets/post/responses/201',
    );
  });
});

describe('requestPlan', async () => {
  const { cases } = await planHarness({ examples: ['list-clients', 'verify-token', 'delete-target'], scenarios: ['ok', 'invalid'] });
  const reads = cases.filter((planned) => planned.example.id !== 'delete-target');

  test('counts a probe per operation and scenario and a request per step of each program', () => {
    expect(requestPlan(reads, plannedProbes(reads), { writes: false })).toEqual({ probes: 2, programs: 20, resources: 0, total: 22 });
  });

  test('adds, for a write run, the lists before and after, a fresh target per deleting case and probe, and their deletes', () => {
    const plan = requestPlan(cases, plannedProbes(cases), { writes: true });
    // delete-target: 5 ok cases and the ok probe each a fresh target; the invalid ones share one: 7 made, 7 deleted; 4 + 4 lists.
    expect(plan).toEqual({ probes: 4, programs: 30, resources: 8 + 2 * 7, total: 4 + 30 + 22 });
  });

  test('leaves out the scenarios whose token is not given', () => {
    const plan = requestPlan(reads, plannedProbes(reads), { writes: false, tokens: { user: 'u-0123456789' } });
    expect(plan.total).toBe(22);
    const revoked = cases
      .filter((planned) => planned.example.id === 'list-clients')
      .map((planned) => ({ ...planned, scenario: 'revoked' as const }));
    expect(requestPlan(revoked, plannedProbes(revoked), { writes: false, tokens: { user: 'u-0123456789' } }).total).toBe(0);
  });

  test('refuses a plan above the ceiling before anything is sent', () => {
    const plan = { probes: 1, programs: LIVE_REQUEST_CEILING, resources: 0, total: LIVE_REQUEST_CEILING + 1 };
    expect(() => checkRequestPlan(plan, 3)).toThrow(UsageError);
    expect(() => checkRequestPlan(plan, 3)).toThrow(`more than the ceiling of ${LIVE_REQUEST_CEILING}`);
  });
});

describe('createdIdsIn', () => {
  test("reads a create's new id where the expected output puts it, in the shape of that kind's ids", () => {
    const output = 'Using client 0c6f1f0e-6a8e-4c43-9d55-8d2f4b1c0a01\nCreated target tgt_1a2b3c4d\n';
    expect(createdIdsIn(steps('createTarget'), ['Created target {targetId}'], output)).toEqual([
      { parameter: 'targetId', collection: 'targets', id: 'tgt_1a2b3c4d' },
    ]);
    expect(createdIdsIn(steps('createTarget'), ['{targetId}'], output)).toEqual([
      { parameter: 'targetId', collection: 'targets', id: 'tgt_1a2b3c4d' },
    ]);
    expect(createdIdsIn(steps('createTarget'), ['Created target {targetId}'], 'Created target (none)')).toEqual([]);
    expect(createdIdsIn(steps('listTargets'), ['{targetId}'], output)).toEqual([]);
  });
});

describe("a success's record", () => {
  test("is the account's data: compared by type, and a field the schema lets it leave out is no drift", () => {
    const documented = documentedAnswer(SCENARIOS.ok, { method: 'GET', path: '/api/clients/c/proxies/proxy_1' });
    if ('undocumented' in documented) throw new Error(documented.undocumented);
    const sample = (documented.body as { proxy: Record<string, unknown> }).proxy;
    const record: Record<string, unknown> = { ...sample, proxyName: 'another name', proxyId: 'proxy_9' };
    delete record.proxyMaxRequestsPerDay;
    const answer = (body: unknown) =>
      ({
        kind: 'answer',
        status: 200,
        contentType: 'application/json',
        location: null,
        body: JSON.stringify(body),
        truncated: false,
      }) as const;
    expect(compareAnswer(documented, answer({ proxy: record, message: 'Success' })).differences).toEqual([
      { where: 'body.proxy.proxyId', documented: '(absent)', real: 'string' },
    ]);
    const { proxyName: _name, ...nameless } = sample;
    expect(compareAnswer(documented, answer({ proxy: nameless, message: 'Success' })).differences).toEqual([
      { where: 'body.proxy.proxyName', documented: 'string', real: '(absent)' },
    ]);
    expect(compareAnswer(documented, answer({ proxy: sample, message: 'Done' })).differences).toEqual([
      { where: 'body.message', documented: '"Success"', real: '"Done"' },
    ]);
  });
});
