// The runners' build cache: content-hash keys, and folders that are built once and appear whole
// (built in a temporary sibling, then renamed into place), however many callers race for them.
// Each built folder's content hash is recorded beside it; a folder that no longer matches (a
// program run outside a sandbox changed it) is removed and built again.
import { createHash, randomUUID } from 'node:crypto';
import { access, lstat, mkdir, readFile, readdir, readlink, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/** Hex SHA-256 of the parts, each length-prefixed so that ('ab', 'c') and ('a', 'bc') differ. */
export function hashOf(...parts: ReadonlyArray<string | Uint8Array>): string {
  const hash = createHash('sha256');
  for (const part of parts) {
    const bytes = typeof part === 'string' ? Buffer.from(part, 'utf8') : part;
    hash.update(`${bytes.length}:`);
    hash.update(bytes);
  }
  return hash.digest('hex');
}

/** Builds in progress in this process, by target folder. */
const inFlight = new Map<string, Promise<string>>();

/** Content hash of each folder this process built or checked, by target folder. */
const knownHashes = new Map<string, string>();

/** How `buildOnce` treats a folder that exists already. */
export interface BuildOptions {
  /** Hash it again even when this process checked it before (set when programs run unsandboxed). */
  recheck?: boolean;
}

/** Where a folder's recorded content hash is kept: a hidden file beside it. */
export function hashRecordOf(target: string): string {
  return join(dirname(target), `.${basename(target)}.sha256`);
}

/** Files read at once while hashing a folder. */
const HASH_CONCURRENCY = 32;

/** SHA-256 over every entry of a folder, sorted: relative path, kind, mode, and the bytes' hash or link target. */
export async function treeHash(root: string): Promise<string> {
  const lines: Array<string | Promise<string>> = [];
  const pending: Array<() => Promise<void>> = [];
  const walk = async (relative: string): Promise<void> => {
    const names = (await readdir(join(root, relative))).sort();
    for (const name of names) {
      const entry = relative ? `${relative}/${name}` : name;
      const full = join(root, entry);
      const stats = await lstat(full);
      const mode = (stats.mode & 0o7777).toString(8);
      if (stats.isDirectory()) {
        lines.push(`d ${entry} ${mode}`);
        await walk(entry);
      } else if (stats.isSymbolicLink()) {
        lines.push(`l ${entry} ${await readlink(full)}`);
      } else if (stats.isFile()) {
        const line = Promise.withResolvers<string>();
        lines.push(line.promise);
        pending.push(async () =>
          line.resolve(
            `f ${entry} ${mode} ${createHash('sha256')
              .update(await readFile(full))
              .digest('hex')}`,
          ),
        );
      } else {
        lines.push(`o ${entry}`);
      }
    }
  };
  await walk('');
  // Read the files several at a time; the lines keep the walk's order.
  const workers = Array.from({ length: HASH_CONCURRENCY }, async () => {
    for (let job = pending.shift(); job; job = pending.shift()) await job();
  });
  await Promise.all(workers);
  const hash = createHash('sha256');
  for (const line of await Promise.all(lines)) hash.update(`${line}\0`);
  return hash.digest('hex');
}

/**
 * Makes the folder `target` once and returns it. When it already exists it is reused as is;
 * otherwise `build` fills a fresh temporary folder beside it, which is then renamed to `target`,
 * so a half-built folder is never seen there. Concurrent callers in this process share one build;
 * another process racing for the same target loses the rename and uses the winner's folder.
 */
export function buildOnce(target: string, build: (tempDir: string) => Promise<void>, options: BuildOptions = {}): Promise<string> {
  const running = inFlight.get(target);
  if (running) return running;
  const promise = buildFolder(target, build, options).finally(() => inFlight.delete(target));
  inFlight.set(target, promise);
  return promise;
}

async function buildFolder(target: string, build: (tempDir: string) => Promise<void>, options: BuildOptions): Promise<string> {
  if (await exists(target)) {
    if (await unchanged(target, options)) return target;
    await rm(target, { recursive: true, force: true });
  }
  await mkdir(dirname(target), { recursive: true });
  const temp = join(dirname(target), `.${basename(target)}.tmp-${process.pid}-${randomUUID().slice(0, 8)}`);
  await mkdir(temp);
  try {
    await build(temp);
    const hash = await treeHash(temp);
    try {
      await rename(temp, target);
      await writeFile(hashRecordOf(target), `${hash}\n`);
      knownHashes.set(target, hash);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      // Another process renamed its own build into place first; theirs is as good as ours.
      if ((code !== 'ENOTEMPTY' && code !== 'EEXIST') || !(await exists(target))) throw error;
      await rm(temp, { recursive: true, force: true });
    }
  } catch (error) {
    await rm(temp, { recursive: true, force: true });
    throw error;
  }
  return target;
}

/**
 * Whether an existing folder still has the content it was built with: the hash this process knows,
 * else the one recorded beside it. A folder without a record (from an older cache) is adopted as is.
 */
async function unchanged(target: string, options: BuildOptions): Promise<boolean> {
  const known = knownHashes.get(target);
  if (known !== undefined && !options.recheck) return true;
  const recorded =
    known ??
    (await readFile(hashRecordOf(target), 'utf8').then(
      (text) => text.trim(),
      () => undefined,
    ));
  const actual = await treeHash(target);
  if (recorded !== undefined && recorded !== actual) {
    knownHashes.delete(target);
    return false;
  }
  if (recorded === undefined) await writeFile(hashRecordOf(target), `${actual}\n`);
  knownHashes.set(target, actual);
  return true;
}

/** Whether a path exists. */
export async function exists(path: string): Promise<boolean> {
  try {
    await access(path);
    return true;
  } catch {
    return false;
  }
}
