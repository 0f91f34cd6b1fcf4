// The files a program is made of: its entry points and every module they import, directly or
// through others, read from the import statements themselves (static imports, `export … from`,
// `import('…')` with a literal), plus the files a module loads from beside itself with
// `new URL('./file', import.meta.url)` (a folder named that way counts with every file in it).
// A file the code reads by any other route is not seen: name it with `new URL` to make it count.
// Package imports are left out: the lock file speaks for them.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

/** How to follow imports. */
export interface ImportGraphOptions {
  /** Follow `import type` / `export type` too (default true); false gives what runs when the entry is loaded. */
  typeImports?: boolean;
  /** Follow `import('…')` too (default true); false leaves out what loads only when the code that imports it is called. */
  dynamicImports?: boolean;
  /** Count the files named with `new URL(…, import.meta.url)` (default true); false gives the modules alone. */
  besideFiles?: boolean;
}

// `… from './x.ts'` closes every static import and re-export, however its clause is spread over lines.
const FROM = /\b(import|export)(\s+type)?\b[^;'"`]*?\bfrom\s*(['"])(\.{1,2}\/[^'"]+)\3/g;
// `import './x.ts'` (for its effects) and `import('./x.ts')` (group 1 holds the parenthesis).
const BARE_OR_DYNAMIC = /\bimport\s*(\(?)\s*(['"])(\.{1,2}\/[^'"]+)\2/g;
// `new URL('./file', import.meta.url)`: a file or folder loaded from beside the module.
const BESIDE = /\bnew\s+URL\(\s*(['"])(\.{1,2}\/[^'"]*)\1\s*,\s*import\.meta\.url\s*\)/g;
// Comments, so that an import written in one is not followed (line comments only when the line is one).
const COMMENTS = /\/\*[\s\S]*?\*\/|^\s*\/\/.*$/gm;

/** Every regular file under `dir`, absolute. */
function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const absolute = path.join(dir, entry.name);
    if (entry.isDirectory()) return filesUnder(absolute);
    return entry.isFile() ? [absolute] : [];
  });
}

/** The relative specifiers `source` imports, and the files it names beside itself. */
export function importedSpecifiers(source: string, options: ImportGraphOptions = {}): { modules: string[]; beside: string[] } {
  const code = source.replace(COMMENTS, '');
  const modules = new Set<string>();
  for (const match of code.matchAll(FROM)) {
    if (match[2] && options.typeImports === false) continue;
    modules.add(match[4]!);
  }
  for (const match of code.matchAll(BARE_OR_DYNAMIC)) {
    if (match[1] && options.dynamicImports === false) continue;
    modules.add(match[3]!);
  }
  const beside = [...code.matchAll(BESIDE)].map((match) => match[2]!);
  return { modules: [...modules], beside };
}

/**
 * Every file reachable from `entries` (absolute paths, sorted): the entries, the modules they import
 * and the files named beside them. A specifier that names no file is an error naming the importer.
 */
export function importGraph(entries: readonly string[], options: ImportGraphOptions = {}): string[] {
  const seen = new Set<string>();
  const pending = entries.map((entry) => path.resolve(entry));
  while (pending.length > 0) {
    const file = pending.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    if (!/\.(ts|mts|mjs|js)$/.test(file)) continue;
    const { modules, beside } = importedSpecifiers(readFileSync(file, 'utf8'), options);
    for (const specifier of modules) {
      const target = path.resolve(path.dirname(file), specifier);
      try {
        if (!statSync(target).isFile()) throw new Error('not a file');
      } catch {
        throw new Error(`${file}: imports "${specifier}", which is not a file (${target})`);
      }
      pending.push(target);
    }
    for (const specifier of options.besideFiles === false ? [] : beside) {
      const target = path.resolve(path.dirname(file), specifier);
      const stat = statSync(target, { throwIfNoEntry: false });
      if (stat?.isDirectory()) for (const inside of filesUnder(target)) seen.add(inside);
      else if (stat?.isFile()) seen.add(target);
    }
  }
  return [...seen].sort();
}
