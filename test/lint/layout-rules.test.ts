// The rules that keep the code easy to enter hold on the real tree: a file name means one thing
// wherever it appears, no module imports itself back through others, and the site sees the
// scripts through their public face only.
// vitest project: unit (test/support/projects.ts)
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, test } from 'vitest';
import { PROJECT_ROOT } from '../../scripts/project.ts';

/** Tracked source files under the folders whose names must be unique (fixtures and templates aside). */
function sourceFiles(): string[] {
  const tracked = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard', 'scripts', 'docs'], {
    cwd: PROJECT_ROOT,
    encoding: 'utf8',
  });
  return tracked.split('\n').filter((file) => /\.(ts|mjs|astro)$/.test(file) && !file.startsWith('scripts/scaffold/templates/'));
}

describe('file names', () => {
  test('no two source files under scripts/ and docs/ share a name', () => {
    const byName = new Map<string, string[]>();
    for (const file of sourceFiles()) {
      const name = path.basename(file).toLowerCase();
      byName.set(name, [...(byName.get(name) ?? []), file]);
    }
    const repeated = [...byName.values()].filter((files) => files.length > 1);
    expect(repeated).toEqual([]);
  });
});

describe('lint rules', () => {
  const eslint = new ESLint({ cwd: PROJECT_ROOT });
  const ruleIds = async (code: string, filePath: string) =>
    (await eslint.lintText(code, { filePath: path.join(PROJECT_ROOT, filePath) }))[0]!.messages.map((message) => message.ruleId);

  test('a page helper importing the engine directly is refused', async () => {
    const code = "import { readReport } from '../../scripts/report/report-io.ts';\nexport const read = readReport;\n";
    expect(await ruleIds(code, 'docs/lib/reads-the-engine.ts')).toContain('no-restricted-imports');
  });

  test('a page helper importing the public face is accepted', async () => {
    const code = "import { readReport } from '../../scripts/site-surface.ts';\nexport const read = readReport;\n";
    expect(await ruleIds(code, 'docs/lib/reads-the-surface.ts')).toEqual([]);
  });

  test('a module that imports one that imports it back is refused', async () => {
    // harness.ts is imported by the command line; importing the command line back closes a cycle.
    const code = "import { main } from './cli/snippets-cli.ts';\nexport const entry = main;\n";
    expect(await ruleIds(code, 'scripts/harness/harness.ts')).toContain('import-x/no-cycle');
  });
});
