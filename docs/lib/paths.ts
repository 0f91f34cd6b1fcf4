// Where the site finds what it renders at build time: the snippets and the harness report.
import path from 'node:path';
import { DEFAULT_REPORT_PATH } from '../../scripts/report/schema.ts';

/** Project root: Astro builds and serves from it (`npm run build`, `npm run dev`). */
export function projectRoot(): string {
  return process.cwd();
}

/** Folder holding one sub-folder per example; `RR_DOCS_SNIPPETS` overrides it (tests use fixtures). */
export function snippetsRoot(env: NodeJS.ProcessEnv = process.env): string {
  return path.resolve(projectRoot(), env.RR_DOCS_SNIPPETS || 'snippets');
}

/** The harness report the build reads: `RR_DOCS_REPORT`, or else the harness's default path. */
export function reportPath(env: NodeJS.ProcessEnv = process.env): string {
  return path.resolve(projectRoot(), env.RR_DOCS_REPORT || DEFAULT_REPORT_PATH);
}

/** Where highlighted code is cached between builds: `RR_DOCS_HIGHLIGHT_CACHE`, or else `.cache/highlight`. */
export function highlightCachePath(env: NodeJS.ProcessEnv = process.env): string {
  return path.resolve(projectRoot(), env.RR_DOCS_HIGHLIGHT_CACHE || '.cache/highlight');
}
