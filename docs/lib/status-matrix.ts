// The logic behind the status page: every example × language × scenario of the harness report as
// one table, each cell a pass, fail or skip with the failed checks or the reason, and the totals.
import { type CaseReport, type HarnessReport, LANGUAGES, type Status } from '../../scripts/site-surface.ts';
import { maskTokens, scenarioLabel } from './evidence.ts';

/** One cell: a case's result and what a reader needs to know about it. */
export interface MatrixCell {
  status: Status;
  /** Failed checks ("exit-code: exited 0 after a 401; …"), or why the case was skipped; tokens masked. */
  notes: string[];
}

/** One row: a snippet file (example and language) and its result under each scenario. */
export interface MatrixRow {
  example: string;
  language: string;
  /** "Python". */
  languageLabel: string;
  file: string;
  /** By scenario id; a scenario the file was not run under has no cell. */
  cells: Record<string, MatrixCell>;
}

/** The whole table: its scenario columns (in the report's order) and rows. */
export interface StatusMatrix {
  scenarios: { id: string; label: string }[];
  rows: MatrixRow[];
}

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

/** "1 min 5 s" / "12.3 s": a run's duration. */
export function formatDuration(ms: number): string {
  const seconds = ms / 1000;
  if (seconds < 60) return `${seconds.toFixed(1)} s`;
  return `${Math.floor(seconds / 60)} min ${Math.round(seconds % 60)} s`;
}
