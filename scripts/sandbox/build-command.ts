// The bubblewrap command line of a build step (a compiler, a dependency installer): the namespaces,
// supervisor and limits of a program's sandbox, and a view of the system's folders, the step's
// toolchain (where its program is installed), the tools on PATH and the paths it reads, read-only;
// the folders it writes (its output, a compiler's cache); and nothing else of the project or of the
// harness user's home. It runs as the harness's user (its output lands in the harness's cache),
// with no capability but the supervisor's port-53 one as root.
import path from 'node:path';
import type { PreparedSnippet } from '../runners/runner-contract.ts';
import { bwrapCommand, rlimits, type SandboxLayout } from './command.ts';
import { installPrefix, isInside, type ViewLayout } from './file-view.ts';
import { programCommand } from './isolation.ts';

/** What a build step touches besides the system's folders. */
export interface BuildPaths {
  /** Read-only: the files and folders it names (the example's folder, a jar). */
  reads: readonly string[];
  /** Writable: its output and cache folders. */
  writes: readonly string[];
}

/**
 * The paths a build step's view shows read-only besides the system folders: its program and, outside
 * the project, where that is installed (a JDK, a Go root, a Python), the paths it reads, and the PATH
 * entries outside the project. A path inside one of `writes` is shown through it; the hidden folders
 * themselves (the project, the home, the temp folder) never are.
 */
export function buildReadPaths(command: string, paths: BuildPaths, view: ViewLayout): string[] {
  const program = path.resolve(command);
  const prefix = installPrefix(program);
  const inProject = (entry: string) => isInside(entry, view.projectRoot);
  const searchPath = view.searchPath.filter((dir) => path.isAbsolute(dir) && !inProject(path.resolve(dir)));
  const hidden = new Set(view.hiddenFolders.map((dir) => path.resolve(dir)));
  const writes = paths.writes.map((dir) => path.resolve(dir));
  return [
    ...new Set(
      [program, inProject(prefix) ? '' : prefix, ...paths.reads, ...searchPath].filter(Boolean).map((entry) => path.resolve(entry)),
    ),
  ].filter((entry) => entry !== '/' && !hidden.has(entry) && !writes.some((dir) => isInside(entry, dir)));
}

/** A build step's `command args`, started in `cwd` inside a sandbox of `layout` that shows `paths`. */
export function sandboxedBuildCommand(
  step: { command: string; args: readonly string[]; cwd: string },
  layout: SandboxLayout,
  paths: BuildPaths,
): PreparedSnippet {
  const program = programCommand({ prlimit: layout.support.prlimit, setpriv: null, rlimits: rlimits(layout) }, [
    step.command,
    ...step.args,
  ]);
  return bwrapCommand(layout, {
    needed: buildReadPaths(step.command, paths, layout.view),
    writable: [...new Set(paths.writes.map((dir) => path.resolve(dir)))],
    caps: layout.root ? ['CAP_NET_BIND_SERVICE'] : [],
    chdir: path.resolve(step.cwd),
    program,
  });
}
