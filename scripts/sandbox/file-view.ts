// What a sandboxed program sees of the machine. The system's own folders (/usr, /etc, ...) are shown
// read-only; of the project only its example's folder, and the build and interpreter its command
// names (a venv, compiled classes or a binary, the Gson jar, the Java archive, the one folder of the
// Node binary); the toolchain it runs on and the tools on PATH; and its scratch space, a tmpfs of
// fixed size. Nothing else is there: not the rest of the project (its .git, the other examples,
// scripts/, node_modules), the harness user's home, the temp folder, /var, /run, /opt or /srv.
import { lstatSync, readlinkSync, realpathSync } from 'node:fs';
import path from 'node:path';
import type { PreparedSnippet } from '../runners/runner-contract.ts';

/** The machine's own folders every program sees, read-only; nothing else of the machine is there unless a program needs it. */
export const SYSTEM_FOLDERS: readonly string[] = Object.freeze(['/usr', '/bin', '/sbin', '/lib', '/lib32', '/lib64', '/libx32', '/etc']);

/** Where the project and the harness's own folders are, so that the view shows a program only its part of them. */
export interface ViewLayout {
  /** The project's root: hidden but for the example's folder, the runner cache's builds and the Node binary's folder. */
  projectRoot: string;
  /** The runners' cache (`.cache/harness`): a program sees the builds its command names. */
  cacheDir: string;
  /** Folders hidden even inside a shown folder: the project, the harness user's home, the temp folder. */
  hiddenFolders: readonly string[];
  /** The run's PATH entries: those outside the project are shown, so that the tools on PATH run. */
  searchPath: readonly string[];
}

/** A file or folder shown at a path of the sandbox (read-only). */
export interface ShownFile {
  source: string;
  target: string;
}

/** The scratch space: a tmpfs (at /tmp, or at the scratch folder when that is elsewhere) holding the program's writable folders. */
export interface ScratchMount {
  /** Where the tmpfs is mounted. */
  mount: string;
  /** Its size in bytes, or null when bwrap cannot size it. */
  size: number | null;
  /** The writable folders made in it. */
  folders: readonly string[];
  /** Where /tmp leads when the tmpfs is not mounted there. */
  tmp: string;
}

/** Whether `entry` is `dir` or lies inside it. */
export function isInside(entry: string, dir: string): boolean {
  const relative = path.relative(dir, entry);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}

/** The folder a program was installed into (`<prefix>/bin/<name>`, links followed): a venv's Python or a JDK; '' when it cannot be read. */
export function installPrefix(command: string): string {
  try {
    return path.dirname(path.dirname(realpathSync(command)));
  } catch {
    return '';
  }
}

/**
 * The paths `prepared` reads besides the system folders: its example's folder; its command's build
 * (a venv's root) or its binary's folder, and where the command's interpreter is installed; the
 * absolute paths in its arguments (class path entries, `-X...=path`) that are not in the project or
 * are in the runner cache; and the PATH entries outside the project.
 */
export function neededPaths(prepared: PreparedSnippet, layout: ViewLayout): string[] {
  const inProject = (entry: string) => isInside(entry, layout.projectRoot);
  const inCache = (entry: string) => isInside(entry, layout.cacheDir);
  const example = path.resolve(prepared.cwd);
  const command = path.resolve(prepared.command);
  const folder = path.dirname(command);
  const needed = [example];
  if (!inProject(command) || inCache(command)) needed.push(command);
  // A venv (`<venv>/bin/python`) in the cache is needed whole; the Node the project carries, only its own folder.
  if (inCache(command) && path.basename(folder) === 'bin') needed.push(path.dirname(folder));
  else if (inProject(command) && !inCache(command)) needed.push(folder);
  const prefix = installPrefix(command);
  if (prefix && !inProject(prefix)) needed.push(prefix);
  const fromArgs = prepared.args
    .flatMap((arg) => arg.replace(/^-[^=/]*=/, '').split(path.delimiter))
    .filter((part) => path.isAbsolute(part));
  needed.push(...fromArgs.map((part) => path.resolve(part)).filter((part) => !inProject(part) || inCache(part) || isInside(part, example)));
  needed.push(...layout.searchPath.filter((dir) => path.isAbsolute(dir) && !inProject(path.resolve(dir))).map((dir) => path.resolve(dir)));
  const hidden = new Set(layout.hiddenFolders.map((dir) => path.resolve(dir)));
  return [...new Set(needed)].filter((entry) => entry !== '/' && !hidden.has(entry));
}

