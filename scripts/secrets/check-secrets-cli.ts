// `npm run check:secrets`: the repository's source scan. Fails when a file under snippets/ or docs/
// holds something shaped like a real user token, or any file holds something shaped like another
// common credential or a character that makes code read differently from how it runs; prints where
// (file:line:column) with the secret masked or the character named, and what to do instead.
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { PROJECT_ROOT } from '../project.ts';
import { UsageError } from '../usage.ts';
import { PUBLISHED_FOLDERS, scanTree, type TreeScan } from './scanned-files.ts';
import { ADVICE, HIDDEN_CHARACTER_ADVICE, formatFinding } from './scan.ts';

const published = PUBLISHED_FOLDERS.map((folder) => `${folder}/`).join(' and ');

const USAGE = `Usage: npm run check:secrets -- [--root DIR]

  --root DIR    project folder to scan (default: this project): token-shaped strings under ${published},
                credential-shaped strings and hidden characters in every file git would commit
  -h, --help    this text

Exit codes: 0 nothing found, 1 something was found, 2 bad usage.`;

const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;

/** The report of a scan: one line when clean, else each finding, a count and what to do. */
export function formatScan(scan: TreeScan): string {
  const how = scan.source === 'walk' ? ' (not a git checkout: every file was read)' : '';
  if (scan.findings.length === 0) {
    return (
      `check:secrets: no token-shaped strings under ${published}, and no credential-shaped strings or hidden characters, ` +
      `in ${plural(scan.files.length, 'file')}${how}\n`
    );
  }
  const files = new Set(scan.findings.map((finding) => finding.file)).size;
  const hidden = scan.findings.filter((finding) => finding.kind === 'hidden-character').length;
  const secrets = scan.findings.length - hidden;
  const counts = [secrets ? plural(secrets, 'token- or credential-shaped string') : '', hidden ? plural(hidden, 'hidden character') : '']
    .filter(Boolean)
    .join(' and ');
  return [
    ...scan.findings.map(formatFinding),
    '',
    `check:secrets: ${counts} in ${plural(files, 'file')}${how}.`,
    ...(secrets ? [ADVICE] : []),
    ...(hidden ? [HIDDEN_CHARACTER_ADVICE] : []),
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
