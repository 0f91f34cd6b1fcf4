// Writes a file so that a reader never sees half of it: the content goes to a temporary file of its
// own (a random name beside the target, so two writers never share one), which is renamed into
// place and removed if anything fails. Used by the report, both caches and the highlight cache.
import { randomUUID } from 'node:crypto';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';

/** Writes `content` to `file` (creating its folder) through a temporary file renamed into place. */
export async function writeFileAtomic(file: string, content: string | Uint8Array): Promise<void> {
  await mkdir(path.dirname(path.resolve(file)), { recursive: true });
  const temporary = `${file}.${process.pid}-${randomUUID().slice(0, 8)}.tmp`;
  try {
    await writeFile(temporary, content);
    await rename(temporary, file);
  } finally {
    await rm(temporary, { force: true });
  }
}
