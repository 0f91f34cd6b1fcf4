// The `request-schema` check: every request the program sent is valid for the operation its step
// names, as the description says (path parameters, query, Content-Type, body), checked with the
// description's own validator on what the mock recorded. A misspelt or missing field, a number sent
// as text, a form body or a body without its Content-Type each fail, naming the field, what the
// description expects and what was found.
import { API_OPERATIONS, CORE_API } from '../../api/core-api.ts';
import { createApiValidator, type ApiValidator } from '../../api/api-validator.ts';
import type { ApiOperation } from '../../api/operations.ts';
import type { ValidationProblem } from '../../api/validation-messages.ts';
import type { ExampleStep } from '../../manifest/example-steps.ts';
import { parseJsonBody } from '../../mock/json-body.ts';
import type { RecordedRequest } from '../../mock/types.ts';
import { describeFound } from '../../zod-issues.ts';
import { headerValues } from '../case/observation.ts';
import { defineCheck, fail, notApplicable, pass } from './check.ts';
import { requestLabel, stepParameters, stepsOf } from './example-requests.ts';
import { valueAt } from './json-diff.ts';

let validator: ApiValidator | undefined;

/** What a body read as JSON gave: its value (undefined: none was sent), or why it is not JSON. */
type SentBody = { value: unknown } | { problem: string };

/** A body of form fields, `name=value&name=value`, as a form or `data=` sends it. */
const FORM = /^[\w.%+-]+=[^&=]*(?:&[\w.%+-]+=[^&=]*)*$/;

/** Most characters of a body that is not JSON a message shows. */
const SHOWN = 60;

/** The media type of a Content-Type value, lower-case, without its parameters. */
const mediaTypeOf = (value: string | undefined) => value?.split(';')[0]!.trim().toLowerCase();

/** The request's body as JSON, or what is wrong with it. */
function sentBody(request: RecordedRequest): SentBody {
  const { body } = request;
  if (body === null || (body.encoding === 'utf8' && body.text === '')) return { value: undefined };
  if (body.encoding === 'base64') return { problem: 'body: must be JSON text in UTF-8; the program sent bytes that are not UTF-8' };
  if (body.truncated) return { problem: `body: must arrive in full; the mock kept ${body.text.length} characters of ${body.bytes} bytes` };
  const parsed = parseJsonBody(Buffer.from(body.text, 'utf8'));
  if (parsed.ok) return { value: parsed.value };
  const shown = JSON.stringify(body.text.length > SHOWN ? `${body.text.slice(0, SHOWN - 3)}...` : body.text);
  const type = mediaTypeOf(headerValues(request, 'content-type')[0]);
  if (type === 'application/x-www-form-urlencoded' || type === 'multipart/form-data' || FORM.test(body.text))
    return { problem: `body: must be JSON, not form fields (name=value&…); found ${shown}` };
  return { problem: `${parsed.problem.field}: ${parsed.problem.message}; found ${shown}` };
}

/** One problem as a message names it: where, the field, what the description expects, and what was found. */
function describeProblem(problem: ValidationProblem, request: RecordedRequest, body: unknown): string {
  let found: unknown;
  if (problem.location === 'body' && problem.keyword !== 'required') found = valueAt(body, problem.field);
  if (problem.location === 'query') found = new URLSearchParams(request.query).get(problem.field) ?? undefined;
  const place = problem.location === 'body' ? '' : `${problem.location} `;
  return `${place}${problem.field}: ${problem.message}${found === undefined ? '' : `, found ${describeFound(found)}`}`;
}

/** The Content-Type a body needs, when the request sent a body under another (or none). */
function mediaTypeProblem(operation: ApiOperation, request: RecordedRequest, sent: SentBody): string | undefined {
  if (!operation.requestBody || ('value' in sent && sent.value === undefined)) return undefined;
  const values = headerValues(request, 'content-type');
  if (values.length === 1 && mediaTypeOf(values[0]) === operation.requestBody.mediaType) return undefined;
  const found = values.length === 0 ? 'none was sent' : `found ${values.map((value) => JSON.stringify(value)).join(', ')}`;
  return `header Content-Type: must be ${operation.requestBody.mediaType} on a request with a body; ${found}`;
}

/** Every problem of one request against its step's operation. */
function requestProblems(step: ExampleStep, request: RecordedRequest, pathParams: Record<string, string>): string[] {
  const { operation } = step;
  const sent = sentBody(request);
  const body = 'value' in sent ? sent.value : undefined;
  const headers = Object.fromEntries(
    [...new Set(request.rawHeaders.map(([name]) => name.toLowerCase()))].map((name) => [name, headerValues(request, name)]),
  );
  validator ??= createApiValidator(CORE_API, API_OPERATIONS);
  const found = validator
    .validateRequest(operation.operationId, { pathParams, query: new URLSearchParams(request.query), headers, body })
    // The token is auth-header's business, the media type is said below, and a body that is not JSON was said already.
    .filter((problem) => problem.keyword !== 'security' && problem.keyword !== 'media-type')
    .filter((problem) => 'value' in sent || problem.location !== 'body');
  const mediaType = mediaTypeProblem(operation, request, sent);
  return [
    ...(mediaType ? [mediaType] : []),
    ...('problem' in sent ? [sent.problem] : []),
    ...found.map((problem) => describeProblem(problem, request, body)),
  ];
}

/** Every request is valid for its step's operation: path parameters, query, Content-Type and body. */
export const requestSchemaCheck = defineCheck({
  id: 'request-schema',
  describe:
    "every request is valid for its operation as the API description says: path parameters, query, Content-Type and a JSON body with the description's fields and types",
  evaluate({ requests, manifest }) {
    if (requests.length === 0) return notApplicable('no request reached the mock (see request)');
    const steps = stepsOf(manifest);
    const problems: string[] = [];
    let checked = 0;
    for (const [index, request] of requests.entries()) {
      const step = steps[index];
      const pathParams = step && stepParameters(step, request);
      if (!step || !pathParams) continue; // not its step's operation: the request check names it
      checked += 1;
      for (const problem of requestProblems(step, request, pathParams)) problems.push(`${requestLabel(steps, index)}: ${problem}`);
    }
    if (checked === 0) return notApplicable("no request matched its step's operation (see request)");
    if (problems.length) return fail(`${problems.join('; ')}: send what the API description (api/core-api.openapi.yaml) says`);
    return pass(`${checked === 1 ? 'the request is' : `all ${checked} requests are`} valid for the API description`);
  },
});
