// The validator on hand-made requests and answers: each problem names the field as a dotted path
// and says what the description expects; the documented examples pass as whole requests.
// vitest project: unit (test/support/projects.ts)
import { describe, expect, test } from 'vitest';
import { apiFacts } from '../../scripts/api/api-facts.ts';
import { createApiValidator, type ApiRequest } from '../../scripts/api/api-validator.ts';
import { loadDescription } from '../../scripts/api/description.ts';
import { errorAnswers, errorBody } from '../../scripts/api/error-bodies.ts';
import { listOperations } from '../../scripts/api/operations.ts';
import { formatProblems } from '../../scripts/api/validation-messages.ts';

const description = loadDescription();
const operations = listOperations(description);
const validator = createApiValidator(description, operations);
const facts = apiFacts(description);

const CLIENT = '550e8400-e29b-41d4-a716-446655440000';
const headers = { Authorization: `${facts.tokenPrefix}abcdefghijklmnopqrstu`, 'Content-Type': 'application/json' };
const target = {
  targetName: 'OpenAI API',
  targetBaseURL: 'https://api.openai.com',
  targetTestPath: '/v1/models',
  targetRegion: 'us-east-1',
};
const credential = {
  credentialType: 'proxy',
  credentialAuthType: 'apiKey',
  credentialName: 'agent',
  credentialRegion: 'us-east-1',
  credentialSecret: { key: 'k' },
};

const seededTarget = (description.document['x-seed'].targets as Record<string, unknown>[])[0]!;

const requestProblems = (operationId: string, request: ApiRequest) =>
  formatProblems(validator.validateRequest(operationId, { headers, ...request }));

