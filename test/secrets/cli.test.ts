// `npm run check:secrets`, the repository's source scan: exit 1 with file:line:column, the token or
// credential masked or the character named, and what to do; exit 0 with one summary line when
// nothing is found; exit 2 on bad usage.
// vitest project: programs (test/support/projects.ts)
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { execa } from 'execa';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { PROJECT_ROOT } from '../../scripts/harness/harness.ts';
import { FAKE_CREDENTIALS } from '../support/credentials.ts';

const CLI = path.join(PROJECT_ROOT, 'scripts', 'secrets', 'check-secrets-cli.ts');
const TOKEN = 'u-Planted0123456789abcdefghijKLMN';

/** Runs the secret scan over `root` (execa drops the last newline of each stream). */
function checkSecrets(...args: string[]) {
  return execa(process.execPath, [CLI, ...args], { cwd: PROJECT_ROOT, reject: false });
}

let root: string;
beforeEach(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'rr-secrets-cli-'));
  await mkdir(path.join(root, 'docs', 'pages'), { recursive: true });
  await mkdir(path.join(root, 'snippets', 'list-clients'), { recursive: true });
  await writeFile(path.join(root, 'docs', 'pages', 'guide.mdx'), 'Authorization: u-your-token-here\n');
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('npm run check:secrets', () => {
  test('is the script package.json names', async () => {
    const manifest = JSON.parse(await readFile(path.join(PROJECT_ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
    expect(manifest.scripts['check:secrets']).toBe('node scripts/secrets/check-secrets-cli.ts');
  });

  test('exits 0 with one summary line when only the placeholder is there', async () => {
    const result = await checkSecrets('--root', root);
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toBe(
      'check:secrets: no token-shaped strings under snippets/ and docs/, and no credential-shaped strings or hidden characters, ' +
        'in 1 file (not a git checkout: every file was read)',
    );
  });

  test('exits 1 naming file, line and column, with the token masked and what to do instead', async () => {
    await writeFile(path.join(root, 'snippets', 'list-clients', 'list_clients.py'), `import os\n\ntoken = "${TOKEN}"\n`);
    const result = await checkSecrets('--root', root);
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toContain('snippets/list-clients/list_clients.py:3:10: token-shaped string u-Pl…(33 chars)');
    expect(result.stderr).toContain(
      'check:secrets: 1 token- or credential-shaped string in 1 file (not a git checkout: every file was read).',
    );
    expect(result.stderr).toContain('write the placeholder u-your-token-here');
    expect(result.stderr).toContain('read the token from the REQUESTROCKET_USER_TOKEN environment variable');
    expect(`${result.stdout}${result.stderr}`).not.toContain(TOKEN);
  });

  test('exits 1 on a credential in any file and on a bidirectional control, naming each, the credential masked', async () => {
    await mkdir(path.join(root, 'scripts'), { recursive: true });
    await writeFile(path.join(root, 'scripts', 'keys.ts'), `export const key = '${FAKE_CREDENTIALS['aws-access-key-id']}';\n`);
    await writeFile(path.join(root, 'snippets', 'list-clients', 'list-clients.mjs'), 'const admin = false; /* \u202e } */\n');
    const result = await checkSecrets('--root', root);
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toContain('scripts/keys.ts:1:21: credential-shaped string (an AWS access key id) AKIA…(20 chars)');
    expect(result.stderr).toContain(
      'snippets/list-clients/list-clients.mjs:1:25: U+202E RIGHT-TO-LEFT OVERRIDE, a bidirectional control character, which can make code read differently from how it runs; remove it',
    );
    expect(result.stderr).toContain('check:secrets: 1 token- or credential-shaped string and 1 hidden character in 2 files');
    expect(result.stderr).toContain('(Trojan Source): delete them');
    expect(`${result.stdout}${result.stderr}`).not.toContain(FAKE_CREDENTIALS['aws-access-key-id']);
  });

  test('exits 2 when --root is not a folder', async () => {
    const result = await checkSecrets('--root', path.join(root, 'missing'));
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toContain(`check:secrets: --root ${path.join(root, 'missing')}: no such folder; expected the project folder`);
  });
});
