// `npm run dev` as a contributor uses it: a tab whose file changed since its run says how to test
// it, and after that command a reload shows the result; and SIGTERM sent to the npm process alone
// (not to its process group, as a supervisor, an editor or `kill <pid>` sends it) leaves no
// `astro dev` server running behind it. Runs on a copy of the examples with its own report.
// vitest project: programs (test/support/projects.ts)
import { spawn, type ChildProcess } from 'node:child_process';
import { appendFile, cp, mkdir, mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { execa } from 'execa';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { findExecutable } from '../../scripts/paths.ts';
import { PROJECT_ROOT } from '../../scripts/project.ts';
import { buildEnvironment } from '../site/build-site.ts';

/** How long anything below may take before the test fails: a safety net, never a timing assertion. */
const DEADLINE_MS = 90_000;

/** A live process: its group and command line (zombies, dead but not yet reaped, are not live). */
interface LiveProcess {
  pid: number;
  group: number;
  command: string;
}

/** Every live process on this machine, from /proc. */
async function liveProcesses(): Promise<LiveProcess[]> {
  const found: LiveProcess[] = [];
  for (const name of await readdir('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    const stat = await readFile(`/proc/${name}/stat`, 'utf8').catch(() => '');
    // pid (comm) state ppid pgrp ...: comm may hold spaces and parentheses, so read after its last ')'.
    const [state, , group] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    if (!state || state === 'Z' || state === 'X') continue;
    const command = (await readFile(`/proc/${name}/cmdline`, 'utf8').catch(() => '')).replaceAll('\0', ' ').trim();
    found.push({ pid: Number(name), group: Number(group), command });
  }
  return found;
}

/** Resolves once `condition` gives a value, looking every 100 ms; rejects, naming `what`, past the deadline. */
async function eventually<T>(what: string, condition: () => Promise<T | undefined>): Promise<T> {
  const end = Date.now() + DEADLINE_MS;
  for (;;) {
    const value = await condition();
    if (value !== undefined) return value;
    if (Date.now() > end) throw new Error(`Expected ${what} within ${DEADLINE_MS} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

const npm = findExecutable('npm');

let work: string;
let env: Record<string, string>;
let dev: ChildProcess;
let output = '';
// npm's own end, not the end of its output, which a server left behind would hold open.
let exited = false;
let site: string;

/** This environment without what vitest adds (under VITEST astro dev serves no page at all), on the copy's examples and report. */
function devEnvironment(snippets: string, report: string): Record<string, string> {
  const base = buildEnvironment();
  for (const name of Object.keys(base)) if (/^(VITEST|TEST$|NODE_ENV$)/.test(name)) delete base[name];
  return { ...base, ASTRO_TELEMETRY_DISABLED: '1', CI: '', GITHUB_ACTIONS: '', RR_DOCS_SNIPPETS: snippets, RR_DOCS_REPORT: report };
}

/** `npm run snippets` with these arguments on the copy, with a result cache of its own. */
const snippets = (args: readonly string[]) =>
  execa(
    process.execPath,
    ['scripts/harness/cli/snippets-cli.ts', ...args, '--root', env.RR_DOCS_SNIPPETS!, '--result-cache', path.join(work, 'results')],
    {
      cwd: PROJECT_ROOT,
      extendEnv: false,
      env,
      reject: false,
    },
  );

/** The guide page that shows `list-clients`, as the dev server renders it now. */
const guide = async () => (await fetch(new URL('core-api/authentication/', site))).text();

describe.skipIf(process.platform !== 'linux' || !npm)('npm run dev', () => {
  beforeAll(async () => {
    await mkdir(path.join(PROJECT_ROOT, '.cache'), { recursive: true });
    // Inside the project, as the site's folders are; the report and the result cache beside it.
    work = await mkdtemp(path.join(PROJECT_ROOT, '.cache', 'dev-server-'));
    await cp(path.join(PROJECT_ROOT, 'snippets'), path.join(work, 'snippets'), { recursive: true });
    env = devEnvironment(path.join(work, 'snippets'), path.join(work, 'report.json'));
    // Its own process group, so that whatever the test leaves behind can be stopped at the end.
    dev = spawn(npm!, ['run', 'dev', '--', '--port', '0'], { cwd: PROJECT_ROOT, detached: true, stdio: ['ignore', 'pipe', 'pipe'], env });
    for (const stream of [dev.stdout!, dev.stderr!]) stream.on('data', (chunk: Buffer) => (output += chunk.toString()));
    dev.once('exit', () => (exited = true));
    site = await eventually('astro dev to print its address', async () => {
      if (exited) throw new Error(`npm run dev ended before serving:\n${output}`);
      return /Local\s+(http:\/\/\S+)/.exec(output)?.[1];
    });
    // While Vite prepares its dependencies a page may answer 404 for a moment.
    await eventually(`${site} to answer 200`, async () => ((await fetch(site).catch(() => undefined))?.status === 200 ? true : undefined));
  }, 2 * DEADLINE_MS);

  afterAll(async () => {
    try {
      if (dev?.pid) process.kill(-dev.pid, 'SIGKILL');
    } catch {
      // The group is gone: nothing was left behind.
    }
    if (work) await rm(work, { recursive: true, force: true });
  });

  test('an edited file says how to test it, and after that command a reload shows the result', { timeout: 2 * DEADLINE_MS }, async () => {
    const first = await snippets(['--example', 'list-clients', '--lang', 'curl', '--scenario', 'ok']);
    expect(first.exitCode, first.stdout + first.stderr).toBe(0);
    expect(first.stdout).toContain(`site report: ${path.relative(PROJECT_ROOT, env.RR_DOCS_REPORT!)} now holds this run's 1 case(s)`);
    expect(await guide()).toContain('Tested: 1 of 1 scenario passed');

    await appendFile(path.join(env.RR_DOCS_SNIPPETS!, 'list-clients', 'list-clients.sh'), '# edited\n');
    const stale = await guide();
    expect(stale).toContain('Not tested in this version');
    expect(stale).toMatch(/Changed since the last test run: list-clients\.sh\.\s+To test it, run <code/);
    const command = /To test it, run <code[^>]*>npm run snippets -- ([^<]+)<\/code>, then reload this page\./.exec(stale)?.[1];
    expect(command).toBe('--example list-clients --lang curl');

    // The command as the page gives it (one scenario only, as the report had: the others would wait on a hung server).
    const second = await snippets([...command!.split(' '), '--scenario', 'ok']);
    expect(second.exitCode, second.stdout + second.stderr).toBe(0);
    const reloaded = await guide();
    expect(reloaded).not.toContain('Not tested in this version');
    expect(reloaded).toContain('Tested: 1 of 1 scenario passed');
  });

  test('stops astro dev when npm alone is sent SIGTERM', { timeout: 2 * DEADLINE_MS }, async () => {
    const group = dev.pid!;
    const servers = (await liveProcesses()).filter((entry) => entry.group === group && /\/astro(?:\.mjs)? dev\b/.test(entry.command));
    expect(servers.map((entry) => entry.command)).toEqual([expect.stringMatching(/astro dev --port 0$/)]);

    process.kill(group, 'SIGTERM');
    await eventually('npm to exit', async () => (exited ? true : undefined));
    const left = await eventually('every process npm started to end', async () => {
      const live = (await liveProcesses()).filter((entry) => entry.group === group);
      return live.length === 0 ? live : undefined;
    }).catch(async () => (await liveProcesses()).filter((entry) => entry.group === group));
    expect(left.map((entry) => entry.command)).toEqual([]);
  });
});
