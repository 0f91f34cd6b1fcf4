// `npm run check:secrets`: fails when a file under snippets/ or docs/ holds something shaped like a
// real user token, printing where (file:line:column) with the token masked, and what to do instead.
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { PROJECT_ROOT } from '../project.ts';
import { UsageError } from '../usage.ts';
import { SCANNED_FOLDERS, scanTree, type TreeScan } from './scanned-files.ts';
import { ADVICE, formatFinding } from './scan.ts';

const USAGE = `Usage: npm run check:secrets -- [--root DIR]

  --root DIR    project folder whose ${SCANNED_FOLDERS.join('/ and ')}/ are scanned (default: this project)
  -h, --help    this text

Exit codes: 0 nothing found, 1 a token-shaped string was found, 2 bad usage.`;

const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;

/** The report of a scan: one line when clean, else each finding, a count and what to do. */
export function formatScan(scan: TreeScan): string {
  const where = `under ${SCANNED_FOLDERS.map((folder) => `${folder}/`).join(' and ')}`;
  const how = scan.source === 'walk' ? ' (not a git checkout: every file was read)' : '';
  if (scan.findings.length === 0) return `check:secrets: no token-shaped strings in ${plural(scan.files.length, 'file')} ${where}${how}\n`;
  const files = new Set(scan.findings.map((finding) => finding.file)).size;
  return [
    ...scan.findings.map(formatFinding),
    '',
    `check:secrets: ${plural(scan.findings.length, 'token-shaped string')} in ${plural(files, 'file')} ${where}${how}.`,
    ADVICE,
    '',
  ].join('\n');
}

/** Runs the CLI and returns its exit code. */
export async function main(argv: readonly string[]): Promise<number> {
  try {
    let values;
    try {
      ({ values } = parseArgs({
        args: [...argv],
        strict: true,
        options: { root: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
      }));
    } catch (error) {
      throw new UsageError((error as Error).message);
    }
    if (values.help) {
      process.stdout.write(`${USAGE}\n`);
      return 0;
    }
    const root = path.resolve(values.root ?? PROJECT_ROOT);
    if (!(await stat(root).catch(() => undefined))?.isDirectory())
      throw new UsageError(`--root ${root}: no such folder; expected the project folder`);
    const scan = await scanTree(root);
    const report = formatScan(scan);
    if (scan.findings.length === 0) {
      process.stdout.write(report);
      return 0;
    }
    process.stderr.write(report);
    return 1;
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`check:secrets: ${error.message}\n\n${USAGE}\n`);
    return 2;
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) process.exitCode = await main(process.argv.slice(2));
