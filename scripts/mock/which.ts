// Finding programs on PATH without starting a process.
import { accessSync, constants } from 'node:fs';
import path from 'node:path';

/** The full path of an executable found on PATH (or among `extraDirs`), or null. */
export function findExecutable(name: string, extraDirs: readonly string[] = []): string | null {
  const dirs = [...(process.env.PATH ?? '').split(path.delimiter), ...extraDirs].filter((dir) => dir !== '');
  for (const dir of dirs) {
    const candidate = path.join(dir, name);
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not here; keep looking
    }
  }
  return null;
}
