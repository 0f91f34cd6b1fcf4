// Paths on this machine: programs on PATH, and files as messages show them.
import { accessSync, constants, statSync } from 'node:fs';
import path from 'node:path';

/** Where findExecutable looks: PATH from `env` (default this process's, read now), then `extraDirs`. */
export interface FindOptions {
  env?: NodeJS.ProcessEnv;
  extraDirs?: readonly string[];
}

/** The absolute path of an executable file named `name` (or `name` itself when absolute), or undefined. */
export function findExecutable(name: string, options: FindOptions = {}): string | undefined {
  if (path.isAbsolute(name)) return isExecutableFile(name) ? name : undefined;
  const dirs = [...((options.env ?? process.env).PATH ?? '').split(path.delimiter), ...(options.extraDirs ?? [])];
  for (const dir of dirs) {
    if (!dir) continue;
    const candidate = path.join(dir, name);
    if (isExecutableFile(candidate)) return candidate;
  }
  return undefined;
}

function isExecutableFile(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return statSync(file).isFile();
  } catch {
    return false;
  }
}

/** A file's path as messages show it: relative to the working folder when inside it, else absolute. */
export function displayPath(file: string): string {
  const shown = path.relative(process.cwd(), file);
  return shown && !shown.startsWith('..') && !path.isAbsolute(shown) ? shown : file;
}
