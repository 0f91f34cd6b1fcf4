// Whether each snippet file passed the harness: reads the harness's JSON report and sums up, per
// example and language, what a reader should be told on the file's tab.
import { readFile } from 'node:fs/promises';
import { SCENARIOS, type ScenarioName } from '../../scripts/harness/scenarios.ts';
import { describeIssues } from '../../scripts/manifest/errors.ts';
import { HarnessReportSchema, type CaseReport, type HarnessReport } from '../../scripts/report/schema.ts';

/** The overall outcome of one file's scenarios. */
export type TestedState = 'passed' | 'failed' | 'skipped' | 'partial' | 'not-run';

/** What a tab says about its file. */
export interface TestedStatus {
  state: TestedState;
  /** Short text shown to readers ("Tested: 9 of 9 scenarios passed"). */
  label: string;
  /** Longer text for a tooltip: the scenarios and their outcomes. */
  detail: string;
}

/** A harness report that exists but cannot be used; the message names the file and the field. */
export class ReportError extends Error {
  readonly file: string;
  constructor(file: string, problems: readonly string[]) {
    super(`${file}: invalid harness report\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
    this.name = 'ReportError';
    this.file = file;
  }
}

/** Reads and validates the report at `file`; undefined when there is none, ReportError when it is broken. */
export async function readReport(file: string): Promise<HarnessReport | undefined> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new ReportError(file, [`cannot read the file (${(error as NodeJS.ErrnoException).code ?? String(error)})`]);
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new ReportError(file, [`not valid JSON: ${(error as Error).message}`]);
  }
  const result = HarnessReportSchema.safeParse(data, { reportInput: true });
  if (!result.success) throw new ReportError(file, describeIssues(result.error.issues));
  return result.data;
}

/** A scenario in a reader's words (its label in the harness's scenario setup); an unknown scenario keeps its name. */
function scenarioLabel(name: string): string {
  return Object.hasOwn(SCENARIOS, name) ? SCENARIOS[name as ScenarioName].label : name;
}

/** "1 scenario" / "9 scenarios". */
function scenarios(count: number): string {
  return `${count} scenario${count === 1 ? '' : 's'}`;
}

/** Why a case was skipped, from its checks ("go not found on PATH"), if the harness said. */
function skipReason(cases: readonly CaseReport[]): string | undefined {
  for (const report of cases) {
    const check = report.checks.find((candidate) => candidate.status === 'skipped' && candidate.message) ?? report.checks[0];
    if (check?.message) return check.message;
  }
  return undefined;
}

/** Sums up the report's cases for one file, matched by example id and language. */
export function summarizeStatus(report: HarnessReport | undefined, example: string, language: string): TestedStatus {
  const cases = report?.cases.filter((entry) => entry.example === example && entry.language === language) ?? [];
  const total = cases.length;
  if (total === 0) {
    return {
      state: 'not-run',
      label: 'Not run',
      detail: report ? 'The latest test run did not include this file.' : 'No test report was available when this page was built.',
    };
  }
  const passed = cases.filter((entry) => entry.status === 'passed');
  const failed = cases.filter((entry) => entry.status === 'failed');
  const skipped = cases.filter((entry) => entry.status === 'skipped');
  const detail = cases.map((entry) => `${scenarioLabel(entry.scenario)}: ${entry.status}`).join(', ');
  if (failed.length > 0) {
    return { state: 'failed', label: `Failed: ${failed.length} of ${scenarios(total)}`, detail };
  }
  if (skipped.length === total) {
    const reason = skipReason(skipped);
    return { state: 'skipped', label: reason ? `Skipped (${reason})` : 'Skipped', detail };
  }
  if (skipped.length > 0) {
    return {
      state: 'partial',
      label: `Tested: ${passed.length} of ${scenarios(total)} passed, ${skipped.length} skipped`,
      detail,
    };
  }
  return { state: 'passed', label: `Tested: ${passed.length} of ${scenarios(total)} passed`, detail };
}
