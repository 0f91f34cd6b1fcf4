// The model of the reference sections, built from the project's API description: the parameters,
// bodies (a oneOf one shape per alternative), answers and assumptions of a GET with a query
// parameter, a POST with a body, a oneOf body and a DELETE; a resource's nested fields; and every
// assumption an operation relies on shown at its level.
// vitest project: unit (test/support/projects.ts)
import { describe, expect, test } from 'vitest';
import { CORE_API_DESCRIPTION } from '../../scripts/api/description.ts';
import { operationView } from '../../docs/lib/reference/operation-view.ts';
import { apiDescriptionPath, referenceSource } from '../../docs/lib/reference/reference-source.ts';
import { linkedResources, resourceView } from '../../docs/lib/reference/resource-view.ts';

const source = referenceSource();
const row = <Row extends { name: string }>(rows: readonly Row[], name: string): Row => {
  const found = rows.find((each) => each.name === name);
  if (!found) throw new Error(`no row ${name} in ${rows.map((each) => each.name).join(', ')}`);
  return found;
};
const UUID_REASON = 'The proxies page shows placeholders such as user_123 and client_456 instead; the UUIDs of the other pages are taken.';

describe('the description the site reads', () => {
  test("is the project's own file, found from the project's root as the bundled site must", () => {
    expect(apiDescriptionPath({})).toBe(CORE_API_DESCRIPTION);
    expect(source.description.file).toBe(CORE_API_DESCRIPTION);
  });
});

describe('a GET with a query parameter: listCredentials', () => {
  const view = operationView(source, 'listCredentials');

  test('has its summary, method, path template, anchor and description', () => {
    expect(view).toMatchObject({
      anchor: 'listCredentials',
      tag: 'Credentials',
      method: 'GET',
      path: '/api/clients/{clientId}/credentials',
      summary: "List a client's credentials",
      assumed: [],
    });
    expect(view.description).toContain('unless includeTemporary is true');
    expect(view.requestBody).toBeUndefined();
  });

  test('lists the path parameter, then the query parameter with its type and default', () => {
    expect(view.parameters).toEqual([
      {
        name: 'clientId',
        depth: 0,
        in: 'path',
        type: 'string (uuid)',
        required: true,
        constraints: [],
        flags: [],
        description: "The client's id.",
        assumed: [UUID_REASON],
      },
      {
        name: 'includeTemporary',
        depth: 0,
        in: 'query',
        type: 'boolean',
        required: false,
        defaultValue: '`false`',
        constraints: [],
        flags: [],
        description: 'Also list temporary OAuth2 credentials that are still awaiting authorization.',
        assumed: [],
      },
    ]);
  });

  test('answers 200, 400, 401, 403 and 404; the 200 links its credentials to the Credential table', () => {
    expect(view.responses.map((response) => `${response.status} ${response.reason}`)).toEqual([
      '200 OK',
      '400 Bad Request',
      '401 Unauthorized',
      '403 Forbidden',
      '404 Not Found',
    ]);
    const ok = view.responses[0]!;
    expect(ok.success).toBe(true);
    expect(ok.body!.shapes[0]!.rows).toEqual([
      expect.objectContaining({
        name: 'credentials',
        type: 'array of [Credential](#schema-Credential)',
        link: 'Credential',
        required: true,
      }),
      expect.objectContaining({ name: 'message', type: 'string', constraints: ['always `Success`'] }),
    ]);
    expect(ok.body!.examples[0]).toMatchObject({ name: 'credentials', summary: "Northwind Logistics' credentials" });
    expect(JSON.parse(ok.body!.examples[0]!.json).credentials).toHaveLength(2);
  });

  test('gives every error its meaning and its example bodies, without a field table', () => {
    const notFound = view.responses.find((response) => response.status === 404)!;
    expect(notFound.success).toBe(false);
    expect(notFound.assumed).toEqual(['The docs show no 404 body; the error body of the 401 and 403 answers is taken.']);
    expect(notFound.body!.shapes).toEqual([]);
    expect(notFound.body!.examples.map((example) => [example.name, example.summary])).toEqual([
      ['unknownId', 'No resource with that id'],
      ['unknownPath', 'No such endpoint'],
    ]);
    expect(JSON.parse(notFound.body!.examples[0]!.json)).toEqual({ error: 'Not Found', message: 'No such resource', status: 404 });
  });
});

