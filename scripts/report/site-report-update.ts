// `npm run snippets` keeps the report the site shows in step with what it ran: each case whose
// program ran takes the place of its earlier result there and the others stay, so that after
// `npm run snippets -- --example <id> --lang <lang>` a page that `npm run dev` serves shows the
// file as tested once it is reloaded. A case that did not run for a reason of this machine (a
// missing toolchain, a harness failure) says nothing about the file and leaves its entry alone.
import path from 'node:path';
import { displayPath } from '../paths.ts';
import { reportPathFrom, snippetsRootFrom } from '../project.ts';
import { ReportError, UntrustedReportError, readTrustedReport, writeReport } from './report-io.ts';
import { REPORT_FORMAT, type CaseReport, type HarnessReport } from './report-schema.ts';

/** Whether a case's result is about its file: its program ran, or could not be built (not a skip, a missing toolchain or a harness failure). */
export function speaksForFile(entry: CaseReport): boolean {
  return (
    entry.status !== 'skipped' &&
    !entry.checks.some((check) => check.status === 'failed' && (check.id === 'toolchain' || check.id === 'harness'))
  );
}

/** The report with `latest`'s cases in place of the same cases' earlier results, the others kept in their order; the run is the latest one. */
export function withLatestCases(previous: HarnessReport | undefined, latest: HarnessReport): HarnessReport {
  const ran = new Map(latest.cases.map((entry) => [entry.key, entry]));
  const earlier = previous?.cases ?? [];
  const known = new Set(earlier.map((entry) => entry.key));
  const cases = [...earlier.map((entry) => ran.get(entry.key) ?? entry), ...latest.cases.filter((entry) => !known.has(entry.key))];
  const count = (status: CaseReport['status']) => cases.filter((entry) => entry.status === status).length;
  return {
    format: REPORT_FORMAT,
    run: { ...latest.run, toolchains: { ...previous?.run.toolchains, ...latest.run.toolchains } },
    summary: {
      passed: count('passed'),
      failed: count('failed'),
      skipped: count('skipped'),
      cached: cases.filter((entry) => entry.cached).length,
      durationMs: latest.summary.durationMs,
    },
    cases,
  };
}

/** The site's report that a run of the examples under `root` updates, unless the run wrote its own report there (`--json`). */
export function siteReportFor(root: string, jsonReport: string | undefined, env: NodeJS.ProcessEnv = process.env): string | undefined {
  if (path.resolve(root) !== snippetsRootFrom(env)) return undefined;
  const site = reportPathFrom(env);
  return jsonReport !== undefined && path.resolve(jsonReport) === site ? undefined : site;
}

/** Puts the cases of `latest` that speak for their file into the report at `file` (replacing one that is not valid); returns the line saying so, or undefined when none does. */
export async function updateSiteReport(
  file: string,
  latest: HarnessReport,
  env: NodeJS.ProcessEnv = process.env,
): Promise<string | undefined> {
  const cases = latest.cases.filter(speaksForFile);
  if (cases.length === 0) return undefined;
  let previous: HarnessReport | undefined;
  let replaced = '';
  try {
    // Only a report this run could have signed is carried over: merging an edited one would sign its edits.
    previous = await readTrustedReport(file, 'update', env);
  } catch (error) {
    if (!(error instanceof ReportError)) throw error;
    replaced =
      error instanceof UntrustedReportError
        ? " (it held a report not signed with this run's key: the old file is replaced)"
        : ' (it held no valid report: the old file is replaced)';
  }
  await writeReport(file, withLatestCases(previous, { ...latest, cases }), env);
  const left = latest.cases.length - cases.length;
  const untouched = left ? `; ${left} that ran no program left as they were` : '';
  return `site report: ${displayPath(file)} now holds this run's ${cases.length} case(s)${untouched}${replaced}; reload a page of npm run dev to see them`;
}
