// The runners' build cache: content-hash keys, and folders that are built once and appear whole
// (built in a temporary sibling, then renamed into place), however many callers race for them.
import { createHash, randomUUID } from 'node:crypto';
import { access, mkdir, rename, rm } from 'node:fs/promises';
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

/**
 * Makes the folder `target` once and returns it. When it already exists it is reused as is;
 * otherwise `build` fills a fresh temporary folder beside it, which is then renamed to `target`,
 * so a half-built folder is never seen there. Concurrent callers in this process share one build;
 * another process racing for the same target loses the rename and uses the winner's folder.
 */
export function buildOnce(target: string, build: (tempDir: string) => Promise<void>): Promise<string> {
  const running = inFlight.get(target);
  if (running) return running;
  const promise = buildFolder(target, build).finally(() => inFlight.delete(target));
  inFlight.set(target, promise);
  return promise;
}

async function buildFolder(target: string, build: (tempDir: string) => Promise<void>): Promise<string> {
  if (await exists(target)) return target;
  await mkdir(dirname(target), { recursive: true });
  const temp = join(dirname(target), `.${basename(target)}.tmp-${process.pid}-${randomUUID().slice(0, 8)}`);
  await mkdir(temp);
  try {
    await build(temp);
    try {
      await rename(temp, target);
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

/** Whether a path exists. */
export async function exists(path: string): Promise<boolean> {
  try {
    await access(path);
    return true;
  } catch {
    return false;
  }
}
