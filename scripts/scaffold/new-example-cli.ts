// `npm run new-example -- <id>`: creates snippets/<id>/ with a manifest and a starting file per
// language that already passes the harness, then says how to edit, run and show it.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { API_FACTS, SEED_CLIENT_NAMES } from '../api/core-api.ts';
import { DEFAULT_SNIPPETS_ROOT } from '../project.ts';
import { UsageError } from '../usage.ts';
import { shellQuote } from '../shell.ts';
import { displayPath } from '../paths.ts';
import { ScaffoldError, scaffoldExample, type ScaffoldResult } from './scaffold.ts';

const USAGE = `Usage: npm run new-example -- <id> [--title "Title"] [--root DIR]

  <id>            the example's id and folder name: lower-case words joined by dashes (list-clients)
  --title TEXT    title shown above the example's tabs (default: made from the id, "List clients")
  --root DIR      folder of examples (default: snippets/)
  -h, --help      this text

Exit codes: 0 created, 2 refused (nothing is written).`;

/** What the command line asks for. */
export interface ScaffoldCommand {
  id: string;
  title: string | undefined;
  root: string;
  help: boolean;
}

/** Parses the command line; throws UsageError naming the argument that is missing or extra. */
export function parseCommandLine(argv: readonly string[]): ScaffoldCommand {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      strict: true,
      allowPositionals: true,
      options: { title: { type: 'string' }, root: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
    });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const { values, positionals } = parsed;
  const command = {
    id: positionals[0] ?? '',
    title: values.title,
    root: path.resolve(values.root ?? DEFAULT_SNIPPETS_ROOT),
    help: values.help === true,
  };
  if (command.help) return command;
  if (positionals.length === 0) throw new UsageError('expected the id of the new example, like "list-clients"; got none');
  if (positionals.length > 1) {
    throw new UsageError(
      `expected one example id; got ${positionals.length}: ${positionals.map((p) => JSON.stringify(p)).join(', ')} (quote a title that has spaces)`,
    );
  }
  return command;
}

/** A path as a shell argument: bare when it is safe, quoted otherwise. */
const shellArgument = (value: string) => (/^[\w./-]+$/.test(value) ? value : shellQuote(value));

/** What the CLI prints after creating an example: the files, then how to edit, run and show it. */
export function describeCreated(result: ScaffoldResult, id: string, root: string): string {
  const rootOption = path.resolve(root) === DEFAULT_SNIPPETS_ROOT ? '' : ` --root ${shellArgument(displayPath(root))}`;
  return [
    `Created ${displayPath(result.dir)}/:`,
    ...result.files.map((file) => `  ${displayPath(file)}`),
    '',
    'It already passes the harness: every file lists your clients with GET /api/clients. Next:',
    '  1. Edit the request (method, path, body) and what is printed, in every file, and the title,',
    `     description and request in example.json. Keep reading the token from ${API_FACTS.tokenEnvVar}.`,
    "     With a valid token the harness expects the output to contain the names of the API's sample",
    `     clients (${SEED_CLIENT_NAMES.map((name) => JSON.stringify(name)).join(', ')}), which the mock returns: that is a default.`,
    '     If your example prints something else, list what it prints in scenarios.ok.output in example.json.',
    '  2. Run only this example, in every language and scenario:',
    `       npm run snippets --${rootOption} --example ${id}`,
    '  3. Show it in a page under docs/ (like docs/pages/core-api/authentication.mdx):',
    `       <CodeTabs example="${id}" />`,
    'CONTRIBUTING.md ("Add an example") has the details.',
    '',
  ].join('\n');
}

/** Runs the CLI and returns its exit code: 0 created, 2 refused. */
export async function main(argv: readonly string[]): Promise<number> {
  try {
    const command = parseCommandLine(argv);
    if (command.help) {
      process.stdout.write(`${USAGE}\n`);
      return 0;
    }
    const result = await scaffoldExample(command);
    process.stdout.write(describeCreated(result, command.id, command.root));
    return 0;
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`new-example: ${error.message}\n\n${USAGE}\n`);
      return 2;
    }
    if (error instanceof ScaffoldError) {
      process.stderr.write(`new-example: ${error.message}\n`);
      return 2;
    }
    throw error;
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) process.exitCode = await main(process.argv.slice(2));
