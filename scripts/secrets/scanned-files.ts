// Which files the secret scan reads, and the scan of a whole tree: the files git would commit
// (tracked, or untracked and not ignored) under the scanned folders, or every file there when the
// tree is not a git checkout.
import type { Dirent } from 'node:fs';
import { lstat, readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { execa } from 'execa';
import { findTokensInFile, type Finding } from './scan.ts';

/** Folders the scan covers, relative to the project root: what the published site is made of. */
export const SCANNED_FOLDERS: readonly string[] = Object.freeze(['snippets', 'docs']);

/** Files to scan, relative to `root` with `/` separators, sorted, and how they were found. */
export interface FileList {
  files: string[];
  source: 'git' | 'walk';
}

/** Folders a walk never enters. */
const SKIPPED_FOLDERS = new Set(['.git', 'node_modules']);

/** Every file under `folder` (relative to `root`), skipping SKIPPED_FOLDERS; a missing folder has none. */
async function walk(root: string, folder: string): Promise<string[]> {
  let entries: Dirent[];
  try {
    entries = await readdir(path.join(root, folder), { withFileTypes: true });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  const files: string[] = [];
  for (const entry of entries) {
    const relative = `${folder}/${entry.name}`;
    if (entry.isDirectory() && !SKIPPED_FOLDERS.has(entry.name)) files.push(...(await walk(root, relative)));
    else if (entry.isFile()) files.push(relative);
  }
  return files;
}

/** The files under `folders` that git would commit, or every file there when `root` is not a git checkout. */
export async function listFiles(root: string, folders: readonly string[] = SCANNED_FOLDERS): Promise<FileList> {
  const git = await execa('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard', '--', ...folders], {
    cwd: root,
    reject: false,
  });
  if (!git.failed) {
    const files = [...new Set(git.stdout.split('\0').filter(Boolean))].sort();
    return { files, source: 'git' };
  }
  const files = (await Promise.all(folders.map((folder) => walk(root, folder)))).flat().sort();
  return { files, source: 'walk' };
}

/** What a scan of a tree found. */
export interface TreeScan extends FileList {
  findings: Finding[];
}

/** Scans the files `listFiles` names, binaries too (see findTokensInFile); listed files that are gone or not regular are passed over. */
export async function scanTree(root: string, folders: readonly string[] = SCANNED_FOLDERS): Promise<TreeScan> {
  const list = await listFiles(root, folders);
  const findings: Finding[] = [];
  for (const file of list.files) {
    const absolute = path.join(root, file);
    const info = await lstat(absolute).catch(() => undefined);
    if (!info?.isFile()) continue; // deleted but still in the index, a symlink, or a submodule
    findings.push(...findTokensInFile(await readFile(absolute), file));
  }
  return { ...list, findings };
}
