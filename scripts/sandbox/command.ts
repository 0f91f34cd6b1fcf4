// The command line that starts a program inside its sandbox: bubblewrap with its own network, PID
// and mount namespaces, and a small supervisor as PID 1 that forwards the proxy port, runs the
// program, then reports the namespace's network counters on file descriptor 3.
import { realpathSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { PreparedSnippet } from '../runners/runner-contract.ts';
import { COUNTERS_MARKER } from './counters.ts';
import { NAMESPACE_FLAGS } from './isolation.ts';
import type { CaseScratch } from './scratch.ts';

/** Tries of the fast readiness loop, then of the slow one (10 ms apart): about 3 s in all. */
const FAST_TRIES = 300;
const SLOW_TRIES = 300;

/**
 * PID 1 of the sandbox (POSIX sh). It cannot be killed from inside the namespace (the kernel drops
 * SIGKILL there for an init), and it traps the usual signals with handlers that do nothing (reset
 * for the program on exec), so a program that signals its parent changes nothing.
 * Arguments: proxy port, the same in four upper-case hex digits (as /proc/net/tcp shows it), run
 * folder, socat, then the program and its arguments.
 */
export const SUPERVISOR_SCRIPT = `
trap : HUP INT TERM
port=$1 hex=$2 run=$3 socat=$4
shift 4
"$socat" TCP-LISTEN:"$port",bind=127.0.0.1,fork,reuseaddr UNIX-CONNECT:"$run/proxy.sock" </dev/null >/dev/null 2>&1 3>&- &
"$socat" UDP-RECVFROM:53,bind=127.0.0.1,fork UNIX-CONNECT:"$run/dns.sock" </dev/null >/dev/null 2>&1 3>&- &
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
"$@" 3>&-
status=$?
stub=no
kill -0 "$dns" 2>/dev/null && stub=yes
kill -9 -1 2>/dev/null
{
  echo '${COUNTERS_MARKER}'
  echo "DnsStub: $stub"
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
  /** Root keeps capabilities in the sandbox unless told; all are dropped but binding port 53. */
  root: boolean;
  scratch: CaseScratch;
  proxyPort: number;
  /** Paths the program needs although they may lie in a hidden folder (the runners' cache, the project). */
  readablePaths: readonly string[];
  /** Folders hidden besides the temp folder: the harness user's home, with its keys and settings. */
  hiddenFolders: readonly string[];
  /** The run's PATH entries: the tools found there stay visible even inside a hidden folder. */
  searchPath: readonly string[];
  /** The file `/etc/resolv.conf` really is (links followed: bwrap cannot mount onto an absolute link), or null when there is none. */
  resolvConf: string | null;
  /** The CA's folder: hidden, all but `caFiles`. */
  caDir: string;
  /** Files of the CA the program may read: the CA certificate and the Java trust store. */
  caFiles: readonly string[];
}

/** `prepared` wrapped in bwrap: the whole file system read-only, the scratch folders writable, no network but the proxy. */
export function sandboxedCommand(prepared: PreparedSnippet, layout: SandboxLayout): PreparedSnippet {
  const { scratch } = layout;
  const hidden = [...new Set(['/tmp', path.resolve(tmpdir()), ...layout.hiddenFolders.map((dir) => path.resolve(dir))])].filter(
    (dir) => dir !== '/',
  );
  const needed = [
    ...layout.readablePaths,
    ...layout.searchPath,
    prepared.cwd,
    prepared.command,
    installPrefix(prepared.command),
    ...prepared.args.flatMap((arg) => arg.split(path.delimiter)),
  ].filter((entry) => path.isAbsolute(entry) && hidden.some((dir) => isInside(entry, dir)));
  // Shortest first; an entry inside one already bound is visible through it, unless a hidden folder
  // lies between them (the harness user's home inside the project, the project inside /tmp).
  const visible: string[] = [];
  for (const entry of [...new Set(needed.map((item) => path.resolve(item)))].sort((a, b) => a.length - b.length)) {
    const hiddenBetween = (bound: string) => hidden.some((dir) => dir !== bound && isInside(dir, bound) && isInside(entry, dir));
    if (!visible.some((bound) => isInside(entry, bound) && !hiddenBetween(bound))) visible.push(entry);
  }
  // bwrap applies mounts in order: outer folders first, so a folder hidden inside a visible one (or
  // visible inside a hidden one) stays so whichever contains which.
  const mounts = [...hidden.map((dir) => ({ dir, hide: true })), ...visible.map((dir) => ({ dir, hide: false }))].sort(
    (a, b) => a.dir.length - b.dir.length || Number(b.hide) - Number(a.hide),
  );
  const args = [
    ...NAMESPACE_FLAGS,
    '--cap-drop',
    'ALL',
    ...(layout.root ? ['--cap-add', 'CAP_NET_BIND_SERVICE'] : []),
    '--ro-bind',
    '/',
    '/',
    '--dev',
    '/dev',
    '--proc',
    '/proc',
    ...mounts.flatMap(({ dir, hide }) => (hide ? ['--tmpfs', dir] : ['--ro-bind-try', dir, dir])),
    '--tmpfs',
    layout.caDir,
    ...layout.caFiles.flatMap((file) => ['--ro-bind', file, file]),
    ...[scratch.home, scratch.tmp, scratch.work].flatMap((dir) => ['--bind', dir, dir]),
    '--ro-bind',
    scratch.run,
    scratch.run,
    ...(layout.resolvConf ? ['--ro-bind', path.join(scratch.run, 'resolv.conf'), layout.resolvConf] : []),
    '--chdir',
    scratch.work,
    '/bin/sh',
    '-c',
    SUPERVISOR_SCRIPT,
    'sandbox',
    String(layout.proxyPort),
    layout.proxyPort.toString(16).toUpperCase().padStart(4, '0'),
    scratch.run,
    layout.socat,
    prepared.command,
    ...prepared.args,
  ];
  return { command: layout.bwrap, args, cwd: scratch.work };
}

/** The folder a program was installed into (`<prefix>/bin/<name>`, links followed): a venv's Python or Node under a home folder. */
function installPrefix(command: string): string {
  try {
    return path.dirname(path.dirname(realpathSync(command)));
  } catch {
    return '';
  }
}

function isInside(entry: string, dir: string): boolean {
  const relative = path.relative(dir, entry);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
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
