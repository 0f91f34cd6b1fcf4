// Hashes of what a result is about: a case's files, the harness's own code and dependencies, and
// the git commit. The harness records them in the report; the site and the build compare them with
// the files as they are now, so a result about other bytes is never shown as current.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

/** Files and folders (relative to the project root) whose change can alter every result: the harness, its schema and its dependencies. */
export const HARNESS_PATHS: readonly string[] = Object.freeze([
  'scripts/harness/',
  'scripts/runners/',
  'scripts/mock/',
  'scripts/manifest/',
  'scripts/report/',
  'scripts/sandbox/',
  'scripts/api/',
  'scripts/languages.ts',
  'scripts/paths.ts',
  'package.json',
  'package-lock.json',
  '.node-version',
]);

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

/** Every regular file under `dir` (sorted, relative to `root`, `/`-separated). */
function listFiles(root: string, dir: string): string[] {
  const found: string[] = [];
  for (const entry of readdirSync(path.join(root, dir), { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    const relative = `${dir}${entry.name}`;
    if (entry.isDirectory()) found.push(...listFiles(root, `${relative}/`));
    else if (entry.isFile()) found.push(relative);
  }
  return found;
}

const harnessMemo = new Map<string, string>();

/**
 * One hash over the harness's code and dependencies (HARNESS_PATHS under `projectRoot`): names and
 * bytes, so adding, removing or editing any of them changes it. Read once per process and root.
 */
export function harnessFingerprint(projectRoot: string): string {
  const known = harnessMemo.get(projectRoot);
  if (known) return known;
  const hash = createHash('sha256');
  for (const entry of HARNESS_PATHS) {
    const absolute = path.join(projectRoot, entry);
    if (!existsSync(absolute)) continue;
    const files = entry.endsWith('/') ? listFiles(projectRoot, entry) : statSync(absolute).isFile() ? [entry] : [];
    for (const file of files) hash.update(`${file}\0${sha256(readFileSync(path.join(projectRoot, file)))}\0`);
  }
  const digest = hash.digest('hex');
  harnessMemo.set(projectRoot, digest);
  return digest;
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
