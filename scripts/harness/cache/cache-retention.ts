// How long and how much the result cache keeps, so `.cache/results/` stays bounded. Every run
// marks each entry it reuses or stores as used now (the entry's modification time is set to the
// run's clock), and once it has finished it prunes: first every entry no run has used for
// `maxAgeMs` (default 14 days), then, while the entries left take more than `maxBytes` (default
// 64 MiB), the least recently used. An entry the run itself used is never removed, even past the
// size cap: what the current run needs stays. Temporary files a writer left behind go after an
// hour. Nothing else in the folder is touched (the toolchain cache's `toolchains/`, say). Another
// run at the same time can at worst lose an entry it just used: that case then runs again.
import { readdir, rm, stat, utimes } from 'node:fs/promises';
import path from 'node:path';

/** How long and how much the cache keeps (see the header). */
export interface CacheRetention {
  /** An entry no run has used for this long is removed (default 14 days). */
  maxAgeMs: number;
  /** Past this many bytes of entries, the least recently used are removed (default 64 MiB). */
  maxBytes: number;
  /** The clock, in milliseconds since the epoch (default `Date.now`): when a use is recorded, and what "old" is measured from. */
  now: () => number;
}

/** The retention `npm run snippets` uses. */
export const DEFAULT_RETENTION: Readonly<CacheRetention> = Object.freeze({
  maxAgeMs: 14 * 24 * 60 * 60 * 1000,
  maxBytes: 64 * 1024 * 1024,
  now: () => Date.now(),
});

// How old a writer's temporary file must be before it counts as left behind.
const TEMPORARY_MAX_AGE_MS = 60 * 60 * 1000;

/** Marks the entry at `file` as used now, by the retention's clock; a failure only makes it look older. */
export async function markUsed(file: string, retention: Pick<CacheRetention, 'now'>): Promise<void> {
  const seconds = retention.now() / 1000;
  await utimes(file, seconds, seconds).catch(() => {});
}

/** One file of the cache's entry folders: an entry, or a writer's temporary file. */
interface CacheFile {
  file: string;
  temporary: boolean;
  usedMs: number;
  bytes: number;
}

const SHARD_FOLDER = /^[0-9a-f]{2}$/;
const ENTRY_FILE = /^[0-9a-f]{64}\.json$/;
const TEMPORARY_FILE = /^[0-9a-f]{64}\.json\..+\.tmp$/;

/** Every entry and temporary file under `dir` (none when there is no such folder). */
async function listCacheFiles(dir: string): Promise<CacheFile[]> {
  const shards = await readdir(dir, { withFileTypes: true }).catch(() => []);
  const found: CacheFile[] = [];
  for (const shard of shards.filter((entry) => entry.isDirectory() && SHARD_FOLDER.test(entry.name))) {
    const names = (await readdir(path.join(dir, shard.name)).catch(() => [])).filter(
      (name) => ENTRY_FILE.test(name) || TEMPORARY_FILE.test(name),
    );
    await Promise.all(
      names.map(async (name) => {
        const file = path.join(dir, shard.name, name);
        const info = await stat(file).catch(() => undefined);
        if (info?.isFile()) found.push({ file, temporary: TEMPORARY_FILE.test(name), usedMs: info.mtimeMs, bytes: info.size });
      }),
    );
  }
  return found;
}

/** Which of `files` the retention removes, given the files this run used (see the header). */
function filesToPrune(files: readonly CacheFile[], used: ReadonlySet<string>, retention: CacheRetention): CacheFile[] {
  const now = retention.now();
  const removed = new Set<CacheFile>();
  for (const each of files) {
    if (used.has(each.file)) continue;
    if (now - each.usedMs > (each.temporary ? TEMPORARY_MAX_AGE_MS : retention.maxAgeMs)) removed.add(each);
  }
  let bytes = files.filter((each) => !each.temporary && !removed.has(each)).reduce((sum, each) => sum + each.bytes, 0);
  const byLastUse = files
    .filter((each) => !each.temporary && !removed.has(each) && !used.has(each.file))
    .sort((a, b) => a.usedMs - b.usedMs);
  for (const each of byLastUse) {
    if (bytes <= retention.maxBytes) break;
    removed.add(each);
    bytes -= each.bytes;
  }
  return [...removed];
}

/**
 * Removes under `dir` what `retention` says to (see the header), never a file in `used`; returns
 * how many entries (temporary files aside) and bytes went. Never throws.
 */
export async function pruneEntries(
  dir: string,
  used: ReadonlySet<string>,
  retention: CacheRetention,
): Promise<{ entries: number; bytes: number }> {
  const pruned = { entries: 0, bytes: 0 };
  for (const each of filesToPrune(await listCacheFiles(dir), used, retention)) {
    try {
      await rm(each.file);
      if (each.temporary) continue;
      pruned.entries += 1;
      pruned.bytes += each.bytes;
    } catch {
      // Gone already (another run pruned it): nothing to do.
    }
  }
  return pruned;
}

/** Bytes as a reader says them: `512 B`, `3.4 KB`, `1.2 MB`. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  return bytes < 1024 * 1024 ? `${(bytes / 1024).toFixed(1)} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
