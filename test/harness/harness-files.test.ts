// The harness files are derived from the harness's imports: touching any module it imports, in any
// folder, changes the fingerprint, makes every cached result stale and `--changed` run every
// example; a file it does not import changes nothing. Each test edits a copy of the project.
// vitest project: programs (test/support/projects.ts)
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { execa } from 'execa';
import { afterAll, describe, expect, test } from 'vitest';
import { PROJECT_ROOT, planHarness } from '../../scripts/harness/harness.ts';
import { importGraph } from '../../scripts/import-graph.ts';
import { HARNESS_ENTRY, harnessFiles, harnessFingerprint } from '../../scripts/report/harness-files.ts';
import { HarnessReportSchema } from '../../scripts/report/report-schema.ts';
import { copyProject, touchFile } from '../support/project-copy.ts';

const scratch = await mkdtemp(path.join(tmpdir(), 'rr-harness-files-'));
afterAll(() => rm(scratch, { recursive: true, force: true }));

/** A file the harness does not import, in each of the places one could think it might. */
const NOT_HARNESS = ['docs/pages/core-api/authentication.mdx', 'scripts/bench/synthetic.ts', 'scripts/live/budget.ts', 'README.md'];

const files = harnessFiles(PROJECT_ROOT);

/** One harness file per folder the harness files lie in. */
const onePerFolder = [...new Map(files.map((file) => [path.posix.dirname(file), file])).values()];

describe('harnessFiles', () => {
  test('is the import graph of the harness, with the files it loads, the dependency files and the package pins', () => {
    const graph = importGraph([path.join(PROJECT_ROOT, HARNESS_ENTRY)]).map((file) => path.relative(PROJECT_ROOT, file));
    expect(files).toEqual(
      [
        ...new Set([...graph, 'snippets/requirements.txt', 'snippets/pom.xml', 'package.json', 'package-lock.json', '.node-version']),
      ].sort(),
    );
    expect(files).toEqual(
      expect.arrayContaining([
        'scripts/harness/harness.ts',
        'scripts/secrets/stream-scan.ts',
        'scripts/secrets/safe-text.ts',
        'scripts/sandbox/sandbox.ts',
        'scripts/report/report-schema.ts',
        'scripts/runners/java/Training.java',
        'scripts/report/harness-files.ts',
        'scripts/import-graph.ts',
      ]),
    );
    for (const file of NOT_HARNESS) expect(files).not.toContain(file);
  });

  test('refuses a folder that holds no harness, naming it', () => {
    expect(() => harnessFiles(scratch)).toThrow(`${scratch}: no harness here (expected ${HARNESS_ENTRY})`);
  });
});

describe('harnessFingerprint', () => {
  /** A copy of `base` with `edit` applied, and its fingerprint (each copy is a root of its own: the fingerprint is read once per root). */
  async function fingerprintAfter(base: string, edit: (root: string) => Promise<void>): Promise<string> {
    const root = await mkdtemp(path.join(scratch, 'variant-'));
    await cp(base, root, { recursive: true });
    await edit(root);
    return harnessFingerprint(root);
  }

  test('changes when any harness file changes, in every folder the harness files lie in', { timeout: 120_000 }, async () => {
    const base = await copyProject({}, scratch);
    const before = harnessFingerprint(base);
    expect(before).toBe(harnessFingerprint(PROJECT_ROOT));
    expect(onePerFolder.map((file) => path.posix.dirname(file))).toEqual(
      expect.arrayContaining(['scripts/secrets', 'scripts/sandbox', 'scripts/report', 'scripts/runners/java', 'snippets', '.']),
    );
    const after = new Map<string, string>();
    for (const file of onePerFolder) after.set(file, await fingerprintAfter(base, (root) => touchFile(root, file)));
    for (const [file, fingerprint] of after) expect(fingerprint, file).not.toBe(before);
    expect(new Set(after.values()).size).toBe(onePerFolder.length);
  });

  test('stays the same when a file the harness does not import changes', async () => {
    const base = await copyProject({}, scratch);
    const before = harnessFingerprint(base);
    for (const file of NOT_HARNESS.filter((name) => name !== 'README.md')) {
      expect(await fingerprintAfter(base, (root) => touchFile(root, file)), file).toBe(before);
    }
    expect(await fingerprintAfter(base, (root) => writeFile(path.join(root, 'scripts', 'harness', 'notes.md'), 'notes\n'))).toBe(before);
  });

  test('follows a module in a new folder from the day the harness imports it', async () => {
    const base = await copyProject({}, scratch);
    const importing = await fingerprintAfter(base, async (root) => {
      await mkdir(path.join(root, 'scripts', 'extra'));
      await writeFile(path.join(root, 'scripts', 'extra', 'extra.ts'), 'export const EXTRA = 1;\n');
      const plan = path.join(root, 'scripts', 'harness', 'run', 'plan.ts');
      await writeFile(plan, `import '../../extra/extra.ts';\n${await readFile(plan, 'utf8')}`);
      expect(harnessFiles(root)).toContain('scripts/extra/extra.ts');
    });
    const edited = await fingerprintAfter(base, async (root) => {
      await mkdir(path.join(root, 'scripts', 'extra'));
      await writeFile(path.join(root, 'scripts', 'extra', 'extra.ts'), 'export const EXTRA = 2;\n');
      const plan = path.join(root, 'scripts', 'harness', 'run', 'plan.ts');
      await writeFile(plan, `import '../../extra/extra.ts';\n${await readFile(plan, 'utf8')}`);
    });
    expect(importing).not.toBe(harnessFingerprint(base));
    expect(edited).not.toBe(importing);
  });
});

