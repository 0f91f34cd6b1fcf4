// The live run's JSON report: the harness's report of the same shape (so the same tools read it),
// plus what a live run adds: the API it ran against, its checks, each probe's verdict (the drift as
// data), what the real API said about the description's assumptions, what the plan left out, the
// requests it planned, a write run's cleanup, every connection each program's egress proxy was
// handed, and the issue to open on failure.
import { API_FACTS } from '../api/core-api.ts';
import { toReport } from '../report/reporters/summary.ts';
import type { CaseResult } from '../harness/case/case-result.ts';
import type { HarnessReport, RunInfo } from '../report/report-schema.ts';
import { judgeAssumptions, type AssumptionVerdict } from './assumption-verdicts.ts';
import type { RequestPlan } from './budget.ts';
import { LIVE_CHECK_IDS } from './live-checks.ts';
import type { CleanupReport } from './live-resources.ts';
import type { LeftOut } from './live-plan.ts';
import { liveIssue, type LiveIssue } from './issue.ts';
import type { ProbeVerdict } from './verdict.ts';

/** Where a live run writes its JSON report unless `--json` says otherwise; never the site's report. */
export const DEFAULT_LIVE_REPORT_PATH = '.cache/live/report.json';

/** The live report: the harness report, and the live run's own part. */
export interface LiveReport extends HarnessReport {
  live: {
    /** The base URL the examples ran against. */
    api: string;
    /** The checks a live case is given, in report order. */
    checks: readonly string[];
    /** Whether the run could create, change and delete (its own resources). */
    writes: boolean;
    /** Each probe's verdict, one per operation and scenario. */
    probes: ProbeVerdict[];
    /** The description's assumptions the compared answers rely on, each confirmed or contradicted. */
    assumptions: AssumptionVerdict[];
    /** The examples the run left out, with why. */
    leftOut: LeftOut[];
    /** The requests the plan allowed, by who sends them. */
    requests: RequestPlan;
    /** A write run's cleanup: what it deleted, and what it could not. */
    cleanup: CleanupReport | null;
    /** By case: every connection its program made through its egress proxy, allowed or refused (tokens masked). */
    connections: Record<string, string[]>;
    /** The issue the scheduled workflow opens or updates; null when every case passed. */
    issue: LiveIssue | null;
  };
}

/** What a live run adds to its results for the report. */
export interface LiveFacts {
  writes: boolean;
  verdicts: ProbeVerdict[];
  leftOut: LeftOut[];
  requests: RequestPlan;
  cleanup?: CleanupReport;
}

/** The live report of a run's results. */
export function toLiveReport(results: readonly CaseResult[], info: RunInfo, facts: LiveFacts): LiveReport {
  const connections = Object.fromEntries(
    results.flatMap((result) => (result.detail.connections ? [[result.key, result.detail.connections]] : [])),
  );
  return {
    ...toReport(results, info),
    live: {
      api: API_FACTS.baseUrl,
      checks: LIVE_CHECK_IDS,
      writes: facts.writes,
      probes: facts.verdicts,
      assumptions: judgeAssumptions(facts.verdicts),
      leftOut: facts.leftOut,
      requests: facts.requests,
      cleanup: facts.cleanup ?? null,
      connections,
      issue: liveIssue(results, facts.verdicts, facts.cleanup),
    },
  };
}
