// The seeded account and the examples agree: every seed record is valid, the list and get examples
// are the seed's records, create and update examples follow their requests, and the proxy's links
// resolve. A copy that breaks one of these is caught, naming what disagrees.
// vitest project: unit (test/support/projects.ts)
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { CORE_API_DESCRIPTION, loadDescription, parseDescription } from '../../scripts/api/description.ts';
import { resourcesOf, seedAccount } from '../../scripts/api/seed-account.ts';
import { seedDisagreements } from './seed-checks.ts';

const description = loadDescription();
const seed = seedAccount(description);
const text = readFileSync(CORE_API_DESCRIPTION, 'utf8');

describe('seedAccount', () => {
  test('holds the two clients, and for Northwind Logistics a target, two credentials and a proxy', () => {
    expect(seed.clients.map((client) => client.clientName)).toEqual(['Northwind Logistics', 'Contoso Analytics']);
    const northwind = resourcesOf(seed, seed.clients[0]!.clientId);
    expect([northwind.targets.length, northwind.credentials.length, northwind.proxies.length]).toEqual([1, 2, 1]);
    expect(resourcesOf(seed, seed.clients[1]!.clientId)).toEqual({ targets: [], credentials: [], proxies: [] });
  });

  test('uses the id shapes of the public examples', () => {
    expect(seed.clients[0]!.clientId).toBe('550e8400-e29b-41d4-a716-446655440000');
    expect(seed.targets[0]!.sKey).toMatch(/^tgt_/);
    for (const credential of seed.credentials) expect(credential.sKey).toMatch(/^cred_/);
    expect(seed.proxies[0]!.sKey).toMatch(/^proxy_/);
  });

  test('is a copy: changing it leaves the description alone', () => {
    seedAccount(description).clients[0]!.clientName = 'changed';
    expect(seedAccount(description).clients[0]!.clientName).toBe('Northwind Logistics');
  });
});

describe('seedDisagreements', () => {
  test('finds none in the description', () => {
    expect(seedDisagreements(description)).toEqual([]);
  });

  test.for([
    [
      'a list example copied from the seed, then changed',
      '        targets:\n          - *stripeTarget\n',
      "        targets:\n          - pKey: *northwindClientId\n            sKey: *stripeTargetId\n            userId: *ownerUserId\n            clientId: *northwindClientId\n            parentId: *northwindClientId\n            targetName: Stripe\n            targetBaseURL: https://api.stripe.com\n            targetTestPath: /v1/customers\n            targetRegion: us-east-1\n            targetDefaultRuleEffect: allow\n            targetCreatedAt: '2024-01-22T12:00:00.000Z'\n            targetUpdatedAt: '2024-01-22T12:00:00.000Z'\n",
      ['listTargets 200 "targets" differs from the seed\'s targets of client 550e8400-e29b-41d4-a716-446655440000'],
    ],
    [
      'a seed record off its schema',
      "      targetRegion: us-east-1\n      targetDefaultRuleEffect: allow\n      targetCreatedAt: '2024-01-22T12:00:00.000Z'",
      "      targetRegion: us-east-1\n      targetDefaultRuleEffect: block\n      targetCreatedAt: '2024-01-22T12:00:00.000Z'",
      [
        'x-seed.targets[0] is not a valid Target: targetDefaultRuleEffect: must be one of allow, deny',
        'updateTarget 200 is not the seed\'s target with request "testPath" applied',
      ],
    ],
    [
      'a proxy pointing at the wrong credential',
      '      proxyTargetCredentialId: *stripeCredentialId\n      proxyActive: true',
      '      proxyTargetCredentialId: *checkoutCredentialId\n      proxyActive: true',
      [
        'updateProxy 200 is not the seed\'s proxy with request "rateLimits" applied',
        'x-seed.proxies proxy_789e4567: proxyTargetCredentialId cred_4f1a2b3c is no seeded target credential of its client',
      ],
    ],
    [
      'an update answer that forgets the request',
      '          targetTestPath: /v1/balance\n',
      '          targetTestPath: /v1/customers\n',
      ['updateTarget 200 is not the seed\'s target with request "testPath" applied'],
    ],
    [
      'a create answer that does not carry a request field',
      '          targetDefaultRuleEffect: deny\n          targetCreatedAt',
      '          targetDefaultRuleEffect: allow\n          targetCreatedAt',
      ['createTarget 201 does not carry targetDefaultRuleEffect of request "target"'],
    ],
  ] as const)('finds %s', ([, from, to, found]) => {
    const mutated = text.replace(from, to);
    expect(mutated).not.toBe(text);
    expect(seedDisagreements(parseDescription(mutated, CORE_API_DESCRIPTION))).toEqual(found);
  });
});
