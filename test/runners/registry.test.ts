// The default runners and finding a file's runner, including one registered later.
// vitest project: unit (test/support/projects.ts)
import { dirname } from 'node:path';
import { describe, expect, test } from 'vitest';
import { LANGUAGES } from '../../scripts/languages.ts';
import { javascriptRunner } from '../../scripts/runners/javascript.ts';
import { defineRunner } from '../../scripts/runners/runner-contract.ts';
import { runSnippet } from '../../scripts/runners/toolchain.ts';
import { DEFAULT_RUNNERS, DEFAULT_RUNNERS_BY_ID, runnerById, runnerForFile } from '../../scripts/runners/registry.ts';

/** A runner for a made-up language (with JavaScript's facts but for its name), registered through the same contract. */
const rocketRunner = defineRunner({
  ...javascriptRunner,
  id: 'rocket',
  label: 'Rocket',
  extensions: ['.rr'],
  async detect() {
    return { available: true, version: 'Rocket 1.0' };
  },
  async prepare(file) {
    return { command: 'bash', args: [file], cwd: dirname(file) };
  },
  run: runSnippet,
});

describe('DEFAULT_RUNNERS', () => {
  test('lists the five languages in tab order with their labels and extensions', () => {
    expect(DEFAULT_RUNNERS.map(({ id, label, extensions }) => ({ id, label, extensions }))).toEqual(
      LANGUAGES.map(({ id, label, extensions }) => ({ id, label, extensions })),
    );
  });

  test('runs every language through runSnippet (runProcess), which watches the whole output for the secrets it is given', () => {
    for (const runner of DEFAULT_RUNNERS) expect(runner.run, runner.id).toBe(runSnippet);
  });

  test('keys the same runners by id', () => {
    expect(Object.values(DEFAULT_RUNNERS_BY_ID)).toEqual(DEFAULT_RUNNERS);
    for (const [id, runner] of Object.entries(DEFAULT_RUNNERS_BY_ID)) expect(runner.id).toBe(id);
  });
});

describe('runnerForFile', () => {
  test.each([
    ['snippets/list-clients/list-clients.mjs', 'javascript'],
    ['snippets/a/b.js', 'javascript'],
    ['snippets/a/b.py', 'python'],
    ['snippets/a/b.go', 'go'],
    ['snippets/a/ListClients.java', 'java'],
    ['snippets/a/b.sh', 'curl'],
    ['SNIPPETS/A/B.PY', 'python'],
  ])('finds the runner of %s', (file, id) => {
    expect(runnerForFile(file)?.id).toBe(id);
  });

  test('returns undefined for an extension no runner claims', () => {
    expect(runnerForFile('snippets/a/request.http')).toBeUndefined();
    expect(runnerForFile('snippets/a/b.rr')).toBeUndefined();
  });

  test('finds a runner registered later by passing a longer list', () => {
    const runners = [...DEFAULT_RUNNERS, rocketRunner];
    expect(runnerForFile('snippets/a/b.rr', runners)).toBe(rocketRunner);
    expect(runnerForFile('snippets/a/b.go', runners)?.id).toBe('go');
    expect(runnerById('rocket', runners)).toBe(rocketRunner);
  });

  test('prefers the longest matching extension', () => {
    const special = defineRunner({ ...rocketRunner, id: 'special-js', extensions: ['.special.js'] });
    expect(runnerForFile('a/b.special.js', [...DEFAULT_RUNNERS, special])).toBe(special);
    expect(runnerForFile('a/b.js', [...DEFAULT_RUNNERS, special])?.id).toBe('javascript');
  });
});
