// Builds the docs site once for the whole run (with the fixture harness report) and hands its
// folder to the site and browser tests; a failed build is handed over too, so only they fail.
import { rm } from 'node:fs/promises';
import type { TestProject } from 'vitest/node';
import { buildSite, makeBuildDir } from './build-site.ts';
import { writeFreshReport } from './fixture-report.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The docs site built for this run: its folder, or the build's output when it failed. */
    site: { dir: string; error?: string; durationMs: number };
  }
}

/** Vitest global setup: build, provide, and remove the folder when the run ends. */
export async function setup(project: TestProject): Promise<() => Promise<void>> {
  const dir = await makeBuildDir();
  // Inside the build folder's parent, not the build folder: Astro empties its outDir.
  const report = await writeFreshReport(`${dir}-report.json`);
  const result = await buildSite({ outDir: dir, env: { RR_DOCS_REPORT: report } });
  project.provide('site', { dir, durationMs: result.durationMs, ...(result.ok ? {} : { error: result.output }) });
  return async () => {
    await rm(dir, { recursive: true, force: true });
    await rm(report, { force: true });
  };
}
