// The one writer and the one reader of the harness's JSON report: the harness writes it, the site,
// the build and CI tools read it, and all of them validate it against the same schema. The writer
// signs it (scripts/secrets/signing.ts); a reader that acts on it (the build publishing it, a merge)
// reads it with `readTrustedReport`, which refuses one whose signature it cannot check.
import { readFile } from 'node:fs/promises';
import { describeIssues } from '../zod-issues.ts';
import { displayPath } from '../paths.ts';
import { REPORT_KEY_VARIABLE, notSignedBy, signJson, signingKey, verifyJson, type SigningKey } from '../secrets/signing.ts';
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

/** A valid report whose signature does not check out with the key this reader trusts: it is refused, saying why. */
export class UntrustedReportError extends ReportError {
  constructor(file: string, message: string) {
    super(file, []);
    this.name = 'UntrustedReportError';
    this.message = message;
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

/** The JSON at `file`, parsed; undefined when there is no file, ReportError when it cannot be read or parsed. */
async function readJson(file: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new ReportError(file, [`cannot read the file (${(error as NodeJS.ErrnoException).code ?? String(error)})`]);
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new ReportError(file, [`not valid JSON: ${(error as Error).message}`]);
  }
}

/**
 * Reads and validates the report at `file`, without checking who made it (for what only looks at a
 * report: tests, tools); undefined when there is none, ReportError when it is broken.
 */
export async function readReport(file: string): Promise<HarnessReport | undefined> {
  const data = await readJson(file);
  return data === undefined ? undefined : parseReport(data, file);
}

/** Why a reader with `key` trusts no report but one signed with it, for a message. */
function trustedKeyNote(key: SigningKey): string {
  return key.source === 'machine'
    ? `${REPORT_KEY_VARIABLE} is not set, so only a report made on this machine is trusted here`
    : `only a report made by a job that holds ${REPORT_KEY_VARIABLE} is trusted`;
}

/**
 * Reads the report at `file` like `readReport`, then checks its signature with the report key
 * (RR_DOCS_REPORT_KEY, or this machine's key when that is not set). One that does not check out is
 * refused with UntrustedReportError: `the report F is not signed with RR_DOCS_REPORT_KEY (why):
 * refusing to <action> it`. Undefined when there is no file.
 */
export async function readTrustedReport(
  file: string,
  action: string,
  env: NodeJS.ProcessEnv = process.env,
): Promise<HarnessReport | undefined> {
  const data = await readJson(file);
  if (data === undefined) return undefined;
  const report = parseReport(data, file);
  const key = await signingKey('report', env);
  const verdict = verifyJson(data, key);
  if (!verdict.ok) {
    throw new UntrustedReportError(
      file,
      `the report ${displayPath(file)} is ${notSignedBy(key)} (${verdict.why}; ${trustedKeyNote(key)}): refusing to ${action} it`,
    );
  }
  return report;
}

/**
 * Writes a report atomically (a reader never sees half of it), after validating it like a reader
 * would, signed with the report key (RR_DOCS_REPORT_KEY, or this machine's key when that is not set).
 */
export async function writeReport(file: string, report: HarnessReport, env: NodeJS.ProcessEnv = process.env): Promise<void> {
  const { signature: _signature, ...body } = report;
  parseReport(body, file);
  const key = await signingKey('report', env);
  await writeFileAtomic(file, `${JSON.stringify(signJson(body, key), null, 2)}\n`);
}

/** One line saying which key signs and checks reports here, for the build and the CLI. */
export async function describeReportKey(env: NodeJS.ProcessEnv = process.env): Promise<string> {
  const key = await signingKey('report', env);
  return key.source === 'machine'
    ? `reports are signed with this machine's key (${displayPath(key.file ?? '')}): ${REPORT_KEY_VARIABLE} is not set, so a report made elsewhere is not trusted here`
    : `reports are signed with ${REPORT_KEY_VARIABLE}`;
}
