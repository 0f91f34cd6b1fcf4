// Folders holding key material are removed however the process ends: normally, on an uncaught
// error, or on Ctrl-C / SIGTERM, without taking away anyone else's handling of those signals.
import { rmSync } from 'node:fs';

const pending = new Set<string>();
const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
let installed = false;

function removeAll(): void {
  for (const dir of pending) rmSync(dir, { recursive: true, force: true });
  pending.clear();
}

function onSignal(signal: NodeJS.Signals): void {
  removeAll();
  // When nobody else handles the signal, end the process as the signal would have.
  if (process.listenerCount(signal) === 1) {
    for (const name of SIGNALS) process.removeListener(name, onSignal);
    process.kill(process.pid, signal);
  }
}

function install(): void {
  if (installed) return;
  installed = true;
  process.on('exit', removeAll);
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
