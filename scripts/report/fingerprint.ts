// Hashes of what a result is about: a case's files and the git commit (the harness's own files are
// hashed in harness-files.ts). The harness records them in the report; the site and the build
// compare them with the files as they are now, so a result about other bytes is never shown as current.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';

/** SHA-256 of some bytes, lower-case hex. */
export function sha256(data: string | Buffer): string {
  return createHash('sha256').update(data).digest('hex');
}

/** SHA-256 of a file's bytes, or null when there is no such file. */
export function hashFileOrNull(file: string): string | null {
  try {
    return sha256(readFileSync(file));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

/** SHA-256 over several files (names and bytes; absent ones count as absent), or null when none exists. */
export function hashFiles(files: readonly string[]): string | null {
  const parts = files.map((file) => [path.basename(file), hashFileOrNull(file)] as const).filter(([, hash]) => hash !== null);
  if (parts.length === 0) return null;
  return sha256(parts.map(([name, hash]) => `${name}\0${hash}`).join('\0'));
}

/** The commit checked out at `projectRoot`, with `+changes` when tracked files differ from it; null outside git. */
export async function currentCommit(projectRoot: string): Promise<string | null> {
  // Loaded here, not at the top: the site reads this module's hashes and starts no process.
  const { execa } = await import('execa');
  const head = await execa('git', ['rev-parse', 'HEAD'], { cwd: projectRoot, reject: false });
  if (head.exitCode !== 0) return null;
  const status = await execa('git', ['status', '--porcelain', '--untracked-files=no'], { cwd: projectRoot, reject: false });
  return `${head.stdout.trim()}${status.exitCode === 0 && status.stdout.trim() ? '+changes' : ''}`;
}
