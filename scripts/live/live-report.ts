// The live run's JSON report: the harness's report of the same shape (so the same tools read it),
// plus what a live run adds: the API it ran against, its checks, every connection each program's
// egress proxy was handed, and the issue to open on failure.
import { API_FACTS } from '../api/core-api.ts';
import { toReport } from '../report/reporters/summary.ts';
import type { CaseResult } from '../harness/case/case-result.ts';
import type { HarnessReport, RunInfo } from '../report/report-schema.ts';
import { LIVE_CHECK_IDS } from './live-checks.ts';
import { liveIssue, type LiveIssue } from './issue.ts';

/** Where a live run writes its JSON report unless `--json` says otherwise; never the site's report. */
export const DEFAULT_LIVE_REPORT_PATH = '.cache/live/report.json';

/** The live report: the harness report, and the live run's own part. */
export interface LiveReport extends HarnessReport {
  live: {
    /** The base URL the examples ran against. */
    api: string;
    /** The checks a live case is given, in report order. */
    checks: readonly string[];
    /** By case: every connection its program made through its egress proxy, allowed or refused (tokens masked). */
    connections: Record<string, string[]>;
    /** The issue the scheduled workflow opens or updates; null when every case passed. */
    issue: LiveIssue | null;
  };
}

/** The live report of a run's results. */
export function toLiveReport(results: readonly CaseResult[], info: RunInfo): LiveReport {
  const connections = Object.fromEntries(
    results.flatMap((result) => (result.detail.connections ? [[result.key, result.detail.connections]] : [])),
  );
  return { ...toReport(results, info), live: { api: API_FACTS.baseUrl, checks: LIVE_CHECK_IDS, connections, issue: liveIssue(results) } };
}
