// A throwaway copy of the project for tests that edit its files: the scripts, the examples, the
// guide's pages and the files that pin the packages and Node.js, optionally a git repository with
// everything committed, and optionally the project's node_modules linked in so its commands run.
import { appendFile, cp, mkdtemp, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { execa } from 'execa';
import { PROJECT_ROOT } from '../../scripts/harness/harness.ts';

/** What the copy holds (folders and files relative to the project root). */
const COPIED = ['scripts', 'snippets', 'docs/pages', 'package.json', 'package-lock.json', '.node-version', '.gitignore'];

/** How to make the copy. */
export interface ProjectCopyOptions {
  /** Commit everything into a fresh git repository (branch main). */
  git?: boolean;
  /** Link the project's node_modules in, so the copy's own commands run. */
  nodeModules?: boolean;
}

/** Copies the project into a new folder under `parent` (default: the temp folder) and returns the folder. */
export async function copyProject(options: ProjectCopyOptions = {}, parent = tmpdir()): Promise<string> {
  const root = await mkdtemp(path.join(parent, 'rr-project-'));
  for (const entry of COPIED) await cp(path.join(PROJECT_ROOT, entry), path.join(root, entry), { recursive: true });
  if (options.nodeModules) await symlink(path.join(PROJECT_ROOT, 'node_modules'), path.join(root, 'node_modules'), 'dir');
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
