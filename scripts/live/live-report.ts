// The live run's JSON report: the harness's report of the same shape (so the same tools read it),
// plus what a live run adds: the API it ran against, its checks, and the issue to open on failure.
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
    /** The issue the scheduled workflow opens or updates; null when every case passed. */
    issue: LiveIssue | null;
  };
}

/** The live report of a run's results. */
export function toLiveReport(results: readonly CaseResult[], info: RunInfo): LiveReport {
  return { ...toReport(results, info), live: { api: API_FACTS.baseUrl, checks: LIVE_CHECK_IDS, issue: liveIssue(results) } };
}
