// Checks on the request headers.
import { API_FACTS, API_MEDIA_TYPE } from '../../api/core-api.ts';
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

/** What is wrong with one request's Content-Type, or undefined when it is the API's media type (parameters such as charset aside). */
function contentTypeProblem(request: RecordedRequest): string | undefined {
  const values = headerValues(request, 'content-type');
  if (values.length === 0) return `no Content-Type header; expected ${show(API_MEDIA_TYPE)}`;
  if (values.length > 1 || values[0]!.split(';')[0]!.trim().toLowerCase() !== API_MEDIA_TYPE)
    return `Content-Type was ${values.map(show).join(', ')}; expected ${show(API_MEDIA_TYPE)}`;
  return undefined;
}

/** Every request says its body is the API's media type (`Content-Type: application/json`), as the house style sends it even without a body. */
export const contentTypeCheck = defineCheck({
  id: 'content-type',
  describe: `every request sends Content-Type: ${API_MEDIA_TYPE}, the media type of the API's bodies (the description requires it on a body)`,
  evaluate({ requests }) {
    if (requests.length === 0) return notApplicable('no request reached the mock');
    const problems = requests.flatMap((request) => contentTypeProblem(request) ?? []);
    if (problems.length) return fail([...new Set(problems)].join('; '));
    return pass(`Content-Type: ${API_MEDIA_TYPE}`);
  },
});
