// Which files the repository's source scan reads, and the scan of a whole tree: every file git would
// commit (tracked, or untracked and not ignored), or every file when the tree is not a git checkout.
// Token-shaped strings are looked for under the folders the site publishes (the tests hold
// throwaway tokens on purpose); credential-shaped strings and hidden characters everywhere.
import type { Dirent } from 'node:fs';
import { lstat, readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { execa } from 'execa';
import { isExcepted, SCAN_EXCEPTIONS, type ScanException } from './scan-exceptions.ts';
import { findSourceProblemsInFile, findTokensInFile, type Finding } from './scan.ts';

/** Folders whose files the site publishes, relative to the project root: token-shaped strings are looked for there. */
export const PUBLISHED_FOLDERS: readonly string[] = Object.freeze(['snippets', 'docs']);

/** Files to scan, relative to `root` with `/` separators, sorted, and how they were found. */
export interface FileList {
  files: string[];
  source: 'git' | 'walk';
}

/** Folders a walk never enters: git's own, dependencies, and what builds and runs leave behind. */
const SKIPPED_FOLDERS = new Set(['.git', 'node_modules', '.cache', '.astro', 'dist', 'test-results']);

/** Every file under `folder` (relative to `root`, '' for the root itself), skipping SKIPPED_FOLDERS; a missing folder has none. */
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
    const relative = folder ? `${folder}/${entry.name}` : entry.name;
    if (entry.isDirectory() && !SKIPPED_FOLDERS.has(entry.name)) files.push(...(await walk(root, relative)));
    else if (entry.isFile()) files.push(relative);
  }
  return files;
}

/** The files under `folders` (default: the whole tree) that git would commit, or every file there when `root` is not a git checkout. */
export async function listFiles(root: string, folders: readonly string[] = []): Promise<FileList> {
  const git = await execa('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard', '--', ...folders], {
    cwd: root,
    reject: false,
  });
  if (!git.failed) {
    const files = [...new Set(git.stdout.split('\0').filter(Boolean))].sort();
    return { files, source: 'git' };
  }
  const files = (await Promise.all((folders.length ? folders : ['']).map((folder) => walk(root, folder)))).flat().sort();
  return { files, source: 'walk' };
}

/** What a scan of a tree found. */
export interface TreeScan extends FileList {
  findings: Finding[];
}

/** Whether `file` lies under one of the published folders. */
const isPublished = (file: string) => PUBLISHED_FOLDERS.some((folder) => file.startsWith(`${folder}/`));

/**
 * Scans the files `listFiles` names, binaries too (see scan.ts): token-shaped strings under the
 * published folders, credential-shaped strings and hidden characters in every file but for the
 * exceptions. Listed files that are gone or not regular are passed over.
 */
export async function scanTree(root: string, exceptions: readonly ScanException[] = SCAN_EXCEPTIONS): Promise<TreeScan> {
  const list = await listFiles(root);
  const findings: Finding[] = [];
  for (const file of list.files) {
    const absolute = path.join(root, file);
    const info = await lstat(absolute).catch(() => undefined);
    if (!info?.isFile()) continue; // deleted but still in the index, a symlink, or a submodule
    const content = await readFile(absolute);
    if (isPublished(file)) findings.push(...findTokensInFile(content, file));
    findings.push(...findSourceProblemsInFile(content, file).filter((finding) => !isExcepted(file, finding.kind, exceptions)));
  }
  return { ...list, findings };
}
