// The command line that starts a program inside its sandbox: bubblewrap with its own network, PID,
// IPC and mount namespaces and the file-system view of file-view.ts, and a small supervisor as PID 1 that
// forwards the proxy port, starts the program under its limits, then reports on file descriptor 3
// when the program exited, the namespace's network counters, how many processes the program
// started and how much of its scratch space it filled.
import { randomInt } from 'node:crypto';
import { realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import type { CaseLimits, PreparedSnippet } from '../runners/runner-contract.ts';
import { COUNTERS_MARKER } from './counters.ts';
import { NAMESPACE_FLAGS, PROGRAM_UID_BASE, ROOT_SUPERVISOR_CAPS, programCommand, type LimitSupport } from './isolation.ts';
import { MIB, scratchBytes, taskCap } from './case-limits.ts';
import type { CaseScratch } from './scratch.ts';
import { isInside, neededPaths, viewArgs, type ShownFile, type ViewLayout } from './file-view.ts';

/** Tries of the fast readiness loop, then of the slow one (10 ms apart): about 3 s in all. */
const FAST_TRIES = 300;
const SLOW_TRIES = 300;

/** Tasks of the supervisor that run as the program's user when there is no root: itself, its two forwarders and one connection's. */
export const SUPERVISOR_TASKS = 4;

/**
 * PID 1 of the sandbox (POSIX sh). It cannot be killed from inside the namespace (the kernel drops
 * SIGKILL there for an init), and it traps the usual signals with handlers that do nothing (reset
 * for the program on exec), so a program that signals its parent changes nothing. File descriptor
 * 4 is its lifeline to the harness: when it reads end of file (the harness is done with the case,
 * stopped it, or is gone), every process of the namespace but the supervisor is killed, and the
 * supervisor, whose program has then ended, exits. It does not rely on the kernel's parent-death
 * signal, which a sandbox started as the harness stopped it could miss. The last PID the
 * namespace gave out, read before and after the program, counts the processes and threads it
 * started; `stat -f` measures its scratch space once every process is gone. The clock is read the
 * moment the program has exited, so that a harness busy at that moment does not make it look late.
 * Arguments: proxy port, the same in four upper-case hex digits (as /proc/net/tcp shows it), run
 * folder, socat, scratch space, then the program and its arguments.
 */
export const SUPERVISOR_SCRIPT = `
trap : HUP INT TERM
port=$1 hex=$2 run=$3 socat=$4 scratch=$5
shift 5
if { : <&4; } 2>/dev/null; then { read -r _ <&4; kill -9 -1; } </dev/null >/dev/null 2>&1 3>&- & fi
"$socat" TCP-LISTEN:"$port",bind=127.0.0.1,fork,reuseaddr UNIX-CONNECT:"$run/proxy.sock" </dev/null >/dev/null 2>&1 3>&- 4<&- &
"$socat" UDP-RECVFROM:53,bind=127.0.0.1,fork UNIX-CONNECT:"$run/dns.sock" </dev/null >/dev/null 2>&1 3>&- 4<&- &
dns=$!
listening() {
  while read -r _ local _ state _; do
    [ "$local" = "0100007F:$1" ] && [ "$state" = "$2" ] && return 0
  done <"$3"
  return 1
}
ready() {
  listening "$hex" 0A /proc/net/tcp || return 1
  listening 0035 07 /proc/net/udp || ! kill -0 "$dns" 2>/dev/null
}
tries=0
until ready; do
  tries=$((tries + 1))
  if [ "$tries" -gt ${FAST_TRIES + SLOW_TRIES} ]; then echo "sandbox: the proxy forwarder (socat) did not start" >&2; exit 125; fi
  if [ "$tries" -gt ${FAST_TRIES} ]; then sleep 0.01; fi
done
before=$(cat /proc/sys/kernel/ns_last_pid)
"$@" 3>&- 4<&-
status=$?
exited=$(date +%s%N)
after=$(cat /proc/sys/kernel/ns_last_pid)
stub=no
kill -0 "$dns" 2>/dev/null && stub=yes
kill -9 -1 2>/dev/null
{
  echo '${COUNTERS_MARKER}'
  echo "Exited: $exited"
  echo "DnsStub: $stub"
  echo "Tasks: $before $after"
  echo "Scratch: $(stat -f -c '%b %f %S' "$scratch" 2>/dev/null)"
  for file in /proc/net/snmp /proc/net/snmp6; do
    [ -r "$file" ] || continue
    while IFS= read -r line; do printf '%s\\n' "$line"; done <"$file"
  done
} >&3
exit "$status"
`;

/**
 * Without a sandbox the program still gets a parent of its own that ignores the usual signals, so
 * "kill my parent" does not reach the harness.
 */
export const FALLBACK_SCRIPT = `
trap : HUP INT TERM
"$@" &
pid=$!
while :; do
  wait "$pid"
  status=$?
  kill -0 "$pid" 2>/dev/null || exit "$status"
done
`;

/** What the sandbox is built from for one case. */
export interface SandboxLayout {
  bwrap: string;
  socat: string;
  /** The harness runs as root: the supervisor keeps the capabilities it needs, and the program runs as `uid`. */
  root: boolean;
  scratch: CaseScratch;
  proxyPort: number;
  /** The project and the harness's folders, so that the program sees only its part (file-view.ts). */
  view: ViewLayout;
  /** The file `/etc/resolv.conf` really is (links followed: bwrap cannot mount onto an absolute link), or null when there is none. */
  resolvConf: string | null;
  /** Files of a CA the program trusts (the certificate and the Java trust store), shown read-only. */
  caFiles: readonly string[];
  /** The case's limits, and the tools this machine enforces them with. */
  limits: CaseLimits;
  support: LimitSupport;
  /** The user the program runs as when the harness is root (see `programUid`). */
  uid: number;
}

/** A user id of its own for one case's program when the harness is root, so that the kernel's process limit counts that program alone. */
export function programUid(): number {
  return PROGRAM_UID_BASE + randomInt(1 << 24);
}

/** The scratch space's mount: /tmp itself when the scratch folder lies in it, else the scratch folder. */
function scratchMount(scratch: CaseScratch, size: number | null) {
  const mount = isInside(scratch.dir, '/tmp') ? '/tmp' : scratch.dir;
  return { mount, size, folders: [scratch.home, scratch.tmp, scratch.work], tmp: scratch.tmp };
}

/** The prlimit arguments of a case: memory per process, the task cap, the largest file, no core files. */
export function rlimits(layout: SandboxLayout): string[] {
  const { limits, support, root } = layout;
  return [
    `--data=${limits.memoryMiB * MIB}`,
    ...(support.processes ? [`--nproc=${taskCap(limits, root ? 0 : SUPERVISOR_TASKS)}`] : []),
    `--fsize=${scratchBytes(limits)}`,
    '--core=0',
  ];
}

/**
 * Throws, naming the path, when a program running as a user of its own could not read one of
 * `paths` (a file without read for others, a folder without read and search): a harness run as root
 * with umask 077 makes its builds so.
 */
function assertReadableByOthers(paths: readonly string[]): void {
  for (const entry of paths) {
    const stats = statSync(entry, { throwIfNoEntry: false });
    if (!stats) continue;
    const needed = stats.isDirectory() ? 0o005 : 0o004;
    if ((stats.mode & needed) !== needed) {
      const mode = (stats.mode & 0o777).toString(8).padStart(4, '0');
      throw new Error(
        `the sandbox runs programs as a user of their own (the harness runs as root), who cannot read ${entry} (mode ${mode}); make it readable to others (umask 022) and run again`,
      );
    }
  }
}

/** What one sandbox shows and starts, beyond what every sandbox of its layout has. */
export interface SandboxContents {
  /** Paths shown read-only besides the system folders (neededPaths). */
  needed: readonly string[];
  /** Folders shown writable (a build's output and caches). */
  writable?: readonly string[];
  /** The capabilities the supervisor keeps (the program started by it inherits them). */
  caps: readonly string[];
  /** The working folder inside the sandbox. */
  chdir: string;
  /** The program's command line, already under its limits (programCommand). */
  program: readonly string[];
}

/** The bwrap command line of a sandbox laid out as `layout` with `contents`: its namespaces, view and supervisor. */
export function bwrapCommand(layout: SandboxLayout, contents: SandboxContents): PreparedSnippet {
  const { scratch, support } = layout;
  const files: ShownFile[] = [
    ...layout.caFiles.map((file) => ({ source: file, target: file })),
    { source: scratch.run, target: scratch.run },
    ...(layout.resolvConf ? [{ source: path.join(scratch.run, 'resolv.conf'), target: layout.resolvConf }] : []),
  ];
  const mount = scratchMount(scratch, support.scratch ? scratchBytes(layout.limits) : null);
  const args = [
    ...NAMESPACE_FLAGS,
    // A session of its own: no controlling terminal to push keystrokes into (TIOCSTI).
    '--new-session',
    '--cap-drop',
    'ALL',
    ...contents.caps.flatMap((cap) => ['--cap-add', cap]),
    ...viewArgs(contents.needed, files, mount, layout.view.hiddenFolders, contents.writable),
    '--chdir',
    contents.chdir,
    '/bin/sh',
    '-c',
    SUPERVISOR_SCRIPT,
    'sandbox',
    String(layout.proxyPort),
    layout.proxyPort.toString(16).toUpperCase().padStart(4, '0'),
    scratch.run,
    layout.socat,
    mount.mount,
    ...contents.program,
  ];
  return { command: layout.bwrap, args, cwd: contents.chdir };
}

/** `prepared` wrapped in bwrap: only its part of the file system, read-only but for its scratch space, no network but the proxy, under its limits. */
export function sandboxedCommand(prepared: PreparedSnippet, layout: SandboxLayout): PreparedSnippet {
  const { support } = layout;
  const needed = neededPaths(prepared, layout.view);
  const asOtherUser = layout.root && support.setpriv !== null && support.processes;
  if (asOtherUser) assertReadableByOthers([...needed, ...layout.caFiles]);
  const program = programCommand(
    { prlimit: support.prlimit, setpriv: asOtherUser ? support.setpriv : null, uid: layout.uid, rlimits: rlimits(layout) },
    [prepared.command, ...prepared.args],
  );
  return bwrapCommand(layout, { needed, caps: layout.root ? ROOT_SUPERVISOR_CAPS : [], chdir: layout.scratch.work, program });
}

/** `prepared` behind the fallback's intermediate shell, started in the case's working folder. */
export function unsandboxedCommand(prepared: PreparedSnippet, scratch: CaseScratch): PreparedSnippet {
  return { command: '/bin/sh', args: ['-c', FALLBACK_SCRIPT, 'unsandboxed', prepared.command, ...prepared.args], cwd: scratch.work };
}

/** Where the sandbox's resolv.conf must be mounted: the file `/etc/resolv.conf` leads to, or null when it leads nowhere. */
export function resolvConfTarget(file = '/etc/resolv.conf'): string | null {
  try {
    return realpathSync(file);
  } catch {
    return null; // none: a lookup then goes nowhere, and is counted as a packet without a route
  }
}

/** The sandbox's resolv.conf: the stub resolver only, one quick try. */
export const RESOLV_CONF = 'nameserver 127.0.0.1\noptions timeout:1 attempts:1\n';
