// CONTRIBUTING.md's way to add an example, its first hour, followed to the letter on a copy of the
// project: its scaffold command for the operation it takes as its example (on a copy without that
// example yet), then its tag on the page it names, then the site's build and the checks the site
// tests derive from the built pages. The documented path cannot go red again unnoticed. On the same
// copy, the scaffold refuses an example whose title is full of markup, and writes nothing of it.
// vitest project: site (test/support/projects.ts)
import { existsSync } from 'node:fs';
import { readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { execa } from 'execa';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildEnvironment, buildSite, type BuildResult } from './build-site.ts';
import { parsedNodes, textOf } from './markdown-nodes.ts';
import {
  expectAccessibleTabs,
  expectTabsShowFiles,
  expectTwinBlocksAreShownSources,
  expectTwinHoldsFiles,
  tabbedExamples,
  type ShownExample,
} from './page-checks.ts';
import { copyProject } from '../support/project-copy.ts';
import { parseCommandLine as parseScaffoldCommand } from '../../scripts/scaffold/new-example-cli.ts';

const contributing = await readFile(path.resolve('CONTRIBUTING.md'), 'utf8');

/** CONTRIBUTING.md's first `## ` section: its first hour, where adding an example is told in five steps. */
const firstHour = /\n## [^\n]*\n([\s\S]*?)(?=\n## )/.exec(contributing)?.[1] ?? '';
/** Every `code` span of the first hour. */
const spans = [...firstHour.matchAll(/`([^`]+)`/g)].map((match) => match[1]!);

// What CONTRIBUTING.md says to do, read from it: the operation it takes as its example and the id
// that makes, the scaffold command (step 1) with that operation, and the page and the tag to put on
// it (step 5), with that id.
const [, OPERATION, ID] = /`(\w+)` makes `([\w-]+)`/.exec(firstHour) ?? [];
const filled = (text: string) => text.replaceAll('<operationId>', OPERATION ?? '').replaceAll('<id>', ID ?? '');
const scaffoldCommand = filled(spans.find((span) => span.startsWith('npm run new-example')) ?? '').split(/\s+/);
const pageFile = spans.find((span) => /^docs\/.+\.mdx$/.test(span));
const tagLines = spans.filter((span) => span.startsWith('<CodeTabs ')).map(filled);
// Where that page is published: its path under the site, and its Markdown twin's.
const pagePath = pageFile?.replace(/^docs\/(?:pages|content)\//, '').replace(/\.mdx$/, '') ?? '';
const twinFile = `${pagePath}.md`;

const HOSTILE_ID = 'say-hello';
const HOSTILE_TITLE = '<img src=x onerror=alert(1)> <script>alert(2)</script> # Injected [a link](https://evil.example/) ![i](x.png)';

let copy: string;
let build: BuildResult;
let outDir: string;

/** A file of the copy's build. */
const built = (file: string) => readFile(path.join(outDir, file), 'utf8');

/** Runs `words` (an npm command) in the copy, as a contributor would in the project. */
function run(words: string[]) {
  return execa(words[0]!, words.slice(1), { cwd: copy, reject: false, all: true, extendEnv: false, env: buildEnvironment() });
}

/** Puts CONTRIBUTING's lines for example `id` on the page: imports the page lacks at the top, the tag at the end. */
async function showOnPage(page: string, id: string): Promise<void> {
  let text = await readFile(page, 'utf8');
  const lines = tagLines.map((line) => line.replaceAll(`"${ID}"`, `"${id}"`));
  for (const line of lines.filter((candidate) => candidate.startsWith('import '))) {
    const names =
      /\{([^}]+)\}/
        .exec(line)?.[1]
        ?.split(',')
        .map((name) => name.trim()) ?? [];
    const imported = (name: string) => new RegExp(`^import \\{[^}]*\\b${name}\\b[^}]*\\}`, 'm').test(text);
    if (!names.every(imported)) text = text.replace(/^(---\n[\s\S]*?\n---\n)/, `$1${line}\n`);
  }
  text = `${text.replace(/\n*$/, '\n')}\n${lines.filter((line) => !line.startsWith('import ')).join('\n')}\n`;
  await writeFile(page, text);
}

beforeAll(async () => {
  if (!OPERATION || !ID || !pageFile || tagLines.length === 0)
    throw new Error("CONTRIBUTING.md's first hour names no example operation, page under docs/ or <CodeTabs> tag");
  expect(parseScaffoldCommand(scaffoldCommand.slice(scaffoldCommand.indexOf('--') + 1)).id).toBe(ID);
  copy = await copyProject({ nodeModules: true, prefix: 'rr-docs-contributing-' });
  outDir = path.join(copy, 'dist');
  // The copy as it was before the example existed: a contributor adds an example that is not there yet.
  await rm(path.join(copy, 'snippets', ID), { recursive: true, force: true });
  const scaffolded = await run(scaffoldCommand);
  if (scaffolded.exitCode !== 0) throw new Error(`${scaffoldCommand.join(' ')} failed:\n${scaffolded.all}`);
  await showOnPage(path.join(copy, pageFile), ID);
  build = await buildSite({ root: copy, cwd: copy, outDir, env: { RR_DOCS_REPORT: path.join(copy, 'no-report.json') } });
}, 300_000);

afterAll(() => (copy ? rm(copy, { recursive: true, force: true }) : undefined));

describe("CONTRIBUTING.md's way to add an example", () => {
  let html: string;
  let examples: ShownExample[];

  beforeAll(async () => {
    if (!build.ok) return;
    html = await built(path.join(pagePath, 'index.html'));
    examples = await tabbedExamples(html, path.join(copy, 'snippets'));
  });

  test('builds', () => {
    expect(build.ok, build.output).toBe(true);
  });

  test('shows the new example on the page it names', () => {
    expect(examples.map((example) => example.id)).toContain(ID);
  });

  test("passes every check the site's tests derive from the page", async () => {
    const twin = await built(twinFile);
    for (const example of examples) {
      await expectTabsShowFiles(html, example);
      expectAccessibleTabs(html, example);
      await expectTwinHoldsFiles(twin, html, example);
    }
    expectTwinBlocksAreShownSources(twin, html);
    const links = parsedNodes(await built('llms.txt')).filter((node) => node.type === 'link');
    for (const example of examples)
      expect(links.map((link) => [textOf(link), link.url])).toContainEqual([example.manifest.title, `/${twinFile}`]);
  });
});

describe('an example whose title is full of markup', () => {
  test('is refused by the scaffold, naming the problem, with nothing written', async () => {
    const result = await run(['npm', 'run', 'new-example', '--', HOSTILE_ID, '--title', HOSTILE_TITLE]);
    expect(result.exitCode, result.all).toBe(2);
    expect(result.all).toContain('cannot be used: expected plain text, without markup');
    expect(existsSync(path.join(copy, 'snippets', HOSTILE_ID))).toBe(false);
  });
});
