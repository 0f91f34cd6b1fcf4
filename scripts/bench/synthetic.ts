// Synthetic examples for `npm run bench -- --examples N`: N copies of a reference example under
// other ids, each file renamed the way `npm run new-example` names it (and the Java class with it),
// with one comment naming the copy, so every copy has bytes of its own and is built on its own.
import { chmod, mkdir, readFile, readdir, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pascalCase } from '../runners/file-names.ts';
import { DEFAULT_RUNNERS } from '../runners/registry.ts';
import type { LanguageRunner } from '../runners/runner-contract.ts';

/** The example the copies are made of. */
export const REFERENCE_EXAMPLE = 'list-clients';

/** The id of the `index`-th copy (1-based): `bench-copy-a`, …, `bench-copy-z`, `bench-copy-aa`, … */
export function syntheticId(index: number): string {
  let letters = '';
  for (let rest = index; rest > 0; rest = Math.floor((rest - 1) / 26)) letters = String.fromCharCode(97 + ((rest - 1) % 26)) + letters;
  return `bench-copy-${letters}`;
}

/** The comment line that makes a copy's bytes its own, in the language of the runner that names it. */
function copyComment(runner: LanguageRunner, id: string): string {
  return `${runner.scaffold.lineComment} synthetic copy ${id}\n`;
}

/** Writes `count` copies of `<snippetsRoot>/<reference>/` into `targetRoot` (which must exist); returns their ids. */
export async function writeSyntheticExamples(
  snippetsRoot: string,
  targetRoot: string,
  count: number,
  reference = REFERENCE_EXAMPLE,
): Promise<string[]> {
  const source = path.join(snippetsRoot, reference);
  const names = await readdir(source);
  const ids = Array.from({ length: count }, (_, position) => syntheticId(position + 1));
  for (const id of ids) {
    const dir = path.join(targetRoot, id);
    await mkdir(dir);
    for (const name of names) {
      const runner = DEFAULT_RUNNERS.find((candidate) => candidate.scaffold.fileName(reference) === name);
      const bytes = await readFile(path.join(source, name), 'utf8');
      const target = path.join(dir, runner ? runner.scaffold.fileName(id) : name);
      const text = runner
        ? `${bytes.replaceAll(pascalCase(reference), pascalCase(id))}${bytes.endsWith('\n') ? '' : '\n'}${copyComment(runner, id)}`
        : bytes;
      await writeFile(target, text);
      await chmod(target, (await stat(path.join(source, name))).mode & 0o777);
    }
  }
  return ids;
}
