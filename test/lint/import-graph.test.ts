// The import graph follows every way a module names another (and the files it loads from beside
// itself), skips comments and packages, and names the importer of a file that is not there.
// vitest project: unit (test/support/projects.ts)
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { importGraph, importedSpecifiers } from '../../scripts/import-graph.ts';

const root = await mkdtemp(path.join(tmpdir(), 'rr-import-graph-'));
afterAll(() => rm(root, { recursive: true, force: true }));

/** Writes the files of a small tree under the test's folder. */
async function tree(files: Record<string, string>): Promise<string> {
  const dir = await mkdtemp(path.join(root, 'tree-'));
  for (const [name, text] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(dir, name)), { recursive: true });
    await writeFile(path.join(dir, name), text);
  }
  return dir;
}

describe('importedSpecifiers', () => {
  test.for([
    ["import { a } from './a.ts';", './a.ts'],
    ["import {\n  a,\n  b,\n} from '../b.ts';", '../b.ts'],
    ["export { c } from './c.ts';", './c.ts'],
    ["export * as d from './d.ts';", './d.ts'],
    ["import './effects.ts';", './effects.ts'],
    ["const e = await import('./e.ts');", './e.ts'],
    ["import data from './data.json' with { type: 'json' };", './data.json'],
  ] as const)('finds %j', ([source, specifier]) => {
    expect(importedSpecifiers(source).modules).toEqual([specifier]);
  });

  test('leaves out packages, node: modules and imports in comments', () => {
    const source = "import { z } from 'zod';\nimport fs from 'node:fs';\n// import { x } from './x.ts';\n/* import './y.ts'; */\n";
    expect(importedSpecifiers(source).modules).toEqual([]);
  });

  test('follows type-only imports unless asked not to', () => {
    const source = "import type { T } from './types.ts';\nexport type { U } from './more-types.ts';\n";
    expect(importedSpecifiers(source).modules).toEqual(['./types.ts', './more-types.ts']);
    expect(importedSpecifiers(source, { typeImports: false }).modules).toEqual([]);
  });

  test('follows dynamic imports unless asked not to', () => {
    const source = "import './effects.ts';\nconst later = () => import('./later.ts');\n";
    expect(importedSpecifiers(source).modules).toEqual(['./effects.ts', './later.ts']);
    expect(importedSpecifiers(source, { dynamicImports: false }).modules).toEqual(['./effects.ts']);
  });

  test('finds the files a module loads from beside itself', () => {
    expect(importedSpecifiers("const f = fileURLToPath(new URL('./java/Training.java', import.meta.url));").beside).toEqual([
      './java/Training.java',
    ]);
  });
});

describe('importGraph', () => {
  test('reaches every module through others, and every file of a folder named beside one unless told the modules alone', async () => {
    const dir = await tree({
      'entry.ts': "import { a } from './lib/a.ts';\nexport const run = a;\n",
      'lib/a.ts': "export { b as a } from './b.ts';\nconst t = new URL('./templates/', import.meta.url);\n",
      'lib/b.ts': "import { a } from './a.ts';\nexport const b = 1;\n",
      'lib/templates/one.txt': 'one',
      'lib/templates/deep/two.txt': 'two',
      'unrelated.ts': 'export const no = 0;\n',
    });
    const found = importGraph([path.join(dir, 'entry.ts')]).map((file) => path.relative(dir, file));
    expect(found).toEqual(['entry.ts', 'lib/a.ts', 'lib/b.ts', 'lib/templates/deep/two.txt', 'lib/templates/one.txt']);
    const modules = importGraph([path.join(dir, 'entry.ts')], { besideFiles: false }).map((file) => path.relative(dir, file));
    expect(modules).toEqual(['entry.ts', 'lib/a.ts', 'lib/b.ts']);
  });

  test('names the importer of a module that is not there', async () => {
    const dir = await tree({ 'entry.ts': "import { gone } from './gone.ts';\n" });
    expect(() => importGraph([path.join(dir, 'entry.ts')])).toThrow(/entry\.ts: imports "\.\/gone\.ts", which is not a file/);
  });
});
