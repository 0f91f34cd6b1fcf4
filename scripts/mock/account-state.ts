// One mock instance's account. It starts as the description's seeded account (`x-seed`) and changes
// with every create, update and delete, so a program can create a target, read it back, change it
// and delete it. Each instance has its own (one per case), so no case sees another's changes.
import { isRecord } from '../api/json-pointer.ts';
import type { JsonSchema } from '../api/operations.ts';
import type { ReferenceField } from '../api/reference-fields.ts';
import type { ValidationProblem } from '../api/validation-messages.ts';
import type { SeedAccount } from '../api/seed-account.ts';
import type { CreatedRecord } from './types.ts';
import { SERVER_SET, newId, takeFields, type ApiRecord, type CreateContext } from './new-records.ts';
import type { ResourceAction, ResourceKind } from './resource-model.ts';

/** What acting on the account gave: the success answer (and the record a create made), or no such record (or parent) for a 404. */
export type StateOutcome = { found: true; status: number; body: unknown; created?: CreatedRecord } | { found: false };

/** An account that the mock's operations read and change. */
export class AccountState {
  /** Records by collection, then by id, in the order they came. */
  readonly #records = new Map<string, Map<string, ApiRecord>>();
  /** Write-only fields (a credential's secret) as JSON text, by `collection/id`: stored, never answered. */
  readonly #secrets = new Map<string, string>();
  /** A seeded id of each collection, the model of new ids' shape. */
  readonly #modelIds = new Map<string, string>();
  readonly #kinds: readonly ResourceKind[];
  readonly #userId: string;

  constructor(seed: SeedAccount, kinds: readonly ResourceKind[]) {
    this.#kinds = kinds;
    this.#userId = callerOf(seed);
    const seeded = seed as unknown as Record<string, readonly ApiRecord[] | undefined>;
    for (const kind of kinds) {
      const records = new Map<string, ApiRecord>();
      for (const record of seeded[kind.collection] ?? []) records.set(String(record[kind.idField]), structuredClone(record));
      this.#records.set(kind.collection, records);
      const [model] = records.keys();
      if (model !== undefined) this.#modelIds.set(kind.collection, model);
    }
  }

