// The loader on broken copies of the description: every error names the file, the field (dotted
// and as a JSON pointer) and what was expected, before any code can trip over the gap.
// vitest project: unit (test/support/projects.ts)
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { apiFacts } from '../../scripts/api/api-facts.ts';
import { CORE_API_DESCRIPTION, loadDescription, parseDescription } from '../../scripts/api/description.ts';
import { ApiDescriptionError } from '../../scripts/api/description-error.ts';
import { errorAnswers } from '../../scripts/api/error-bodies.ts';
import { listOperations } from '../../scripts/api/operations.ts';
import { dereference } from '../../scripts/api/local-refs.ts';

const text = readFileSync(CORE_API_DESCRIPTION, 'utf8');
const FILE = path.join('api', 'core-api.openapi.yaml');

/** The problems the loader (and, when `use` is given, what it runs) reports on the text with `from` replaced by `to`. */
function problemsOf(
  from: string | RegExp,
  to: string,
  use: (description: ReturnType<typeof parseDescription>) => unknown = () => undefined,
): readonly string[] {
  const mutated = text.replace(from, to);
  expect(mutated, 'the mutation applies').not.toBe(text);
  try {
    use(parseDescription(mutated, CORE_API_DESCRIPTION));
  } catch (error) {
    expect(error).toBeInstanceOf(ApiDescriptionError);
    expect((error as Error).message.startsWith(`${FILE}: invalid API description\n`)).toBe(true);
    return (error as ApiDescriptionError).problems;
  }
  throw new Error('expected an ApiDescriptionError');
}

describe('loadDescription', () => {
  test('reads the file once per process', () => {
    expect(loadDescription()).toBe(loadDescription());
  });

  test('names a file that is not there', () => {
    expect(() => loadDescription('/nowhere/core-api.openapi.yaml')).toThrow(
      '/nowhere/core-api.openapi.yaml: invalid API description\n  - file not found',
    );
  });
});

