// The one writer and the one reader of the harness's JSON report: the harness writes it, the site,
// the build and CI tools read it, and all of them validate it against the same schema.
import { readFile } from 'node:fs/promises';
import { describeIssues } from '../zod-issues.ts';
import { displayPath } from '../paths.ts';
import { writeFileAtomic } from '../write-file-atomic.ts';
import { HarnessReportSchema, REPORT_FORMAT, type HarnessReport } from './report-schema.ts';

/** A report that exists but cannot be used; the message names the file and the field. */
export class ReportError extends Error {
  readonly file: string;
  constructor(file: string, problems: readonly string[]) {
    super(`${displayPath(file)}: invalid harness report\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
    this.name = 'ReportError';
    this.file = file;
  }
}

/** Validates parsed JSON as a report; throws ReportError naming `file` and each bad field. */
export function parseReport(data: unknown, file: string): HarnessReport {
  const format = typeof data === 'object' && data !== null ? (data as { format?: unknown }).format : undefined;
  if (format !== REPORT_FORMAT) {
    const found = format === undefined ? 'no "format" field (an older harness wrote it)' : `format ${JSON.stringify(format)}`;
    throw new ReportError(file, [`expected a report of format ${REPORT_FORMAT}, found ${found}; run the harness again (npm run build)`]);
  }
  const result = HarnessReportSchema.safeParse(data, { reportInput: true });
  if (!result.success) throw new ReportError(file, describeIssues(result.error.issues, { key: 'field', whole: 'the report' }));
  const seen = new Set<string>();
  const twice = result.data.cases.filter((entry) => seen.size === seen.add(entry.key).size).map((entry) => entry.key);
  if (twice.length) throw new ReportError(file, [`case(s) listed more than once: ${[...new Set(twice)].join(', ')}`]);
  return result.data;
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
  return parseReport(data, file);
}

/** Writes a report atomically (a reader never sees half of it), after validating it like a reader would. */
export async function writeReport(file: string, report: HarnessReport): Promise<void> {
  parseReport(report, file);
  await writeFileAtomic(file, `${JSON.stringify(report, null, 2)}\n`);
}
