// `npm run snippets -- --merge a.json b.json … --json all.json --junit all.xml`: one report from the
// shards of one run, checked against the cases this checkout plans. Exit 1 when a case failed, a
// planned case is in no report, or the reports speak of another commit, harness or bytes.
import { writeReport } from '../../report/report-io.ts';
import { givenReportMessage, givenReportProblems } from '../../report/given-report.ts';
import { engineOptions, planHarness, PROJECT_ROOT, type HarnessOptions } from '../harness.ts';
import { mergeReports, readShardReports, resultsOf } from '../../report/merge.ts';
import { writeFileAtomic } from '../../write-file-atomic.ts';
import { toJunit } from '../../report/reporters/junit.ts';
import { formatSummary, type TerminalOutput } from '../../report/reporters/terminal.ts';

/** What the merge writes, and which cases it expects (the run's filters, without --shard). */
export interface MergeRequest {
  options: HarnessOptions;
  json?: string | undefined;
  junit?: string | undefined;
}

/** Merges the shard reports in `files`, writes the requested reports and returns the exit code (problems go to `warn`); throws MergeError. */
export async function mergeCommand(
  files: readonly string[],
  request: MergeRequest,
  out: TerminalOutput,
  warn: (text: string) => void = (text) => void process.stderr.write(text),
): Promise<number> {
  const merged = mergeReports(await readShardReports(files));
  const { cases } = await planHarness({ ...request.options, shard: undefined });
  const keys = cases.map((planned) => planned.key);
  const results = resultsOf(merged, keys);
  const report = { ...merged, cases: results.map(({ detail: _detail, ...entry }) => entry) };
  if (request.json) await writeReport(request.json, report);
  if (request.junit) await writeFileAtomic(request.junit, toJunit(results));
  out.write(`merged ${files.length} report(s): ${report.cases.length} case(s), ${report.summary.cached} reused from a cache\n`);
  out.write(formatSummary(results, report.summary.durationMs));
  const options = engineOptions(request.options);
  const problems = await givenReportProblems(report, cases, {
    projectRoot: options.projectRoot ?? PROJECT_ROOT,
    dependencyRoot: options.snippetsRoot,
  });
  if (problems.length) warn(`snippets: ${givenReportMessage(request.json ?? 'the merged report', problems)}\n`);
  return problems.length || report.summary.failed ? 1 : 0;
}
