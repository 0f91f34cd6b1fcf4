// Manifest escape hatches are closed: overrides that would let a file that never calls the API
// pass are refused with the file and the field, and so is a symbolic link in an example folder,
// by the harness's command line too (it used to run 0 cases and exit 0).
// vitest project: programs (test/support/projects.ts)
import { mkdtemp, mkdir, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { execa } from 'execa';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { PROJECT_ROOT } from '../../scripts/harness/harness.ts';
import { ManifestError } from '../../scripts/manifest/errors.ts';
import { loadExample } from '../../scripts/manifest/examples.ts';

const ROOT = path.join(PROJECT_ROOT, 'test', 'fixtures', 'hostile-manifests');

test.for([
  [
    'ok-sends-nothing',
    [
      'field "scenarios.ok.requests": expected at least 1 (or no "requests"): with a valid token the program must call the API, found 0 (number)',
    ],
  ],
  [
    'ok-may-fail',
    ['field "scenarios.ok.exit": expected "zero" (or no "exit"): with a valid token the program must succeed, found "non-zero" (string)'],
  ],
  [
    'ok-shows-nothing',
    [
      'field "scenarios.ok.output": expected at least one text (or no "output"): with a valid token the program must show the result, found [] (array)',
    ],
  ],
  [
    'errors-send-nothing',
    [
      'field "scenarios.ok.requests": expected at least 1 (or no "requests"): with a valid token the program must call the API, found 0 (number)',
      'field "scenarios.invalid.requests": expected at least 1 (or no "requests"): the program must send the request the API refuses, found 0 (number)',
      'field "scenarios.revoked.requests": expected at least 1 (or no "requests"): the program must send the request the API refuses, found 0 (number)',
      'field "scenarios.forbidden.requests": expected at least 1 (or no "requests"): the program must send the request the API refuses, found 0 (number)',
    ],
  ],
] as const)('refuses %s, naming the file and each field', async ([fixture, problems]) => {
  const error = await loadExample(path.join(ROOT, fixture)).catch((caught: unknown) => caught);
  expect(error).toBeInstanceOf(ManifestError);
  expect((error as Error).message).toBe(
    [
      `test/fixtures/hostile-manifests/${fixture}/example.json: invalid example manifest`,
      ...problems.map((problem) => `  - ${problem}`),
    ].join('\n'),
  );
});

let root: string;
beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'rr-hostile-links-'));
});
afterAll(() => rm(root, { recursive: true, force: true }));

test('npm run snippets refuses an example whose snippet is a symbolic link, instead of running 0 cases', async () => {
  const dir = path.join(root, 'snippets', 'linked-snippet');
  await mkdir(dir, { recursive: true });
  await writeFile(path.join(dir, 'example.json'), JSON.stringify({ title: 'Linked', operation: 'listClients' }));
  await writeFile(path.join(root, 'outside.sh'), 'echo outside-the-example\n');
  await symlink(path.join(root, 'outside.sh'), path.join(dir, 'linked-snippet.sh'));
  const result = await execa(
    process.execPath,
    [path.join(PROJECT_ROOT, 'scripts/harness/cli/snippets-cli.ts'), '--root', path.join(root, 'snippets')],
    {
      reject: false,
    },
  );
  expect(result.exitCode).toBe(2);
  expect(result.stdout).not.toMatch(/Running/);
  expect(result.stderr).toMatch(
    /linked-snippet: invalid example manifest\n {2}- "linked-snippet\.sh" is a symbolic link; expected a regular file or folder inside the example/,
  );
  expect(result.stderr).not.toContain('outside');
});
