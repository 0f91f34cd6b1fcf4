// CONTRIBUTING.md's way to add an example, followed to the letter on a copy of the project: its
// scaffold command, then its tag on the page it names, then the site's build and the checks the
// site tests derive from the built pages. The documented path cannot go red again unnoticed. The
// same copy gets a second example whose title is full of markup, which every output must show as
// text.
// vitest project: site (test/support/projects.ts)
import { readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { execa } from 'execa';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildEnvironment, buildSite, type BuildResult } from './build-site.ts';
import type { Element, Root } from 'hast';
import { toString } from 'hast-util-to-string';
import { htmlToHast } from 'satteri';
import { disguisedLinks, markupNodes, parsedNodes, textOf } from './markdown-nodes.ts';
import {
  expectAccessibleTabs,
  expectTabsShowFiles,
  expectTwinBlocksAreShownSources,
  expectTwinHoldsFiles,
  tabbedExamples,
  type ShownExample,
} from './page-checks.ts';
import { copyProject } from '../support/project-copy.ts';

const contributing = await readFile(path.resolve('CONTRIBUTING.md'), 'utf8');

/** The text of CONTRIBUTING.md's section whose heading starts with `heading`, up to the next heading of any level. */
function section(heading: string): string {
  const start = contributing.indexOf(`\n### ${heading}`);
  if (start < 0) throw new Error(`CONTRIBUTING.md has no section "### ${heading}"`);
  const rest = contributing.slice(start + 1);
  const end = rest.slice(1).search(/\n#{2,3} /);
  return end < 0 ? rest : rest.slice(0, end + 1);
}

/** The lines of the first fenced block of `text` whose language is `lang`. */
function fencedLines(text: string, lang: string): string[] {
  const block = new RegExp('```' + lang + '\\n([\\s\\S]*?)\\n```').exec(text);
  if (!block) throw new Error(`no \`\`\`${lang} block in:\n${text}`);
  return block[1]!.split('\n');
}

/** Splits a shell command line into its words (plain words and double-quoted strings, as CONTRIBUTING writes them). */
function shellWords(line: string): string[] {
  return [...line.matchAll(/"([^"]*)"|(\S+)/g)].map((match) => match[1] ?? match[2]!);
}

// What CONTRIBUTING.md says to do, read from it: the scaffold command (step 1), and the page and the
// lines to put on it (step 4).
const scaffoldCommand = shellWords(fencedLines(section('1. Scaffold it'), 'sh').find((line) => line.startsWith('npm run new-example'))!);
const ID = scaffoldCommand[scaffoldCommand.indexOf('--') + 1]!;
const showIt = section('4. Show it');
const pageFile = /`(docs\/[^`]+\.mdx)`/.exec(showIt)?.[1];
const tagLines = fencedLines(showIt, 'mdx').filter((line) => line.trim() !== '');
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
  copy = await copyProject({ nodeModules: true, prefix: 'rr-docs-contributing-' });
  outDir = path.join(copy, 'dist');
  for (const command of [scaffoldCommand, ['npm', 'run', 'new-example', '--', HOSTILE_ID, '--title', HOSTILE_TITLE]]) {
    const result = await run(command);
    if (result.exitCode !== 0) throw new Error(`${command.join(' ')} failed:\n${result.all}`);
  }
  if (!pageFile) throw new Error('CONTRIBUTING.md\'s "4. Show it" names no page under docs/');
  await showOnPage(path.join(copy, pageFile), ID);
  await showOnPage(path.join(copy, pageFile), HOSTILE_ID);
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
    await expectTwinBlocksAreShownSources(twin, html, path.join(copy, 'snippets'));
    const links = parsedNodes(await built('llms.txt')).filter((node) => node.type === 'link');
    for (const example of examples)
      expect(links.map((link) => [textOf(link), link.url])).toContainEqual([example.manifest.title, `/${twinFile}`]);
  });
});

describe('an example whose title is full of markup', () => {
  const markdownChecks = (markdown: string) => {
    const nodes = parsedNodes(markdown);
    expect(markupNodes(nodes)).toEqual([]);
    expect(disguisedLinks(nodes).filter((link) => !/^[/#]/.test(link.url!))).toEqual([]);
    expect(nodes.filter((node) => node.type === 'heading' && textOf(node).includes('Injected'))).toEqual([]);
    return nodes;
  };

  test('is shown on the page as text', async () => {
    expect(build.ok, build.output).toBe(true);
    // Parsed as a browser parses it: the title may sit in an attribute or in text, never become an element.
    const elements: Element[] = [];
    const collect = (node: Root | Root['children'][number]): void => {
      if (node.type === 'element') elements.push(node);
      if ('children' in node) node.children.forEach(collect);
    };
    collect(htmlToHast(await built(path.join(pagePath, 'index.html'))) as Root);
    expect(elements.filter((element) => element.tagName === 'img')).toEqual([]);
    expect(elements.filter((element) => element.tagName === 'script' && toString(element).includes('alert'))).toEqual([]);
    const caption = elements.find((element) => element.properties.id === `example-${HOSTILE_ID}-title`)!;
    expect(toString(caption).trim()).toBe(HOSTILE_TITLE);
  });

  test('is shown in the Markdown twin and /llms.txt as text', async () => {
    expect(build.ok, build.output).toBe(true);
    const twin = markdownChecks(await built(twinFile));
    expect(twin.some((node) => node.type === 'strong' && textOf(node) === HOSTILE_TITLE)).toBe(true);
    const llms = markdownChecks(await built('llms.txt'));
    expect(llms.some((node) => node.type === 'link' && textOf(node) === HOSTILE_TITLE)).toBe(true);
  });
});
