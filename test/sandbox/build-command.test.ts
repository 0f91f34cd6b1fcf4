// The bubblewrap command line of a build step: what it shows read-only (its toolchain, what it
// reads, the tools on PATH) and writable (its output and caches), what it hides, and the user and
// capabilities it runs with.
// vitest project: unit (test/support/projects.ts)
import { describe, expect, test } from 'vitest';
import { buildReadPaths, sandboxedBuildCommand } from '../../scripts/sandbox/build-command.ts';
import type { SandboxLayout } from '../../scripts/sandbox/command.ts';
import { BUILD_LIMITS } from '../../scripts/sandbox/build-sandbox.ts';
import type { CaseScratch } from '../../scripts/sandbox/scratch.ts';

const scratch: CaseScratch = {
  dir: '/tmp/rr-case-b',
  home: '/tmp/rr-case-b/home',
  tmp: '/tmp/rr-case-b/tmp',
  work: '/tmp/rr-case-b/work',
  run: '/tmp/rr-case-b/run',
  dispose: async () => {},
};

const layout: SandboxLayout = {
  bwrap: '/usr/bin/bwrap',
  socat: '/usr/bin/socat',
  root: true,
  scratch,
  proxyPort: 40124,
  view: {
    projectRoot: '/work/project',
    cacheDir: '/work/project/.cache/harness',
    hiddenFolders: ['/work/project', '/home/dev', '/tmp'],
    searchPath: ['/home/dev/go/bin', '/usr/bin', '/work/project/node_modules/.bin'],
  },
  resolvConf: null,
  caFiles: [],
  limits: BUILD_LIMITS,
  support: { prlimit: '/usr/bin/prlimit', setpriv: '/usr/bin/setpriv', processes: true, scratch: true, missing: [] },
  uid: 0x40000124,
};

const example = '/work/project/snippets/a';
const temp = '/work/project/.cache/harness/go/.abc.tmp-1';
const goCache = '/work/project/.cache/harness/go/build-cache';

/** The sources of every `flag src dest` of a bwrap command line. */
function mounts(args: readonly string[], flag: string): string[] {
  return args.flatMap((arg, index) => (arg === flag ? [args[index + 1]!] : []));
}

describe('sandboxedBuildCommand', () => {
  const command = sandboxedBuildCommand(
    { command: '/usr/bin/go', args: ['build', '-o', `${temp}/snippet`, `${example}/a.go`], cwd: example },
    layout,
    { reads: [example], writes: [temp, goCache] },
  );

  test('shows the example read-only and the output and cache writable, and nothing else of the project or the home', () => {
    const shown = mounts(command.args, '--ro-bind-try');
    expect(shown).toEqual(expect.arrayContaining([example, '/home/dev/go/bin']));
    expect(shown.filter((entry) => entry.startsWith('/work/project'))).toEqual([example]);
    expect(shown).not.toContain('/home/dev');
    expect(mounts(command.args, '--bind')).toEqual([goCache, temp].sort((a, b) => a.length - b.length));
    expect(mounts(command.args, '--remount-ro').at(-1)).toBe('/');
  });

  test('starts in its working folder, as the harness user (no setpriv) with only the supervisor port-53 capability, under the build limits', () => {
    expect(command.cwd).toBe(example);
    expect(command.args[command.args.indexOf('--chdir') + 1]).toBe(example);
    expect(mounts(command.args, '--cap-add')).toEqual(['CAP_NET_BIND_SERVICE']);
    const program = command.args.slice(command.args.indexOf('/usr/bin/prlimit'));
    expect(program[0]).toBe('/usr/bin/prlimit');
    expect(program).toContain(`--data=${BUILD_LIMITS.memoryMiB * 1024 * 1024}`);
    expect(program.slice(program.indexOf('--') + 1)).toEqual(['/usr/bin/go', 'build', '-o', `${temp}/snippet`, `${example}/a.go`]);
    expect(command.args).not.toContain('/usr/bin/setpriv');
  });

  test('when not root: no capability at all', () => {
    const unprivileged = sandboxedBuildCommand(
      { command: '/usr/bin/go', args: [], cwd: example },
      { ...layout, root: false },
      {
        reads: [example],
        writes: [temp],
      },
    );
    expect(mounts(unprivileged.args, '--cap-add')).toEqual([]);
  });
});

describe('buildReadPaths', () => {
  test("shows a program's install folder outside the project, not one inside it, and no path inside what the step writes", () => {
    const view = layout.view;
    // A venv's Python in the build's own temporary folder: shown through the writable folder.
    const venvPython = `${temp}/bin/python`;
    expect(buildReadPaths(venvPython, { reads: ['/work/project/snippets/requirements.txt'], writes: [temp] }, view)).toEqual([
      '/work/project/snippets/requirements.txt',
      '/home/dev/go/bin',
      '/usr/bin',
    ]);
    // A tool the project carries: the file alone, not its folder's parent.
    expect(buildReadPaths('/work/project/tools/bin/tool', { reads: [], writes: [] }, view)).toEqual([
      '/work/project/tools/bin/tool',
      '/home/dev/go/bin',
      '/usr/bin',
    ]);
    // The hidden folders themselves never: a step that names the home or the project reads nothing of them.
    const hidden = buildReadPaths('/usr/bin/go', { reads: ['/home/dev', '/work/project'], writes: [] }, view);
    expect(hidden).not.toContain('/home/dev');
    expect(hidden).not.toContain('/work/project');
  });
});
