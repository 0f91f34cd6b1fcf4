// Shared by the runner tests: where fixtures and the cache live, and how to watch processes.
import { randomUUID } from 'node:crypto';
import { chmod, mkdir, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { LanguageRunner, PrepareContext, RunResult } from '../../scripts/runners/runner-contract.ts';
import { findExecutable } from '../../scripts/paths.ts';
import { DEFAULT_CACHE_DIR } from '../../scripts/project.ts';

/** The project root (tests run from it). */
export const PROJECT_ROOT = resolve(import.meta.dirname, '../..');

/**
 * The runners' cache: the harness's own (content-hash keys make sharing it safe), where the
 * programs project's global setup prepared every toolchain before any test started.
 */
export const CACHE_DIR = DEFAULT_CACHE_DIR;

/** Where the tests write their own files (removed after each file by removeThrowaways()). */
const SCRATCH_DIR = join(PROJECT_ROOT, '.cache', 'test-runners', 'scratch');

/** The real examples folder, whose requirements.txt and pom.xml the runners resolve. */
export const SNIPPETS_ROOT = join(PROJECT_ROOT, 'snippets');

/** How the tests ask runners to prepare. */
export const CONTEXT: PrepareContext = { cacheDir: CACHE_DIR, snippetsRoot: SNIPPETS_ROOT };

/** A fixture program, by language folder and file name. */
export function fixture(language: string, name: string): string {
  return join(PROJECT_ROOT, 'test', 'fixtures', 'runners', language, name);
}

/** Folders to delete after this test file: scratch folders and builds of one-off copies. */
const throwaways = new Set<string>();

/** Marks a folder (such as the cache entry built for a one-off copy) for removal by removeThrowaways(). */
export function throwaway(dir: string): void {
  throwaways.add(dir);
}

/** Deletes every folder marked so far; call it in afterAll so reruns do not grow the cache. */
export async function removeThrowaways(): Promise<void> {
  await Promise.all([...throwaways].map((dir) => rm(dir, { recursive: true, force: true })));
  throwaways.clear();
}

/** A new, empty folder under SCRATCH_DIR for files a test writes (removed by removeThrowaways()). */
export async function scratchDir(): Promise<string> {
  const dir = join(SCRATCH_DIR, randomUUID());
  await mkdir(dir, { recursive: true });
  throwaway(dir);
  return dir;
}

/** A copy of a fixture with a unique comment appended, so its content hash has never been built. */
export async function uniqueCopy(language: string, name: string, comment: string): Promise<string> {
  const dir = await scratchDir();
  const copy = join(dir, name);
  await writeFile(copy, `${await readFile(fixture(language, name), 'utf8')}\n${comment} ${randomUUID()}\n`);
  return copy;
}

/** A folder holding `tool`, a script that logs its arguments to a file and then runs the real one. */
export async function loggingWrapper(tool: string, realPath: string): Promise<{ binDir: string; calls: () => Promise<string[]> }> {
  const binDir = await scratchDir();
  const log = join(binDir, 'calls.log');
  await writeFile(log, '');
  const script = join(binDir, tool);
  await writeFile(script, `#!/bin/sh\necho "$*" >> '${log}'\nexec '${realPath}' "$@"\n`);
  await chmod(script, 0o755);
  return { binDir, calls: async () => (await readFile(log, 'utf8')).split('\n').filter(Boolean) };
}

/** Whether a process is alive (a zombie, already dead and waiting to be reaped, is not). */
export async function isAlive(pid: number): Promise<boolean> {
  try {
    const stat = await readFile(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
  } catch {
    return false;
  }
}

/** Live processes whose environment contains `NAME=value` (Linux /proc). */
export async function processesWithEnv(name: string, value: string): Promise<number[]> {
  const wanted = `${name}=${value}`;
  const found: number[] = [];
  for (const entry of await readdir('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const environ = await readFile(`/proc/${entry}/environ`, 'utf8');
      if (environ.split('\0').includes(wanted) && (await isAlive(Number(entry)))) found.push(Number(entry));
    } catch {
      // Gone meanwhile, or not ours to read.
    }
  }
  return found;
}

/** The pid a fixture printed as `child <pid>`. */
export function childPid(stdout: string): number {
  const match = /child (\d+)/.exec(stdout);
  if (!match?.[1]) throw new Error(`expected "child <pid>" in the output, got: ${JSON.stringify(stdout)}`);
  return Number(match[1]);
}

/** Prepares a fixture with `runner` and runs it once, with a variable set here that must not reach it. */
export async function prepareAndRun(
  runner: LanguageRunner,
  file: string,
  options: { env?: Record<string, string>; timeoutMs?: number } = {},
): Promise<RunResult> {
  const prepared = await runner.prepare(file, CONTEXT);
  process.env.RUNNER_LEAK = 'from the parent';
  try {
    return await runner.run(prepared, { env: options.env ?? { RUNNER_GREETING: 'hi' }, timeoutMs: options.timeoutMs ?? 60_000 });
  } finally {
    delete process.env.RUNNER_LEAK;
  }
}

/** An empty folder, to use as a PATH on which no tool is found. */
export async function emptyPathDir(): Promise<string> {
  return scratchDir();
}

/** A folder holding symlinks to the named tools only, to use as a PATH that lacks everything else. */
export async function pathWithOnly(...tools: string[]): Promise<string> {
  const dir = await scratchDir();
  for (const tool of tools) {
    const real = findExecutable(tool);
    if (!real) throw new Error(`${tool} is needed on PATH for this test`);
    await symlink(real, join(dir, tool));
  }
  return dir;
}
