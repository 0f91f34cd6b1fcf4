// Merges the JSON reports of the shards of one run (`--shard i/N` on N machines) into one report,
// refusing reports that cannot belong together: another harness version, another commit, or a
// case reported twice. What the merged report still lacks (a planned case no shard ran) is found
// by `coverageProblems`.
import { displayPath } from '../paths.ts';
import { ReportError, readTrustedReport } from './report-io.ts';
import { SigningKeyError } from '../secrets/signing.ts';
import { REPORT_FORMAT, type CaseReport, type HarnessReport } from './report-schema.ts';
import type { CaseResult } from '../harness/case/case-result.ts';

/** Reports that cannot be merged; the message names the files and why. */
export class MergeError extends Error {
  override name = 'MergeError';
}

/** A report and the file it came from. */
export interface NamedReport {
  file: string;
  report: HarnessReport;
}

/** Reads every report, refusing a missing, invalid or unsigned one by name (see readTrustedReport). */
export async function readShardReports(files: readonly string[], env: NodeJS.ProcessEnv = process.env): Promise<NamedReport[]> {
  if (files.length === 0) throw new MergeError('--merge needs at least one report file');
  const reports: NamedReport[] = [];
  for (const file of files) {
    let report: HarnessReport | undefined;
    try {
      report = await readTrustedReport(file, 'merge', env);
    } catch (error) {
      if (error instanceof ReportError || error instanceof SigningKeyError) throw new MergeError(error.message);
      throw error;
    }
    if (!report) throw new MergeError(`${displayPath(file)}: no such report file`);
    reports.push({ file, report });
  }
  return reports;
}

/** Throws MergeError when the reports disagree on `field` (the harness fingerprint or the commit), naming each file's value. */
function requireSame(reports: readonly NamedReport[], field: 'harness' | 'commit', what: string): void {
  const values = new Set(reports.map(({ report }) => report.run[field]));
  if (values.size <= 1) return;
  const lines = reports.map(({ file, report }) => `  - ${displayPath(file)}: ${report.run[field] ?? 'no commit (not run in git)'}`);
  throw new MergeError(`cannot merge reports of different ${what}:\n${lines.join('\n')}\nRun every shard on the same checkout.`);
}

/** One report holding every case of `reports`; throws MergeError on another harness, another commit or a case in two reports. */
export function mergeReports(reports: readonly NamedReport[]): HarnessReport {
  if (reports.length === 0) throw new MergeError('--merge needs at least one report file');
  requireSame(reports, 'harness', 'harness versions (run.harness)');
  requireSame(reports, 'commit', 'commits (run.commit)');
  const owner = new Map<string, string>();
  const overlaps: string[] = [];
  for (const { file, report } of reports) {
    for (const entry of report.cases) {
      const first = owner.get(entry.key);
      if (first !== undefined) overlaps.push(`  - ${entry.key}: in ${displayPath(first)} and ${displayPath(file)}`);
      else owner.set(entry.key, file);
    }
  }
  if (overlaps.length) throw new MergeError(`cannot merge reports that overlap (a case may be reported once):\n${overlaps.join('\n')}`);
  const cases = reports.flatMap(({ report }) => report.cases);
  const count = (status: CaseReport['status']) => cases.filter((entry) => entry.status === status).length;
  const first = reports[0]!.report;
  const durationMs = Math.max(...reports.map(({ report }) => report.run.durationMs));
  const startedAt = reports.map(({ report }) => report.run.startedAt).sort()[0]!;
  return {
    format: REPORT_FORMAT,
    run: {
      ...first.run,
      startedAt,
      durationMs,
      toolchains: Object.assign({}, ...reports.map(({ report }) => report.run.toolchains)),
    },
    summary: {
      passed: count('passed'),
      failed: count('failed'),
      skipped: count('skipped'),
      cached: cases.filter((entry) => entry.cached).length,
      durationMs,
    },
    cases,
  };
}

/** What a merged report lacks or holds too much of, against the cases planned for this tree. */
export interface Coverage {
  /** Planned cases no report holds. */
  missing: string[];
  /** Reported cases this tree does not plan. */
  unplanned: string[];
}

/** Compares the report's case keys with the planned ones. */
export function coverageOf(report: HarnessReport, plannedKeys: readonly string[]): Coverage {
  const reported = new Set(report.cases.map((entry) => entry.key));
  const planned = new Set(plannedKeys);
  return { missing: plannedKeys.filter((key) => !reported.has(key)), unplanned: [...reported].filter((key) => !planned.has(key)) };
}

/** The report's cases in plan order (unplanned ones last), as results the reporters take. */
export function resultsOf(report: HarnessReport, plannedKeys: readonly string[]): CaseResult[] {
  const order = new Map(plannedKeys.map((key, index) => [key, index]));
  const position = (entry: CaseReport) => order.get(entry.key) ?? plannedKeys.length;
  return [...report.cases].sort((a, b) => position(a) - position(b)).map(resultFromReport);
}

/** A report's case as a result: the terminal and JUnit details rebuilt from what the report kept. */
export function resultFromReport(entry: CaseReport): CaseResult {
  const evidence = entry.evidence;
  const output = evidence ? `${evidence.stdout}\n${evidence.stderr}` : '';
  return {
    ...entry,
    detail: {
      ...(entry.reason !== undefined ? { reason: entry.reason } : {}),
      ...(evidence ? { evidence } : {}),
      requests: [],
      egress: [],
      outputTail: output
        .split('\n')
        .filter((line) => line.trim())
        .slice(-12),
    },
  };
}
