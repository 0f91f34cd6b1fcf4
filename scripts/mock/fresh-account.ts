// An account for one case: the seeded one with every record under a fresh id (each reference to it,
// a proxy's target or a target's client, following), so that a program can reach a record only
// through the id the harness gives it. A program that sends the seed's id, written in its source,
// is answered 404 like any other id the account does not hold.
import { CORE_API } from '../api/core-api.ts';
import { isRecord } from '../api/json-pointer.ts';
import type { JsonSchema } from '../api/operations.ts';
import { seedAccount, type SeedAccount } from '../api/seed-account.ts';
import type { AccountState } from './account-state.ts';
import { createAccountState, servedKinds } from './answers.ts';
import { newId } from './new-records.ts';

/** A case's account, and the id each seeded record has in it. */
export interface FreshAccount {
  state: AccountState;
  /** The seeded id (as `x-seed` and the parameters' examples give it) to this account's id of the same record. */
  ids: ReadonlyMap<string, string>;
}

/** `value` with every string that is a key of `ids` replaced by its value, at any depth. */
function rekeyed(value: unknown, ids: ReadonlyMap<string, string>): unknown {
  if (typeof value === 'string') return ids.get(value) ?? value;
  if (Array.isArray(value)) return value.map((item) => rekeyed(item, ids));
  if (isRecord(value)) return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, rekeyed(item, ids)]));
  return value;
}

/** The seeded account with a fresh id for every record (and every reference to one). */
export function freshAccount(): FreshAccount {
  const seed = seedAccount(CORE_API);
  const byCollection = seed as unknown as Record<string, ReadonlyArray<Record<string, unknown>> | undefined>;
  const ids = new Map<string, string>();
  for (const kind of servedKinds()) {
    for (const record of byCollection[kind.collection] ?? []) {
      const seeded = String(record[kind.idField]);
      let fresh: string;
      do fresh = newId(kind.idSchema, seeded);
      while (fresh === seeded || [...ids.values()].includes(fresh));
      ids.set(seeded, fresh);
    }
  }
  return { state: createAccountState(rekeyed(seed, ids) as SeedAccount), ids };
}

/** An id of the shape of `schema` (like the seeded `model`) that no record has: no account holds a random one. */
export function unknownId(schema: JsonSchema, model: string | undefined, taken: ReadonlyMap<string, string>): string {
  const used = new Set([...taken.keys(), ...taken.values()]);
  let id: string;
  do id = newId(schema, model);
  while (used.has(id));
  return id;
}
