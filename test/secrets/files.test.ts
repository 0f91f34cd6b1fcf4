// Which files the scan reads: in a git checkout, what git would commit under snippets/ and docs/
// (tracked, or untracked and not ignored); elsewhere, every file in those folders.
// vitest project: unit (test/support/projects.ts)
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { execa } from 'execa';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { listFiles, scanTree } from '../../scripts/secrets/scanned-files.ts';

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
  test('reads every file under snippets/ and docs/, and nothing else', async () => {
    await plant({
      'snippets/leak/leak.py': `import os\nTOKEN = "${TOKEN}"\n`,
      'docs/pages/guide.mdx': `Send \`Authorization: u-your-token-here\`, then make a u-turn.\n`,
      'docs/public/logo.png': new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, ...new TextEncoder().encode(TOKEN)]),
      'scripts/elsewhere.ts': `const token = '${TOKEN}';\n`,
      'snippets/node_modules/dep/index.js': `'${TOKEN}'`,
    });
    const scan = await scanTree(root);
    expect(scan.source).toBe('walk');
    expect(scan.files).toEqual(['docs/pages/guide.mdx', 'docs/public/logo.png', 'snippets/leak/leak.py']);
    expect(scan.findings).toEqual([
      // A NUL early on no longer hides a file from the scan.
      { file: 'docs/public/logo.png', line: 2, column: 1, token: TOKEN },
      { file: 'snippets/leak/leak.py', line: 2, column: 10, token: TOKEN },
    ]);
  });

  test('finds nothing in a tree without the folders', async () => {
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
    expect(await listFiles(root)).toEqual({ files: ['docs/tracked.mdx', 'docs/untracked.mdx', 'snippets/a/a.sh'], source: 'git' });
  });
});
