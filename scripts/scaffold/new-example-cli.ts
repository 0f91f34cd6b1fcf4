// `npm run new-example -- --operation createTarget` (or `-- <id>`): creates snippets/<id>/ with a
// manifest, its raw HTTP request and a starting file per language for that operation of the API
// description (or several, in order), which already pass the harness; then says how to edit, run
// and show them.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { API_FACTS } from '../api/core-api.ts';
import { DEFAULT_SNIPPETS_ROOT, SECTION_PAGES_FOLDER } from '../project.ts';
import { UsageError } from '../usage.ts';
import { shellQuote } from '../shell.ts';
import { displayPath } from '../paths.ts';
import { pageForOperation, sectionPageOperations, type SectionPageOperations } from './operation-page.ts';
import { DEFAULT_OPERATION, ScaffoldError, scaffoldExample, type ScaffoldResult } from './scaffold.ts';

const USAGE = `Usage: npm run new-example -- --operation OPERATION [--operation OPERATION]... [--id ID] [--title "Title"] [--root DIR]
       npm run new-example -- <id> [--title "Title"] [--root DIR]

  --operation ID  the operationId of the API description the example calls (createTarget); repeat it
                  for an example of several steps, in order (ids a step creates go to later steps)
                  (default: ${DEFAULT_OPERATION})
  --id ID, <id>   the example's id and folder name: lower-case words joined by dashes
                  (default with one --operation: made from it, "create-target")
  --title TEXT    title shown above the example's tabs (default: the operation's summary, or made
                  from the id)
  --root DIR      folder of examples (default: snippets/)
  -h, --help      this text

Exit codes: 0 created, 2 refused (nothing is written).`;

/** What the command line asks for. */
export interface ScaffoldCommand {
  id: string;
  title: string | undefined;
  /** The operationIds asked for with --operation, in order (empty: the default). */
  operations: string[];
  root: string;
  help: boolean;
}

/** `create-target` for createTarget: an operationId as an example id. */
export function idFromOperation(operationId: string): string {
  return operationId.replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase();
}

/** Parses the command line; throws UsageError naming the argument that is missing or extra. */
export function parseCommandLine(argv: readonly string[]): ScaffoldCommand {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      strict: true,
      allowPositionals: true,
      options: {
        operation: { type: 'string', multiple: true },
        id: { type: 'string' },
        title: { type: 'string' },
        root: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const { values, positionals } = parsed;
  const operations = values.operation ?? [];
  const named = values.id ?? positionals[0];
  const command = {
    id: named ?? (operations.length === 1 ? idFromOperation(operations[0]!) : ''),
    title: values.title,
    operations,
    root: path.resolve(values.root ?? DEFAULT_SNIPPETS_ROOT),
    help: values.help === true,
  };
  if (command.help) return command;
  if (values.id !== undefined && positionals.length > 0)
    throw new UsageError(
      `expected the id once, as --id or as <id>; got --id ${JSON.stringify(values.id)} and ${JSON.stringify(positionals[0])}`,
    );
  if (command.id === '')
    throw new UsageError(
      operations.length > 1
        ? 'expected --id for an example of several operations, like --id target-lifecycle; got none'
        : 'expected --operation and the operationId the example calls, or the id of the new example, like "list-clients"; got neither',
    );
  if (positionals.length > 1) {
    throw new UsageError(
      `expected one example id; got ${positionals.length}: ${positionals.map((p) => JSON.stringify(p)).join(', ')} (quote a title that has spaces)`,
    );
  }
  return command;
}

/** A path as a shell argument: bare when it is safe, quoted otherwise. */
const shellArgument = (value: string) => (/^[\w./-]+$/.test(value) ? value : shellQuote(value));

/** Where CONTRIBUTING.md details the steps the "Next:" text gives: its `## ` heading. */
export const CONTRIBUTING_STEPS = 'Add an example, step by step';

/** Step 3 of the "Next:" text: the page (and the operation's section on it) where the example belongs. */
export function showItLines(id: string, operationId: string, page: SectionPageOperations | undefined): string[] {
  const tabs = `<CodeTabs example="${id}" />`;
  if (!page) return [`  3. Show it on a page of the Core API section (an MDX file under ${SECTION_PAGES_FOLDER}/):`, `       ${tabs}`];
  if (page.operations.includes(operationId))
    return [
      `  3. Show it on ${page.file}, inside the section of its operation:`,
      `       <Operation id="${operationId}">`,
      `         ${tabs}`,
      '       </Operation>',
    ];
  return [`  3. Show it on ${page.file}, the page of the operation's resource:`, `       ${tabs}`];
}

/**
 * What the CLI prints after creating an example: the files, then how to edit, run and show it.
 * `pages` are the section's pages with their operations (sectionPageOperations()); `operationId` the first one the example calls.
 */
export function describeCreated(
  result: ScaffoldResult,
  id: string,
  root: string,
  operationId: string = DEFAULT_OPERATION,
  pages: readonly SectionPageOperations[] = [],
): string {
  const rootOption = path.resolve(root) === DEFAULT_SNIPPETS_ROOT ? '' : ` --root ${shellArgument(displayPath(root))}`;
  const reads = result.variables.length ? ` and the ${result.variables.length === 1 ? 'id' : 'ids'} in ${result.variables.join(', ')}` : '';
  return [
    `Created ${displayPath(result.dir)}/:`,
    ...result.files.map((file) => `  ${displayPath(file)}`),
    '',
    `It already passes the harness: every file reads the token from ${API_FACTS.tokenEnvVar}${reads}, and sends`,
    ...result.requests.map((request) => `  ${request}`),
    'with the body the API description gives as its example. Next:',
    '  1. Edit the body and what is printed, the same in every file (and request.http), and the title and',
    '     description in example.json. With a valid token the harness expects the output to contain what',
    '     the operation returns (the names of the records listed, the id created): that is a default. If',
    '     your example prints something else, list what it prints in scenarios.ok.output in example.json',
    '     ("{targetId}" stands for the id of the case).',
    '  2. Run only this example, in every language and scenario:',
    `       npm run snippets --${rootOption} --example ${id}`,
    ...showItLines(id, operationId, pageForOperation(pages, operationId)),
    `CONTRIBUTING.md ("${CONTRIBUTING_STEPS}") has the details.`,
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
    const operationId = command.operations[0] ?? DEFAULT_OPERATION;
    process.stdout.write(describeCreated(result, command.id, command.root, operationId, await sectionPageOperations()));
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
