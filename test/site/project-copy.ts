// A copy of the project to change and build as a contributor would, without touching the real one:
// every file git knows (tracked, or new and not ignored) but the tests, in a new temporary folder,
// with a node_modules of its own whose packages are links to the project's (so the copy's build
// keeps its caches, such as Astro's content store, to itself).
import { copyFile, mkdir, mkdtemp, readdir, rm, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { execa } from 'execa';

/** The project this copies. */
const PROJECT = path.resolve('.');

/** Folders of node_modules that hold caches, not packages: the copy gets its own. */
const CACHE_FOLDERS = new Set(['.astro', '.vite', '.cache']);

/** A copy of the project: its folder, and how to remove it. */
export interface ProjectCopy {
  dir: string;
  remove(): Promise<void>;
}

/** Copies the project's files (test/ left out) into a new temporary folder and links its packages. */
export async function copyProject(prefix = 'rr-docs-copy-'): Promise<ProjectCopy> {
  const dir = await mkdtemp(path.join(tmpdir(), prefix));
  try {
    const { stdout } = await execa('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], { cwd: PROJECT });
    for (const file of stdout.split('\0').filter((name) => name && !name.startsWith('test/'))) {
      await mkdir(path.dirname(path.join(dir, file)), { recursive: true });
      await copyFile(path.join(PROJECT, file), path.join(dir, file)).catch((error: NodeJS.ErrnoException) => {
        if (error.code !== 'ENOENT') throw error; // a tracked file deleted in the work tree
      });
    }
    await mkdir(path.join(dir, 'node_modules'));
    for (const entry of await readdir(path.join(PROJECT, 'node_modules'))) {
      if (!CACHE_FOLDERS.has(entry)) await symlink(path.join(PROJECT, 'node_modules', entry), path.join(dir, 'node_modules', entry));
    }
  } catch (error) {
    await rm(dir, { recursive: true, force: true });
    throw error;
  }
  return { dir, remove: () => rm(dir, { recursive: true, force: true }) };
}
