// Which files the scan reads: in a git checkout, what git would commit (tracked, or untracked and
// not ignored); elsewhere, every file but dependencies and what builds leave. Token-shaped strings
// are reported under snippets/ and docs/; credentials and hidden characters anywhere, but for the
// explicit exceptions.
// vitest project: unit (test/support/projects.ts)
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { execa } from 'execa';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { listFiles, scanTree } from '../../scripts/secrets/scanned-files.ts';
import { FAKE_GITHUB_TOKEN } from '../support/credentials.ts';

const TOKEN = 'u-Planted0123456789abcdefghijKLMN';

let root: string;
beforeEach(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'rr-secrets-'));
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

/** Writes `files` (relative path -> content) under the temporary root. */
async function plant(files: Record<string, string | Uint8Array>): Promise<void> {
  for (const [name, content] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(root, name)), { recursive: true });
    await writeFile(path.join(root, name), content);
  }
}

describe('scanTree outside a git checkout', () => {
  test('reads every file but dependencies and build output; reports tokens under snippets/ and docs/ only', async () => {
    await plant({
      'snippets/leak/leak.py': `import os\nTOKEN = "${TOKEN}"\n`,
      'docs/pages/guide.mdx': `Send \`Authorization: u-your-token-here\`, then make a u-turn.\n`,
      'docs/public/logo.png': new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, ...new TextEncoder().encode(TOKEN)]),
      'scripts/elsewhere.ts': `const token = '${TOKEN}';\n`,
      'snippets/node_modules/dep/index.js': `'${TOKEN}'`,
      '.cache/results/entry.json': `"${FAKE_GITHUB_TOKEN}"`,
    });
    const scan = await scanTree(root);
    expect(scan.source).toBe('walk');
    expect(scan.files).toEqual(['docs/pages/guide.mdx', 'docs/public/logo.png', 'scripts/elsewhere.ts', 'snippets/leak/leak.py']);
    expect(scan.findings).toEqual([
      // A NUL early on no longer hides a file from the scan.
      { file: 'docs/public/logo.png', line: 2, column: 1, kind: 'user-token', text: TOKEN },
      { file: 'snippets/leak/leak.py', line: 2, column: 10, kind: 'user-token', text: TOKEN },
    ]);
  });

  test('reports a credential or a hidden character in any file, but for an explicit exception', async () => {
    await plant({
      'scripts/config.ts': `export const key = '${FAKE_GITHUB_TOKEN}';\n`,
      'test/fixtures/bidi/bidi.mjs': '/* \u202e */\n',
      'test/fixtures/allowed/allowed.mjs': '/* \u202e */\n',
    });
    const exceptions = [{ file: 'test/fixtures/allowed/allowed.mjs', kind: 'hidden-character' as const, why: 'a fixture' }];
    const scan = await scanTree(root, exceptions);
    expect(scan.findings.map((finding) => [finding.file, finding.kind])).toEqual([
      ['scripts/config.ts', 'github-token'],
      ['test/fixtures/bidi/bidi.mjs', 'hidden-character'],
    ]);
  });

  test('finds nothing in an empty tree', async () => {
    expect(await scanTree(root)).toEqual({ files: [], source: 'walk', findings: [] });
  });
});

describe('listFiles in a git checkout', () => {
  test('lists tracked and untracked files but not ignored ones', async () => {
    await execa('git', ['init', '--quiet'], { cwd: root });
    await plant({
      '.gitignore': 'docs/drafts/\n',
      'docs/tracked.mdx': 'tracked',
      'docs/untracked.mdx': 'untracked',
      'docs/drafts/secret.mdx': TOKEN,
      'snippets/a/a.sh': 'echo',
    });
    await execa('git', ['add', 'docs/tracked.mdx'], { cwd: root });
    expect(await listFiles(root)).toEqual({
      files: ['.gitignore', 'docs/tracked.mdx', 'docs/untracked.mdx', 'snippets/a/a.sh'],
      source: 'git',
    });
    expect(await listFiles(root, ['docs'])).toEqual({ files: ['docs/tracked.mdx', 'docs/untracked.mdx'], source: 'git' });
  });
});
