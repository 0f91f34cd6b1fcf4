// An example folder holds its own files only: a symbolic link anywhere in it (a snippet, the
// manifest, `request.http`, a sub-folder) is refused by name, and files are read without following
// one, so neither the harness nor the site can be pointed at a file outside the folder. Its files
// hold no character that makes code read differently from how it runs (source-text.ts).
import { constants } from 'node:fs';
import { lstat, open, readdir } from 'node:fs/promises';
import path from 'node:path';
import { displayPath } from '../paths.ts';
import { describeHiddenCharacter, findHiddenCharacters } from '../secrets/source-text.ts';
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

/** What a contributor reads above a list of hidden or reordering characters. */
export const HIDDEN_CHARACTERS_HEADLINE =
  'refused: it holds characters that make its code read differently from how it runs (Trojan Source)';

/**
 * Throws ManifestError naming the file, line, column and character of every bidirectional control
 * or invisible format character in the example's `files` (names in the folder `dir`), so that such
 * an example is neither run nor published. A binary file (a NUL early on) is not read as text.
 */
export async function assertNoHiddenCharacters(dir: string, files: readonly string[]): Promise<void> {
  const problems: string[] = [];
  for (const name of files) {
    const text = await readExampleFile(path.join(dir, name));
    if (text.slice(0, 8000).includes('\0')) continue;
    for (const found of findHiddenCharacters(text)) problems.push(`"${name}" ${describeHiddenCharacter(found)}`);
  }
  if (problems.length) throw new ManifestError(dir, problems, HIDDEN_CHARACTERS_HEADLINE);
}
