// Each document fits its reader. README.md stays short enough for someone deciding to use the
// project: under 1,000 words, counted as a whitespace split of its Markdown source (tables, code
// and link targets included, so the rendered prose is shorter still). CONTRIBUTING.md opens with
// its first hour: the first `## ` section, within the first screen, gives the five steps of adding
// an example, and every command it names exists (an npm script of package.json, flags its CLI
// parses, a vitest project). The scaffold's "Next:" text points to a page and a section that exist.
// vitest project: unit (test/support/projects.ts)
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { API_OPERATIONS } from '../../scripts/api/core-api.ts';
import { parseCommandLine as parseSnippetsCommand } from '../../scripts/harness/cli/command-line.ts';
import { PROJECT_ROOT, SECTION_PAGES_FOLDER } from '../../scripts/project.ts';

/** The folder of the section's pages, as the docs write it. */
const PAGES_FOLDER = `${SECTION_PAGES_FOLDER}/`;
import { sectionPageOperations } from '../../scripts/scaffold/operation-page.ts';
import {
  CONTRIBUTING_STEPS,
  describeCreated,
  idFromOperation,
  parseCommandLine as parseScaffoldCommand,
} from '../../scripts/scaffold/new-example-cli.ts';
import { TEST_PROJECTS } from '../support/projects.ts';

/** The most words README.md may have. */
const README_WORD_LIMIT = 1000;
/** The lines a reader sees on opening a file: the five steps must end within them. */
const FIRST_SCREEN_LINES = 40;

const read = (file: string) => readFile(path.join(PROJECT_ROOT, file), 'utf8');
const readme = await read('README.md');
const contributing = await read('CONTRIBUTING.md');
const scripts = (JSON.parse(await read('package.json')) as { scripts: Record<string, string> }).scripts;
const operationIds = API_OPERATIONS.map((operation) => operation.operationId);

/** Words as the limit counts them: runs of non-white-space in the Markdown source. */
const wordCount = (text: string) => text.split(/\s+/).filter(Boolean).length;

/** The `## ` sections of `text`, each with its heading and the line it starts on (fenced code skipped). */
function sections(text: string): { heading: string; line: number; body: string }[] {
  const lines = text.split('\n');
  const starts: number[] = [];
  let fenced = false;
  lines.forEach((line, index) => {
    if (line.startsWith('```')) fenced = !fenced;
    else if (!fenced && line.startsWith('## ')) starts.push(index);
  });
  return starts.map((start, index) => ({
    heading: lines[start]!.slice(3),
    line: start + 1,
    body: lines.slice(start + 1, starts[index + 1]).join('\n'),
  }));
}

/** The items of the first ordered list in `text`, each joined into one line, with the line each starts on. */
function orderedItems(text: string, firstLine: number): { text: string; line: number }[] {
  const items: { text: string; line: number }[] = [];
  for (const [index, line] of text.split('\n').entries()) {
    if (/^\d+\. /.test(line)) items.push({ text: line, line: firstLine + index + 1 });
    else if (items.length && /^ {3}\S/.test(line)) items.at(-1)!.text += ` ${line.trim()}`;
    else if (items.length) break;
  }
  return items;
}

