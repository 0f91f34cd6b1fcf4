// The site loads the scripts through scripts/site-surface.ts only, and what that loads must start no
// process: no module it reaches when loaded imports execa, node:child_process or the sandbox. The
// runners' facts (label, grammar, dependency files) are read from the runner files themselves, whose
// process work loads only when a runner is called. The site's configuration loads none of the
// scripts: a build starts Shiki's thread first, and they load while it starts.
// vitest project: unit (test/support/projects.ts)
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { importGraph } from '../../scripts/import-graph.ts';

const PROJECT = path.resolve(import.meta.dirname, '../..');
const SURFACE = path.join(PROJECT, 'scripts', 'site-surface.ts');
const SANDBOX = path.join(PROJECT, 'scripts', 'sandbox') + path.sep;

/** Packages that start processes. */
const PROCESS_PACKAGES = new Set(['execa', 'node:child_process', 'child_process']);

/** What runs when `entry` is loaded: its static value imports, followed through every module. */
const loadedBy = (entry: string) =>
  importGraph([entry], { typeImports: false, dynamicImports: false }).filter((file) => /\.(ts|mts|mjs|js)$/.test(file));

/** The packages `file` imports when it is loaded (static imports that are not type-only). */
function loadedPackages(file: string): string[] {
  const code = readFileSync(file, 'utf8').replace(/\/\*[\s\S]*?\*\/|^\s*\/\/.*$/gm, '');
  const found = [...code.matchAll(/^\s*(?:import|export)(?!\s+type\b)[^;'"`]*?\bfrom\s*(['"])([^'"]+)\1|^\s*import\s*(['"])([^'"]+)\3/gm)];
  return found.map((match) => match[2] ?? match[4]!).filter((specifier) => !specifier.startsWith('.'));
}

/** Each loaded file that starts processes or is part of the sandbox, with why. */
function processStarters(entry: string): string[] {
  return loadedBy(entry).flatMap((file) => {
    const relative = path.relative(PROJECT, file);
    if (file.startsWith(SANDBOX)) return [`${relative}: part of the sandbox`];
    return loadedPackages(file)
      .filter((name) => PROCESS_PACKAGES.has(name))
      .map((name) => `${relative}: imports ${name}`);
  });
}

describe('scripts/site-surface.ts', () => {
  test('loads no module that imports execa, node:child_process or the sandbox', () => {
    expect(processStarters(SURFACE)).toEqual([]);
  });

  test('reads the languages from the runner files', () => {
    const loaded = loadedBy(SURFACE).map((file) => path.relative(PROJECT, file));
    expect(loaded).toEqual(expect.arrayContaining(['scripts/runners/registry.ts', 'scripts/runners/python.ts', 'scripts/runners/java.ts']));
  });
});

describe('the check', () => {
  test('finds the process starters the harness loads', () => {
    const found = processStarters(path.join(PROJECT, 'scripts', 'harness', 'harness.ts'));
    expect(found).toEqual(
      expect.arrayContaining(['scripts/harness/run/changes.ts: imports execa', 'scripts/sandbox/sandbox.ts: part of the sandbox']),
    );
  });

  test("sees a runner's process work when dynamic imports are followed", () => {
    const everything = importGraph([SURFACE], { typeImports: false }).map((file) => path.relative(PROJECT, file));
    expect(everything).toContain('scripts/runners/process.ts');
    expect(loadedPackages(path.join(PROJECT, 'scripts', 'runners', 'process.ts'))).toContain('execa');
  });
});

describe('astro.config.mjs', () => {
  test('loads none of the scripts with the configuration: the integrations import them when a hook needs them', () => {
    const loaded = importGraph([path.join(PROJECT, 'astro.config.mjs')], {
      typeImports: false,
      dynamicImports: false,
      besideFiles: false,
    }).map((file) => path.relative(PROJECT, file));
    expect(loaded).toContain('docs/integrations/code-highlight.ts');
    expect(loaded.filter((file) => file.startsWith(`scripts${path.sep}`))).toEqual([]);
  });
});
