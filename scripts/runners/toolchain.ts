// Helpers every runner shares: language fields, version probes for detect(), reading the snippet,
// and the error prepare() throws.
import { readFile } from 'node:fs/promises';
import { type LanguageId, languageById } from '../languages.ts';
import { displayPath } from '../paths.ts';
import { runTool, type ToolOptions } from './process.ts';

/** The label and extensions a language has in scripts/languages.ts, so runners do not repeat them. */
export function languageFields(id: LanguageId): { id: LanguageId; label: string; extensions: readonly string[] } {
  const language = languageById(id);
  if (!language) throw new Error(`scripts/languages.ts has no language '${id}'`);
  return { id, label: language.label, extensions: language.extensions };
}

/** A probed tool: its version, or why it cannot be used. */
export type Probe = { found: true; version: string; output: string } | { found: false; reason: string };

/** Runs `command args` (PATH read now) and reads the version from the first match group of `pattern`. */
export async function probeVersion(command: string, args: readonly string[], pattern: RegExp, options: ToolOptions = {}): Promise<Probe> {
  try {
    const result = await runTool(command, args, options);
    if (result.notFound) return { found: false, reason: `${command} not found on PATH` };
    const firstLine =
      result.output
        .split('\n')
        .find((line) => line.trim() !== '')
        ?.trim() ?? '';
    if (!result.ok)
      return { found: false, reason: `'${[command, ...args].join(' ')}' failed: ${firstLine || `exit code ${result.exitCode}`}` };
    const version = pattern.exec(result.output)?.[1];
    if (!version) return { found: false, reason: `cannot read a version from '${[command, ...args].join(' ')}': ${firstLine}` };
    return { found: true, version, output: result.output };
  } catch (error) {
    return { found: false, reason: `'${[command, ...args].join(' ')}' could not run: ${(error as Error).message}` };
  }
}

/** Remembers one promise per key (with this process's PATH, read now), dropping it when it fails. */
export function memoByPath<T>(memo: Map<string, Promise<T>>, key: string, compute: () => Promise<T>): Promise<T> {
  const fullKey = `${key}\u0000${process.env.PATH ?? ''}`;
  const known = memo.get(fullKey);
  if (known) return known;
  const promise = compute();
  memo.set(fullKey, promise);
  promise.catch(() => memo.delete(fullKey));
  return promise;
}

/** Reads a file prepare() needs, or throws an error naming it and why it cannot be read. */
export async function readInput(file: string): Promise<Buffer> {
  try {
    return await readFile(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'file not found' : `cannot read it (${code ?? String(error)})`;
    throw new Error(`cannot read ${displayPath(file)}: ${why}`, { cause: error });
  }
}

/** The error prepare() throws: names the step, the snippet file, and what the tool printed. */
export function stepFailed(step: string, file: string, output: string): Error {
  const detail = output.trim();
  return new Error(`${step} failed for ${displayPath(file)}${detail.includes('\n') ? ':\n' : ': '}${detail || 'no output'}`);
}
