// A throwaway copy of the project for tests that edit its files or build it as a contributor would:
// every file git knows (tracked, or new and not ignored), the tests only when asked, so nothing the
// project needs is left out by a hand-made list; optionally the result cache, a git repository
// with everything committed, and a node_modules whose packages are links to the project's (its
// caches, such as Astro's content store, its own), so the copy's commands run.
import { appendFile, copyFile, cp, mkdir, mkdtemp, readdir, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { execa } from 'execa';
import { DEFAULT_RESULT_CACHE_DIR, PROJECT_ROOT } from '../../scripts/project.ts';

/** Folders of node_modules that hold caches, not packages: the copy gets its own. */
const CACHE_FOLDERS = new Set(['.astro', '.vite', '.cache']);

/** How to make the copy. */
export interface ProjectCopyOptions {
  /** Commit everything into a fresh git repository (branch main). */
  git?: boolean;
  /** Link the project's packages in, so the copy's own commands run. */
  nodeModules?: boolean;
  /** The start of the copy's folder name (default `rr-project-`). */
  prefix?: string;
  /** Copy the tests too, as a fresh clone holds them (default: left out). */
  tests?: boolean;
  /** Copy the project's result cache too (see copyResultCache). */
  resultCache?: boolean;
}

/** The project's files a copy holds: what git would commit (the tests only with `tests`), relative to the root. */
async function projectFiles(tests: boolean): Promise<string[]> {
  const { stdout } = await execa('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], { cwd: PROJECT_ROOT });
  return [...new Set(stdout.split('\0'))].filter((name) => name && (tests || !name.startsWith('test/')));
}

/** Copies the project into a new folder under `parent` (default: the temp folder) and returns the folder. */
export async function copyProject(options: ProjectCopyOptions = {}, parent = tmpdir()): Promise<string> {
  const root = await mkdtemp(path.join(parent, options.prefix ?? 'rr-project-'));
  for (const file of await projectFiles(options.tests ?? false)) {
    await mkdir(path.dirname(path.join(root, file)), { recursive: true });
    await copyFile(path.join(PROJECT_ROOT, file), path.join(root, file)).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== 'ENOENT') throw error; // a tracked file deleted in the work tree
    });
  }
  if (options.resultCache) await copyResultCache(root);
  if (options.nodeModules) {
    await mkdir(path.join(root, 'node_modules'));
    for (const entry of await readdir(path.join(PROJECT_ROOT, 'node_modules'))) {
      if (!CACHE_FOLDERS.has(entry)) await symlink(path.join(PROJECT_ROOT, 'node_modules', entry), path.join(root, 'node_modules', entry));
    }
  }
  if (options.git) {
    const git = (...args: string[]) =>
      execa('git', ['-c', 'user.email=docs@example.invalid', '-c', 'user.name=docs', ...args], { cwd: root });
    await git('init', '-q', '-b', 'main');
    await git('add', '.');
    await git('commit', '-q', '-m', 'the project');
  }
  return root;
}

/** Appends a line to `file` under `root`: its bytes change, its meaning does not. */
export async function touchFile(root: string, file: string): Promise<void> {
  await appendFile(path.join(root, file), '\n');
}

/**
 * Copies the project's result cache into the copy at `root`, so that its runs replay the signed
 * results of unchanged cases (signed with this machine's key, which the copy's runs share); a
 * project with no cache yet leaves the copy without one, and its runs run every case.
 */
async function copyResultCache(root: string): Promise<void> {
  await cp(DEFAULT_RESULT_CACHE_DIR, path.join(root, path.relative(PROJECT_ROOT, DEFAULT_RESULT_CACHE_DIR)), { recursive: true }).catch(
    (error: NodeJS.ErrnoException) => {
      if (error.code !== 'ENOENT') throw error;
    },
  );
}
