// What the checks compare each recorded request with: the example's step at the same position, its
// method and path template, where each id in its path must come from (the variable the harness
// set, or the answer of the earlier request that created the record), and the ids its body must
// hold (the variables the harness set).
import { matchTemplate } from '../../api/operation-routes.ts';
import { isRecord } from '../../api/json-pointer.ts';
import { exampleSteps, type ExampleStep } from '../../manifest/example-steps.ts';
import type { Manifest } from '../../manifest/manifest-schema.ts';
import { parseJsonBody } from '../../mock/json-body.ts';
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
    const given = observation.ids.find((id) => id.in !== 'body' && id.parameter === name);
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

/** The request's body as a JSON object, or undefined when it sent none or another value. */
export function bodyObject(request: Pick<RecordedRequest, 'body'>): Record<string, unknown> | undefined {
  const { body } = request;
  if (body === null || body.text === '') return undefined;
  const parsed = parseJsonBody(Buffer.from(body.text, body.encoding === 'base64' ? 'base64' : 'utf8'));
  return parsed.ok && isRecord(parsed.value) ? parsed.value : undefined;
}

/** The first body field of the step at `index` that holds an id other than the one the harness set, with what it must be; undefined when all do. */
export function wrongBodyId(
  observation: Pick<CaseObservation, 'ids'>,
  steps: readonly ExampleStep[],
  index: number,
  request: Pick<RecordedRequest, 'body'>,
): string | undefined {
  const body = bodyObject(request);
  if (!body) return undefined;
  for (const { field } of steps[index]?.bodyIds ?? []) {
    const given = observation.ids.find((id) => id.in === 'body' && id.parameter === field);
    if (!given || !Object.hasOwn(body, field) || body[field] === given.value) continue;
    return `${requestLabel(steps, index)} sent ${field} ${JSON.stringify(body[field])} in its body, but the harness set ${given.variable} to ${given.value}: read ${field} from ${given.variable} instead of writing it in the program`;
  }
  return undefined;
}
