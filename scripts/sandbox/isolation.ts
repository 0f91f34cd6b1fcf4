// Whether this machine can run each program in its own sandbox (bubblewrap: network, PID and mount
// namespaces, with socat forwarding to the interception proxy), found once per process.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { findExecutable } from '../paths.ts';

const run = promisify(execFile);

/** How programs will run: in a sandbox (with the tools it uses), or not, and why not. */
export type Isolation =
  { available: true; bwrap: string; socat: string; version: string; root: boolean } | { available: false; reason: string };

/** What to install when isolation is missing (Debian and Ubuntu package names). */
export const ISOLATION_INSTALL_HINT =
  'install bubblewrap and socat (apt-get install bubblewrap socat) and allow user namespaces (sysctl kernel.unprivileged_userns_clone=1) when not running as root';

/** The namespaces every sandbox uses; the probe starts one with exactly these. */
export const NAMESPACE_FLAGS: readonly string[] = Object.freeze(['--unshare-net', '--unshare-pid', '--as-pid-1', '--die-with-parent']);

let detected: Promise<Isolation> | undefined;

/** Finds bwrap and socat on PATH and starts one empty sandbox to prove the kernel allows it; memoised. */
export function detectIsolation(): Promise<Isolation> {
  detected ??= probe();
  return detected;
}

async function probe(): Promise<Isolation> {
  if (process.platform !== 'linux') return { available: false, reason: `sandboxing needs Linux namespaces (this is ${process.platform})` };
  const bwrap = findExecutable('bwrap');
  if (!bwrap) return { available: false, reason: 'bwrap (bubblewrap) not found on PATH' };
  const socat = findExecutable('socat');
  if (!socat) return { available: false, reason: 'socat not found on PATH' };
  try {
    await run(bwrap, [...NAMESPACE_FLAGS, '--ro-bind', '/', '/', '--proc', '/proc', '--dev', '/dev', '/bin/sh', '-c', ':'], {
      timeout: 10_000,
    });
  } catch (error) {
    const stderr = String((error as { stderr?: unknown }).stderr ?? '').trim() || (error as Error).message;
    return { available: false, reason: `bwrap cannot create namespaces here: ${stderr}` };
  }
  const version = await run(bwrap, ['--version']).then(
    ({ stdout }) => stdout.trim(),
    () => 'bwrap',
  );
  return { available: true, bwrap, socat, version, root: process.getuid?.() === 0 };
}

/** One line for the terminal and the report saying how programs run. */
export function describeIsolation(isolation: Isolation): string {
  return isolation.available
    ? `sandboxed with ${isolation.version} (own network, PID and file-system view per program)`
    : `NOT sandboxed: ${isolation.reason}; programs run with this machine's network and files (${ISOLATION_INSTALL_HINT})`;
}

/** Thrown when isolation is required (`--require-isolation`, CI=true) but missing. */
export class IsolationError extends Error {
  constructor(reason: string) {
    super(`isolation is required but not available: ${reason}; ${ISOLATION_INSTALL_HINT}`);
    this.name = 'IsolationError';
  }
}