describe('a POST with a body: createTarget', () => {
  const view = operationView(source, 'createTarget');
  const body = view.requestBody!;
  const rows = body.shapes[0]!.rows;

  test('has one table of the body, required, with the schema description and its assumption', () => {
    expect(body).toMatchObject({ mediaType: 'application/json', required: true, description: 'The body that creates a target.' });
    expect(body.assumed).toEqual([
      'The docs show no create body; the writable fields of the list example are taken, with name, base URL, test path and region required.',
    ]);
    expect(body.shapes).toHaveLength(1);
    expect(body.shapes[0]!.notes).toEqual(['No other fields are allowed.']);
    expect(rows.map((each) => [each.name, each.required])).toEqual([
      ['targetName', true],
      ['targetBaseURL', true],
      ['targetTestPath', true],
      ['targetRegion', true],
      ['targetDefaultRuleEffect', false],
    ]);
  });

  test('says what each field must be: an https URL, a pattern, the allowed values and the default', () => {
    expect(row(rows, 'targetBaseURL')).toMatchObject({
      type: 'string (uri)',
      constraints: ['an https URL', 'pattern `^https://[^\\s/?#]+(/[^\\s]*)?$`'],
      description: 'An https URL.',
      assumed: [],
    });
    expect(row(rows, 'targetName')).toMatchObject({ type: 'string', constraints: ['not empty'] });
    expect(row(rows, 'targetDefaultRuleEffect')).toMatchObject({
      type: 'string',
      defaultValue: '`allow`',
      constraints: ['one of `allow`, `deny`'],
      assumed: ['Optional, with allow when left out, as in every example.'],
    });
  });

  test('shows the request example with its summary', () => {
    expect(body.examples).toEqual([expect.objectContaining({ name: 'target', summary: 'A new target' })]);
    expect(JSON.parse(body.examples[0]!.json)).toMatchObject({ targetName: 'OpenAI API', targetBaseURL: 'https://api.openai.com' });
  });

  test('answers 201, 400, 401, 403, 404, 413 and 415; the 201 and its envelope are marked assumed', () => {
    expect(view.responses.map((response) => response.status)).toEqual([201, 400, 401, 403, 404, 413, 415]);
    const created = view.responses[0]!;
    expect(created.assumed).toEqual([
      'The docs show no answer to a create; 201 with the new target in a singular envelope is taken, as for every create.',
    ]);
    expect(created.body!.assumed).toEqual(['The docs show only list answers; one target is taken to come under the singular name target.']);
    expect(row(created.body!.shapes[0]!.rows, 'target')).toMatchObject({ type: '[Target](#schema-Target)', link: 'Target' });
    expect(view.responses.find((response) => response.status === 415)!.reason).toBe('Unsupported Media Type');
  });
});

describe('a oneOf body: createCredential', () => {
  const body = operationView(source, 'createCredential').requestBody!;

  test('has one shape per alternative, named by the value of its discriminator, never a merged table', () => {
    expect(body.discriminator).toBe('credentialType');
    expect(body.shapes.map((shape) => shape.when)).toEqual([
      { field: 'credentialType', value: 'proxy' },
      { field: 'credentialType', value: 'target' },
    ]);
    const [proxy, target] = body.shapes;
    expect(proxy!.description).toBe('The body that creates a proxy credential, with which callers authenticate to RequestRocket.');
    expect(row(proxy!.rows, 'credentialType').constraints).toEqual(['always `proxy`']);
    expect(row(target!.rows, 'credentialType').constraints).toEqual(['always `target`']);
    // Each alternative's own auth types: jwtVerify for proxies only, oauth2 for targets only.
    expect(row(proxy!.rows, 'credentialAuthType').constraints).toEqual(['one of `apiKey`, `bearer`, `jwt`, `basicAuth`, `jwtVerify`']);
    expect(row(target!.rows, 'credentialAuthType').constraints[0]).toContain('`oauth2`');
    expect(row(target!.rows, 'credentialAuthType').constraints[0]).not.toContain('`jwtVerify`');
  });

  test('marks the secret write-only and secret, with what it must hold', () => {
    for (const shape of body.shapes)
      expect(row(shape.rows, 'credentialSecret')).toMatchObject({
        type: 'object of string values',
        flags: ['write-only', 'secret'],
        constraints: ['at least 1 field', 'each value: not empty'],
        assumed: ['Only a blog sample shows a secret, an object with a key field; an object of string values is taken.'],
      });
  });

  test('keeps the assumption of the whole body above its shapes', () => {
    expect(body.assumed).toEqual(["The docs show no create body; the blog sample's fields are taken, all required."]);
  });
});

