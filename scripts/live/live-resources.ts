// The resources of one write run: made by the harness's own requests under the dedicated client,
// named after the run, given to the write examples in place of anything of the account's, and
// deleted at the end, with those a probe or a program created. Whatever the account held before the
// run (listed first) is never written to nor deleted, whatever a program claims to have created.
// The dedicated client is kept for live runs, one at a time: anything new under it after the run
// (a program stopped before it said what it created) is the run's, and deleted too; a new client
// of the account that no example named is only reported.
import type { ResourceKind } from '../mock/resource-model.ts';
import type { ProbeAnswer } from './probe.ts';
import { ACCOUNT_KIND, RESOURCE_KINDS, exampleBody, fillPath, listedIds, operationOf, ownBody, recordIdIn } from './resource-kinds.ts';

/** One request of the harness's own (its token, User-Agent and route are the sender's). */
export interface OwnRequest {
  method: string;
  path: string;
  body?: string;
  /** A delete of the cleanup: sent even once the run was stopped or its budget spent. */
  cleanup?: boolean;
}

/** Sends one of the harness's own requests to the API. */
export type ApiSender = (request: OwnRequest) => Promise<ProbeAnswer>;

/** Who made a resource of the run: a program's record that no output named is found under the dedicated client afterwards. */
export type MadeBy = 'the harness' | 'a probe' | 'a program' | 'a program (found after the run)';

/** One resource the run made, and where it lives. */
export interface RunResource {
  collection: string;
  id: string;
  /** The id of the record it belongs to (the client), when its kind has one. */
  parentId?: string;
  madeBy: MadeBy;
}

/** What the cleanup did: every resource deleted (or found gone), and each it could not delete with why. */
export interface CleanupReport {
  deleted: RunResource[];
  notDeleted: Array<RunResource & { reason: string }>;
  /** Ids a program said it created that the account held before the run: left alone. */
  refused: Array<{ collection: string; id: string; reason: string }>;
}

/** The name of everything a run makes: recognisable in the account, and unique to the run. */
export const runResourceName = (runId: string) => `requestrocket-docs live ${runId}`;

/** A resource could not be made: the run stops before any program runs against it. */
export class LiveSetupError extends Error {
  override name = 'LiveSetupError';
}

const statusOf = (answer: ProbeAnswer) => (answer.kind === 'answer' ? `${answer.status}` : `no answer (${answer.message})`);

/** The resources of one write run. */
export class LiveResources {
  readonly #clientId: string;
  readonly #name: string;
  readonly #send: ApiSender;
  readonly #made: RunResource[] = [];
  readonly #shared = new Map<string, Promise<string>>();
  readonly #before = new Map<string, Set<string>>();
  readonly #refused: CleanupReport['refused'] = [];

  constructor(options: { clientId: string; runId: string; send: ApiSender }) {
    this.#clientId = options.clientId;
    this.#name = runResourceName(options.runId);
    this.#send = options.send;
  }

  /** What every resource of the run is called. */
  get name(): string {
    return this.#name;
  }

  /** The dedicated client's id: what every resource of the run belongs to. */
  get clientId(): string {
    return this.#clientId;
  }

