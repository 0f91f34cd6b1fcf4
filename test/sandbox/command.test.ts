// The bubblewrap command line of a case: which folders the program sees, and how; the user and
// limits it runs under.
// vitest project: unit (test/support/projects.ts)
import { chmod, mkdtemp, realpath, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { resolvConfTarget, sandboxedCommand, unsandboxedCommand, type SandboxLayout } from '../../scripts/sandbox/command.ts';
import { DEFAULT_LIMITS, MIB } from '../../scripts/sandbox/case-limits.ts';
import type { CaseScratch } from '../../scripts/sandbox/scratch.ts';

const scratch: CaseScratch = {
  dir: '/tmp/rr-case-x',
  home: '/tmp/rr-case-x/home',
  tmp: '/tmp/rr-case-x/tmp',
  work: '/tmp/rr-case-x/work',
  run: '/tmp/rr-case-x/run',
  dispose: async () => {},
};

const layout: SandboxLayout = {
  bwrap: '/usr/bin/bwrap',
  socat: '/usr/bin/socat',
  root: true,
  scratch,
  proxyPort: 40123,
  view: {
    projectRoot: '/work/project',
    cacheDir: '/work/project/.cache/harness',
    hiddenFolders: ['/work/project', '/home/dev', '/tmp'],
    searchPath: ['/home/dev/.local/node/bin', '/usr/bin', '/work/project/node_modules/.bin'],
  },
  resolvConf: '/run/resolvconf/resolv.conf',
  caFiles: ['/tmp/rr-mock-ca-y/ca.pem', '/tmp/rr-mock-ca-y/truststore.p12'],
  limits: DEFAULT_LIMITS,
  support: { prlimit: '/usr/bin/prlimit', setpriv: '/usr/bin/setpriv', processes: true, scratch: true, missing: [] },
  uid: 0x40000123,
};

/** The `--flag src dest` triples of a bwrap command line, as `flag src` pairs (dest is always src here). */
function mounts(args: readonly string[], flag: string): string[] {
  return args.flatMap((arg, index) => (arg === flag ? [args[index + 1]!] : []));
}

/** Every mount of a bwrap command line as `--flag path`, in order. */
function order(args: readonly string[]): string[] {
  return args.flatMap((arg, index) =>
    ['--tmpfs', '--dir', '--ro-bind-try', '--remount-ro'].includes(arg) ? [`${arg} ${args[index + 1]}`] : [],
  );
}

/** The program's part of the command line: what follows the supervisor's five arguments. */
function programPart(args: readonly string[]): string[] {
  return args.slice(args.indexOf('sandbox') + 6);
}

describe('sandboxedCommand', () => {
  const command = sandboxedCommand(
    {
      command: '/work/project/.cache/harness/python/venv-1/bin/python',
      args: ['/work/project/snippets/a/a.py'],
      cwd: '/work/project/snippets/a',
    },
    layout,
  );

  test('starts bwrap with its own network, PID and IPC namespaces and session; as root the supervisor keeps only what it needs', () => {
    expect(command.command).toBe('/usr/bin/bwrap');
    expect(command.cwd).toBe(scratch.work);
    expect(command.args.slice(0, 16)).toEqual([
      '--unshare-net',
      '--unshare-pid',
      '--unshare-ipc',
      '--as-pid-1',
      '--die-with-parent',
      '--new-session',
      '--cap-drop',
      'ALL',
      '--cap-add',
      'CAP_NET_BIND_SERVICE',
      '--cap-add',
      'CAP_SETUID',
      '--cap-add',
      'CAP_SETGID',
      '--cap-add',
      'CAP_KILL',
    ]);
    expect(command.args.at(-2)).toBe('/work/project/.cache/harness/python/venv-1/bin/python');
    expect(command.args.at(-1)).toBe('/work/project/snippets/a/a.py');
  });

  test('shows the system folders, the example folder and the build, and nothing else of the project or the machine', () => {
    expect(mounts(command.args, '--ro-bind')).toEqual(expect.arrayContaining(['/usr', '/etc', ...layout.caFiles, scratch.run]));
    expect(mounts(command.args, '--ro-bind')).not.toContain('/');
    const shown = mounts(command.args, '--ro-bind-try');
    expect(shown).toEqual(
      expect.arrayContaining(['/work/project/snippets/a', '/work/project/.cache/harness/python/venv-1', '/home/dev/.local/node/bin']),
    );
    // Nothing else of the project: not its root, not node_modules/.bin on PATH, not the whole cache.
    expect(shown.filter((entry) => entry.startsWith('/work/project'))).toEqual(
      expect.arrayContaining(['/work/project/snippets/a', '/work/project/.cache/harness/python/venv-1']),
    );
    expect(shown).not.toContain('/work/project');
    expect(shown).not.toContain('/work/project/.cache/harness');
    expect(shown.some((entry) => entry.includes('node_modules'))).toBe(false);
    // The stub resolver's file goes where /etc/resolv.conf really is.
    const resolv = command.args.indexOf(`${scratch.run}/resolv.conf`);
    expect(command.args[resolv + 1]).toBe('/run/resolvconf/resolv.conf');
  });

  test('makes the scratch space a tmpfs of the limit plus a page at /tmp, and everything but it read-only', () => {
    const at = command.args.indexOf('--tmpfs');
    expect(command.args.slice(at - 4, at + 2)).toEqual(['--perms', '01777', '--size', String(64 * MIB + 4096), '--tmpfs', '/tmp']);
    expect(mounts(command.args, '--dir')).toEqual(expect.arrayContaining([scratch.home, scratch.tmp, scratch.work]));
    expect(mounts(command.args, '--remount-ro').slice(-2)).toEqual(['/dev', '/']);
  });

  test('makes the parents of what it shows with mode 0755, so that the program, another user, can pass them', () => {
    const steps = order(command.args);
    for (const parent of ['/work', '/work/project', '/work/project/snippets', '/run', '/run/resolvconf', '/tmp/rr-mock-ca-y']) {
      const at = command.args.indexOf(parent, command.args.indexOf('--dir') - 1);
      expect(command.args.slice(at - 3, at + 1)).toEqual(['--perms', '0755', '--dir', parent]);
    }
    expect(steps.indexOf('--dir /work/project/snippets')).toBeLessThan(steps.indexOf('--ro-bind-try /work/project/snippets/a'));
  });

  test('runs the program as a user of its own under its limits when the harness is root', () => {
    expect(programPart(command.args)).toEqual([
      '/usr/bin/setpriv',
      `--reuid=${0x40000123}`,
      `--regid=${0x40000123}`,
      '--clear-groups',
      '--',
      '/usr/bin/prlimit',
      `--data=${512 * MIB}`,
      '--nproc=65',
      `--fsize=${64 * MIB + 4096}`,
      '--core=0',
      '--',
      '/work/project/.cache/harness/python/venv-1/bin/python',
      '/work/project/snippets/a/a.py',
    ]);
  });

  test('as root, refuses with the path a build its program, another user, could not read', async () => {
    const example = await mkdtemp(path.join(tmpdir(), 'rr-private-example-'));
    try {
      await chmod(example, 0o700);
      const prepared = { command: '/usr/bin/bash', args: [path.join(example, 'a.sh')], cwd: example };
      expect(() => sandboxedCommand(prepared, layout)).toThrow(
        `the sandbox runs programs as a user of their own (the harness runs as root), who cannot read ${example} (mode 0700); make it readable to others (umask 022) and run again`,
      );
      expect(() => sandboxedCommand(prepared, { ...layout, root: false })).not.toThrow();
      await chmod(example, 0o755);
      expect(() => sandboxedCommand(prepared, layout)).not.toThrow();
    } finally {
      await rm(example, { recursive: true, force: true });
    }
  });

  test('when not root: no capabilities, no user change, and room in the process cap for the supervisor', () => {
    const unprivileged = sandboxedCommand({ command: '/bin/true', args: [], cwd: '/' }, { ...layout, root: false });
    expect(unprivileged.args).not.toContain('--cap-add');
    expect(programPart(unprivileged.args).slice(0, 3)).toEqual(['/usr/bin/prlimit', `--data=${512 * MIB}`, '--nproc=69']);
  });

  test('shows only the folder of a binary the project carries (Node), and of Java its class path and archive', () => {
    const node = sandboxedCommand(
      { command: '/work/project/node_modules/node/bin/node', args: ['/work/project/snippets/a/a.mjs'], cwd: '/work/project/snippets/a' },
      layout,
    );
    expect(mounts(node.args, '--ro-bind-try')).toEqual(expect.arrayContaining(['/work/project/node_modules/node/bin']));
    expect(mounts(node.args, '--ro-bind-try').filter((entry) => entry.startsWith('/work/project/node_modules'))).toEqual([
      '/work/project/node_modules/node/bin',
    ]);
    const cache = '/work/project/.cache/harness/java';
    const java = sandboxedCommand(
      {
        command: '/usr/lib/jvm/jdk/bin/java',
        args: [`-XX:SharedArchiveFile=${cache}/cds-1/archive/app.jsa`, '-cp', `${cache}/lib-1/gson.jar:${cache}/classes/2`, 'A'],
        cwd: '/work/project/snippets/a',
      },
      layout,
    );
    expect(mounts(java.args, '--ro-bind-try').filter((entry) => entry.startsWith('/work/project'))).toEqual(
      expect.arrayContaining([
        `${cache}/cds-1/archive/app.jsa`,
        `${cache}/lib-1/gson.jar`,
        `${cache}/classes/2`,
        '/work/project/snippets/a',
      ]),
    );
    expect(mounts(java.args, '--ro-bind-try').filter((entry) => entry.startsWith('/work/project'))).toHaveLength(4);
  });

  test("hides the harness user's home and the project inside a shown folder, and shows a project inside the temp folder", () => {
    // A tool installed in a home that lies inside a system folder, and a clone in /tmp (the scratch space).
    const nested = sandboxedCommand(
      { command: '/usr/home/dev/.nvm/bin/node', args: ['/tmp/clone/snippets/a/a.mjs'], cwd: '/tmp/clone/snippets/a' },
      {
        ...layout,
        view: {
          projectRoot: '/tmp/clone',
          cacheDir: '/tmp/clone/.cache/harness',
          hiddenFolders: ['/tmp/clone', '/usr/home/dev', '/tmp'],
          searchPath: ['/usr/bin'],
        },
      },
    );
    const steps = order(nested.args);
    expect(steps.indexOf('--tmpfs /usr/home/dev')).toBeGreaterThanOrEqual(0);
    expect(steps).toContain('--remount-ro /usr/home/dev');
    expect(steps).toContain('--ro-bind-try /usr/home/dev/.nvm/bin/node');
    expect(steps.indexOf('--ro-bind-try /usr/home/dev/.nvm/bin/node')).toBeGreaterThan(steps.indexOf('--tmpfs /usr/home/dev'));
    expect(steps).toContain('--ro-bind-try /tmp/clone/snippets/a');
    expect(steps.indexOf('--ro-bind-try /tmp/clone/snippets/a')).toBeGreaterThan(steps.indexOf('--tmpfs /tmp'));
  });
});

describe('unsandboxedCommand', () => {
  test('puts a shell between the harness and the program, in the scratch working folder', () => {
    const command = unsandboxedCommand({ command: '/usr/bin/bash', args: ['/work/a.sh'], cwd: '/work' }, scratch);
    expect(command).toMatchObject({ command: '/bin/sh', cwd: scratch.work });
    expect(command.args.slice(-2)).toEqual(['/usr/bin/bash', '/work/a.sh']);
    expect(command.args[1]).toContain('trap : HUP INT TERM');
  });
});

describe('resolvConfTarget', () => {
  test('follows links to the real file, and is null for a link that leads nowhere', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'rr-resolv-'));
    try {
      await writeFile(path.join(dir, 'real.conf'), 'nameserver 192.0.2.1\n');
      await symlink(path.join(dir, 'real.conf'), path.join(dir, 'absolute'));
      await symlink(path.join(dir, 'missing.conf'), path.join(dir, 'dangling'));
      expect(resolvConfTarget(path.join(dir, 'absolute'))).toBe(await realpath(path.join(dir, 'real.conf')));
      expect(resolvConfTarget(path.join(dir, 'dangling'))).toBeNull();
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
