// Folders holding key material are removed however the process ends: normally, on an uncaught
// error, or on Ctrl-C / SIGTERM, without taking away anyone else's handling of those signals.
// A process killed outright (SIGKILL) cannot clean up; the next one sweeps its folders.
import { rmSync } from 'node:fs';
import { readFile, readdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';

const pending = new Set<string>();
const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
let installed = false;
let holders = 0;

/** Removes every watched folder now (synchronously): for a process about to exit. */
export function removeAllNow(): void {
  for (const dir of pending) rmSync(dir, { recursive: true, force: true });
  pending.clear();
}

/**
 * Leaves Ctrl-C and SIGTERM to the caller until the returned function is called: it stops its
 * programs first and removes the folders last, rather than having them vanish under a running case.
 */
export function holdSignalCleanup(): () => void {
  holders += 1;
  let released = false;
  return () => {
    if (!released) holders -= 1;
    released = true;
  };
}

function onSignal(signal: NodeJS.Signals): void {
  if (holders > 0) return;
  removeAllNow();
  // When nobody else handles the signal, end the process as the signal would have.
  if (process.listenerCount(signal) === 1) {
    for (const name of SIGNALS) process.removeListener(name, onSignal);
    process.kill(process.pid, signal);
  }
}

function install(): void {
  if (installed) return;
  installed = true;
  process.on('exit', removeAllNow);
  for (const signal of SIGNALS) process.on(signal, onSignal);
}

/** Removes the folder when the process exits or is interrupted, unless `forgetOnExit` came first. */
export function removeOnExit(dir: string): void {
  install();
  pending.add(dir);
}

/** Stops watching a folder that its owner has removed itself. */
export function forgetOnExit(dir: string): void {
  pending.delete(dir);
}

const OWNER_FILE = 'owner.pid';

/** Marks a folder as owned by this process, so that a later sweep knows when its owner is gone. */
export async function markOwner(dir: string): Promise<void> {
  await writeFile(path.join(dir, OWNER_FILE), String(process.pid), { mode: 0o600 });
}

/** Removes folders named `prefix*` in `parent` whose owner process is dead (killed before it could clean up). */
export async function sweepAbandoned(parent: string, prefix: string): Promise<void> {
  const names = await readdir(parent).catch(() => []);
  await Promise.all(
    names
      .filter((name) => name.startsWith(prefix))
      .map(async (name) => {
        const dir = path.join(parent, name);
        const owner = Number(await readFile(path.join(dir, OWNER_FILE), 'utf8').catch(() => 'NaN'));
        if (Number.isInteger(owner) && owner > 0 && !isAlive(owner)) await rm(dir, { recursive: true, force: true });
      }),
  );
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'; // alive, but someone else's
  }
}
