// A misspelt field in an example's manifest stops `npm run snippets` and `npm run build` alike:
// exit code 2 and the manifest's message naming the file and the field, never a stack trace; also
// when only Astro's build meets the bad manifest (the harness had read it before it was edited).
// vitest project: programs (test/support/projects.ts)
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { execa } from 'execa';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { astroBuild } from '../../scripts/astro-build.ts';
import { PROJECT_ROOT } from '../../scripts/project.ts';
import { buildEnvironment, makeBuildDir } from '../site/build-site.ts';

let snippets: string;
let outDir: string;

/** The message every command must print for the misspelt field, after its own `name: `. */
const problem = () =>
  `${path.relative(PROJECT_ROOT, path.join(snippets, 'list-clients', 'example.json'))}: invalid example manifest\n` +
  '  - the manifest: unknown field(s) "descripton"; expected only: $schema, title, description, operation, steps, parameters, timeoutMs, requestTimeoutMs, scenarios\n';

/** Runs one of the project's command-line scripts the way its npm script does. */
const run = (script: string, args: readonly string[], env: Record<string, string> = {}) =>
  execa(process.execPath, [script, ...args], {
    cwd: PROJECT_ROOT,
    reject: false,
    stripFinalNewline: false,
    extendEnv: false,
    env: { ...buildEnvironment(), GITHUB_ACTIONS: '', CI: '', ...env },
  });

beforeAll(async () => {
  await mkdir(path.join(PROJECT_ROOT, '.cache'), { recursive: true });
  snippets = await mkdtemp(path.join(PROJECT_ROOT, '.cache', 'bad-manifest-snippets-'));
  await cp(path.join(PROJECT_ROOT, 'snippets'), snippets, { recursive: true });
  const manifest = path.join(snippets, 'list-clients', 'example.json');
  await writeFile(manifest, (await readFile(manifest, 'utf8')).replace('"description":', '"descripton":'));
  outDir = await makeBuildDir();
});

afterAll(async () => {
  await rm(snippets, { recursive: true, force: true });
  await rm(outDir, { recursive: true, force: true });
});

describe('a misspelt field in example.json', () => {
  test('npm run snippets stops with exit code 2 and the manifest message', async () => {
    const result = await run('scripts/harness/cli/snippets-cli.ts', ['--root', snippets]);
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toBe(`snippets: ${problem()}`);
  });

  test('npm run build stops with exit code 2 and the same message, without a stack trace, before building', async () => {
    const result = await run('scripts/build-site.ts', ['--outDir', outDir], { RR_DOCS_SNIPPETS: snippets });
    expect(result.stderr).toBe(`build: ${problem()}`);
    expect(result.exitCode).toBe(2);
    expect(result.stdout).not.toContain('Running every snippet');
  });

  test("npm run build's Astro step, meeting the bad manifest itself, stops the same way", { timeout: 120_000 }, async () => {
    let errors = '';
    const exitCode = await astroBuild({
      astroArgs: ['--outDir', outDir],
      reportPath: path.join(snippets, 'report.json'),
      env: { ...buildEnvironment(), RR_DOCS_SNIPPETS: snippets, CI: '' },
      stdout: 'ignore',
      writeError: (text) => (errors += text),
    });
    expect(errors).toBe(`build: ${problem()}`);
    expect(exitCode).toBe(2);
  });
});