/** How a system folder is made: bound, or, when it is a link (`/bin` -> `usr/bin`), the same link. */
function systemFolderArgs(folder: string): string[] {
  try {
    const stats = lstatSync(folder);
    if (stats.isSymbolicLink()) return ['--symlink', readlinkSync(folder), folder];
    return stats.isDirectory() ? ['--ro-bind', folder, folder] : [];
  } catch {
    return [];
  }
}

/** One mount of the view, placed in order: outer paths first; at one path, a tmpfs before a folder before a bind. */
interface Mount {
  at: string;
  rank: number;
  args: string[];
}

/**
 * The bwrap arguments of the view: the system folders, /proc and /dev, the scratch tmpfs and its
 * folders, the needed paths and `files`, each hidden folder that lies inside a shown one as an empty
 * tmpfs, folders with mode 0755 wherever a shown path's parents must be made, then everything but the
 * scratch space and the `writable` folders (a build's output and caches) made read-only.
 */
export function viewArgs(
  needed: readonly string[],
  files: readonly ShownFile[],
  scratch: ScratchMount,
  hiddenFolders: readonly string[],
  writable: readonly string[] = [],
): string[] {
  const system = SYSTEM_FOLDERS.map((folder) => ({ folder, args: systemFolderArgs(folder) })).filter(({ args }) => args.length > 0);
  const hidden = [...new Set(hiddenFolders.map((dir) => path.resolve(dir)))].filter((dir) => dir !== '/');
  const hiddenBetween = (entry: string, bound: string) =>
    hidden.some((dir) => dir !== bound && isInside(dir, bound) && isInside(entry, dir));
  // A needed path inside one already shown is visible through it (a linked system folder too), unless a hidden folder lies between.
  const shown: string[] = [];
  for (const entry of [...needed].sort((a, b) => a.length - b.length)) {
    const bound = [...system.map(({ folder }) => folder), ...shown];
    if (!bound.some((outer) => isInside(entry, outer) && !hiddenBetween(entry, outer))) shown.push(entry);
  }
  const binds = [...system.map(({ folder }) => folder), ...shown, ...writable];
  const hides = hidden.filter((dir) => binds.some((outer) => outer !== dir && isInside(dir, outer)));
  const targets = [...shown, ...writable, ...files.map((file) => file.target), ...scratch.folders];
  const tmpLink = scratch.mount !== '/tmp' && !targets.some((target) => isInside(target, '/tmp'));
  const mounts: Mount[] = [
    {
      at: scratch.mount,
      rank: 0,
      args: ['--perms', '01777', ...(scratch.size === null ? [] : ['--size', String(scratch.size)]), '--tmpfs', scratch.mount],
    },
    ...(tmpLink ? [{ at: '/tmp', rank: 2, args: ['--symlink', scratch.tmp, '/tmp'] }] : []),
    ...hides.map((dir) => ({ at: dir, rank: 0, args: ['--tmpfs', dir] })),
    ...scratch.folders.map((dir) => ({ at: dir, rank: 1, args: ['--perms', '01777', '--dir', dir] })),
    ...shown.map((entry) => ({ at: entry, rank: 2, args: ['--ro-bind-try', entry, entry] })),
    ...writable.map((entry) => ({ at: entry, rank: 2, args: ['--bind', entry, entry] })),
    ...files.map((file) => ({ at: file.target, rank: 2, args: ['--ro-bind', file.source, file.target] })),
  ];
  // Parents that bwrap would otherwise make itself, with mode 0700, which a program running as another user could not pass.
  const mountPoints = new Set(mounts.map((mount) => mount.at));
  const onTmpfs = (dir: string) => {
    const covering = [...binds, scratch.mount, ...hides].filter((point) => isInside(dir, point)).sort((a, b) => b.length - a.length)[0];
    return covering === undefined || covering === scratch.mount || hides.includes(covering);
  };
  const parents = new Set<string>();
  for (const target of [...targets, scratch.mount]) {
    for (let dir = path.dirname(target); dir !== '/'; dir = path.dirname(dir)) if (!mountPoints.has(dir) && onTmpfs(dir)) parents.add(dir);
  }
  mounts.push(...[...parents].map((dir) => ({ at: dir, rank: 1, args: ['--perms', '0755', '--dir', dir] })));
  mounts.sort((a, b) => a.at.length - b.at.length || a.rank - b.rank);
  return [
    ...system.flatMap(({ args }) => args),
    '--proc',
    '/proc',
    '--dev',
    '/dev',
    ...mounts.flatMap((mount) => mount.args),
    ...hides.flatMap((dir) => ['--remount-ro', dir]),
    '--remount-ro',
    '/dev',
    '--remount-ro',
    '/',
  ];
}