describe('parseDescription', () => {
  test.for([
    ['YAML that does not parse', 'openapi: 3.1.1\ninfo:', 'openapi: 3.1.1\ninfo: [', /^not valid YAML: .*line \d+, column \d+/],
    [
      'another OpenAPI version',
      'openapi: 3.1.1',
      'openapi: 3.0.3',
      'field "openapi" (#/openapi): expected OpenAPI 3.1.x, found "3.0.3" (string)',
    ],
    [
      'a misspelt extension',
      'x-known-gaps:',
      'x-know-gaps:',
      /^the description: unknown field\(s\) "x-know-gaps"; expected only: openapi, info, .*x-seed$/,
    ],
    ['a missing seed', /\nx-seed:\n/, '\nx-seeded:\n', 'field "x-seed" (#/x-seed): expected object, found nothing'],
    [
      'a gap with an unknown method',
      '    method: GET\n    reason: The docs list aggregated',
      '    method: FETCH\n    reason: The docs list aggregated',
      /^field "x-known-gaps\[0\]\.method" \(#\/x-known-gaps\/0\/method\): expected one of "GET"\|"POST"/,
    ],
    [
      'a server with a path',
      'url: https://api.requestrocket.com\n',
      'url: https://api.requestrocket.com/api\n',
      /^field "servers\[0\]\.url" \(#\/servers\/0\/url\): expected an https origin with no path/,
    ],
    [
      'an assumption that is not a sentence',
      'x-assumed: The docs give no length limits; only an empty name is refused.',
      'x-assumed: no limits',
      'field "components.schemas.Name.x-assumed" (#/components/schemas/Name/x-assumed): expected a sentence starting with a capital letter and ending with a full stop, found "no limits" (string)',
    ],
    [
      'an assumption of two sentences',
      'x-assumed: The docs give no length limits; only an empty name is refused.',
      'x-assumed: The docs give no length limits. Only an empty name is refused.',
      /^field "components\.schemas\.Name\.x-assumed" \(#\/components\/schemas\/Name\/x-assumed\): expected one sentence, not several/,
    ],
  ] as const)('refuses %s', ([, from, to, expected]) => {
    expect(problemsOf(from, to)).toContainEqual(typeof expected === 'string' ? expected : expect.stringMatching(expected));
  });
});

describe('what reads the description', () => {
  test('apiFacts names a security scheme field that is missing', () => {
    expect(problemsOf('      x-token-env-var: REQUESTROCKET_USER_TOKEN\n', '', apiFacts)).toEqual([
      'field "components.securitySchemes.userToken.x-token-env-var" (#/components/securitySchemes/userToken/x-token-env-var): expected string, found nothing',
    ]);
  });

  test('apiFacts names a placeholder without the prefix', () => {
    expect(problemsOf('x-placeholder-token: u-your-token-here', 'x-placeholder-token: your-token-here', apiFacts)).toEqual([
      'field "components.securitySchemes.userToken.x-placeholder-token" (#/components/securitySchemes/userToken/x-placeholder-token): expected a token starting with the prefix "u-", found "your-token-here"',
    ]);
  });

  test('apiFacts names a path outside the shared prefix', () => {
    expect(problemsOf('\n  /api/clients/{clientId}/targets:\n', '\n  /v1/clients/{clientId}/targets:\n', apiFacts)).toEqual([
      'field "paths./v1/clients/{clientId}/targets" (#/paths/~1v1~1clients~1{clientId}~1targets): expected a path under /api/, found "/v1/clients/{clientId}/targets"',
    ]);
  });

  test('listOperations names a $ref that leads nowhere', () => {
    expect(problemsOf("$ref: '#/components/responses/Forbidden'", "$ref: '#/components/responses/Forbiden'", listOperations)).toEqual([
      'field "paths./api/clients.get.responses.403.$ref" (#/paths/~1api~1clients/get/responses/403/$ref): $ref "#/components/responses/Forbiden" points to nothing in the description',
    ]);
  });

  test('listOperations names an operationId that is not camelCase', () => {
    expect(problemsOf('operationId: listClients', 'operationId: list-clients', listOperations)).toEqual([
      'field "paths./api/clients.get.operationId" (#/paths/~1api~1clients/get/operationId): expected a camelCase operationId such as listClients, found "list-clients" (string)',
    ]);
  });

  test('listOperations names an operationId used twice', () => {
    expect(problemsOf('operationId: getClient', 'operationId: listClients', listOperations)).toEqual([
      'field "paths./api/clients/{clientId}.get.operationId" (#/paths/~1api~1clients~1{clientId}/get/operationId): expected a unique operationId, found "listClients" again (first at #/paths/~1api~1clients/get)',
    ]);
  });

  test('listOperations names an operation with two tags', () => {
    expect(
      problemsOf(
        'tags: [Targets]\n      summary: Create a target',
        'tags: [Targets, Clients]\n      summary: Create a target',
        listOperations,
      ),
    ).toEqual([
      'field "paths./api/clients/{clientId}/targets.post.tags" (#/paths/~1api~1clients~1{clientId}~1targets/post/tags): expected exactly one tag, found ["Targets","Clients"] (array)',
    ]);
  });

  test("errorAnswers names an error example whose status is not its answer's", () => {
    expect(
      problemsOf(
        '        message: Invalid or missing authentication token\n        status: 401',
        '        message: Invalid or missing authentication token\n        status: 403',
        errorAnswers,
      ),
    ).toEqual([
      'field "paths./api/clients.get.responses.401" (#/paths/~1api~1clients/get/responses/401): example "unauthorized" has status 403, expected 401',
    ]);
  });

  test('dereference refuses a $ref to another file, naming its place', () => {
    expect(
      problemsOf("$ref: '#/components/schemas/ClientList'", "$ref: 'schemas.yaml#/ClientList'", (description) =>
        dereference(description.document, ['paths'], description.file),
      ),
    ).toEqual([
      'field "paths./api/clients.get.responses.200.content.application/json.schema.$ref" (#/paths/~1api~1clients/get/responses/200/content/application~1json/schema/$ref): expected a local $ref such as "#/components/schemas/Name", found "schemas.yaml#/ClientList"',
    ]);
  });
});