describe('validateRequest', () => {
  test.for([
    ['a valid body', 'createTarget', { pathParams: { clientId: CLIENT }, body: target }, ''],
    [
      'an http base URL',
      'createTarget',
      { pathParams: { clientId: CLIENT }, body: { ...target, targetBaseURL: 'http://api.openai.com' } },
      'targetBaseURL: must be an https URL',
    ],
    ['a missing field', 'createClient', { body: {} }, 'clientName: is required'],
    [
      'a misspelt field',
      'createClient',
      { body: { name: 'x' } },
      'clientName: is required; name: unknown field (expected one of clientName)',
    ],
    ['an empty name', 'createClient', { body: { clientName: '' } }, 'clientName: must not be empty'],
    ['a body that is not an object', 'createClient', { body: [] }, 'body: must be an object'],
    ['no body', 'createClient', {}, 'body: is required'],
    [
      'a body where none is taken',
      'getClient',
      { pathParams: { clientId: CLIENT }, body: {} },
      'body: must be empty (getClient takes no body)',
    ],
    [
      'a region another shape',
      'createTarget',
      { pathParams: { clientId: CLIENT }, body: { ...target, targetRegion: 'US East' } },
      'targetRegion: must be a region name like us-east-1',
    ],
    [
      'an unknown rule effect',
      'createTarget',
      { pathParams: { clientId: CLIENT }, body: { ...target, targetDefaultRuleEffect: 'block' } },
      'targetDefaultRuleEffect: must be one of allow, deny',
    ],
    [
      'a region in an update',
      'updateTarget',
      { pathParams: { clientId: CLIENT, targetId: 'tgt_1' }, body: { targetRegion: 'eu-west-1' } },
      'targetRegion: unknown field (expected one of targetName, targetBaseURL, targetTestPath, targetDefaultRuleEffect)',
    ],
    ['an empty update', 'updateClient', { pathParams: { clientId: CLIENT }, body: {} }, 'body: must set at least one of clientName'],
    [
      'a rate limit over the platform maximum',
      'updateProxy',
      { pathParams: { clientId: CLIENT, proxyId: 'proxy_1' }, body: { proxyMaxRequestsPerMinute: 5000 } },
      'proxyMaxRequestsPerMinute: must be at most 1000',
    ],
    [
      'a rate limit that is not a whole number',
      'updateProxy',
      { pathParams: { clientId: CLIENT, proxyId: 'proxy_1' }, body: { proxyMaxRequestsPerDay: 1.5 } },
      'proxyMaxRequestsPerDay: must be an integer',
    ],
    [
      'oauth2 for a proxy credential',
      'createCredential',
      { pathParams: { clientId: CLIENT }, body: { ...credential, credentialAuthType: 'oauth2' } },
      'credentialAuthType: must be one of apiKey, bearer, jwt, basicAuth, jwtVerify',
    ],
    [
      "the blog's auth type key",
      'createCredential',
      { pathParams: { clientId: CLIENT }, body: { ...credential, credentialType: 'target', credentialAuthType: 'key' } },
      'credentialAuthType: must be one of apiKey, bearer, jwt, basicAuth, oauth2, customToken, custom, none',
    ],
    [
      'no credential type',
      'createCredential',
      { pathParams: { clientId: CLIENT }, body: { ...credential, credentialType: undefined } },
      'credentialType: is required',
    ],
    [
      'an unknown credential type',
      'createCredential',
      { pathParams: { clientId: CLIENT }, body: { ...credential, credentialType: 'both' } },
      'credentialType: must be one of proxy, target',
    ],
    [
      'an empty secret',
      'createCredential',
      { pathParams: { clientId: CLIENT }, body: { ...credential, credentialSecret: {} } },
      'credentialSecret: must not be empty',
    ],
    ['a client id that is no UUID', 'getClient', { pathParams: { clientId: 'cl_7f3a9c2e' } }, 'clientId: must be a UUID'],
    [
      'a target id without its prefix',
      'getTarget',
      { pathParams: { clientId: CLIENT, targetId: '789e4567' } },
      'targetId: must be a target id like tgt_789e4567',
    ],
    ['a missing path parameter', 'getTarget', { pathParams: { clientId: CLIENT } }, 'targetId: is required'],
    [
      'includeTemporary=true',
      'listCredentials',
      { pathParams: { clientId: CLIENT }, query: new URLSearchParams('includeTemporary=true') },
      '',
    ],
    [
      'includeTemporary=yes',
      'listCredentials',
      { pathParams: { clientId: CLIENT }, query: new URLSearchParams('includeTemporary=yes') },
      'includeTemporary: must be true or false',
    ],
    [
      'includeTemporary twice',
      'listCredentials',
      { pathParams: { clientId: CLIENT }, query: new URLSearchParams('includeTemporary=true&includeTemporary=false') },
      'includeTemporary: must be given once',
    ],
    [
      'a misspelt query parameter',
      'listCredentials',
      { pathParams: { clientId: CLIENT }, query: { includeTemporay: 'true' } },
      'includeTemporay: unknown query parameter (expected one of includeTemporary)',
    ],
    [
      'a query parameter where none is taken',
      'listClients',
      { query: { limit: '10' } },
      'limit: unknown query parameter (this operation takes none)',
    ],
    ['no token', 'listClients', { headers: {} }, 'Authorization: is required'],
    ['an empty token', 'listClients', { headers: { authorization: '' } }, 'Authorization: is required'],
    [
      'a Bearer token',
      'listClients',
      { headers: { authorization: `Bearer ${headers.Authorization}` } },
      'Authorization: must be the raw user token (u-…), with no Bearer or other scheme',
    ],
    [
      'a token without its prefix',
      'listClients',
      { headers: { authorization: 'abcdef' } },
      'Authorization: must be the raw user token (u-…), with no Bearer or other scheme',
    ],
    [
      'a body sent as text',
      'createClient',
      { headers: { ...headers, 'Content-Type': 'text/plain' }, body: { clientName: 'x' } },
      'Content-Type: must be application/json',
    ],
    [
      'a body with a charset',
      'createClient',
      { headers: { ...headers, 'Content-Type': 'application/json; charset=utf-8' }, body: { clientName: 'x' } },
      '',
    ],
  ] as const)('%s', ([, operationId, request, expected]) => {
    expect(requestProblems(operationId, request as ApiRequest)).toBe(expected);
  });

  test('takes names such as __proto__ and constructor as names, in the query and the headers, touching no prototype', () => {
    const query = new URLSearchParams('__proto__=1&constructor=2&__proto__=3');
    const problems = validator.validateRequest('listClients', { query, headers: { ...headers, __proto__: ['a', 'b'], constructor: 'c' } });
    expect(formatProblems(problems)).toBe(
      '__proto__: unknown query parameter (this operation takes none); constructor: unknown query parameter (this operation takes none)',
    );
    expect(({} as Record<string, unknown>)['1']).toBeUndefined();
    expect(Object.getPrototypeOf({})).toBe(Object.prototype);
    expect(Object.keys(Object.prototype)).toEqual([]);
  });

  test('names the operations there are when the id is unknown', () => {
    expect(() => validator.validateRequest('listClient', {})).toThrow(
      /No operation "listClient" in the API description \(expected one of listClients, createClient, /,
    );
  });

  test.for(operations.filter((operation) => operation.requestBody).map((operation) => [operation.operationId, operation] as const))(
    '%s: each request example, with the path examples and the headers, is a valid request',
    ([, operation]) => {
      const pathParams = Object.fromEntries(operation.pathParameters.map((parameter) => [parameter.name, String(parameter.example)]));
      for (const body of Object.values(operation.requestBody!.examples))
        expect(requestProblems(operation.operationId, { pathParams, body })).toBe('');
    },
  );

  test.for(operations.filter((operation) => operation.requestBody).map((operation) => [operation.operationId] as const))(
    "%s: a body that is not an object gets the 400 example's message",
    ([operationId]) => {
      const badRequest = errorBody(errorAnswers(description, operations), 400);
      const operation = operations.find((each) => each.operationId === operationId)!;
      const pathParams = Object.fromEntries(operation.pathParameters.map((parameter) => [parameter.name, String(parameter.example)]));
      expect(requestProblems(operationId, { pathParams, body: 'text' })).toBe(badRequest.message);
    },
  );
});

describe('validateResponse', () => {
  test.for([
    ['a documented answer', 'deleteClient', 200, { message: 'Success' }, ''],
    ['another message', 'deleteClient', 200, { message: 'OK' }, 'message: must be "Success"'],
    [
      'an undocumented status',
      'createClient',
      418,
      {},
      'status: must be one of 201, 400, 401, 403, 413, 415 (418 is not documented for createClient)',
    ],
    ['no body', 'getClient', 200, undefined, 'body: is required'],
    [
      'a client without its id',
      'getClient',
      200,
      { client: { clientName: 'x', clientMembers: [] }, message: 'Success' },
      'client.clientId: is required',
    ],
    [
      'a list with a bad member',
      'listClients',
      200,
      { clients: [{ clientId: CLIENT, clientName: 'x', clientMembers: [{ userId: 'me', roles: [] }] }], message: 'Success' },
      'clients[0].clientMembers[0].userId: must be a UUID',
    ],
    [
      'a timestamp without milliseconds',
      'listTargets',
      200,
      { targets: [{ ...seededTarget, targetCreatedAt: '2024-01-22T12:00:00Z' }], message: 'Success' },
      'targets[0].targetCreatedAt: must be an ISO 8601 UTC time with milliseconds, like 2024-01-22T12:00:00.000Z',
    ],
    [
      'an error body without its status',
      'listClients',
      401,
      { error: 'Unauthorized', message: 'Invalid or missing authentication token' },
      'status: is required',
    ],
  ] as const)('%s', ([, operationId, status, body, expected]) => {
    expect(formatProblems(validator.validateResponse(operationId, status, body))).toBe(expected);
  });

  test('a credential with its secret is refused: the secret is write-only', () => {
    const seeded = (description.document['x-seed'].credentials as Record<string, unknown>[])[0]!;
    expect(
      formatProblems(
        validator.validateResponse('getCredential', 200, { credential: { ...seeded, credentialSecret: { key: 'k' } }, message: 'Success' }),
      ),
    ).toBe('credential.credentialSecret: must not be present');
  });
});

describe('validateComponent', () => {
  test('names the component when the whole value is wrong', () => {
    expect(formatProblems(validator.validateComponent('Timestamp', 'yesterday'))).toBe(
      'Timestamp: must be an ISO 8601 UTC time with milliseconds, like 2024-01-22T12:00:00.000Z',
    );
  });
});