describe('a DELETE: deleteTarget', () => {
  const view = operationView(source, 'deleteTarget');

  test('has both path parameters, the target id assumed as a parameter and with its pattern', () => {
    expect(view.method).toBe('DELETE');
    expect(view.path).toBe('/api/clients/{clientId}/targets/{targetId}');
    expect(view.requestBody).toBeUndefined();
    expect(view.parameters.map((parameter) => parameter.name)).toEqual(['clientId', 'targetId']);
    expect(row(view.parameters, 'targetId')).toMatchObject({
      in: 'path',
      type: 'string',
      required: true,
      constraints: ['a target id like tgt_789e4567', 'pattern `^tgt_[A-Za-z0-9]+$`'],
      assumed: [expect.stringContaining("a target's sKey (tgt_…) is taken as its id")],
    });
  });

  test('answers 200 with the message alone, which is marked assumed at the answer and its body', () => {
    const [deleted] = view.responses;
    expect(deleted).toMatchObject({ status: 200, reason: 'OK', description: 'The resource was deleted.', success: true });
    expect(deleted!.assumed[0]).toMatch(/^The docs show no answer to a delete; 200/);
    expect(deleted!.body!.assumed).toEqual(["The docs show no answer to a delete; the envelope's message alone is taken."]);
    expect(deleted!.body!.shapes[0]!.rows.map((each) => each.name)).toEqual(['message']);
    expect(view.responses.map((response) => response.status)).toEqual([200, 401, 403, 404]);
  });
});

describe('resources', () => {
  test("show nested fields under their parent: a client's members, as clientMembers[].userId", () => {
    const client = resourceView(source, 'Client');
    expect(client).toMatchObject({ anchor: 'schema-Client', description: 'A client (an organisation in the dashboard).' });
    expect(client.shape.rows.map((each) => [each.name, each.depth, each.type])).toEqual([
      ['clientId', 0, 'string (uuid)'],
      ['clientName', 0, 'string'],
      ['clientMembers', 0, 'array of object'],
      ['clientMembers[].userId', 1, 'string (uuid)'],
      ['clientMembers[].roles', 1, 'array of string'],
    ]);
    expect(row(client.shape.rows, 'clientMembers[].roles').constraints).toEqual(['each item: not empty']);
  });

  test("say that a credential's secret is never present", () => {
    expect(row(resourceView(source, 'Credential').shape.rows, 'credentialSecret')).toMatchObject({
      type: 'never',
      required: false,
      constraints: ['never present'],
    });
  });

  test("are, for each tag, the one resource its operations' answers link to", () => {
    expect(source.tags.map((tag) => [tag, linkedResources(source, tag)])).toEqual([
      ['Clients', ['Client']],
      ['Targets', ['Target']],
      ['Credentials', ['Credential']],
      ['Proxies', ['Proxy']],
    ]);
  });
});

describe('assumptions', () => {
  /** Every reason a view shows, at any level. */
  const reasonsIn = (value: unknown): string[] => {
    if (Array.isArray(value)) return value.flatMap(reasonsIn);
    if (typeof value !== 'object' || value === null) return [];
    return Object.entries(value).flatMap(([key, child]) => (key === 'assumed' ? (child as string[]) : reasonsIn(child)));
  };

  test.for(source.operations.map((operation) => operation.operationId))(
    'every assumption %s relies on is shown in its section or in the table of a resource it links to',
    (operationId) => {
      const operation = source.operations.find((each) => each.operationId === operationId)!;
      const view = operationView(source, operationId);
      const links = view.responses
        .flatMap((response) => response.body?.shapes.flatMap((shape) => shape.rows) ?? [])
        .map((each) => each.link);
      const linked = [...new Set(links)].flatMap((name) => (name === undefined ? [] : [resourceView(source, name)]));
      const shown = new Set(reasonsIn([view, linked]));
      const missing = operation.assumptions.filter((assumption) => !shown.has(String(assumption.reason)));
      expect(missing).toEqual([]);
      expect(operation.assumptions.length).toBeGreaterThan(0);
    },
  );
});
