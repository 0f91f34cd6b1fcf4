// `npm run dev` stops with npm: SIGTERM sent to the npm process alone (not to its process group, as
// a supervisor, an editor or `kill <pid>` sends it) leaves no `astro dev` server running behind it.
import { spawn } from 'node:child_process';
import { readFile, readdir } from 'node:fs/promises';
import { describe, expect, test } from 'vitest';
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

/** Resolves once `condition` holds, looking every 100 ms; rejects, naming `what`, past the deadline. */
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

/** This environment without what vitest adds: under VITEST astro dev serves no page at all. */
function devEnvironment(): Record<string, string> {
  const env = buildEnvironment();
  for (const name of Object.keys(env)) if (/^(VITEST|TEST$|NODE_ENV$)/.test(name)) delete env[name];
  return { ...env, ASTRO_TELEMETRY_DISABLED: '1' };
}

describe.skipIf(process.platform !== 'linux' || !npm)('npm run dev', () => {
  test('stops astro dev when npm alone is sent SIGTERM', { timeout: 3 * DEADLINE_MS }, async () => {
    // Its own process group, so that whatever the test leaves behind can be stopped at the end.
    const dev = spawn(npm!, ['run', 'dev', '--', '--port', '0'], {
      cwd: PROJECT_ROOT,
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: devEnvironment(),
    });
    const group = dev.pid!;
    let output = '';
    for (const stream of [dev.stdout, dev.stderr]) stream.on('data', (chunk: Buffer) => (output += chunk.toString()));
    // npm's own end, not the end of its output, which a server left behind would hold open.
    let exited = false;
    dev.once('exit', () => (exited = true));
    try {
      const url = await eventually('astro dev to print its address', async () => {
        if (exited) throw new Error(`npm run dev ended before serving:\n${output}`);
        return /Local\s+(http:\/\/\S+)/.exec(output)?.[1];
      });
      // While Vite prepares its dependencies the page may answer 404 for a moment.
      await eventually(`${url} to answer 200`, async () => ((await fetch(url).catch(() => undefined))?.status === 200 ? true : undefined));
      const servers = (await liveProcesses()).filter((entry) => entry.group === group && /\/astro(?:\.mjs)? dev\b/.test(entry.command));
      expect(servers.map((entry) => entry.command)).toEqual([expect.stringMatching(/astro dev --port 0$/)]);

      process.kill(dev.pid!, 'SIGTERM');
      await eventually('npm to exit', async () => (exited ? true : undefined));
      const left = await eventually('every process npm started to end', async () => {
        const live = (await liveProcesses()).filter((entry) => entry.group === group);
        return live.length === 0 ? live : undefined;
      }).catch(async () => (await liveProcesses()).filter((entry) => entry.group === group));
      expect(left.map((entry) => entry.command)).toEqual([]);
    } finally {
      try {
        process.kill(-group, 'SIGKILL');
      } catch {
        // The group is gone: nothing was left behind.
      }
    }
  });
});
