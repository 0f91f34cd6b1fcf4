// Whether the harness report speaks about the files the site will show, as they are now: the files
// it says nothing current about, and the message that names them and the command that tests them.
// The report gate (docs/integrations/report-gate.ts) loads this when a build starts.
import {
  DEFAULT_REPORT_PATH,
  dependencyFilesOf,
  dependencyRoot,
  discoverExamples,
  displayPath,
  type StaleFile,
  staleFiles,
} from '../../scripts/site-surface.ts';
import { defaultSnippetsRoot, projectRoot, reportPath, snippetsRoot } from './site-paths.ts';
import { siteReport } from './site-report.ts';

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
  // The pages read the report through siteReport too: the build reads it once.
  return { report, stale: staleFiles(await siteReport(report), subjects, context) };
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
