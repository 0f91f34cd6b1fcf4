// What `npm run mock` makes of the `node` on a contributor's PATH: npm's own folders left out, and a
// warning, naming the version the JavaScript examples need and the command to use, when it is older.
// vitest project: unit (test/support/projects.ts)
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { oldNodeWarning, shellNode, shellPath } from '../../scripts/mock/shell-node.ts';
import { SNIPPET_NODE_VERSIONS } from '../../scripts/runners/javascript.ts';

const TRY = 'npx node snippets/list-clients/list-clients.mjs';

describe('shellPath', () => {
  test('leaves out the folders npm run and npx put first, and keeps the rest in order', () => {
    const npmAdded = [
      '/work/project/node_modules/.bin',
      '/work/node_modules/.bin',
      '/node_modules/.bin',
      '/usr/lib/node_modules/npm/node_modules/@npmcli/run-script/lib/node-gyp-bin',
    ];
    const own = ['/home/me/bin', '/usr/local/bin', '/usr/bin'];
    expect(shellPath([...npmAdded, ...own].join(path.delimiter))).toBe(own.join(path.delimiter));
  });
});

describe('shellNode', () => {
  test("finds the shell's node and its version, and nothing where there is none", async () => {
    const found = await shellNode({ PATH: path.dirname(process.execPath) });
    expect(found).toEqual({ path: process.execPath, version: process.version });
    expect(await shellNode({ PATH: '/nonexistent' })).toBeUndefined();
  });
});

describe('oldNodeWarning', () => {
  test('warns about a node older than the examples need, naming it, the version they need and the command to use', () => {
    const warning = oldNodeWarning({ path: '/usr/bin/node', version: 'v20.20.2' }, TRY);
    expect(warning).toBe(
      [
        `Warning: the node on your PATH (/usr/bin/node) is v20.20.2; the JavaScript examples need Node.js ${SNIPPET_NODE_VERSIONS},`,
        'whose fetch honours the proxy variables above (NODE_USE_ENV_PROXY). With v20.20.2, `node <example>.mjs` skips the mock',
        `and fails with getaddrinfo ENOTFOUND. Run them with the project's Node.js instead: ${TRY}`,
      ].join('\n'),
    );
    expect(oldNodeWarning({ path: '/opt/node', version: 'v23.11.0' }, TRY)).toContain('is v23.11.0');
    expect(oldNodeWarning({ path: '/opt/node', version: 'v22.20.0' }, TRY)).toContain('is v22.20.0');
  });

  test('says nothing about a node that runs the examples, or when there is no node', () => {
    for (const version of ['v22.21.0', 'v24.0.0', 'v26.1.0']) expect(oldNodeWarning({ path: '/opt/node', version }, TRY)).toBeUndefined();
    expect(oldNodeWarning(undefined, TRY)).toBeUndefined();
  });
});
