// Before a build, checks that the harness report speaks about the files the site will show, as they
// are now. Under CI=true a missing or stale report fails the build, naming the files; elsewhere the
// build goes on (the tabs say "Not run" or "Not tested in this version") after one loud warning.
import type { AstroIntegration } from 'astro';
import {
  DEFAULT_REPORT_PATH,
  dependencyFilesOf,
  dependencyRoot,
  discoverExamples,
  displayPath,
  readTrustedReport,
  type StaleFile,
  staleFiles,
} from '../../scripts/site-surface.ts';
import { defaultSnippetsRoot, projectRoot, reportPath, snippetsRoot } from '../lib/site-paths.ts';

/** The files under the site's snippets folder that the report at `file` says nothing current about. */
export async function siteStaleFiles(env: NodeJS.ProcessEnv = process.env): Promise<{ report: string; stale: StaleFile[] }> {
  const root = projectRoot();
  const snippets = snippetsRoot(env);
  const report = reportPath(env);
  const examples = await discoverExamples(snippets);
  const subjects = examples.flatMap((example) =>
    example.files.map((file) => ({ example, file, runner: { dependencyFiles: dependencyFilesOf(file.language) } })),
  );
  const context = { projectRoot: root, dependencyRoot: dependencyRoot(snippets, defaultSnippetsRoot()) };
  return { report, stale: staleFiles(await readTrustedReport(report, 'publish'), subjects, context) };
}

/** The message naming every stale file and the command that makes the report current. */
export function staleReportMessage(report: string, stale: readonly StaleFile[], inCi: boolean): string {
  const shown = displayPath(report);
  const fix = shown === DEFAULT_REPORT_PATH ? 'npm run build' : `npm run snippets -- --json ${shown}`;
  const lines = stale.slice(0, 20).map((entry) => `  - ${entry.file}: ${entry.why}`);
  if (stale.length > 20) lines.push(`  - and ${stale.length - 20} more`);
  const consequence = inCi
    ? 'Under CI=true the site is not built from a report about other bytes.'
    : 'Their tabs will say "Not run" or "Not tested in this version".';
  return `The harness report ${shown} does not cover ${stale.length} file(s) as they are now:\n${lines.join('\n')}\n${consequence} Run \`${fix}\` to test them.`;
}

/** The Astro integration: fails (CI) or warns (elsewhere) before a build from a missing or stale report. */
export function reportGate(): AstroIntegration {
  return {
    name: 'requestrocket:report-gate',
    hooks: {
      'astro:build:start': async ({ logger }) => {
        const inCi = process.env.CI === 'true';
        const { report, stale } = await siteStaleFiles();
        if (stale.length === 0) return;
        const message = staleReportMessage(report, stale, inCi);
        if (inCi) throw new Error(message);
        logger.warn(message);
      },
    },
  };
}
