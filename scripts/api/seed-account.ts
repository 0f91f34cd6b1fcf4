// The account the mock serves (`x-seed`): the caller's clients, and each client's targets,
// credentials and proxies. The description's list and get examples are drawn from it; each record
// has its resource's shape (test/api/seed-agreement.test.ts validates them against the schemas).
import type { components } from './core-api-types.ts';
import type { ApiDescription } from './description.ts';

type Schemas = components['schemas'];

/** The seeded account, typed as the description's resources. */
export interface SeedAccount {
  clients: readonly Schemas['Client'][];
  targets: readonly Schemas['Target'][];
  credentials: readonly Schemas['Credential'][];
  proxies: readonly Schemas['Proxy'][];
}

/** The resources of one client in the seeded account. */
export interface ClientResources {
  targets: readonly Schemas['Target'][];
  credentials: readonly Schemas['Credential'][];
  proxies: readonly Schemas['Proxy'][];
}

/** The description's seeded account (its top-level shape is checked on load; each record's by the tests). */
export function seedAccount(description: ApiDescription): SeedAccount {
  return structuredClone(description.document['x-seed']) as unknown as SeedAccount;
}

/** What the seeded account holds for `clientId` (nothing for an unknown client). */
export function resourcesOf(seed: SeedAccount, clientId: string): ClientResources {
  const mine = <T extends { clientId: string }>(records: readonly T[]) => records.filter((record) => record.clientId === clientId);
  return { targets: mine(seed.targets), credentials: mine(seed.credentials), proxies: mine(seed.proxies) };
}
