// What the checks compare each recorded request with: the example's step at the same position, its
// method and path template, and where each id in its path must come from (the variable the harness
// set, or the answer of the earlier request that created the record).
import { matchTemplate } from '../../api/operation-routes.ts';
import { exampleSteps, type ExampleStep } from '../../manifest/example-steps.ts';
import type { Manifest } from '../../manifest/manifest-schema.ts';
import type { RecordedRequest } from '../../mock/types.ts';
import type { CaseObservation } from '../case/observation.ts';

const stepsByManifest = new WeakMap<Manifest, ExampleStep[]>();

/** The example's steps, resolved once per manifest. */
export function stepsOf(manifest: Manifest): ExampleStep[] {
  let steps = stepsByManifest.get(manifest);
  if (!steps) {
    steps = exampleSteps(manifest);
    stepsByManifest.set(manifest, steps);
  }
  return steps;
}

/** `PUT /api/clients/{clientId}/proxies/{proxyId} (updateProxy)`. */
export function describeStep(step: ExampleStep): string {
  return `${step.operation.method} ${step.operation.path} (${step.operation.operationId})`;
}

/** The request's target as it was sent: path and query. */
export function targetOf(request: Pick<RecordedRequest, 'path' | 'query'>): string {
  return request.query ? `${request.path}?${request.query}` : request.path;
}

/** What the mock made of a request: the operation it matched, or why none did. */
export function describeMatch(request: Pick<RecordedRequest, 'operation' | 'method'>): string {
  if ('operationId' in request.operation) return request.operation.operationId;
  if (request.operation.unmatched === 'method-not-allowed') return `this path does not take ${request.method}`;
  return 'no operation has this path';
}

/** `createTarget` for a one-step example, `request 2 (getTarget)` for a step of several. */
export function requestLabel(steps: readonly ExampleStep[], index: number): string {
  const operationId = steps[index]?.operation.operationId ?? 'an extra request';
  return steps.length > 1 ? `request ${index + 1} (${operationId})` : operationId;
}

/** The request's path parameters when it has the step's method and path template, else undefined. */
export function stepParameters(step: ExampleStep, request: Pick<RecordedRequest, 'method' | 'path'>): Record<string, string> | undefined {
  if (request.method !== step.operation.method) return undefined;
  return matchTemplate(step.operation.path, request.path);
}

/** The id a path parameter of a step must hold in this case, where it comes from, and how to fix a request that sent another. */
export interface ExpectedId {
  value: string;
  from: string;
  fix: string;
}

/** The id `name` must be in the step at `index`, or undefined when it cannot be known (its create did not succeed). */
export function expectedId(
  observation: Pick<CaseObservation, 'ids' | 'requests'>,
  steps: readonly ExampleStep[],
  index: number,
  name: string,
): ExpectedId | undefined {
  const source = steps[index]?.parameters.find((parameter) => parameter.name === name)?.source;
  if (source?.kind === 'environment') {
    const given = observation.ids.find((id) => id.parameter === name);
    if (!given) return undefined;
    return {
      value: given.value,
      from: `the harness set ${given.variable} to ${given.value}`,
      fix: `read ${name} from ${given.variable} instead of writing it in the program`,
    };
  }
  if (source?.kind === 'created') {
    const created = observation.requests[source.step]?.created;
    if (created?.parameter !== name) return undefined;
    return {
      value: created.id,
      from: `${requestLabel(steps, source.step)} created ${created.id}`,
      fix: `take ${name} from that request's answer`,
    };
  }
  return undefined;
}
