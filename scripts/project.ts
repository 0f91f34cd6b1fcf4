// Where the project's things are: its root, the default folders, and the environment variables that
// move them. Every tool (the harness, the site, the build, the scaffold, the secret scan) reads them
// from here, so an unset and an empty variable mean the same everywhere: the default.
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The project's root folder (where package.json is), found from this file's place. Code bundled by
 * Astro for the site runs from elsewhere: the site passes its own root (the working folder) instead.
 */
export const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Name of the examples' folder under the project root. */
export const SNIPPETS_FOLDER = 'snippets';

/** Default folder of the examples. */
export const DEFAULT_SNIPPETS_ROOT = path.join(PROJECT_ROOT, SNIPPETS_FOLDER);

/** The folder of the Core API section's pages (one MDX file each), from the project root: the site's content collection. */
export const SECTION_PAGES_FOLDER = 'docs/content/core-api';

/** Default cache of the runners (venv, Go binaries, Java classes). */
export const DEFAULT_CACHE_DIR = path.join(PROJECT_ROOT, '.cache', 'harness');

/** Default folder of the result cache (`--no-cache` runs without it). */
export const DEFAULT_RESULT_CACHE_DIR = path.join(PROJECT_ROOT, '.cache', 'results');

/** Where `npm run build` writes the harness report and the site reads it, relative to the project root. */
export const DEFAULT_REPORT_PATH = '.cache/harness-report.json';

/** The variable that points the site and the build at another examples folder (tests use fixtures). */
export const SNIPPETS_VARIABLE = 'RR_DOCS_SNIPPETS';

/** The variable that points the site and the build at another harness report. */
export const REPORT_VARIABLE = 'RR_DOCS_REPORT';

/** `env[name]` when set to something, else undefined: an empty variable counts as unset. */
function setting(env: NodeJS.ProcessEnv, name: string): string | undefined {
  const value = env[name];
  return value === undefined || value === '' ? undefined : value;
}

/** The examples folder: RR_DOCS_SNIPPETS (relative to `root`, the project's) when set, else snippets/. */
export function snippetsRootFrom(env: NodeJS.ProcessEnv = process.env, root: string = PROJECT_ROOT): string {
  return path.resolve(root, setting(env, SNIPPETS_VARIABLE) ?? SNIPPETS_FOLDER);
}

/** The harness report the site shows: RR_DOCS_REPORT (relative to `root`, the project's) when set, else the default path. */
export function reportPathFrom(env: NodeJS.ProcessEnv = process.env, root: string = PROJECT_ROOT): string {
  return path.resolve(root, setting(env, REPORT_VARIABLE) ?? DEFAULT_REPORT_PATH);
}
