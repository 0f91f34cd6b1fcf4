// Which examples a live run may send, and with which ids. A read run sends only what reads (an id of
// the dedicated client, when REQUESTROCKET_LIVE_CLIENT_ID gives one); a write run, asked for by flag
// and given that client, sends every example, each with ids of resources the run made itself: the
// dedicated client for what an example only reads under, a shared resource for what it only reads,
// and a fresh one for what its valid-token case changes or deletes.
import type { OperationKind } from '../api/operation-kinds.ts';
import { pathShape } from '../api/operation-kinds.ts';
import type { ExampleStep } from '../manifest/example-steps.ts';
import type { ScenarioName } from '../harness/case/scenarios.ts';
import { ACCOUNT_KIND, kindOfParameter } from './resource-kinds.ts';

/** The variable naming the dedicated client: an account's client kept for live runs, the only one they read under or write to. */
export const LIVE_CLIENT_VARIABLE = 'REQUESTROCKET_LIVE_CLIENT_ID';

/** The flag that lets a live run create, change and delete (resources of its own, under the dedicated client). */
export const LIVE_WRITES_FLAG = '--live-writes';

/** The kinds of operation that change the account: never sent by a live run without LIVE_WRITES_FLAG. */
export const WRITE_KINDS: readonly OperationKind[] = ['create', 'update', 'delete'];

/** How a live run may touch the account. */
export interface LiveMode {
  writes: boolean;
  /** The dedicated client's id (required for writes). */
  clientId?: string;
}

/** An example a live run leaves out, with why, and how many cases it would have had. */
export interface LeftOut {
  example: string;
  cases: number;
  reason: string;
  /** Left out because it changes the account. */
  writes: boolean;
}

/** Where a path parameter's value comes from in a live run. */
export type IdRole = { kind: 'client' } | { kind: 'shared'; collection: string } | { kind: 'fresh'; collection: string };

/** The role of `parameter` for operations `steps` under `scenario`: fresh when a valid-token case changes or deletes its record. */
export function parameterRole(
  steps: ReadonlyArray<Pick<ExampleStep, 'operation' | 'kind'>>,
  parameter: string,
  scenario: ScenarioName,
): IdRole {
  const kind = kindOfParameter(parameter);
  if (!kind) throw new Error(`the path parameter ${parameter} names no kind of resource of the description`);
  const written = steps.some(
    (step) => (step.kind === 'update' || step.kind === 'delete') && pathShape(step.operation.path).idParam === parameter,
  );
  if (written) return scenario === 'ok' ? { kind: 'fresh', collection: kind.collection } : { kind: 'shared', collection: kind.collection };
  if (parameter === ACCOUNT_KIND.idParam) return { kind: 'client' };
  return { kind: 'shared', collection: kind.collection };
}

/**
 * The ids an example reads from its environment, each variable once: its path parameters, then the
 * body fields that hold another record's id (named by that record's path parameter, `targetId` for
 * a proxy's `proxyTargetId`).
 */
export function environmentIds(steps: readonly ExampleStep[]): Array<{ parameter: string; variable: string }> {
  const found: Array<{ parameter: string; variable: string }> = [];
  const add = (parameter: string, variable: string) => {
    if (!found.some((each) => each.variable === variable)) found.push({ parameter, variable });
  };
  for (const step of steps) for (const { name, source } of step.parameters) if (source.kind === 'environment') add(name, source.variable);
  for (const step of steps) for (const bodyId of step.bodyIds) add(bodyId.idParam, bodyId.variable);
  return found;
}

/** Why a live run in `mode` leaves an example out, or undefined when it sends it; `writes` when it was left out for changing the account. */
export function leftOutReason(steps: readonly ExampleStep[], mode: LiveMode): { reason: string; writes: boolean } | undefined {
  const writing = steps.filter((step) => step.kind !== undefined && WRITE_KINDS.includes(step.kind));
  if (writing.length && !mode.writes)
    return {
      reason: `${writing.map((step) => step.operation.operationId).join(', ')} change${writing.length === 1 ? 's' : ''} the account; a live run writes only with ${LIVE_WRITES_FLAG} and ${LIVE_CLIENT_VARIABLE}`,
      writes: true,
    };
  if (mode.writes) return undefined;
  for (const { parameter } of environmentIds(steps)) {
    const role = parameterRole(steps, parameter, 'ok');
    if (role.kind === 'shared')
      return {
        reason: `it reads a ${parameter}, and only a write run (${LIVE_WRITES_FLAG}) makes a resource of its own to read`,
        writes: false,
      };
    if (role.kind === 'client' && mode.clientId === undefined)
      return { reason: `it reads a ${parameter}: set ${LIVE_CLIENT_VARIABLE} to the client kept for live runs`, writes: false };
  }
  return undefined;
}
