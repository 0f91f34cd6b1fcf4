// Runs `astro build` for the tests: the docs site or a fixture site, into a folder of the test's choosing.
import { mkdir, mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { execa } from 'execa';

/** The astro CLI of this project, run with the Node that runs the tests. */
const ASTRO_CLI = path.resolve('node_modules/astro/bin/astro.mjs');

/**
 * A new empty folder to build into. It lies inside the project on purpose: for an outDir outside
 * the working directory, Astro puts its intermediate files in the shared `.astro/.prerender`, so
 * two builds at once (two test runs) would delete each other's files.
 */
export async function makeBuildDir(): Promise<string> {
  const parent = path.resolve('.cache/site-builds');
  await mkdir(parent, { recursive: true });
  await sweepStaleBuilds(parent);
  return mkdtemp(path.join(parent, 'build-'));
}

/** How old a build folder must be to count as left behind by a run that was killed (builds take seconds). */
const STALE_MS = 60 * 60 * 1000;

/** Removes build folders that runs killed before their cleanup left behind. */
async function sweepStaleBuilds(parent: string): Promise<void> {
  for (const name of await readdir(parent)) {
    const dir = path.join(parent, name);
    const info = await stat(dir).catch(() => undefined);
    if (name.startsWith('build-') && info && Date.now() - info.mtimeMs > STALE_MS) await rm(dir, { recursive: true, force: true });
  }
}

/** Variables vitest puts in its workers' environment for Vite (BASE_URL, MODE, …); a child Astro build would take them as its own. */
const VITE_VARIABLES = ['BASE_URL', 'MODE', 'DEV', 'PROD', 'SSR'];

/** This process's environment without the variables vitest added for Vite. */
export function buildEnvironment(): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [name, value] of Object.entries(process.env)) if (value !== undefined && !VITE_VARIABLES.includes(name)) env[name] = value;
  return env;
}

/** What a build did: whether it succeeded, everything it printed, and how long it took. */
export interface BuildResult {
  ok: boolean;
  output: string;
  durationMs: number;
}

/**
 * Builds the site at `root` (default: the project) into `outDir`, with `env` added to the
 * environment, from `cwd` (default: this process's; the site finds snippets/ and the report from it).
 */
export async function buildSite(options: {
  outDir: string;
  root?: string;
  cwd?: string;
  env?: Record<string, string>;
}): Promise<BuildResult> {
  const args = [ASTRO_CLI, 'build', '--outDir', options.outDir];
  if (options.root) args.push('--root', options.root);
  const started = performance.now();
  const result = await execa(process.execPath, args, {
    ...(options.cwd ? { cwd: options.cwd } : {}),
    all: true,
    reject: false,
    extendEnv: false,
    // CI is cleared unless a test sets it: under CI=true a build refuses a report that does not cover
    // every file, and only the tests of that refusal (report-gate.test.ts) want it.
    env: { ...buildEnvironment(), ASTRO_TELEMETRY_DISABLED: '1', RR_DOCS_SNIPPETS: '', RR_DOCS_REPORT: '', CI: '', ...options.env },
  });
  return { ok: result.exitCode === 0, output: result.all ?? '', durationMs: Math.round(performance.now() - started) };
}
