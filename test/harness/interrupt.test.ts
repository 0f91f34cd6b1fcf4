// Ctrl-C and SIGTERM on real processes: `npm run snippets` and `npm run build` are started on
// test/fixtures/interrupt/ (one case that finishes at once, one that runs until stopped), and the
// signal is sent once the first case has reported. The run must stop with 130 / 143, say so, write
// no report, and leave no program and no throwaway CA or scratch folder behind.
// vitest project: programs (test/support/projects.ts)
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { execa, type ResultPromise } from 'execa';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { PROJECT_ROOT } from '../../scripts/harness/harness.ts';

const ROOT = path.join(PROJECT_ROOT, 'test', 'fixtures', 'interrupt');
const SLOW_SCRIPT = path.join(ROOT, 'slow', 'slow.sh');

let out: string;
beforeAll(async () => {
  out = await mkdtemp(path.join(tmpdir(), 'rr-interrupt-'));
});
afterAll(() => rm(out, { recursive: true, force: true }));

/** Resolves once the process has printed a line matching `pattern` on stdout. */
function printed(subprocess: ResultPromise, pattern: RegExp): Promise<void> {
  return new Promise((resolve, reject) => {
    let seen = '';
    subprocess.stdout?.on('data', (chunk: Buffer) => {
      seen += chunk.toString('utf8');
      if (pattern.test(seen)) resolve();
    });
    subprocess.then(() => reject(new Error(`exited before printing ${pattern}:\n${seen}`)), reject);
  });
}

/** Command lines of every process still running that mention the slow fixture. */
async function leftoverPrograms(): Promise<string[]> {
  const found: string[] = [];
  for (const pid of (await readdir('/proc')).filter((name) => /^\d+$/.test(name))) {
    const commandLine = await readFile(`/proc/${pid}/cmdline`, 'utf8').catch(() => '');
    if (commandLine.includes(SLOW_SCRIPT)) found.push(`${pid}: ${commandLine.replaceAll('\0', ' ')}`);
  }
  return found;
}

/** Folders of the throwaway CA and of case scratch spaces that the process `pid` made and left. */
async function leftoverFolders(pid: number): Promise<string[]> {
  const names = (await readdir(tmpdir())).filter((name) => name.startsWith('rr-mock-ca-') || name.startsWith('rr-case-'));
  const left: string[] = [];
  for (const name of names) {
    const owner = await readFile(path.join(tmpdir(), name, 'owner.pid'), 'utf8').catch(() => '');
    if (owner.trim() === String(pid)) left.push(name);
  }
  return left;
}

const COMMANDS = {
  snippets: (signal: string) => {
    const json = path.join(out, `${signal}.json`);
    const junit = path.join(out, `${signal}.xml`);
    const subprocess = execa(
      process.execPath,
      ['scripts/harness/cli/snippets-cli.ts', '--root', ROOT, '--scenario', 'ok', '--concurrency', '2', '--json', json, '--junit', junit],
      {
        cwd: PROJECT_ROOT,
        reject: false,
        env: { CI: '', GITHUB_ACTIONS: '' },
      },
    );
    return { subprocess, reports: [json, junit] };
  },
  build: (signal: string) => {
    const report = path.join(out, `${signal}-site-report.json`);
    const subprocess = execa(process.execPath, ['scripts/build-site.ts', '--outDir', path.join(out, `${signal}-site`)], {
      cwd: PROJECT_ROOT,
      reject: false,
      env: { CI: '', GITHUB_ACTIONS: '', RR_DOCS_SNIPPETS: ROOT, RR_DOCS_REPORT: report },
    });
    return { subprocess, reports: [report, path.join(out, `${signal}-site`)] };
  },
} as const;

const SIGNALS = [
  { signal: 'SIGINT', exitCode: 130 },
  { signal: 'SIGTERM', exitCode: 143 },
] as const;

describe.for(Object.keys(COMMANDS) as Array<keyof typeof COMMANDS>)('%s', (command) => {
  test.for(SIGNALS)('$signal stops the run, kills its programs, removes the CA and writes no report', async ({ signal, exitCode }) => {
    const { subprocess, reports } = COMMANDS[command](signal);
    // The quick case has finished, so the slow one is under way.
    await printed(subprocess, /quick\/curl\/ok/);
    subprocess.kill(signal);
    const result = await subprocess;
    expect(result.exitCode, result.stdout + result.stderr).toBe(exitCode);
    expect(result.stderr).toMatch(new RegExp(`interrupted by ${signal}`));
    expect(result.stdout).not.toMatch(/passed, \d+ failed/);
    for (const report of reports) expect(existsSync(report), report).toBe(false);
    // Killed programs vanish as soon as the kernel has reaped them: wait for that, briefly.
    await expect.poll(leftoverPrograms, { timeout: 2_000 }).toEqual([]);
    expect(await leftoverFolders(subprocess.pid!)).toEqual([]);
  });
});