describe('--changed', () => {
  test.for([
    ['scripts/secrets/stream-scan.ts', true],
    ['scripts/sandbox/sandbox.ts', true],
    ['scripts/report/report-schema.ts', true],
    ['scripts/runners/java/Training.java', true],
    ['snippets/requirements.txt', true],
    ['docs/pages/core-api/authentication.mdx', false],
    ['scripts/live/budget.ts', false],
  ] as const)('after a change to %s, runs every example: %s', async ([file, every]) => {
    const root = await copyProject({ git: true }, scratch);
    await touchFile(root, file);
    const plan = await planHarness({ root: path.join(root, 'snippets'), projectRoot: root, changedSince: 'HEAD' });
    expect(new Set(plan.cases.map((planned) => planned.example.id))).toEqual(
      new Set(every ? plan.examples.map((example) => example.id) : []),
    );
    if (every) expect(plan.examples.length).toBeGreaterThan(2);
    expect(plan.notes).toEqual([`--changed HEAD: ${every ? `${file} changed, so every example runs` : 'no example changed'}`]);
  });
});

describe('the result cache of a copy of the project', () => {
  test(
    'reuses nothing after a harness module changes, in any folder, and everything after a page changes',
    { timeout: 240_000 },
    async () => {
      const root = await copyProject({ nodeModules: true }, scratch);
      const report = path.join(root, 'report.json');
      /** Runs the copy's own `npm run snippets` on two quick cases: how many results it reused, and the harness it recorded. */
      const run = async () => {
        const args = ['--example', 'list-clients', '--example', 'verify-token', '--lang', 'curl', '--scenario', 'ok', '--json', report];
        const result = await execa(process.execPath, [path.join(root, 'scripts', 'harness', 'cli', 'snippets-cli.ts'), ...args], {
          cwd: root,
          all: true,
          reject: false,
        });
        expect(result.exitCode, result.all).toBe(0);
        const written = HarnessReportSchema.parse(JSON.parse(await readFile(report, 'utf8')));
        expect(written.cases).toHaveLength(2);
        return { reused: written.summary.cached, harness: written.run.harness };
      };
      const first = await run();
      expect(first).toEqual({ reused: 0, harness: harnessFingerprint(root) });
      expect(await run()).toEqual({ reused: 2, harness: first.harness });
      await touchFile(root, 'docs/pages/core-api/authentication.mdx');
      expect(await run()).toEqual({ reused: 2, harness: first.harness });
      await touchFile(root, 'scripts/secrets/stream-scan.ts');
      const afterSecrets = await run();
      expect(afterSecrets.reused).toBe(0);
      expect(afterSecrets.harness).not.toBe(first.harness);
      expect(await run()).toEqual({ reused: 2, harness: afterSecrets.harness });
      await touchFile(root, 'scripts/sandbox/sandbox.ts');
      const afterSandbox = await run();
      expect(afterSandbox.reused).toBe(0);
      expect(afterSandbox.harness).not.toBe(afterSecrets.harness);
    },
  );
});
