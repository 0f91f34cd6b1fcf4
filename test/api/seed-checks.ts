// How the seeded account (`x-seed`) and the description's examples can disagree: each check returns
// one line per disagreement, so a test can assert none on the real file and the exact ones on a
// mutated copy.
import { isDeepStrictEqual } from 'node:util';
import { createApiValidator } from '../../scripts/api/api-validator.ts';
import type { ApiDescription } from '../../scripts/api/description.ts';
import { formatProblems } from '../../scripts/api/validation-messages.ts';
import { listOperations, operationById, responseFor, type ApiOperation } from '../../scripts/api/operations.ts';
import { resourcesOf, seedAccount, type SeedAccount } from '../../scripts/api/seed-account.ts';

type Row = Record<string, unknown>;

/** Each resource: its seed list, its schema, the list and singular envelope names, its id field and path parameter. */
export const SEEDED = [
  {
    kind: 'clients',
    schema: 'Client',
    one: 'client',
    id: 'clientId',
    parameter: 'clientId',
    list: 'listClients',
    get: 'getClient',
    create: 'createClient',
    update: 'updateClient',
  },
  {
    kind: 'targets',
    schema: 'Target',
    one: 'target',
    id: 'sKey',
    parameter: 'targetId',
    list: 'listTargets',
    get: 'getTarget',
    create: 'createTarget',
    update: 'updateTarget',
  },
  {
    kind: 'credentials',
    schema: 'Credential',
    one: 'credential',
    id: 'sKey',
    parameter: 'credentialId',
    list: 'listCredentials',
    get: 'getCredential',
    create: 'createCredential',
    update: 'updateCredential',
  },
  {
    kind: 'proxies',
    schema: 'Proxy',
    one: 'proxy',
    id: 'sKey',
    parameter: 'proxyId',
    list: 'listProxies',
    get: 'getProxy',
    create: 'createProxy',
    update: 'updateProxy',
  },
] as const;

const same = (a: unknown, b: unknown) => isDeepStrictEqual(a, b);
const rows = (seed: SeedAccount, kind: (typeof SEEDED)[number]['kind']) => seed[kind] as readonly Row[];

function examplesOf(operation: ApiOperation, status: number): [string, Row][] {
  return Object.entries(responseFor(operation, status)?.body?.examples ?? {}) as [string, Row][];
}

function parameterExample(operation: ApiOperation, name: string): unknown {
  return operation.pathParameters.find((parameter) => parameter.name === name)?.example;
}

/** Every way the seed and the examples disagree (none on a sound description). */
export function seedDisagreements(description: ApiDescription): string[] {
  const seed = seedAccount(description);
  const operations = listOperations(description);
  const validator = createApiValidator(description, operations);
  const problems: string[] = [];

  for (const resource of SEEDED) {
    rows(seed, resource.kind).forEach((row, index) => {
      const invalid = validator.validateComponent(resource.schema, row);
      if (invalid.length > 0)
        problems.push(`x-seed.${resource.kind}[${index}] is not a valid ${resource.schema}: ${formatProblems(invalid)}`);
    });
    const ids = rows(seed, resource.kind).map((row) => row[resource.id]);
    if (new Set(ids).size !== ids.length) problems.push(`x-seed.${resource.kind}: two records share an ${resource.id}`);

    const list = operationById(operations, resource.list);
    const clientId = parameterExample(list, 'clientId');
    const expected = resource.kind === 'clients' ? seed.clients : resourcesOf(seed, String(clientId))[resource.kind];
    for (const [name, body] of examplesOf(list, 200))
      if (!same(body[resource.kind], expected))
        problems.push(
          `${resource.list} 200 "${name}" differs from the seed's ${resource.kind}${clientId ? ` of client ${String(clientId)}` : ''}`,
        );

    const get = operationById(operations, resource.get);
    const id = parameterExample(get, resource.parameter);
    const record = rows(seed, resource.kind).find((row) => row[resource.id] === id);
    if (!record) problems.push(`${resource.get}: the example ${resource.parameter} "${String(id)}" is not in the seed's ${resource.kind}`);
    for (const [name, body] of examplesOf(get, 200))
      if (!same(body[resource.one], record))
        problems.push(`${resource.get} 200 "${name}" differs from the seed's ${resource.one} ${String(id)}`);

    const create = operationById(operations, resource.create);
    for (const [name, request] of Object.entries(create.requestBody!.examples) as [string, Row][])
      for (const [, body] of examplesOf(create, 201)) {
        const created = body[resource.one] as Row;
        for (const [field, value] of Object.entries(request))
          if (field !== 'credentialSecret' && !same(created[field], value))
            problems.push(`${resource.create} 201 does not carry ${field} of request "${name}"`);
        if (ids.includes(created[resource.id]))
          problems.push(`${resource.create} 201 reuses the seed's ${resource.id} ${String(created[resource.id])}`);
      }

    const update = operationById(operations, resource.update);
    const before = rows(seed, resource.kind).find((row) => row[resource.id] === parameterExample(update, resource.parameter));
    for (const [name, request] of Object.entries(update.requestBody!.examples) as [string, Row][])
      for (const [, body] of examplesOf(update, 200)) {
        const after = { ...(body[resource.one] as Row) };
        const stamp = Object.keys(after).find((field) => field.endsWith('UpdatedAt'));
        if (stamp && before && !(String(after[stamp]) > String(before[stamp])))
          problems.push(`${resource.update} 200 has no later ${stamp} than the seed`);
        if (stamp && before) after[stamp] = before[stamp];
        if (!same(after, { ...before, ...request }))
          problems.push(`${resource.update} 200 is not the seed's ${resource.one} with request "${name}" applied`);
      }
  }
  return [...problems, ...referenceProblems(seed)];
}

/** Links inside the seed: owners, keys, members, and a proxy's target and two credentials. */
function referenceProblems(seed: SeedAccount): string[] {
  const problems: string[] = [];
  const clients = new Map(seed.clients.map((client) => [client.clientId, client]));
  for (const resource of SEEDED.slice(1)) {
    for (const row of rows(seed, resource.kind)) {
      const client = clients.get(String(row.clientId));
      if (!client) problems.push(`x-seed.${resource.kind} ${String(row.sKey)}: client ${String(row.clientId)} is not seeded`);
      if (row.pKey !== row.clientId || row.parentId !== row.clientId)
        problems.push(`x-seed.${resource.kind} ${String(row.sKey)}: pKey and parentId must be its clientId`);
      if (client && !client.clientMembers.some((member) => member.userId === row.userId))
        problems.push(`x-seed.${resource.kind} ${String(row.sKey)}: user ${String(row.userId)} is no member of its client`);
    }
  }
  for (const proxy of seed.proxies) {
    const mine = resourcesOf(seed, proxy.clientId);
    if (!mine.targets.some((target) => target.sKey === proxy.proxyTargetId))
      problems.push(`x-seed.proxies ${proxy.sKey}: no seeded target ${proxy.proxyTargetId} in its client`);
    for (const [field, type] of [
      ['proxyProxyCredentialId', 'proxy'],
      ['proxyTargetCredentialId', 'target'],
    ] as const)
      if (!mine.credentials.some((credential) => credential.sKey === proxy[field] && credential.credentialType === type))
        problems.push(`x-seed.proxies ${proxy.sKey}: ${field} ${proxy[field]} is no seeded ${type} credential of its client`);
  }
  return problems;
}
