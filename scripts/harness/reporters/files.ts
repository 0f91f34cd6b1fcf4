// Writes report files atomically, so a reader never sees half a report.
import { mkdir, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';

/** Writes `content` to `file` through a temporary file in the same folder. */
export async function writeFileAtomic(file: string, content: string): Promise<void> {
  await mkdir(path.dirname(path.resolve(file)), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  await writeFile(temporary, content);
  await rename(temporary, file);
}
