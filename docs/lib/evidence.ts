// The evidence behind a tab's tested status, from the harness report: what the program printed and
// how it exited in the cases a reader cares about, and what it was tested with (every scenario's
// result, the runtime and libraries, the date and commit of the run). Only a report whose hashes
// match the file as it is now is shown; otherwise the page says the evidence is not available.
import { defaultSnippetsRoot } from './site-paths.ts';
import {
  type CaseReport,
  dependencyFilesOf,
  dependencyRoot,
  type Example,
  fileFreshness,
  type FileFreshness,
  type HarnessReport,
  maskCredentials,
  maskToken,
  type RunInfo,
  type SnippetFile,
  type Status,
  TOKEN_SHAPE,
  withoutHarnessNoise,
} from '../../scripts/site-surface.ts';
import { scenarioLabel, summarizeStatus, type TestedStatus } from './tested-status.ts';

/** The scenarios whose output a reader is shown under each tab: success, a revoked and a forbidden token. */
export const OUTPUT_SCENARIOS: readonly string[] = ['ok', 'revoked', 'forbidden'];

export { scenarioLabel };

/** What the report says about one file now, and the status its tab shows. */
export interface FileResults {
  freshness: FileFreshness;
  status: TestedStatus;
  run: RunInfo | undefined;
}

/** The report's results for one snippet file, matched with the file's current bytes. */
export function fileResults(
  report: HarnessReport | undefined,
  example: Example,
  file: SnippetFile,
  snippetsRoot: string,
  projectRoot: string,
): FileResults {
  const runner = { dependencyFiles: dependencyFilesOf(file.language) };
  const context = { projectRoot, dependencyRoot: dependencyRoot(snippetsRoot, defaultSnippetsRoot()) };
  const freshness = fileFreshness(report, { example, file, runner }, context);
  return { freshness, status: summarizeStatus(freshness, report !== undefined), run: report?.run };
}

/**
 * `text` with anything shaped like a user token masked (`u-ab…(34 chars)`), and anything shaped like
 * another credential (`[credential masked: a GitHub token]`): the harness masks both before it
 * stores a report, this holds for a report from anywhere.
 */
export function maskTokens(text: string): string {
  return maskCredentials(text.replace(TOKEN_SHAPE, (token) => maskToken(token)));
}

/** One stream as a reader would see it: the harness's capture (tokens masked) without the JVM's note about the harness's options. */
export function readerStream(text: string): string {
  return maskTokens(withoutHarnessNoise(text));
}

/** What a program printed and how it ended in one scenario. */
export interface ProgramOutput {
  scenario: string;
  /** "With a revoked token". */
  title: string;
  stdout: string;
  stderr: string;
  /** "exit code 1", "killed by SIGKILL", "stopped after the time limit". */
  ending: string;
}

/** How a run ended, in words. */
function ending(evidence: NonNullable<CaseReport['evidence']>): string {
  if (evidence.timedOut) return 'stopped at the time limit';
  if (evidence.signal) return `ended by ${evidence.signal}`;
  return `exit code ${evidence.exitCode ?? 'unknown'}`;
}

/** The outputs under a tab, or why there are none for this version of the file. */
export type OutputView = { available: true; outputs: ProgramOutput[] } | { available: false; why: string };

/** The program's output in each of OUTPUT_SCENARIOS, from cases about the file as it is now. */
export function outputView({ freshness, status }: FileResults): OutputView {
  if (freshness.state !== 'fresh') return { available: false, why: status.detail };
  const outputs: ProgramOutput[] = [];
  for (const scenario of OUTPUT_SCENARIOS) {
    const entry = freshness.cases.find((candidate) => candidate.scenario === scenario);
    if (!entry?.evidence) continue;
    outputs.push({
      scenario,
      title: `With a ${scenarioLabel(scenario)}`,
      stdout: readerStream(entry.evidence.stdout),
      stderr: readerStream(entry.evidence.stderr),
      ending: ending(entry.evidence),
    });
  }
  if (outputs.length === 0) {
    const reason = freshness.cases.find((entry) => entry.reason)?.reason;
    return { available: false, why: reason ? `The program did not run (${reason}).` : 'The test run kept no output for this file.' };
  }
  return { available: true, outputs };
}

/** One scenario's result in the "tested with" panel. */
export interface ScenarioResult {
  scenario: string;
  label: string;
  status: Status;
  /** Why it was skipped, or the failed checks' messages. */
  note?: string;
}

/** What the tested status's panel lists: each scenario's result, the runtime, and the run. */
export interface TestedWith {
  scenarios: ScenarioResult[];
  /** "Python 3.11.7 with requests 2.32.5", as the run reported it. */
  runtime?: string;
  /** When the run started, ISO 8601. */
  ranAt: string;
  /** The commit tested, or null outside git. */
  commit: string | null;
}

/** The failed checks of a case, "id: message" each. */
export function failedChecks(entry: CaseReport): string[] {
  return entry.checks.filter((check) => check.status === 'failed').map((check) => `${check.id}: ${maskTokens(check.message)}`);
}

/** The panel's content for a file whose results are about its current bytes; undefined otherwise. */
export function testedWith({ freshness, run }: FileResults): TestedWith | undefined {
  if (freshness.state !== 'fresh' || !run) return undefined;
  const scenarios = freshness.cases.map((entry): ScenarioResult => {
    const note =
      entry.status === 'skipped'
        ? entry.reason && maskTokens(entry.reason)
        : entry.status === 'failed'
          ? failedChecks(entry).join('; ')
          : undefined;
    return { scenario: entry.scenario, label: scenarioLabel(entry.scenario), status: entry.status, ...(note ? { note } : {}) };
  });
  const runtime = freshness.cases.find((entry) => entry.runtime)?.runtime;
  return { scenarios, ...(runtime ? { runtime } : {}), ranAt: run.startedAt, commit: run.commit };
}

/** "30 November 2026", in UTC, for a run's date. */
export function runDate(iso: string): string {
  return new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(iso));
}

/** A commit as readers see it: its first 7 characters, and whether the work tree had changes. */
export function shortCommit(commit: string | null): string {
  if (!commit) return 'no commit recorded';
  const [hash = '', changes] = commit.split('+');
  return `${hash.slice(0, 7)}${changes ? ' with uncommitted changes' : ''}`;
}
