// A bad manifest fails with a message that names the file, the field, what was found and what was expected.
// vitest project: unit (test/support/projects.ts)
import { mkdtemp, rm, writeFile, mkdir, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { execa } from 'execa';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { discoverExamples, loadExample } from '../../scripts/manifest/examples.ts';
import { ManifestError } from '../../scripts/manifest/errors.ts';
import { readExampleFile } from '../../scripts/manifest/example-files.ts';
import { loadManifest, parseManifest } from '../../scripts/manifest/load.ts';

const valid = { title: 'List', operation: 'listClients' };
const createTarget = { title: 'Create a target', operation: 'createTarget', parameters: { clientId: 'REQUESTROCKET_CLIENT_ID' } };
/** A create whose body names three other records, each id read from its own variable. */
const createProxy = {
  title: 'Create a proxy',
  operation: 'createProxy',
  parameters: {
    clientId: 'REQUESTROCKET_CLIENT_ID',
    proxyProxyCredentialId: 'REQUESTROCKET_PROXY_CREDENTIAL_ID',
    proxyTargetId: 'REQUESTROCKET_TARGET_ID',
    proxyTargetCredentialId: 'REQUESTROCKET_TARGET_CREDENTIAL_ID',
  },
};
const lifecycle = {
  title: 'A target from creation to deletion',
  steps: ['createTarget', 'getTarget', 'deleteTarget'],
  parameters: { clientId: 'REQUESTROCKET_CLIENT_ID' },
};

describe('parseManifest', () => {
  test('applies the defaults', () => {
    expect(parseManifest('m.json', valid)).toEqual({
      ...valid,
      parameters: {},
      timeoutMs: 20_000,
      requestTimeoutMs: 10_000,
      scenarios: {},
    });
  });

  test.for([
    createTarget,
    lifecycle,
    createProxy,
    { ...createTarget, scenarios: { ok: { output: ['Created {targetId} in {clientId}'] } } },
  ])('accepts %j', (data) => {
    expect(parseManifest('m.json', data)).toMatchObject(data);
  });

  test.for([
    [
      { ...valid, operation: 'fetchClients' },
      /field "operation": expected one of "listClients"\|"createClient"\|.*\|"deleteProxy", found "fetchClients" \(string\)/,
    ],
    [
      { title: 'List' },
      /field "operation": expected the operationId of the API description that the example calls \(or "steps", a list of them\)/,
    ],
    [
      { ...valid, steps: ['listClients', 'getClient'] },
      /field "steps": expected "operation" \(one operationId\) or "steps" \(two or more, in order\), not both/,
    ],
    [{ title: 'List', steps: ['listClients'] }, /field "steps": expected at least two operationIds \(one goes in "operation"\)/],
    [
      { title: 'Create', operation: 'createTarget' },
      /field "parameters": expected an environment variable for the path parameter clientId of createTarget, like "clientId": "REQUESTROCKET_CLIENT_ID", found \{\} \(object\)/,
    ],
    [
      { ...lifecycle, parameters: { ...lifecycle.parameters, targetId: 'REQUESTROCKET_TARGET_ID' } },
      /field "parameters\.targetId": expected no variable: targetId comes from the answer of createTarget \(step 1\); remove it/,
    ],
    [
      { title: 'Get', steps: ['getTarget', 'deleteTarget'], parameters: { clientId: 'REQUESTROCKET_CLIENT_ID' } },
      /field "parameters": expected an environment variable for the path parameter targetId of getTarget \(step 1\)/,
    ],
    [
      { ...valid, parameters: { clientId: 'REQUESTROCKET_CLIENT_ID' } },
      /field "parameters\.clientId": expected a path parameter of listClients, or a body field that holds the id of another record: it has none, found "REQUESTROCKET_CLIENT_ID"/,
    ],
    [
      { ...createProxy, parameters: { clientId: 'REQUESTROCKET_CLIENT_ID' } },
      /field "parameters": expected an environment variable for the body field proxyProxyCredentialId of createProxy \(the id of a record in credentials\), like "proxyProxyCredentialId": "REQUESTROCKET_PROXY_CREDENTIAL_ID"/,
    ],
    [
      { ...createProxy, parameters: { ...createProxy.parameters, proxyName: 'REQUESTROCKET_PROXY_NAME' } },
      /field "parameters\.proxyName": expected a path parameter of createProxy, or a body field that holds the id of another record: proxyName of createProxy is not an id field \(its schema is no record's id type\); one of clientId, proxyProxyCredentialId, proxyTargetId, proxyTargetCredentialId, found "REQUESTROCKET_PROXY_NAME"/,
    ],
    [
      {
        title: 'Update',
        operation: 'updateProxy',
        parameters: { clientId: 'REQUESTROCKET_CLIENT_ID', proxyId: 'REQUESTROCKET_PROXY_ID', proxyTargetId: 'REQUESTROCKET_TARGET_ID' },
      },
      /field "parameters\.proxyTargetId": expected .* that the description's request example of updateProxy sends: it has no proxyTargetId; one of clientId, proxyId/,
    ],
    [
      {
        ...createProxy,
        parameters: { ...createProxy.parameters, proxyTargetCredentialId: 'REQUESTROCKET_PROXY_CREDENTIAL_ID' },
      },
      /field "parameters\.proxyTargetCredentialId": expected a variable of its own: proxyProxyCredentialId reads REQUESTROCKET_PROXY_CREDENTIAL_ID too/,
    ],
    [
      { ...createTarget, parameters: { clientId: 'client_id' } },
      /field "parameters\.clientId": expected an environment variable name in upper snake case, like REQUESTROCKET_CLIENT_ID, found "client_id"/,
    ],
    [
      { ...createTarget, parameters: { clientId: 'REQUESTROCKET_USER_TOKEN' } },
      /field "parameters\.clientId": expected a variable of its own: REQUESTROCKET_USER_TOKEN holds the token/,
    ],
    [
      { title: 'Update', operation: 'updateProxy', parameters: { clientId: 'SAME', proxyId: 'SAME' } },
      /field "parameters\.proxyId": expected a variable of its own: clientId reads SAME too/,
    ],
    [
      { ...createTarget, scenarios: { ok: { output: ['{proxyId}'] } } },
      /field "scenarios\.ok\.output\[0\]": expected placeholders of this example's ids only \(\{clientId\}, \{targetId\}\), not \{proxyId\}/,
    ],
    [
      { ...valid, scenarios: { 'bad-request': { output: ['x'] } } },
      /field "scenarios\.bad-request": expected no bad-request expectations: the example has no bad-request scenario \(listClients sends no body where the description documents a 400\)/,
    ],
    [
      { ...valid, scenarios: { 'not-found': {} } },
      /field "scenarios\.not-found": expected no not-found expectations: .*listClients reads no id from the environment where the description documents a 404/,
    ],
    [{ ...valid, title: '' }, /field "title": .*found "" \(string\)/],
    [{ operation: 'listClients' }, /field "title": expected string, found nothing/],
    [{ ...valid, title: 'List <b>clients</b>' }, /field "title": expected plain text, without markup \(< or >\)/],
    [{ ...valid, title: 'See [the docs](https://example.com)' }, /field "title": expected plain text, without a Markdown link/],
    [{ ...valid, title: '# List' }, /field "title": expected plain text, without a Markdown heading \(a leading #\)/],
    [{ ...valid, description: 'Lists **every** client.' }, /field "description": expected plain text, without Markdown emphasis/],
    [{ ...valid, description: 'Lists _every_ client.' }, /field "description": expected plain text, without Markdown emphasis/],
    [{ ...valid, title: 'List\nclients' }, /field "title": expected plain text, without a control character or line break/],
    [{ ...valid, title: 'List \u202eclients' }, /field "title": expected plain text, without a bidirectional or invisible character/],
    [{ ...valid, title: 'x'.repeat(81) }, /field "title": expected at most 80 characters, found "x{50,}/],
    [{ ...valid, description: 'x'.repeat(301) }, /field "description": expected at most 300 characters/],
    [{ ...valid, timeoutMs: 'soon' }, /field "timeoutMs": expected (?:number|int), found "soon" \(string\)/],
    [
      { ...valid, scenarios: { expired: {} } },
      /field "scenarios": unknown field\(s\) "expired"; expected only: ok, missing, invalid, revoked, forbidden, not-found, bad-request, untrusted-cert, hung-server, bad-gateway, network-error/,
    ],
    [{ ...valid, requestTimeoutMs: 100 }, /field "requestTimeoutMs": .*found 100 \(number\)/],
    [
      { ...valid, scenarios: { forbidden: { exit: 'maybe' } } },
      /field "scenarios\.forbidden\.exit": expected one of "zero"\|"non-zero", found "maybe"/,
    ],
    // Overrides that would let a file that never calls the API, or shows nothing, pass.
    [
      { ...valid, scenarios: { ok: { exit: 'non-zero' } } },
      /field "scenarios\.ok\.exit": expected "zero" \(or no "exit"\): with a valid token the program must succeed, found "non-zero"/,
    ],
    [
      { ...valid, scenarios: { ok: { requests: 0 } } },
      /field "scenarios\.ok\.requests": expected at least 1 \(or no "requests"\): with a valid token the program must call the API, found 0 \(number\)/,
    ],
    [
      { ...valid, scenarios: { ok: { output: [] } } },
      /field "scenarios\.ok\.output": expected at least one text \(or no "output"\): with a valid token the program must show the result, found \[\] \(array\)/,
    ],
    [
      { ...valid, scenarios: { revoked: { requests: 0 } } },
      /field "scenarios\.revoked\.requests": expected at least 1 \(or no "requests"\): the program must send the request the API refuses, found 0/,
    ],
    [{ ...valid, scenarios: { invalid: { requests: 0 } } }, /field "scenarios\.invalid\.requests": expected at least 1/],
    [{ ...valid, scenarios: { forbidden: { requests: 0 } } }, /field "scenarios\.forbidden\.requests": expected at least 1/],
    [{ ...createTarget, scenarios: { 'not-found': { requests: 0 } } }, /field "scenarios\.not-found\.requests": expected at least 1/],
    [{ ...createTarget, scenarios: { 'bad-request': { requests: 0 } } }, /field "scenarios\.bad-request\.requests": expected at least 1/],
    // A server or network that fails on purpose: the program must fail, and no override says otherwise.
    [
      { ...valid, scenarios: { 'bad-gateway': { exit: 'zero' } } },
      /field "scenarios\.bad-gateway\.exit": expected "non-zero" \(or no "exit"\): when the server or the network fails the program must fail, found "zero"/,
    ],
    [
      { ...valid, scenarios: { 'hung-server': { requests: 0 } } },
      /field "scenarios\.hung-server": unknown field\(s\) "requests"; expected only: exit, output/,
    ],
    [
      { ...valid, colour: 'red' },
      /the manifest: unknown field\(s\) "colour"; expected only: \$schema, title, description, operation, steps, parameters, timeoutMs, requestTimeoutMs, scenarios/,
    ],
  ] as const)('explains %j', ([data, message]) => {
    expect(() => parseManifest('snippets/x/example.json', data)).toThrow(message);
    expect(() => parseManifest('snippets/x/example.json', data)).toThrow(/^snippets\/x\/example\.json: invalid example manifest/);
  });

  test('accepts plain text that only looks like markup in passing', () => {
    for (const title of ['Say "hi" */ $(exit 1) `x` ${y}', 'A * B', 'snake_case_name', 'Rate limits: 60/min & 2,000/day'])
      expect(parseManifest('m.json', { ...valid, title }).title).toBe(title);
  });
});

test('accepts the overrides that keep a case meaningful', () => {
  const scenarios = {
    ok: { exit: 'zero', requests: 2, output: ['Token is valid'] },
    missing: { requests: 0 },
    forbidden: { exit: 'zero' },
  };
  expect(parseManifest('m.json', { ...valid, scenarios }).scenarios).toEqual(scenarios);
});

describe('loadManifest and loadExample', () => {
  let root: string;
  beforeAll(async () => {
    root = await mkdtemp(path.join(tmpdir(), 'rr-manifest-'));
  });
  afterAll(() => rm(root, { recursive: true, force: true }));

  test('names the file and the JSON error for a file that is not JSON', async () => {
    const file = path.join(root, 'broken.json');
    await writeFile(file, '{ "title": ');
    await expect(loadManifest(file)).rejects.toThrow(new RegExp(`${file}: invalid example manifest\\n  - not valid JSON`));
  });

  test('says a missing manifest is missing', async () => {
    await expect(loadManifest(path.join(root, 'none.json'))).rejects.toThrow(/file not found/);
  });

  test('refuses two files of one language in an example', async () => {
    const dir = path.join(root, 'twice');
    await mkdir(dir);
    await writeFile(path.join(dir, 'example.json'), JSON.stringify(valid));
    await writeFile(path.join(dir, 'a.js'), '');
    await writeFile(path.join(dir, 'b.mjs'), '');
    await expect(loadExample(dir)).rejects.toThrow(/two JavaScript files, "a\.js" and "b\.mjs"; expected one file per language/);
  });

  test('refuses a folder name that is not an example id', async () => {
    const dir = path.join(root, 'Bad_Name');
    await mkdir(dir);
    await expect(loadExample(dir)).rejects.toBeInstanceOf(ManifestError);
  });
});

describe('symbolic links in an example folder', () => {
  const SECRET_TEXT = 'contents-of-a-file-outside-the-example';
  let root: string;
  let outside: string;

  beforeAll(async () => {
    root = await mkdtemp(path.join(tmpdir(), 'rr-symlinks-'));
    outside = path.join(root, 'outside');
    await mkdir(outside);
    await writeFile(path.join(outside, 'target.txt'), `{ "title": "${SECRET_TEXT}" `);
  });
  afterAll(() => rm(root, { recursive: true, force: true }));

  /** A valid example folder under `snippets/` with one file; `link` is then made a symbolic link to a file outside. */
  async function exampleWithLink(id: string, link: string, target = path.join(outside, 'target.txt')): Promise<string> {
    const dir = path.join(root, 'snippets', id);
    await mkdir(dir, { recursive: true });
    if (link !== 'example.json') await writeFile(path.join(dir, 'example.json'), JSON.stringify(valid));
    if (link !== 'list.sh') await writeFile(path.join(dir, 'list.sh'), 'echo hi\n');
    await mkdir(path.dirname(path.join(dir, link)), { recursive: true });
    await symlink(target, path.join(dir, link));
    return dir;
  }

  test.for([
    ['a snippet file', 'list.sh', '"list.sh"'],
    ['request.http', 'request.http', '"request.http"'],
    ['the manifest', 'example.json', '"example.json"'],
    ['a file in a sub-folder', 'notes/more.txt', '"notes/more.txt"'],
  ] as const)('refuses %s that is a link, naming it and not its target', async ([, link, named]) => {
    const dir = await exampleWithLink(link.replace(/\W+/g, '-'), link);
    const error = await loadExample(dir).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ManifestError);
    const message = (error as Error).message;
    expect(message).toContain(`${named} is a symbolic link; expected a regular file or folder inside the example`);
    expect(message).not.toContain(SECRET_TEXT);
    expect(message).not.toContain('target.txt');
  });

  test('refuses a sub-folder that is a link', async () => {
    const dir = await exampleWithLink('linked-folder', 'assets', outside);
    await expect(loadExample(dir)).rejects.toThrow(/"assets" is a symbolic link/);
  });

  test('refuses an example folder that is itself a link, when the examples are discovered', async () => {
    const real = await exampleWithLink('real-one', 'unused/x', path.join(outside, 'target.txt')).then(async (dir) => {
      await rm(path.join(dir, 'unused'), { recursive: true });
      return dir;
    });
    const links = path.join(root, 'linked-root');
    await mkdir(links);
    await symlink(real, path.join(links, 'linked-example'));
    await expect(discoverExamples(links)).rejects.toThrow(/the folder .*linked-example is a symbolic link/);
  });

  test('refuses a FIFO, which would block a reader forever', async () => {
    const dir = path.join(root, 'snippets', 'with-fifo');
    await mkdir(dir, { recursive: true });
    await writeFile(path.join(dir, 'example.json'), JSON.stringify(valid));
    await execa('mkfifo', [path.join(dir, 'request.http')]);
    await expect(loadExample(dir)).rejects.toThrow(/"request\.http" is not a regular file \(a FIFO, socket or device\)/);
    await expect(readExampleFile(path.join(dir, 'request.http'))).rejects.toThrow(/is not a regular file/);
  });

  test('the manifest reader refuses a link without reading it', async () => {
    const file = path.join(root, 'linked.json');
    await symlink(path.join(outside, 'target.txt'), file);
    const error = await loadManifest(file).catch((caught: unknown) => caught);
    expect((error as Error).message).toMatch(/"linked\.json" is a symbolic link/);
    expect((error as Error).message).not.toContain(SECRET_TEXT);
  });
});
