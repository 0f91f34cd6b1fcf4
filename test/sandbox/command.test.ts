// The bubblewrap command line of a case: which folders the program sees, and how.
// vitest project: unit (test/support/projects.ts)
import { mkdtemp, realpath, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { resolvConfTarget, sandboxedCommand, unsandboxedCommand, type SandboxLayout } from '../../scripts/sandbox/command.ts';
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
  readablePaths: ['/tmp/bench-cache'],
  hiddenFolders: ['/home/dev'],
  searchPath: ['/home/dev/.local/node/bin', '/usr/bin'],
  resolvConf: '/run/resolvconf/resolv.conf',
  caDir: '/tmp/rr-mock-ca-y',
  caFiles: ['/tmp/rr-mock-ca-y/ca.pem', '/tmp/rr-mock-ca-y/truststore.p12'],
};

/** The `--flag src dest` triples of a bwrap command line, as `flag src` pairs (dest is always src here). */
function mounts(args: readonly string[], flag: string): string[] {
  return args.flatMap((arg, index) => (arg === flag ? [args[index + 1]!] : []));
}

describe('sandboxedCommand', () => {
  const command = sandboxedCommand(
    { command: '/tmp/bench-cache/python/venv-1/bin/python', args: ['/work/snippets/a/a.py'], cwd: '/work/snippets/a' },
    layout,
  );

  test('starts bwrap with its own network and PID namespaces, no capabilities but binding port 53, in the scratch working folder', () => {
    expect(command.command).toBe('/usr/bin/bwrap');
    expect(command.cwd).toBe(scratch.work);
    expect(command.args.slice(0, 8)).toEqual([
      '--unshare-net',
      '--unshare-pid',
      '--as-pid-1',
      '--die-with-parent',
      '--cap-drop',
      'ALL',
      '--cap-add',
      'CAP_NET_BIND_SERVICE',
    ]);
    expect(command.args.at(-2)).toBe('/tmp/bench-cache/python/venv-1/bin/python');
    expect(command.args.at(-1)).toBe('/work/snippets/a/a.py');
  });

  test('mounts everything read-only, hides the temp folder and the CA folder, and shows back only what the program needs', () => {
    expect(mounts(command.args, '--ro-bind')).toEqual(['/', ...layout.caFiles, scratch.run, `${scratch.run}/resolv.conf`]);
    // The stub resolver's file goes where /etc/resolv.conf really is.
    const resolv = command.args.indexOf(`${scratch.run}/resolv.conf`);
    expect(command.args[resolv + 1]).toBe('/run/resolvconf/resolv.conf');
    expect(mounts(command.args, '--tmpfs')).toEqual([...new Set(['/tmp', path.resolve(tmpdir())]), '/home/dev', layout.caDir]);
    // The cache once, not again for the program inside it (bwrap cannot mount onto a read-only file),
    // and the tools on PATH in the hidden home.
    expect(mounts(command.args, '--ro-bind-try')).toEqual(['/tmp/bench-cache', '/home/dev/.local/node/bin']);
    expect(mounts(command.args, '--bind')).toEqual([scratch.home, scratch.tmp, scratch.work]);
  });

  test("hides the harness user's home inside the project, and shows a project inside the temp folder, whichever contains which", () => {
    // A clone under /tmp (hidden) with the user's home inside it (hidden again) and a tool installed in that home.
    const nested = sandboxedCommand(
      { command: '/tmp/clone/home/.nvm/bin/node', args: ['/tmp/clone/snippets/a/a.mjs'], cwd: '/tmp/clone/snippets/a' },
      { ...layout, readablePaths: ['/tmp/clone'], hiddenFolders: ['/tmp/clone/home'], searchPath: ['/usr/bin'] },
    );
    const order = nested.args.flatMap((arg, index) =>
      arg === '--tmpfs' || arg === '--ro-bind-try' ? [`${arg} ${nested.args[index + 1]}`] : [],
    );
    const at = (mount: string) => order.indexOf(mount);
    expect(at('--tmpfs /tmp')).toBeGreaterThanOrEqual(0);
    expect(at('--ro-bind-try /tmp/clone')).toBeGreaterThan(at('--tmpfs /tmp'));
    expect(at('--tmpfs /tmp/clone/home')).toBeGreaterThan(at('--ro-bind-try /tmp/clone'));
    expect(order.filter((mount) => mount.startsWith('--ro-bind-try /tmp/clone/home/')).map(at)).not.toEqual([]);
    for (const mount of order.filter((entry) => entry.startsWith('--ro-bind-try /tmp/clone/home/')))
      expect(at(mount)).toBeGreaterThan(at('--tmpfs /tmp/clone/home'));
  });

  test('keeps every capability dropped when not root (user namespaces give none to add)', () => {
    const unprivileged = sandboxedCommand({ command: '/bin/true', args: [], cwd: '/' }, { ...layout, root: false });
    expect(unprivileged.args).not.toContain('--cap-add');
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
