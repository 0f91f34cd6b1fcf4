// Each case's own scratch space: an empty HOME (also every client's settings folder), TMPDIR and
// working folder, and a folder for the sockets that lead out of its sandbox; made fresh for the
// case and removed after it.
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { forgetOnExit, markOwner, removeOnExit, sweepAbandoned } from '../mock/cleanup.ts';

/** Prefix of every scratch folder in the temp folder (a later run sweeps those whose owner died). */
export const SCRATCH_PREFIX = 'rr-case-';

/** One case's folders: the first three writable by its program, `run` read-only to it. */
export interface CaseScratch {
  dir: string;
  home: string;
  tmp: string;
  work: string;
  /** The proxy's and the DNS stub's Unix sockets, and the sandbox's resolv.conf. */
  run: string;
  /** Removes the whole folder; safe to call twice. */
  dispose(): Promise<void>;
}

let swept: Promise<void> | undefined;

/** Makes a new, empty scratch space (mode 0700) under the temp folder. */
export async function createScratch(): Promise<CaseScratch> {
  swept ??= sweepAbandoned(tmpdir(), SCRATCH_PREFIX);
  await swept;
  const dir = await mkdtemp(path.join(tmpdir(), SCRATCH_PREFIX));
  removeOnExit(dir);
  const folders = { home: path.join(dir, 'home'), tmp: path.join(dir, 'tmp'), work: path.join(dir, 'work'), run: path.join(dir, 'run') };
  const dispose = async (): Promise<void> => {
    await rm(dir, { recursive: true, force: true });
    forgetOnExit(dir);
  };
  try {
    await markOwner(dir);
    await Promise.all(Object.values(folders).map((folder) => mkdir(folder, { mode: 0o700 })));
  } catch (error) {
    await dispose();
    throw error;
  }
  return { dir, ...folders, dispose };
}
