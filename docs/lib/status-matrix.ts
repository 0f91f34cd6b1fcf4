// The logic behind the status page: the harness report's cases grouped by the page that shows
// them, then by operation (the section of the page that shows the example, or the operations the
// example calls), then by example, each example a grid of scenario × language whose cells are a
// pass, fail or skip with the failed checks or the reason, with totals per example, operation and page.
import { type CaseReport, type HarnessReport, LANGUAGES, type Status } from '../../scripts/site-surface.ts';
import { maskTokens, scenarioLabel } from './evidence.ts';

/** One cell: a case's result and what a reader needs to know about it. */
export interface MatrixCell {
  status: Status;
  /** Failed checks ("exit-code: exited 0 after a 401; …"), or why the case was skipped; tokens masked. */
  notes: string[];
}

/** One snippet file (example and language) and its result under each scenario. */
export interface MatrixRow {
  example: string;
  language: string;
  /** "Python". */
  languageLabel: string;
  file: string;
  /** By scenario id; a scenario the file was not run under has no cell. */
  cells: Record<string, MatrixCell>;
}

/** How many cases passed, failed and were skipped. */
export interface StatusTotals {
  passed: number;
  failed: number;
  skipped: number;
}

/** The whole report as one table: its scenario columns (in the report's order) and rows. */
export interface StatusMatrix {
  scenarios: { id: string; label: string }[];
  rows: MatrixRow[];
}

/** One example's results: its files (one per language) and their totals. */
export interface ExampleStatus {
  example: string;
  /** The example's title (its manifest's), or its id when the site does not know it. */
  title: string;
  rows: MatrixRow[];
  totals: StatusTotals;
}

/** The results of the examples of one operation (or one sequence of operations) on a page. */
export interface OperationStatus {
  /** The operationIds, in order: the section the examples sit in on the page, else what they call; empty when unknown. */
  operations: readonly string[];
  examples: ExampleStatus[];
  totals: StatusTotals;
}

/** One page's results: the examples it shows, grouped by operation, and their totals. */
export interface PageStatus {
  title: string;
  /** The page's URL path; none for the group of examples no page shows. */
  path?: string;
  /** Every example of the page, in the page's order. */
  examples: ExampleStatus[];
  /** The same examples by operation, the operations in the order their first example appears. */
  operations: OperationStatus[];
  totals: StatusTotals;
}

/** A page of the site and the examples it shows, as the status page groups them. */
export interface PageExamples {
  title: string;
  path: string;
  examples: readonly string[];
  /** The operations each example stands under on this page (its <Operation> section's, else the ones it calls). */
  operations?: Readonly<Record<string, readonly string[]>>;
}

/** The title of the group of examples that the report has but no page shows. */
export const UNSHOWN_GROUP = 'Not shown on any page';

/** A case's cell. */
function cellOf(entry: CaseReport): MatrixCell {
  if (entry.status === 'skipped') return { status: 'skipped', notes: entry.reason ? [maskTokens(entry.reason)] : [] };
  const failed = entry.checks.filter((check) => check.status === 'failed').map((check) => `${check.id}: ${maskTokens(check.message)}`);
  if (entry.status === 'failed' && failed.length === 0 && entry.reason) failed.push(maskTokens(entry.reason));
  return { status: entry.status, notes: entry.status === 'failed' ? failed : [] };
}

/** Builds the table from the report's cases: rows by example, then in the site's language order. */
export function statusMatrix(report: HarnessReport): StatusMatrix {
  const scenarios: string[] = [];
  const rows = new Map<string, MatrixRow>();
  for (const entry of report.cases) {
    if (!scenarios.includes(entry.scenario)) scenarios.push(entry.scenario);
    const key = `${entry.example}/${entry.language}`;
    let row = rows.get(key);
    if (!row) {
      const languageLabel = LANGUAGES.find((language) => language.id === entry.language)?.label ?? entry.language;
      row = { example: entry.example, language: entry.language, languageLabel, file: entry.file, cells: {} };
      rows.set(key, row);
    }
    row.cells[entry.scenario] = cellOf(entry);
  }
  const order = (language: string) => {
    const index = LANGUAGES.findIndex((candidate) => candidate.id === language);
    return index < 0 ? LANGUAGES.length : index;
  };
  const sorted = [...rows.values()].sort(
    (a, b) => a.example.localeCompare(b.example) || order(a.language) - order(b.language) || a.language.localeCompare(b.language),
  );
  return { scenarios: scenarios.map((id) => ({ id, label: scenarioLabel(id) })), rows: sorted };
}

