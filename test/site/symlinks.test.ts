// The site reads examples through the same loader as the harness: a symbolic link in an example
// folder stops <CodeTabs> and <CodeFile> with the link's name, never the target's contents.
// vitest project: unit (test/support/projects.ts)
import { cp, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { loadCodeFile } from '../../docs/components/code-file.ts';
import { loadTabs } from '../../docs/components/code-tabs.ts';

const SECRET_TEXT = 'text-of-a-file-outside-the-examples';
let root: string;

beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'rr-site-links-'));
  await writeFile(path.join(root, 'outside.txt'), SECRET_TEXT);
});
afterAll(() => rm(root, { recursive: true, force: true }));

/** A snippets folder holding a copy of the `complete` fixture example whose `file` is a link to a file outside. */
async function withLinkedFile(file: string): Promise<string> {
  const snippets = await mkdtemp(path.join(root, 'snippets-'));
  const dir = path.join(snippets, 'complete');
  await cp(path.resolve('test/fixtures/site/snippets/complete'), dir, { recursive: true });
  await rm(path.join(dir, file), { force: true });
  await symlink(path.join(root, 'outside.txt'), path.join(dir, file));
  return snippets;
}

test('<CodeTabs> refuses an example whose snippet file is a link', async () => {
  const snippets = await withLinkedFile('hello.sh');
  const error = (await loadTabs(snippets, 'complete').catch((caught: unknown) => caught)) as Error;
  expect(error.message).toMatch(/"hello\.sh" is a symbolic link; expected a regular file or folder inside the example/);
  expect(error.message).not.toContain(SECRET_TEXT);
});

test('<CodeFile> refuses a request.http that is a link', async () => {
  const snippets = await withLinkedFile('request.http');
  const error = (await loadCodeFile(snippets, 'complete', 'request.http').catch((caught: unknown) => caught)) as Error;
  expect(error.message).toMatch(/^<CodeFile example="complete" file="request\.http">: .*"request\.http" is a symbolic link/s);
  expect(error.message).not.toContain(SECRET_TEXT);
});
