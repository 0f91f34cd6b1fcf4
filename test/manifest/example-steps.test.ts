// What a manifest's operation or steps mean against the API description: where each id comes from,
// which scenarios the example runs (not-found and bad-request only where the operation can be
// answered so), and what each scenario expects by default.
// vitest project: unit (test/support/projects.ts)
import { describe, expect, test } from 'vitest';
import { SEED_CLIENT_NAMES } from '../../scripts/api/core-api.ts';
import { SCENARIOS, expectationFor, scenariosOf, type ScenarioName } from '../../scripts/harness/case/scenarios.ts';
import { badRequestStep, exampleScenarios, exampleSteps, notFoundTarget, placeholderNames } from '../../scripts/manifest/example-steps.ts';
import { parseManifest } from '../../scripts/manifest/load.ts';

const CLIENT = { clientId: 'REQUESTROCKET_CLIENT_ID' };
const manifestOf = (data: Record<string, unknown>) => parseManifest('example.json', { title: 'An example', ...data });

const listClients = manifestOf({ operation: 'listClients' });
const listCredentials = manifestOf({ operation: 'listCredentials', parameters: CLIENT });
const getTarget = manifestOf({ operation: 'getTarget', parameters: { ...CLIENT, targetId: 'REQUESTROCKET_TARGET_ID' } });
const createTarget = manifestOf({ operation: 'createTarget', parameters: CLIENT });
const updateProxy = manifestOf({ operation: 'updateProxy', parameters: { ...CLIENT, proxyId: 'REQUESTROCKET_PROXY_ID' } });
const deleteTarget = manifestOf({ operation: 'deleteTarget', parameters: { ...CLIENT, targetId: 'REQUESTROCKET_TARGET_ID' } });
const lifecycle = manifestOf({ steps: ['createTarget', 'getTarget', 'deleteTarget'], parameters: CLIENT });
const listThenCreate = manifestOf({ steps: ['listClients', 'createClient'] });

describe('exampleSteps', () => {
  test('says where each path parameter comes from: a variable, or the answer of the step that created the record', () => {
    const steps = exampleSteps(lifecycle);
    expect(steps.map((step) => [step.operation.operationId, step.kind, step.creates])).toEqual([
      ['createTarget', 'create', 'targetId'],
      ['getTarget', 'get', undefined],
      ['deleteTarget', 'delete', undefined],
    ]);
    expect(steps[2]!.parameters).toEqual([
      { name: 'clientId', source: { kind: 'environment', variable: 'REQUESTROCKET_CLIENT_ID' } },
      { name: 'targetId', source: { kind: 'created', step: 0 } },
    ]);
    expect(placeholderNames(steps)).toEqual(['clientId', 'targetId']);
  });
});

describe('the scenarios of an example, derived from its operations', () => {
  const without = (...names: ScenarioName[]) => exampleScenarios(exampleSteps(listClients)).filter((name) => !names.includes(name));
  const every = [...without(), 'not-found', 'bad-request'] as ScenarioName[];

  test.for([
    ['listClients: no id, no body', listClients, without()],
    ['listCredentials: an id, no body', listCredentials, [...without(), 'not-found']],
    ['createTarget: an id and a body', createTarget, every],
    ['updateProxy: two ids and a body', updateProxy, every],
    ['deleteTarget: ids, no body', deleteTarget, [...without(), 'not-found']],
    ['createTarget, getTarget, deleteTarget', lifecycle, every],
    ['listClients, createClient: a body, no id', listThenCreate, [...without(), 'bad-request']],
  ] as const)('%s', ([, manifest, expected]) => {
    expect(new Set(scenariosOf(manifest))).toEqual(new Set(expected));
  });

  test('keep the run order of every scenario', () => {
    expect(scenariosOf(createTarget)).toEqual([
      'ok',
      'missing',
      'invalid',
      'revoked',
      'forbidden',
      'not-found',
      'bad-request',
      'untrusted-cert',
      'hung-server',
      'bad-gateway',
      'network-error',
    ]);
  });

  test('not-found gives the last id from the environment of the first step that can answer 404 an unknown id', () => {
    expect(notFoundTarget(exampleSteps(updateProxy))).toEqual({ step: 0, parameter: 'proxyId', variable: 'REQUESTROCKET_PROXY_ID' });
    expect(notFoundTarget(exampleSteps(lifecycle))).toEqual({ step: 0, parameter: 'clientId', variable: 'REQUESTROCKET_CLIENT_ID' });
    expect(notFoundTarget(exampleSteps(listClients))).toBeUndefined();
  });

  test('bad-request refuses the first step that sends a body', () => {
    expect(badRequestStep(exampleSteps(listThenCreate))).toBe(1);
    expect(badRequestStep(exampleSteps(getTarget))).toBeUndefined();
  });
});

describe('expectationFor', () => {
  test.for([
    ['ok', lifecycle, { min: 3, max: 3 }],
    ['missing', lifecycle, { min: 0, max: 1 }],
    ['revoked', lifecycle, { min: 1, max: 1 }],
    ['not-found', lifecycle, { min: 1, max: 1 }],
    ['bad-request', listThenCreate, { min: 2, max: 2 }],
    ['untrusted-cert', createTarget, { min: 0, max: 0 }],
  ] as const)('expects the %s scenario to send the requests up to the one refused', ([scenario, manifest, requests]) => {
    expect(expectationFor(scenario, manifest).requests).toEqual(requests);
  });

  test("expects what each kind of operation returns by default: the seeded records' names, the new or changed id", () => {
    expect(expectationFor('ok', listClients).output).toEqual([...SEED_CLIENT_NAMES]);
    expect(expectationFor('ok', listCredentials).output).toEqual(['checkout-service', 'stripe-secret-key']);
    expect(expectationFor('ok', getTarget).output).toEqual(['Stripe API']);
    expect(expectationFor('ok', createTarget).output).toEqual(['{targetId}']);
    expect(expectationFor('ok', updateProxy).output).toEqual(['{proxyId}']);
    expect(expectationFor('ok', deleteTarget).output).toEqual(['{targetId}']);
    expect(expectationFor('ok', lifecycle).output).toEqual(['{targetId}']);
  });

  test("gives the new scenarios the API's own error and a reader's label", () => {
    expect(SCENARIOS['not-found']).toMatchObject({ label: 'unknown id (404)', unknownId: true, apiError: { status: 404 } });
    expect(SCENARIOS['bad-request']).toMatchObject({
      label: 'rejected request body (400)',
      behaviour: 'bad-request',
      apiError: { status: 400 },
    });
    expect(expectationFor('not-found', createTarget)).toEqual({ exit: 'non-zero', requests: { min: 1, max: 1 }, output: [] });
  });
});