/** The totals of some rows' cells. */
function totalsOf(rows: readonly MatrixRow[]): StatusTotals {
  const totals = { passed: 0, failed: 0, skipped: 0 };
  for (const row of rows) for (const cell of Object.values(row.cells)) totals[cell.status] += 1;
  return totals;
}

/** The sum of some totals. */
function sumOf(all: readonly StatusTotals[]): StatusTotals {
  return all.reduce(
    (sum, totals) => ({ passed: sum.passed + totals.passed, failed: sum.failed + totals.failed, skipped: sum.skipped + totals.skipped }),
    {
      passed: 0,
      failed: 0,
      skipped: 0,
    },
  );
}

/** Some examples grouped by the operations `operationsOf` gives each, in the order each group first appears. */
function byOperation(examples: readonly ExampleStatus[], operationsOf: (example: string) => readonly string[]): OperationStatus[] {
  const groups = new Map<string, OperationStatus>();
  for (const example of examples) {
    const operations = operationsOf(example.example);
    const key = operations.join(' ');
    let group = groups.get(key);
    if (!group) groups.set(key, (group = { operations, examples: [], totals: { passed: 0, failed: 0, skipped: 0 } }));
    group.examples.push(example);
    group.totals = sumOf([group.totals, example.totals]);
  }
  return [...groups.values()];
}

/**
 * The report grouped by page (in the order of `pages`), then by operation, then by example (in the
 * page's order), with totals, leaving out the examples the report has no case of; the examples no page shows come last, in a group of their own, by the
 * operations `calls` says they call. `titles` names each example (its manifest's title).
 */
export function statusByPage(
  report: HarnessReport,
  pages: readonly PageExamples[],
  titles: Readonly<Record<string, string>>,
  calls: Readonly<Record<string, readonly string[]>> = {},
): { scenarios: StatusMatrix['scenarios']; pages: PageStatus[] } {
  const matrix = statusMatrix(report);
  const exampleStatus = (example: string): ExampleStatus => {
    const rows = matrix.rows.filter((row) => row.example === example);
    return { example, title: titles[example] ?? example, rows, totals: totalsOf(rows) };
  };
  const groups: PageStatus[] = pages.map((page) => {
    // An example the report has no case of (its files are listed as out of date at the top) has no results to show.
    const examples = page.examples.map(exampleStatus).filter((example) => example.rows.length > 0);
    const operations = byOperation(examples, (example) => page.operations?.[example] ?? calls[example] ?? []);
    return { title: page.title, path: page.path, examples, operations, totals: sumOf(examples.map((example) => example.totals)) };
  });
  const shown = new Set(pages.flatMap((page) => page.examples));
  const unshown = [...new Set(matrix.rows.map((row) => row.example))].filter((example) => !shown.has(example)).map(exampleStatus);
  if (unshown.length > 0)
    groups.push({
      title: UNSHOWN_GROUP,
      examples: unshown,
      operations: byOperation(unshown, (example) => calls[example] ?? []),
      totals: sumOf(unshown.map((example) => example.totals)),
    });
  return { scenarios: matrix.scenarios, pages: groups.filter((group) => group.examples.length > 0) };
}

/** "1 min 5 s" / "12.3 s": a run's duration. */
export function formatDuration(ms: number): string {
  const seconds = ms / 1000;
  if (seconds < 60) return `${seconds.toFixed(1)} s`;
  return `${Math.floor(seconds / 60)} min ${Math.round(seconds % 60)} s`;
}
