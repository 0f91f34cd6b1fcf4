// prepareToolchains(): each language of the examples is detected and one of its files prepared by
// its own runner, in the run's cache, all before any case; a missing toolchain and a failed step are
// reported (language, command, output), never thrown. Made-up runners stand for the languages here.
// vitest project: unit (test/support/projects.ts)
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { formatPreparation, prepareToolchains } from '../../scripts/harness/harness.ts';
import { defineRunner, type LanguageRunner, type PrepareContext, type Toolchain } from '../../scripts/runners/runner-contract.ts';
import { runProcess } from '../../scripts/runners/process.ts';
import { stepFailed } from '../../scripts/runners/toolchain.ts';

const root = await mkdtemp(path.join(tmpdir(), 'rr-prepare-toolchains-'));
afterAll(() => rm(root, { recursive: true, force: true }));

/** Writes an example folder holding `files`. */
async function example(id: string, files: string[]): Promise<void> {
  await mkdir(path.join(root, id));
  await writeFile(path.join(root, id, 'example.json'), JSON.stringify({ title: id, operation: 'listClients' }));
  for (const file of files) await writeFile(path.join(root, id, file), '# a program\n');
}
await example('first', ['first.py', 'first.sh']);
await example('second', ['second.py', 'second.go']);
await writeFile(path.join(root, 'requirements.txt'), 'requests\n');

/** A made-up runner for `id` that records what it was asked to prepare and answers with `prepare`. */
function runner(id: string, extension: string, toolchain: Toolchain, prepare: (file: string) => Promise<void> = async () => {}) {
  const asked: Array<{ file: string; context: PrepareContext }> = [];
  const made: LanguageRunner = defineRunner({
    id,
    label: id.toUpperCase(),
    extensions: [extension],
    grammar: id,
    // Installs from the examples' requirements.txt, like the Python runner: the run's dependency folder is theirs.
    dependencyFiles: id === 'python' ? ['requirements.txt'] : [],
    scaffold: {
      file: new URL(`./never-scaffolded${extension}`, import.meta.url),
      fileName: (name) => `${name}${extension}`,
      lineComment: '#',
    },
    detect: async () => toolchain,
    async prepare(file, context) {
      asked.push({ file, context });
      await prepare(file);
      return { command: 'true', args: [], cwd: root, runtime: `${id} runtime` };
    },
    run: runProcess,
  });
  return { runner: made, asked };
}

describe('prepareToolchains', () => {
  const python = runner('python', '.py', { available: true, version: 'Python 3' });
  const go = runner('go', '.go', { available: true, version: 'Go 1' }, async (file) => {
    throw stepFailed('go build', file, 'second.go:1:1: expected package\nexit status 1');
  });
  const curl = runner('curl', '.sh', { available: false, reason: 'curl not found on PATH' });
  const java = runner('java', '.java', { available: true, version: 'Java 17' });
  const cacheDir = path.join(root, 'cache');
  const signal = new AbortController().signal;
  const preparing = prepareToolchains({ root, runners: [python.runner, go.runner, curl.runner, java.runner], cacheDir, signal });

  test('prepares the first file of each language once, in the cache and with the dependencies a run uses', async () => {
    await preparing;
    expect(python.asked).toEqual([{ file: path.join(root, 'first', 'first.py'), context: { cacheDir, snippetsRoot: root, signal } }]);
    expect(go.asked.map((call) => call.file)).toEqual([path.join(root, 'second', 'second.go')]);
  });

  test('reports every language the examples use, in runner order, and none they do not use', async () => {
    expect((await preparing).map((preparation) => [preparation.language, preparation.state])).toEqual([
      ['python', 'ready'],
      ['go', 'failed'],
      ['curl', 'missing'],
    ]);
    expect(java.asked).toEqual([]);
  });

  test('names the language, the command and its output for a toolchain that could not be prepared', async () => {
    const failed = (await preparing).find((preparation) => preparation.language === 'go')!;
    expect(formatPreparation(failed)).toMatch(
      /^GO: could not be prepared \(\d+\.\d s\): go build failed for .*second\.go:\nsecond\.go:1:1: expected package\nexit status 1$/,
    );
  });

  test('says a missing toolchain is skipped, or fails under CI=true, with its reason; and what a ready one runs', async () => {
    const [ready, , missing] = await preparing;
    expect(formatPreparation(missing!)).toBe(
      'CURL: no toolchain here (curl not found on PATH); its cases are skipped, or fail under CI=true',
    );
    expect(formatPreparation(ready!)).toMatch(/^PYTHON: ready in \d+\.\d s \(python runtime; prepared .*first\.py\)$/);
  });
});
