// `npm run new-example`: creates a complete example folder and says what to do next, or refuses
// with exit code 2, a message naming what it found and expected, and nothing written.
// vitest project: programs (test/support/projects.ts)
import { access, constants, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { execa } from 'execa';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { PROJECT_ROOT } from '../../scripts/harness/harness.ts';
import { loadExample } from '../../scripts/manifest/examples.ts';

const CLI = path.join(PROJECT_ROOT, 'scripts', 'scaffold', 'new-example-cli.ts');

/** Runs the scaffold CLI from the project root (execa drops the last newline of each stream). */
function scaffold(...args: string[]) {
  return execa(process.execPath, [CLI, ...args], { cwd: PROJECT_ROOT, reject: false });
}

/** Every entry under `dir`, hidden ones included, as relative paths. */
async function tree(dir: string): Promise<string[]> {
  return (await readdir(dir, { recursive: true })).sort();
}

let root: string;
beforeEach(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'rr-scaffold-'));
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('npm run new-example', () => {
  test('is the script package.json names', async () => {
    const manifest = JSON.parse(await readFile(path.join(PROJECT_ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
    expect(manifest.scripts['new-example']).toBe('node scripts/scaffold/new-example-cli.ts');
  });

  test('creates a manifest, request.http and one file per language, with a title made from the id', async () => {
    const result = await scaffold('list-widgets', '--root', root);
    expect(result.exitCode, result.stderr).toBe(0);
    expect(await tree(root)).toEqual([
      'list-widgets',
      'list-widgets/ListWidgets.java',
      'list-widgets/example.json',
      'list-widgets/list-widgets.mjs',
      'list-widgets/list-widgets.sh',
      'list-widgets/list_widgets.go',
      'list-widgets/list_widgets.py',
      'list-widgets/request.http',
    ]);
    const example = await loadExample(path.join(root, 'list-widgets'));
    expect(example.manifest.title).toBe('List widgets');
    expect(example.manifest.operation).toBe('listClients');
    expect(example.files.map((file) => file.language)).toEqual(['javascript', 'python', 'go', 'java', 'curl']);
    expect(example.otherFiles).toEqual(['request.http']);
    await access(path.join(root, 'list-widgets', 'list-widgets.sh'), constants.X_OK);
  });

  test('writes an example of the operation named with --operation, its id and title made from it', async () => {
    const result = await scaffold('--operation', 'updateProxy', '--root', root);
    expect(result.exitCode, result.stderr).toBe(0);
    const example = await loadExample(path.join(root, 'update-proxy'));
    expect(example.manifest).toMatchObject({
      title: 'Update a proxy',
      operation: 'updateProxy',
      parameters: { clientId: 'REQUESTROCKET_CLIENT_ID', proxyId: 'REQUESTROCKET_PROXY_ID' },
    });
    expect(example.files.map((file) => file.name)).toEqual([
      'update-proxy.mjs',
      'update_proxy.py',
      'update_proxy.go',
      'UpdateProxy.java',
      'update-proxy.sh',
    ]);
    expect(await readFile(path.join(root, 'update-proxy', 'request.http'), 'utf8')).toBe(
      'PUT /api/clients/550e8400-e29b-41d4-a716-446655440000/proxies/proxy_789e4567 HTTP/1.1\n' +
        'Host: api.requestrocket.com\nContent-Type: application/json\nAuthorization: u-your-token-here\n\n' +
        '{\n  "proxyMaxRequestsPerMinute": 60,\n  "proxyMaxRequestsPerDay": 2000\n}\n',
    );
    expect(result.stdout).toContain(
      'reads the token from REQUESTROCKET_USER_TOKEN and the ids in REQUESTROCKET_CLIENT_ID, REQUESTROCKET_PROXY_ID',
    );
    expect(result.stdout).toContain('  PUT /api/clients/{clientId}/proxies/{proxyId} (updateProxy)\n');
  });

  test('writes an example of several steps, in order, with --operation repeated and --id', async () => {
    const result = await scaffold(
      '--operation',
      'createTarget',
      '--operation',
      'deleteTarget',
      '--id',
      'short-lived-target',
      '--root',
      root,
    );
    expect(result.exitCode, result.stderr).toBe(0);
    const example = await loadExample(path.join(root, 'short-lived-target'));
    expect(example.manifest).toMatchObject({
      title: 'Short lived target',
      steps: ['createTarget', 'deleteTarget'],
      parameters: { clientId: 'REQUESTROCKET_CLIENT_ID' },
    });
    expect(await readFile(path.join(root, 'short-lived-target', 'request.http'), 'utf8')).toContain(
      '\n###\n\nDELETE /api/clients/550e8400-e29b-41d4-a716-446655440000/targets/{targetId} HTTP/1.1\n',
    );
  });

  test('uses the title given with --title', async () => {
    const result = await scaffold('rotate-token', '--title', 'Rotate your token', '--root', root);
    expect(result.exitCode, result.stderr).toBe(0);
    const example = await loadExample(path.join(root, 'rotate-token'));
    expect(example.manifest.title).toBe('Rotate your token');
    expect(await readFile(path.join(root, 'rotate-token', 'RotateToken.java'), 'utf8')).toContain(
      '/** Rotate your token. */\npublic class RotateToken {',
    );
  });

  test('prints the created files, how to run the example and how to show it in a page', async () => {
    const result = await scaffold('list-widgets', '--root', root);
    const dir = path.join(root, 'list-widgets');
    expect(result.stdout).toContain(`Created ${dir}/:`);
    for (const file of [
      'example.json',
      'request.http',
      'list-widgets.mjs',
      'list_widgets.py',
      'list_widgets.go',
      'ListWidgets.java',
      'list-widgets.sh',
    ]) {
      expect(result.stdout).toContain(`  ${path.join(dir, file)}\n`);
    }
    expect(result.stdout).toContain(`npm run snippets -- --root ${root} --example list-widgets`);
    expect(result.stdout).toContain('<CodeTabs example="list-widgets" />');
    // The page that shows the operation's section, read from the section's pages (listClients is the default operation).
    expect(result.stdout).toContain(
      'Show it on docs/content/core-api/clients.mdx, inside the section of its operation:\n       <Operation id="listClients">',
    );
  });

  test('says that the expected output is a default, what the operation returns, and which manifest field replaces it', async () => {
    const result = await scaffold('list-widgets', '--root', root);
    const next = result.stdout.replace(/\s+/g, ' ');
    expect(next).toContain('sends GET /api/clients (listClients)');
    expect(next).toContain('what the operation returns (the names of the records listed, the id created): that is a default');
    expect(next).toContain('list what it prints in scenarios.ok.output in example.json');
  });

  test('refuses a folder that already exists, and leaves it as it was', async () => {
    await mkdir(path.join(root, 'list-widgets'));
    await writeFile(path.join(root, 'list-widgets', 'notes.txt'), 'mine');
    const result = await scaffold('list-widgets', '--root', root);
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toBe(
      `new-example: ${path.join(root, 'list-widgets')} already exists; choose another id, or edit the example that is there`,
    );
    expect(await tree(root)).toEqual(['list-widgets', 'list-widgets/notes.txt']);
  });

  test.for([
    ['List_Clients', '"List_Clients" is not a valid example id: use lower-case words joined by dashes, like "list-clients"'],
    ['list clients', '"list clients" is not a valid example id: use lower-case words joined by dashes, like "list-clients"'],
    ['../outside', '"../outside" is not a valid example id: use lower-case words joined by dashes, like "outside"'],
    ['2fa', '"2fa" cannot be used: the Java class 2fa would start with a digit; start the id with a letter'],
  ])('refuses the id %j with exit code 2 and writes nothing', async ([id, message]) => {
    const result = await scaffold(id!, '--root', root);
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toBe(`new-example: ${message}`);
    expect(await tree(root)).toEqual([]);
    expect(await readdir(path.dirname(root))).not.toContain('outside');
  });

  test('refuses a title of two lines with exit code 2 and writes nothing', async () => {
    const result = await scaffold('list-widgets', '--title', 'List\nwidgets', '--root', root);
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toBe(
      'new-example: the title "List\\nwidgets" holds a line break or control character; expected one line of text',
    );
    expect(await tree(root)).toEqual([]);
  });

  test.for([
    [[], 'expected --operation and the operationId the example calls, or the id of the new example, like "list-clients"; got neither'],
    [['list', 'widgets'], 'expected one example id; got 2: "list", "widgets" (quote a title that has spaces)'],
    [['list-widgets', '--name', 'x'], "Unknown option '--name'"],
    [
      ['--operation', 'createTarget', '--operation', 'deleteTarget'],
      'expected --id for an example of several operations, like --id target-lifecycle; got none',
    ],
    [['a-b', '--id', 'c-d'], 'expected the id once, as --id or as <id>; got --id "c-d" and "a-b"'],
  ])('refuses the arguments %j with exit code 2, the problem and the usage', async ([args, message]) => {
    const result = await scaffold(...(args as string[]), '--root', root);
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toContain(`new-example: ${message as string}`);
    expect(result.stderr).toContain('Usage: npm run new-example -- --operation OPERATION');
    expect(await tree(root)).toEqual([]);
  });

  test('refuses an operation the description does not have, listing those it has, and writes nothing', async () => {
    const result = await scaffold('--operation', 'createWidget', '--root', root);
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toMatch(
      /^new-example: "createWidget" is not an operation of the API description; expected one of listClients, createClient, .*, deleteProxy$/,
    );
    expect(await tree(root)).toEqual([]);
  });

  test('refuses a title with markup, as the manifest would, and writes nothing', async () => {
    const result = await scaffold('list-widgets', '--title', 'List <b>widgets</b>', '--root', root);
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toBe('new-example: the title "List <b>widgets</b>" cannot be used: expected plain text, without markup (< or >)');
    expect(await tree(root)).toEqual([]);
  });

  test('refuses an examples folder that does not exist', async () => {
    const missing = path.join(root, 'missing');
    const result = await scaffold('list-widgets', '--root', missing);
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toBe(
      `new-example: the examples folder ${missing} does not exist; expected the folder that holds the examples (snippets/)`,
    );
    expect(await tree(root)).toEqual([]);
  });
});
