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

/** What a contributor reads about a FIFO, socket or device file, which could block a reader forever. */
export const SPECIAL_FILE_PROBLEM = 'is not a regular file (a FIFO, socket or device); expected a regular file or folder';

/** The symbolic links and special files under `dir` (and `dir` itself), relative to `dir`, in sorted order, each with its problem. */
export async function unusableEntries(dir: string): Promise<Array<{ name: string; problem: string }>> {
  if ((await lstat(dir)).isSymbolicLink()) return [{ name: '.', problem: SYMLINK_PROBLEM }];
  const found: Array<{ name: string; problem: string }> = [];
  const walk = async (relative: string): Promise<void> => {
    const entries = await readdir(path.join(dir, relative), { withFileTypes: true });
    for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
      const name = relative ? `${relative}/${entry.name}` : entry.name;
      if (entry.isSymbolicLink()) found.push({ name, problem: SYMLINK_PROBLEM });
      else if (entry.isDirectory()) await walk(name);
      else if (!entry.isFile()) found.push({ name, problem: SPECIAL_FILE_PROBLEM });
    }
  };
  await walk('');
  return found;
}

/** Throws ManifestError naming every symbolic link (and special file) in the example folder `dir`. */
export async function assertNoSymlinks(dir: string): Promise<void> {
  const unusable = await unusableEntries(dir);
  if (unusable.length === 0) return;
  throw new ManifestError(
    dir,
    unusable.map(({ name, problem }) => `${name === '.' ? `the folder ${displayPath(dir)}` : `"${name}"`} ${problem}`),
  );
}

/** Reads an example's file as UTF-8 without following a symbolic link; a link throws ManifestError naming it. */
export async function readExampleFile(file: string): Promise<string> {
  let handle;
  try {
    // O_NONBLOCK: a FIFO put in place after the folder was checked cannot block the read.
    handle = await open(file, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ELOOP') throw new ManifestError(file, [`"${path.basename(file)}" ${SYMLINK_PROBLEM}`]);
    throw error;
  }
  try {
    if (!(await handle.stat()).isFile()) throw new ManifestError(file, [`"${path.basename(file)}" ${SPECIAL_FILE_PROBLEM}`]);
    return await handle.readFile('utf8');
  } finally {
    await handle.close();
  }
}
