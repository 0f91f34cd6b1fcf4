// An example folder holds its own files only: a symbolic link anywhere in it (a snippet, the
// manifest, `request.http`, a sub-folder) is refused by name, and files are read without following
// one, so neither the harness nor the site can be pointed at a file outside the folder.
import { constants } from 'node:fs';
import { lstat, open, readdir } from 'node:fs/promises';
import path from 'node:path';
import { displayPath } from '../paths.ts';
import { ManifestError } from './errors.ts';

/** What a contributor reads about a refused link; it never shows the link's target or contents. */
export const SYMLINK_PROBLEM = 'is a symbolic link; expected a regular file or folder inside the example (copy the file in instead)';

/** The symbolic links under `dir` (and `dir` itself), relative to `dir`, in sorted order. */
export async function symlinksIn(dir: string): Promise<string[]> {
  if ((await lstat(dir)).isSymbolicLink()) return ['.'];
  const found: string[] = [];
  const walk = async (relative: string): Promise<void> => {
    const entries = await readdir(path.join(dir, relative), { withFileTypes: true });
    for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
      const name = relative ? `${relative}/${entry.name}` : entry.name;
      if (entry.isSymbolicLink()) found.push(name);
      else if (entry.isDirectory()) await walk(name);
    }
  };
  await walk('');
  return found;
}

/** Throws ManifestError naming every symbolic link in the example folder `dir`. */
export async function assertNoSymlinks(dir: string): Promise<void> {
  const links = await symlinksIn(dir);
  if (links.length === 0) return;
  throw new ManifestError(
    dir,
    links.map((link) => `${link === '.' ? `the folder ${displayPath(dir)}` : `"${link}"`} ${SYMLINK_PROBLEM}`),
  );
}

/** Reads an example's file as UTF-8 without following a symbolic link; a link throws ManifestError naming it. */
export async function readExampleFile(file: string): Promise<string> {
  let handle;
  try {
    handle = await open(file, constants.O_RDONLY | constants.O_NOFOLLOW);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ELOOP') throw new ManifestError(file, [`"${path.basename(file)}" ${SYMLINK_PROBLEM}`]);
    throw error;
  }
  try {
    return await handle.readFile('utf8');
  } finally {
    await handle.close();
  }
}