  /** Lists what the account holds before anything is written (the clients, and each collection of the dedicated client); throws LiveSetupError. */
  async listBefore(collections: readonly string[]): Promise<void> {
    for (const collection of new Set([ACCOUNT_KIND.collection, ...collections])) {
      const kind = RESOURCE_KINDS.get(collection)!;
      const path = fillPath(operationOf(kind, 'list').path, kind.parentParam ? { [kind.parentParam]: this.#clientId } : {});
      const answer = await this.#send({ method: 'GET', path });
      const ids = answer.kind === 'answer' && answer.status === 200 ? listedIds(answer.body, kind) : undefined;
      if (!ids)
        throw new LiveSetupError(`could not list the ${collection} the account holds before the run (GET ${path}: ${statusOf(answer)})`);
      this.#before.set(collection, new Set(ids));
    }
    if (!this.#before.get(ACCOUNT_KIND.collection)!.has(this.#clientId))
      throw new LiveSetupError(`the dedicated client ${this.#clientId} is not among the account's ${ACCOUNT_KIND.collection}`);
  }

  /** Whether the account held this id before the run (the dedicated client among them). */
  heldBefore(collection: string, id: string): boolean {
    return (collection === ACCOUNT_KIND.collection && id === this.#clientId) || (this.#before.get(collection)?.has(id) ?? false);
  }

  /** The run's one shared resource of `collection`, made on first use: read by examples, never changed by them. */
  shared(collection: string): Promise<string> {
    let made = this.#shared.get(collection);
    if (!made) {
      made = this.fresh(collection);
      this.#shared.set(collection, made);
    }
    return made;
  }

  /** A new resource of `collection`, for one case or probe that updates or deletes it. */
  async fresh(collection: string): Promise<string> {
    const kind = RESOURCE_KINDS.get(collection);
    if (!kind) throw new LiveSetupError(`no kind of resource is called ${collection}`);
    const operation = operationOf(kind, 'create');
    const body = await ownBody(exampleBody(operation), this.#name, (other) => this.shared(other));
    const path = fillPath(operation.path, this.#parentValues(kind));
    const answer = await this.#send({ method: operation.method, path, body: body === undefined ? undefined : JSON.stringify(body) });
    const id = answer.kind === 'answer' && answer.status < 300 ? recordIdIn(answer.body, kind) : undefined;
    if (id === undefined)
      throw new LiveSetupError(`could not make a resource of ${collection} for the run (${operation.method} ${path}: ${statusOf(answer)})`);
    this.#made.push({ collection, id, ...this.#parent(kind), madeBy: 'the harness' });
    return id;
  }

  /** Records a resource a probe or a program created, to delete it too; refuses (and says so) one the account held before. */
  record(collection: string, id: string, madeBy: MadeBy): boolean {
    const kind = RESOURCE_KINDS.get(collection);
    if (!kind) return false;
    if (this.heldBefore(collection, id)) {
      if (!this.#refused.some((each) => each.collection === collection && each.id === id))
        this.#refused.push({ collection, id, reason: `${madeBy} said it created it, but the account held it before the run: left alone` });
      return false;
    }
    if (!this.#made.some((each) => each.collection === collection && each.id === id))
      this.#made.push({ collection, id, ...this.#parent(kind), madeBy });
    return true;
  }

  /** Every resource made so far, in order. */
  get made(): readonly RunResource[] {
    return this.#made;
  }

  /** Deletes every resource of the run, the last made first; never one the account held before. */
  async cleanup(): Promise<CleanupReport> {
    const report: CleanupReport = { deleted: [], notDeleted: [], refused: [...this.#refused] };
    // Wait for shared resources still being made, so none is left behind.
    await Promise.allSettled(this.#shared.values());
    for (const resource of [...this.#made].reverse())
      if (!this.heldBefore(resource.collection, resource.id)) await this.#delete(resource, report);
    this.#made.splice(0);
    await this.#sweep(report);
    return report;
  }

  /** Deletes what is new under the dedicated client since the run began; reports a new client no example named. */
  async #sweep(report: CleanupReport): Promise<void> {
    if (this.#before.size === 0) return;
    const gone = new Set(report.deleted.map((each) => `${each.collection}/${each.id}`));
    for (const collection of this.#before.keys()) {
      const kind = RESOURCE_KINDS.get(collection)!;
      const path = fillPath(operationOf(kind, 'list').path, this.#parentValues(kind));
      const answer = await this.#send({ method: 'GET', path, cleanup: true });
      const ids = answer.kind === 'answer' && answer.status === 200 ? listedIds(answer.body, kind) : undefined;
      if (!ids) {
        report.notDeleted.push({
          collection,
          id: '(unknown)',
          madeBy: 'a program (found after the run)',
          reason: `could not list the ${collection} to find what the programs left (GET ${path}: ${statusOf(answer)})`,
        });
        continue;
      }
      for (const id of ids.filter((each) => !this.heldBefore(collection, each) && !gone.has(`${collection}/${each}`))) {
        const resource: RunResource = { collection, id, ...this.#parent(kind), madeBy: 'a program (found after the run)' };
        if (kind === ACCOUNT_KIND) {
          report.notDeleted.push({
            ...resource,
            reason: 'a new client of the account that no example said it made: not deleted; check it by hand',
          });
          continue;
        }
        await this.#delete(resource, report);
      }
    }
  }

  async #delete(resource: RunResource, report: CleanupReport): Promise<void> {
    const kind = RESOURCE_KINDS.get(resource.collection)!;
    const operation = operationOf(kind, 'delete');
    const path = fillPath(operation.path, {
      [kind.idParam]: resource.id,
      ...(kind.parentParam !== undefined && resource.parentId !== undefined && { [kind.parentParam]: resource.parentId }),
    });
    const answer = await this.#send({ method: operation.method, path, cleanup: true });
    // 404: already gone (an example deleted it, or its client went first).
    if (answer.kind === 'answer' && (answer.status < 300 || answer.status === 404)) report.deleted.push(resource);
    else report.notDeleted.push({ ...resource, reason: `${operation.method} ${path}: ${statusOf(answer)}` });
  }

  #parentValues(kind: ResourceKind): Record<string, string> {
    return kind.parentParam === undefined ? {} : { [kind.parentParam]: this.#clientId };
  }

  #parent(kind: ResourceKind): { parentId?: string } {
    return kind.parentParam === undefined ? {} : { parentId: this.#clientId };
  }
}