/** Every `code` span in `text`. */
const codeSpans = (text: string) => [...text.matchAll(/`([^`]+)`/g)].map((match) => match[1]!);

/** A documented command with its placeholders filled: `<operationId>` with a real one, `<id>` with the id it makes. */
const filled = (command: string, operationId: string) =>
  command.replaceAll('<operationId>', operationId).replaceAll('<id>', idFromOperation(operationId));

/** Throws when `command` (an npm or npx command line) names a script, a flag or a project that does not exist. */
function expectRunnable(command: string): void {
  const words = command.split(/\s+/);
  const extra = words.includes('--') ? words.slice(words.indexOf('--') + 1) : [];
  if (words[0] === 'npm' && words[1] === 'test') return expect(scripts.test, command).toBeDefined();
  if (words[0] === 'npm' && words[1] === 'run') {
    expect(Object.keys(scripts), command).toContain(words[2]);
    if (words[2] === 'new-example') parseScaffoldCommand(extra);
    if (words[2] === 'snippets') parseSnippetsCommand(extra, {});
    return;
  }
  if (words[0] === 'npx' && words[1] === 'vitest') {
    const project = words[words.indexOf('--project') + 1];
    return expect(
      TEST_PROJECTS.map((known) => known.name),
      command,
    ).toContain(project);
  }
  throw new Error(`${command}: not a command this test knows how to check`);
}

describe('README.md', () => {
  test(`has fewer than ${README_WORD_LIMIT} words`, () => {
    expect(wordCount(readme)).toBeLessThan(README_WORD_LIMIT);
  });

  test('points to the other documents', () => {
    for (const file of ['CONTRIBUTING.md', 'MAINTAINERS.md', 'test/README.md']) {
      expect(readme, file).toContain(`](${file})`);
      expect(existsSync(path.join(PROJECT_ROOT, file)), file).toBe(true);
    }
  });
});

describe("CONTRIBUTING.md's first hour", () => {
  const [box] = sections(contributing);
  const steps = box ? orderedItems(box.body, box.line) : [];
  const example = /`(\w+)` makes `([\w-]+)`/.exec(box?.body ?? '');
  const operationId = example?.[1] ?? '';

  test('is the first section, right under the title', () => {
    expect(box?.heading).toMatch(/^The first hour/);
    expect(contributing.slice(0, contributing.indexOf('\n## ')).trim()).toMatch(/^# [^\n]+$/);
  });

  test('gives five steps, within the first screen', () => {
    expect(steps).toHaveLength(5);
    expect(steps.at(-1)!.line).toBeLessThanOrEqual(FIRST_SCREEN_LINES);
  });

  test('names what each step runs or writes', () => {
    const wanted = [
      ['npm run new-example -- --operation <operationId>'],
      ['example.json'],
      ['scenarios.ok.output'],
      ['npm run snippets -- --example <id>'],
      ['<CodeTabs example="<id>" />', PAGES_FOLDER],
    ];
    steps.forEach((step, index) => {
      for (const span of wanted[index]!) expect(codeSpans(step.text), `step ${index + 1}`).toContain(span);
    });
  });

  test("its example operation is the description's, and makes the id it says", () => {
    expect(operationIds).toContain(operationId);
    expect(idFromOperation(operationId)).toBe(example?.[2]);
  });

  test('every command it names exists: the npm script, the flags its CLI parses, the vitest project', () => {
    const commands = codeSpans(box?.body ?? '').filter((span) => /^(npm|npx) /.test(span));
    expect(commands.length).toBeGreaterThanOrEqual(4);
    for (const command of commands) expectRunnable(filled(command, operationId));
  });

  test('every file, folder and component it names exists', () => {
    const places = codeSpans(box?.body ?? '').filter((span) => /^(docs|api|snippets)\/[^<]*$/.test(span) || span.endsWith('.mdx'));
    expect(places).toContain(PAGES_FOLDER);
    for (const place of places) expect(existsSync(path.join(PROJECT_ROOT, place)), place).toBe(true);
    const components = [...(box?.body ?? '').matchAll(/<([A-Z]\w+) /g)].map((match) => match[1]!);
    for (const component of components)
      expect(existsSync(path.join(PROJECT_ROOT, 'docs/components', `${component}.astro`)), component).toBe(true);
  });
});

const sectionPages = await sectionPageOperations();

describe("the scaffold's Next: text", () => {
  const text = describeCreated(
    {
      dir: path.join(PROJECT_ROOT, 'snippets/get-target'),
      files: [],
      requests: ['GET /api/clients/{clientId}/targets/{targetId} (getTarget)'],
      variables: [],
    },
    'get-target',
    path.join(PROJECT_ROOT, 'snippets'),
    'getTarget',
    sectionPages,
  );

  test('names the page that shows the operation, which exists, in the folder of pages', () => {
    const page = /Show it on (\S+), inside the section of its operation/.exec(text)?.[1];
    expect(page).toBe(`${PAGES_FOLDER}targets.mdx`);
    expect(existsSync(path.join(PROJECT_ROOT, page!))).toBe(true);
  });

  test("names CONTRIBUTING.md's section on the steps, which exists", () => {
    expect(text).toContain(`CONTRIBUTING.md ("${CONTRIBUTING_STEPS}")`);
    expect(sections(contributing).map((section) => section.heading)).toContain(CONTRIBUTING_STEPS);
  });

  test('gives a run command the harness accepts', () => {
    const command = text.split('\n').find((line) => line.trim().startsWith('npm run snippets'))!;
    expectRunnable(command.trim());
  });
});
