// Whether this machine can run each program in its own sandbox (bubblewrap: network, PID, IPC and
// mount namespaces, with socat forwarding to the proxy), and which of a case's limits it can
// enforce there; found once per process.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { findExecutable } from '../paths.ts';

const run = promisify(execFile);

/** The tools that enforce a case's limits in its sandbox, and what this machine cannot enforce. */
export interface LimitSupport {
  /** prlimit (util-linux), which sets the program's memory, process and file-size limits; null when not on PATH. */
  prlimit: string | null;
  /** setpriv (util-linux), when the harness runs as root: the kernel's process limit binds no root, so programs run as a user of their own. */
  setpriv: string | null;
  /** Whether the kernel's process limit counts the sandbox's processes alone (probed). */
  processes: boolean;
  /** Whether bwrap can give the scratch space a fixed size (`--size`, bubblewrap 0.8+). */
  scratch: boolean;
  /** Each limit that is not enforced here, and why. */
  missing: string[];
}

/** How programs will run: in a sandbox (with the tools it uses), or not, and why not. */
export type Isolation =
  | { available: true; bwrap: string; socat: string; version: string; root: boolean; limits: LimitSupport }
  | { available: false; reason: string };

/** What to install when isolation is missing (Debian and Ubuntu package names). */
export const ISOLATION_INSTALL_HINT =
  'install bubblewrap and socat (apt-get install bubblewrap socat) and allow user namespaces (sysctl kernel.unprivileged_userns_clone=1) when not running as root';

/** The namespaces every sandbox uses; the probe starts one with exactly these. */
export const NAMESPACE_FLAGS: readonly string[] = Object.freeze([
  '--unshare-net',
  '--unshare-pid',
  '--unshare-ipc',
  '--as-pid-1',
  '--die-with-parent',
]);

/** Capabilities the supervisor keeps when the harness is root: binding port 53, becoming the program's user, and ending its processes. */
export const ROOT_SUPERVISOR_CAPS: readonly string[] = Object.freeze(['CAP_NET_BIND_SERVICE', 'CAP_SETUID', 'CAP_SETGID', 'CAP_KILL']);

/** The first of the user ids programs run as when the harness is root (one per case, never a real user's). */
export const PROGRAM_UID_BASE = 0x40000000;

let detected: Promise<Isolation> | undefined;

/** Finds bwrap and socat on PATH, starts one empty sandbox to prove the kernel allows it, and probes the limits; memoised. */
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
  const root = process.getuid?.() === 0;
  return { available: true, bwrap, socat, version, root, limits: await probeLimits(bwrap, version, root) };
}

/** Runs one probe sandbox; its stdout, or null when it failed. */
async function probeRun(bwrap: string, args: readonly string[]): Promise<string | null> {
  const base = [...NAMESPACE_FLAGS, '--ro-bind', '/', '/', '--proc', '/proc', '--dev', '/dev'];
  return run(bwrap, [...base, ...args], { timeout: 10_000 }).then(
    ({ stdout }) => stdout,
    () => null,
  );
}

/**
 * Three tasks under a cap of six must start, and twenty more must not: the cap then counts this
 * sandbox's tasks alone (a kernel before 5.14 counts all of the user's, and none binds root).
 */
const PROCESS_PROBE = `sleep 5 & sleep 5 & sleep 5 & echo started
( i=0; while [ $i -lt 20 ]; do sleep 5 & i=$((i + 1)); done ) 2>/dev/null || echo bounded`;

async function probeLimits(bwrap: string, version: string, root: boolean): Promise<LimitSupport> {
  const missing: string[] = [];
  const scratch = (await probeRun(bwrap, ['--size', '4096', '--tmpfs', '/tmp', '/bin/sh', '-c', ':'])) !== null;
  if (!scratch) missing.push(`scratch space (${version} cannot size a tmpfs: --size needs bubblewrap 0.8)`);
  const prlimit = findExecutable('prlimit') ?? null;
  const setpriv = root ? (findExecutable('setpriv') ?? null) : null;
  let processes = false;
  if (!prlimit) {
    missing.push('memory and processes (prlimit, from util-linux, not found on PATH)');
  } else if (root && !setpriv) {
    missing.push(
      'processes (the kernel does not limit root, and setpriv, from util-linux, is not on PATH to run programs as another user)',
    );
  } else {
    const asUser = root ? ['--cap-drop', 'ALL', ...ROOT_SUPERVISOR_CAPS.flatMap((cap) => ['--cap-add', cap])] : [];
    const command = programCommand({ prlimit, setpriv, uid: PROGRAM_UID_BASE, rlimits: ['--nproc=6'] }, ['/bin/sh', '-c', PROCESS_PROBE]);
    processes = (await probeRun(bwrap, [...asUser, ...command])) === 'started\nbounded\n';
    if (!processes)
      missing.push(
        "processes (the kernel counts all of the user's processes against the limit here: Linux 5.14+ counts a user namespace's own)",
      );
  }
  return { prlimit, setpriv, processes, scratch, missing };
}

/** What starts the program under its limits: setpriv (as root) to its own user, then prlimit with `rlimits`, then the program. */
export function programCommand(
  tools: { prlimit: string | null; setpriv: string | null; uid?: number; rlimits: readonly string[] },
  program: readonly string[],
): string[] {
  const asUser =
    tools.setpriv && tools.uid !== undefined ? [tools.setpriv, `--reuid=${tools.uid}`, `--regid=${tools.uid}`, '--clear-groups', '--'] : [];
  const limited = tools.prlimit ? [tools.prlimit, ...tools.rlimits, '--'] : [];
  return [...asUser, ...limited, ...program];
}

/** One line for the terminal and the report saying how programs run and which limits hold. */
export function describeIsolation(isolation: Isolation): string {
  if (!isolation.available)
    return `NOT sandboxed: ${isolation.reason}; programs run with this machine's network and files (${ISOLATION_INSTALL_HINT}); limits: output only (counted by the harness)`;
  const { limits } = isolation;
  const user = limits.setpriv ? 'each program under a user of its own' : 'in a user namespace of its own';
  const enforced = [
    ...(limits.prlimit ? ['memory per process (RLIMIT_DATA)'] : []),
    ...(limits.processes ? [`processes and threads (RLIMIT_NPROC, ${user})`] : []),
    ...(limits.scratch ? ['scratch space (a tmpfs of fixed size)'] : []),
    'output (counted by the harness)',
  ];
  const missing = limits.missing.length ? `; not enforced: ${limits.missing.join('; ')}` : '';
  return `sandboxed with ${isolation.version} (own network, PID, IPC and file-system view per program); limits: ${enforced.join(', ')}${missing}`;
}

/** Thrown when isolation is required (`--require-isolation`, CI=true) but missing. */
export class IsolationError extends Error {
  constructor(reason: string) {
    super(`isolation is required but not available: ${reason}; ${ISOLATION_INSTALL_HINT}`);
    this.name = 'IsolationError';
  }
}
