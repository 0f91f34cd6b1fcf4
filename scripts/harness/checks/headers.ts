// Checks on the request headers.
import { API_FACTS } from '../../api/core-api.ts';
import type { RecordedRequest } from '../../mock/types.ts';
import { headerValues } from '../case/observation.ts';
import { defineCheck, fail, notApplicable, pass } from './check.ts';

const show = (value: string) => JSON.stringify(value);

/** What is wrong with an Authorization value, or undefined when it is the raw token. */
export function authorizationProblem(values: string[], token: string): string | undefined {
  if (values.length === 0) return 'no Authorization header was sent';
  if (values.length > 1) return `${values.length} Authorization headers were sent; expected one`;
  const value = values[0] ?? '';
  if (value === token) return undefined;
  if (/^bearer\s+/i.test(value)) {
    return `sent "${value.split(/\s+/)[0]} <token>": the Core API takes the raw token, remove the "Bearer " prefix`;
  }
  if (value.trim() === token) return 'the value has surrounding white space; send the token exactly as issued';
  if (value.includes(token)) return `sent ${show(value)}: expected the token alone, with no scheme or other text`;
  return `expected the value of ${API_FACTS.tokenEnvVar} byte for byte; got ${show(value)}`;
}

/** `Authorization` equals the token, byte for byte. */
export const authHeaderCheck = defineCheck({
  id: 'auth-header',
  describe: 'Authorization carries the raw token, byte for byte (no "Bearer ")',
  evaluate({ token, requests }) {
    if (!token) return notApplicable('no token in this scenario (see missing-token)');
    if (requests.length === 0) return notApplicable('no request reached the mock (see request)');
    for (const request of requests) {
      const problem = authorizationProblem(headerValues(request, 'authorization'), token);
      if (problem) return fail(problem);
    }
    return pass('Authorization was the raw token');
  },
});

/** Missing or different required headers of one request. */
function headerMismatches(request: RecordedRequest, required: Record<string, string>): string[] {
  return Object.entries(required).flatMap(([name, expected]) => {
    const values = headerValues(request, name);
    if (values.length === 0) return [`no ${name} header; expected ${show(expected)}`];
    if (values.some((value) => value !== expected)) return [`${name} was ${values.map(show).join(', ')}; expected ${show(expected)}`];
    return [];
  });
}

/** The headers the manifest requires (Content-Type), with their exact values. */
export const contentTypeCheck = defineCheck({
  id: 'content-type',
  describe: 'the headers the manifest requires (Content-Type: application/json) are sent',
  evaluate({ manifest, requests }) {
    const required = manifest.request.headers;
    if (Object.keys(required).length === 0) return notApplicable('the manifest requires no header');
    if (requests.length === 0) return notApplicable('no request reached the mock');
    const problems = requests.flatMap((request) => headerMismatches(request, required));
    if (problems.length) return fail([...new Set(problems)].join('; '));
    return pass(
      Object.entries(required)
        .map(([name, value]) => `${name}: ${value}`)
        .join(', '),
    );
  },
});
