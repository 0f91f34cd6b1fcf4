// Whether each snippet file passed the harness: sums up, per example and language, what a reader
// should be told on the file's tab, from the report's cases for the file as it is now.
import { type CaseReport, type FileFreshness, type ScenarioName, SCENARIOS } from '../../scripts/site-surface.ts';

/** The overall outcome of one file's scenarios. */
export type TestedState = 'passed' | 'failed' | 'skipped' | 'partial' | 'not-run' | 'stale';

/** What a tab says about its file. */
export interface TestedStatus {
  state: TestedState;
  /** Short text shown to readers ("Tested: 9 of 9 scenarios passed"). */
  label: string;
  /** Longer text for a tooltip: the scenarios and their outcomes. */
  detail: string;
  /** For a file changed since its run: the command that tests it (then a reload shows the result). */
  howToTest?: string;
}

/** A scenario in a reader's words (its label in the harness's scenario setup); an unknown scenario keeps its name. */
export function scenarioLabel(name: string): string {
  return Object.hasOwn(SCENARIOS, name) ? SCENARIOS[name as ScenarioName].label : name;
}

/** "1 scenario" / "9 scenarios". */
function scenarios(count: number): string {
  return `${count} scenario${count === 1 ? '' : 's'}`;
}

/** Why a case was skipped ("go not found on PATH"), if the harness said. */
function skipReason(cases: readonly CaseReport[]): string | undefined {
  return cases.find((entry) => entry.reason)?.reason;
}

/** Sums up what the report says about one file now (see fileFreshness); `hasReport` tells a missing report from a missing file. */
export function summarizeStatus(freshness: FileFreshness, hasReport: boolean): TestedStatus {
  if (freshness.state === 'absent') {
    return {
      state: 'not-run',
      label: 'Not run',
      detail: hasReport ? 'The latest test run did not include this file.' : 'No test report was available when this page was built.',
    };
  }
  if (freshness.state === 'stale') {
    const { example, language } = freshness.cases[0]!; // a file is stale by its cases' recorded inputs, so it has cases
    return {
      state: 'stale',
      label: 'Not tested in this version',
      detail: `Changed since the last test run: ${freshness.changed.join(', ')}.`,
      howToTest: `npm run snippets -- --example ${example} --lang ${language}`,
    };
  }
  const { cases } = freshness;
  const total = cases.length;
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
