// The guide's raw HTTP requests (`request.http`) match what the programs really send: one per step,
// each with its step's method and path template (ids shown as the description's examples, or as
// `{clientId}`), the placeholder token, and the body the programs send (equal as JSON, an id the
// harness set in a body field shown as the description's example of it).
import { API_FACTS } from '../../api/core-api.ts';
import { isRecord } from '../../api/json-pointer.ts';
import { requestExample } from '../../api/reference-fields.ts';
import { parseJsonBody } from '../../mock/json-body.ts';
import { headerValues, type CaseObservation } from '../case/observation.ts';
import type { RawHttpRequest } from '../case/request-http.ts';
import { defineCheck, fail, notApplicable, pass } from './check.ts';
import { describeStep, stepParameters, stepsOf } from './example-requests.ts';
import { canonicalJson, jsonDifferences, showValue } from './json-diff.ts';
import type { ExampleStep } from '../../manifest/example-steps.ts';

/** What is wrong with one raw request as the guide shows it (before comparing it with what was sent), or undefined. */
function shownProblem(shown: RawHttpRequest, step: ExampleStep, label: string): string | undefined {
  const parameters = stepParameters(step, { method: shown.method, path: shown.path.split('?')[0]! });
  if (!parameters) return `${label} shows ${shown.method} ${shown.path}; the manifest (and the programs) use ${describeStep(step)}`;
  for (const parameter of step.operation.pathParameters) {
    const value = parameters[parameter.name];
    const example = String(parameter.example);
    if (value !== `{${parameter.name}}` && value !== example)
      return `${label} shows ${parameter.name} ${JSON.stringify(value)}; show the description's example (${example}) or the placeholder {${parameter.name}}`;
  }
  const header = (name: string) => shown.headers.find(([key]) => key.toLowerCase() === name)?.[1];
  const authorization = header('authorization');
  if (authorization !== API_FACTS.placeholderToken)
    return `${label} must show Authorization: ${API_FACTS.placeholderToken} (the placeholder, raw); found ${JSON.stringify(authorization ?? null)}`;
  const host = header('host');
  if (host !== API_FACTS.host) return `${label} must show Host: ${API_FACTS.host}; found ${JSON.stringify(host ?? null)}`;
  const { operationId, requestBody } = step.operation;
  if (requestBody && shown.body === undefined) return `${label} shows no body; ${operationId} sends one: show the JSON the programs send`;
  if (!requestBody && shown.body !== undefined) return `${label} shows a body; ${operationId} takes none`;
  if (shown.body !== undefined) {
    try {
      JSON.parse(shown.body);
    } catch (error) {
      return `${label} shows a body that is not JSON (${(error as Error).message})`;
    }
  }
  return undefined;
}

/** A sent body with each id the harness set in one of the step's body fields put back as the description's example, as request.http shows it. */
function asExampleIds(body: unknown, observation: Pick<CaseObservation, 'ids'>, step: ExampleStep): unknown {
  if (!isRecord(body)) return body;
  const example = requestExample(step.operation) ?? {};
  const shown = { ...body };
  for (const { field } of step.bodyIds) {
    const given = observation.ids.find((id) => id.in === 'body' && id.parameter === field);
    if (given && shown[field] === given.value && Object.hasOwn(example, field)) shown[field] = example[field];
  }
  return shown;
}

/** What is wrong with what one program request sent against the raw request shown for it, or undefined. */
function sentProblem(
  observation: CaseObservation,
  shown: RawHttpRequest,
  step: ExampleStep,
  index: number,
  label: string,
): string | undefined {
  const request = observation.requests[index]!;
  const missing = shown.headers.map(([name]) => name).filter((name) => headerValues(request, name).length === 0);
  if (missing.length) return `${label} shows ${missing.join(', ')}, but the program did not send ${missing.length > 1 ? 'them' : 'it'}`;
  const query = (text: string) => [...new URLSearchParams(text)].map(([name, value]) => `${name}=${value}`).sort();
  const shownQuery = query(shown.path.includes('?') ? shown.path.slice(shown.path.indexOf('?') + 1) : '');
  const sentQuery = query(request.query);
  if (shownQuery.join('&') !== sentQuery.join('&'))
    return `${label} shows the query ${shownQuery.join('&') || '(none)'}; the program sent ${sentQuery.join('&') || 'none'}`;
  if (shown.body === undefined || request.body === null || request.body.encoding !== 'utf8') return undefined;
  const sent = parseJsonBody(Buffer.from(request.body.text, 'utf8'));
  if (!sent.ok) return undefined; // request-schema names a body that is not JSON
  const differences = jsonDifferences(canonicalJson(JSON.parse(shown.body)), canonicalJson(asExampleIds(sent.value, observation, step)));
  if (differences.length === 0) return undefined;
  return differences
    .map(
      (difference) =>
        `${label} shows ${difference.field || 'the body'} ${showValue(difference.left)}; the program sent ${showValue(difference.right)}`,
    )
    .join('; ');
}

/** Each request of `request.http` has its step's method and path, the placeholder token, and the body and headers the programs send. */
export const rawRequestCheck = defineCheck({
  id: 'raw-request',
  describe: "the example's request.http shows the method, path, headers and body the programs send, one request per step",
  evaluate(observation) {
    const { rawRequest, manifest, requests, token } = observation;
    if (!rawRequest) return notApplicable('the example has no request.http');
    if ('error' in rawRequest) return fail(rawRequest.error);
    const steps = stepsOf(manifest);
    const shown = rawRequest.requests;
    if (shown.length !== steps.length)
      return fail(
        `request.http shows ${shown.length} request(s); the example makes ${steps.length}: ${steps.map(describeStep).join(', then ')} (separate requests with a line "###")`,
      );
    const labelOf = (index: number) => (steps.length > 1 ? `request ${index + 1} of request.http` : 'request.http');
    for (const [index, each] of shown.entries()) {
      const problem = shownProblem(each, steps[index]!, labelOf(index));
      if (problem) return fail(problem);
    }
    const summary = steps.map((step) => `${step.operation.method} ${step.operation.path}`).join(', then ');
    if (requests.length === 0) return notApplicable('no request reached the mock to compare with');
    if (!token) return pass(`request.http shows ${summary}, as the manifest says (no token in this scenario to compare headers)`);
    for (const index of requests.keys()) {
      if (index >= shown.length) break;
      const problem = sentProblem(observation, shown[index]!, steps[index]!, index, labelOf(index));
      if (problem) return fail(problem);
    }
    return pass(`the program sent ${summary} with the headers${shown.some((each) => each.body) ? ' and body' : ''} request.http shows`);
  },
});
