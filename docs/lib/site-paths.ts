// Where the site finds what it renders at build time: the snippets and the harness report (both
// worked out by scripts/project.ts, as the harness and the build do), and its highlight cache.
import path from 'node:path';
import { reportPathFrom, SNIPPETS_FOLDER, snippetsRootFrom } from '../../scripts/site-surface.ts';

/** Project root: Astro builds and serves from it (`npm run build`, `npm run dev`); the site's code is bundled, so not found from its own place. */
export function projectRoot(): string {
  return process.cwd();
}

/** The examples' default folder, which holds the dependency files (`requirements.txt`, `pom.xml`). */
export function defaultSnippetsRoot(): string {
  return path.join(projectRoot(), SNIPPETS_FOLDER);
}

/** Folder holding one sub-folder per example; `RR_DOCS_SNIPPETS` overrides it (tests use fixtures). */
export function snippetsRoot(env: NodeJS.ProcessEnv = process.env): string {
  return snippetsRootFrom(env, projectRoot());
}

/** The harness report the build reads: `RR_DOCS_REPORT`, or else the harness's default path. */
export function reportPath(env: NodeJS.ProcessEnv = process.env): string {
  return reportPathFrom(env, projectRoot());
}

/** Where highlighted code is cached between builds: `RR_DOCS_HIGHLIGHT_CACHE`, or else `.cache/highlight`. */
export function highlightCachePath(env: NodeJS.ProcessEnv = process.env): string {
  return path.resolve(projectRoot(), env.RR_DOCS_HIGHLIGHT_CACHE || '.cache/highlight');
}
