// Trojan Source: an example whose snippet, manifest or raw request holds a bidirectional control
// or an invisible format character is refused before anything runs or is published, naming the
// file, the line, the column and the character. The fixture test/fixtures/trojan-source/ hides a
// request to another host behind a right-to-left override in a comment.
// vitest project: programs (test/support/projects.ts)
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { execa } from 'execa';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ManifestError } from '../../scripts/manifest/errors.ts';
import { discoverExamples, loadExample } from '../../scripts/manifest/examples.ts';
import { PROJECT_ROOT } from '../../scripts/project.ts';

const FIXTURE_ROOT = path.join(PROJECT_ROOT, 'test', 'fixtures', 'trojan-source');
const FIXTURE = path.join(FIXTURE_ROOT, 'hides-code');
const BIDI = 'a bidirectional control character, which can make code read differently from how it runs; remove it';

let scratch: string;
beforeAll(async () => {
  scratch = await mkdtemp(path.join(tmpdir(), 'rr-source-text-'));
});
afterAll(() => rm(scratch, { recursive: true, force: true }));

/** An example folder under the scratch folder with `files` (name -> content) beside a valid manifest and snippet. */
async function example(name: string, files: Record<string, string>): Promise<string> {
  const dir = path.join(scratch, name);
  await mkdir(dir, { recursive: true });
  const all = {
    'example.json': JSON.stringify({ title: 'List', operation: 'listClients' }),
    'list.sh': 'curl https://api.requestrocket.com/api/clients\n',
    ...files,
  };
  for (const [file, content] of Object.entries(all)) await writeFile(path.join(dir, file), content);
  return dir;
}

describe('an example holding a hidden or reordering character', () => {
  test('the fixture is refused, naming the file, line, column and character of each', async () => {
    const error = await loadExample(FIXTURE).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ManifestError);
    const message = (error as Error).message;
    expect(message).toMatch(
      /^test\/fixtures\/trojan-source\/hides-code: refused: it holds characters that make its code read differently from how it runs \(Trojan Source\)\n/,
    );
    expect(message).toContain(`  - "hides-code.mjs" line 6, column 3: U+202E RIGHT-TO-LEFT OVERRIDE, ${BIDI}`);
    expect(message).toContain(`  - "hides-code.mjs" line 6, column 7: U+2066 LEFT-TO-RIGHT ISOLATE, ${BIDI}`);
    expect(message).toContain(`  - "hides-code.mjs" line 8, column 21: U+202E RIGHT-TO-LEFT OVERRIDE, ${BIDI}`);
    await expect(discoverExamples(FIXTURE_ROOT)).rejects.toThrow('U+202E RIGHT-TO-LEFT OVERRIDE');
  });

  test.for([
    [
      'example.json',
      { 'example.json': JSON.stringify({ title: 'List\u202e', operation: 'listClients' }) },
      1,
      15,
      'U+202E RIGHT-TO-LEFT OVERRIDE',
    ],
    [
      'request.http',
      { 'request.http': 'GET /api/clients HTTP/1.1\nHost: api.requestrocket.com\u200b\n' },
      2,
      28,
      'U+200B ZERO WIDTH SPACE',
    ],
    ['list.sh', { 'list.sh': 'curl https://api.requestrocket.com/api/clients # \u2067\n' }, 1, 50, 'U+2067 RIGHT-TO-LEFT ISOLATE'],
    ['list.sh', { 'list.sh': 'token=x\u00ady\n' }, 1, 8, 'U+00AD SOFT HYPHEN'],
    ['list.sh', { 'list.sh': 'echo ok\u{e0041}\n' }, 1, 8, 'U+E0041 TAG LATIN CAPITAL LETTER A'],
  ] as const)('%s is refused by name, line and column', async ([file, files, line, column, character]) => {
    const dir = await example(`${file.replace('.', '-')}-${line}-${column}`, files);
    await expect(loadExample(dir)).rejects.toThrow(`  - "${file}" line ${line}, column ${column}: ${character}, `);
  });

  test('a byte order mark at the start of a file is allowed', async () => {
    const dir = await example('bom', { 'list.sh': '\ufeffcurl https://api.requestrocket.com/api/clients\n' });
    expect((await loadExample(dir)).files.map((file) => file.name)).toEqual(['list.sh']);
  });

  test('npm run snippets stops with exit code 2 before running anything, naming the character', async () => {
    const result = await execa(process.execPath, ['scripts/harness/cli/snippets-cli.ts', '--root', FIXTURE_ROOT, '--list'], {
      cwd: PROJECT_ROOT,
      reject: false,
      env: { CI: '', GITHUB_ACTIONS: '' },
    });
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toContain('snippets: test/fixtures/trojan-source/hides-code: refused:');
    expect(result.stderr).toContain('"hides-code.mjs" line 6, column 3: U+202E RIGHT-TO-LEFT OVERRIDE');
    expect(result.stdout).not.toMatch(/case\(s\)/);
  });
});
