// Checks a report made elsewhere (the merged report of CI's shards) before it stands in for a run
// here: it must be signed with the key this reader trusts, of this commit and this harness, about
// the files as they are now, and hold a result for every case this checkout plans, and none it
// does not.
import { displayPath } from '../paths.ts';
import { REPORT_KEY_VARIABLE } from '../secrets/signing.ts';
import { currentCommit } from './fingerprint.ts';
import { harnessFingerprint } from './harness-files.ts';
import { UntrustedReportError, readTrustedReport } from './report-io.ts';
import type { HarnessReport } from './report-schema.ts';
import { staleFiles } from './freshness.ts';
import { coverageOf } from './merge.ts';
import type { PlannedCase } from '../harness/run/plan.ts';

/** Where the current inputs are read from. */
export interface GivenReportContext {
  projectRoot: string;
  /** Folder holding the runners' dependency files. */
  dependencyRoot: string;
}

/** At most this many names are listed per problem. */
const LISTED = 20;

function listed(items: readonly string[]): string {
  const shown = items
    .slice(0, LISTED)
    .map((item) => `\n    - ${item}`)
    .join('');
  return items.length > LISTED ? `${shown}\n    - and ${items.length - LISTED} more` : shown;
}

/** Why `report` cannot stand for a run of `cases` on this checkout; empty when it can. */
export async function givenReportProblems(
  report: HarnessReport,
  cases: readonly PlannedCase[],
  context: GivenReportContext,
): Promise<string[]> {
  const problems: string[] = [];
  const commit = await currentCommit(context.projectRoot);
  if (report.run.commit !== commit) {
    problems.push(`it was made at commit ${report.run.commit ?? '(none)'}, but this checkout is ${commit ?? 'not a git commit'}`);
  }
  const harness = harnessFingerprint(context.projectRoot);
  if (report.run.harness !== harness)
    problems.push(
      `it was made by another harness version (run.harness ${report.run.harness.slice(0, 12)}…, this one ${harness.slice(0, 12)}…)`,
    );
  const subjects = [...new Map(cases.map((planned) => [planned.file.path, planned])).values()];
  const stale = staleFiles(report, subjects, context).filter((entry) => entry.state === 'stale');
  if (stale.length)
    problems.push(`it is about other bytes than ${stale.length} file(s):${listed(stale.map((entry) => `${entry.file}: ${entry.why}`))}`);
  const { missing, unplanned } = coverageOf(
    report,
    cases.map((planned) => planned.key),
  );
  if (missing.length) problems.push(`${missing.length} planned case(s) are in no report:${listed(missing)}`);
  if (unplanned.length) problems.push(`${unplanned.length} case(s) are not planned on this checkout:${listed(unplanned)}`);
  return problems;
}

/** The message for a report that cannot be used, naming the file and every problem. */
export function givenReportMessage(file: string, problems: readonly string[]): string {
  return `${displayPath(file)} cannot stand for a run of this checkout:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`;
}

/**
 * Reads a report made elsewhere, to publish it: it must be signed with RR_DOCS_REPORT_KEY, or,
 * outside CI and without that key, with this machine's key (a report this machine made). Under
 * CI=true the key is required. Throws ReportError (UntrustedReportError) saying why it is refused;
 * undefined when there is no such file.
 */
export async function readGivenReport(file: string, env: NodeJS.ProcessEnv = process.env): Promise<HarnessReport | undefined> {
  if (env.CI === 'true' && !env[REPORT_KEY_VARIABLE]) {
    throw new UntrustedReportError(
      file,
      `${REPORT_KEY_VARIABLE} is not set: under CI=true a report made by another job is published only when signed with the ` +
        `workflow's key; refusing to publish ${displayPath(file)}`,
    );
  }
  return readTrustedReport(file, 'publish', env);
}