  /** Carries out `action` with the request's path parameters and (validated) body. */
  apply(action: ResourceAction, pathParams: Readonly<Record<string, string>>, body: unknown, now = new Date()): StateOutcome {
    const { kind } = action;
    const parentId = kind.parentParam === undefined ? undefined : pathParams[kind.parentParam];
    if (kind.parentParam !== undefined && !this.#exists(kind.parentParam, parentId)) return { found: false };
    const records = this.#records.get(kind.collection)!;
    const ours = (record: ApiRecord | undefined): record is ApiRecord =>
      record !== undefined && (kind.parentParam === undefined || record[kind.parentParam] === parentId);
    const envelope = (key: string, value: unknown) => ({
      found: true as const,
      status: action.successStatus,
      body: { [key]: structuredClone(value), message: action.message },
    });
    if (action.action === 'list') return envelope(kind.listKey, [...records.values()].filter(ours));
    if (action.action === 'create') {
      const record = this.#create(action, parentId, isRecord(body) ? body : {}, now.toISOString());
      return { ...envelope(kind.itemKey, record), created: { parameter: kind.idParam, id: String(record[kind.idField]) } };
    }
    const id = pathParams[kind.idParam] ?? '';
    const record = records.get(id);
    if (!ours(record)) return { found: false };
    if (action.action === 'get') return envelope(kind.itemKey, record);
    if (action.action === 'update') {
      this.#update(action, id, record, isRecord(body) ? body : {}, now.toISOString());
      return envelope(kind.itemKey, record);
    }
    this.#delete(kind, id);
    return { found: true, status: action.successStatus, body: { message: action.message } };
  }

  /**
   * The fields of a create's or an update's body that name a record its client does not hold
   * (`proxyTargetId: no target tgt_… in this client`), as a 400 names them; none when the client
   * itself is unknown, which is a 404.
   */
  unknownReferences(
    action: ResourceAction,
    pathParams: Readonly<Record<string, string>>,
    body: unknown,
    references: readonly ReferenceField[],
  ): ValidationProblem[] {
    const { parentParam } = action.kind;
    if (!isRecord(body) || (parentParam !== undefined && !this.#exists(parentParam, pathParams[parentParam]))) return [];
    return references.flatMap(({ field, collection }) => {
      const id = body[field];
      const kind = this.#kinds.find((each) => each.collection === collection);
      if (typeof id !== 'string' || kind === undefined) return [];
      const record = this.#records.get(collection)!.get(id);
      const owner = kind.parentParam;
      if (record !== undefined && (owner === undefined || record[owner] === pathParams[owner])) return [];
      const where = owner === undefined ? '' : ` in this ${this.#kinds.find((each) => each.idParam === owner)?.itemKey ?? owner}`;
      return [{ location: 'body' as const, field, message: `no ${kind.itemKey} ${id}${where}`, keyword: 'reference' }];
    });
  }

  /** Whether a record with this id exists in the collection whose id parameter is `idParam` (`clientId`). */
  #exists(idParam: string, id: string | undefined): boolean {
    const kind = this.#kinds.find((each) => each.idParam === idParam);
    return kind !== undefined && id !== undefined && this.#records.get(kind.collection)!.has(id);
  }

  #create(action: ResourceAction, parentId: string | undefined, body: ApiRecord, now: string): ApiRecord {
    const { kind } = action;
    const { given, secret } = takeFields(action.operation.requestBody?.schema ?? {}, body, true);
    const id = this.#freshId(kind);
    const context: CreateContext = { id, parentId, userId: this.#userId, given, now };
    const record: ApiRecord = {};
    // In the record schema's order, as the seed and the examples list fields.
    for (const [name, schema] of Object.entries(kind.recordSchema.properties as Record<string, JsonSchema>)) {
      let value: unknown;
      if (name === kind.idField) value = id;
      else if (given.has(name)) value = given.get(name);
      else if (isRecord(schema) && schema.format === 'date-time') value = now;
      else if (Object.hasOwn(SERVER_SET, name)) value = SERVER_SET[name]!(context);
      if (value !== undefined) record[name] = value;
    }
    this.#records.get(kind.collection)!.set(id, record);
    if (secret !== undefined) this.#secrets.set(`${kind.collection}/${id}`, secret);
    return record;
  }

  #update(action: ResourceAction, id: string, record: ApiRecord, body: ApiRecord, now: string): void {
    const { given, secret } = takeFields(action.operation.requestBody?.schema ?? {}, body, false);
    for (const [name, value] of given) record[name] = value;
    for (const [name, schema] of Object.entries(action.kind.recordSchema.properties as Record<string, JsonSchema>))
      if (isRecord(schema) && schema.format === 'date-time' && name.endsWith('UpdatedAt')) record[name] = now;
    if (secret !== undefined) this.#secrets.set(`${action.kind.collection}/${id}`, secret);
  }

  /** Deletes a record with its secret, and the records that belong to it (a client's targets, credentials and proxies). */
  #delete(kind: ResourceKind, id: string): void {
    this.#records.get(kind.collection)!.delete(id);
    this.#secrets.delete(`${kind.collection}/${id}`);
    for (const child of this.#kinds.filter((each) => each.parentParam === kind.idParam))
      for (const [childId, record] of this.#records.get(child.collection)!) if (record[kind.idParam] === id) this.#delete(child, childId);
  }

  /** A new id in the shape of the seeded ones: a UUID, or the seed's prefix (`tgt_`) and as many hex digits. */
  #freshId(kind: ResourceKind): string {
    const taken = this.#records.get(kind.collection)!;
    for (;;) {
      const id = newId(kind.idSchema, this.#modelIds.get(kind.collection));
      if (!taken.has(id)) return id;
    }
  }

  /** The stored write-only fields of a record as JSON text, for tests that prove a secret is kept but never answered. */
  storedSecret(collection: string, id: string): string | undefined {
    return this.#secrets.get(`${collection}/${id}`);
  }
}

/** The caller: the one user who is a member of every seeded client. */
function callerOf(seed: SeedAccount): string {
  const [first, ...others] = seed.clients.map((client) => client.clientMembers.map((member) => member.userId));
  const caller = first?.find((userId) => others.every((members) => members.includes(userId)));
  if (caller === undefined) throw new Error('Expected x-seed to have one user who is a member of every client (the caller)');
  return caller;
}
