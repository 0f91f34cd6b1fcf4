// The Markdown twin and /llms.txt are written from syntax trees: the MDX parsed as the page is,
// each component replaced by its Markdown, code kept byte for byte, and text from a manifest or a
// page's front matter escaped, so that a title holding HTML, a heading or a link stays words.
// vitest project: unit (test/support/projects.ts)
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { codeBlock, markdownOf } from '../../docs/lib/markdown-text.ts';
import { pageMarkdown } from '../../docs/lib/markdown-twin.ts';
import { operationMarkdownParts, resourceFieldsMarkdown } from '../../docs/lib/reference/reference-markdown.ts';
import { llmsText } from '../../docs/lib/llms-text.ts';
import { pageExampleIds } from '../../docs/lib/page-examples.ts';
import { disguisedLinks, markupNodes, parsedNodes, textOf } from './markdown-nodes.ts';

const fixtures = path.resolve('test/fixtures/site/snippets');
const sources = { snippetsRoot: fixtures, projectRoot: '.', report: undefined };
const meta = { title: 'T', description: 'D' };
// Examples whose manifest the schema refuses, apart from the rest so that a build of the fixtures is not refused too.
const refused = { ...sources, snippetsRoot: path.resolve('test/fixtures/site/refused-snippets') };
const hostile = JSON.parse(await readFile(path.join(refused.snippetsRoot, 'hostile-title', 'example.json'), 'utf8')) as {
  title: string;
  description: string;
};
// Text the manifest schema lets through that still means something to Markdown.
const odd = JSON.parse(await readFile(path.join(fixtures, 'odd-title', 'example.json'), 'utf8')) as typeof hostile;

/** The manifest's text as the twin shows it, on one line. */
const oneLine = (text: string) => text.replace(/\s+/g, ' ');

describe('codeBlock', () => {
  test.each([
    ['a file', 'a\nb\n'],
    ['backticks inside', 'x ```` y\n'],
    ['CRLF line endings', 'a\r\nb\r\n'],
    ['tabs and trailing blanks', '\tx  \n\n'],
  ])('keeps %s byte for byte, fenced longer than any run of backticks in it', (_name, code) => {
    const markdown = markdownOf([codeBlock(code, 'go')]);
    const fence = /^(`{3,})go\n/.exec(markdown)![1]!;
    expect(markdown).toBe(`${fence}go\n${code}${fence}\n`);
    expect(fence.length).toBeGreaterThan(Math.max(2, ...[...code.matchAll(/`+/g)].map((run) => run[0].length)));
  });
});

describe('pageMarkdown', () => {
  test("turns callouts into quotations, steps into their list, and the description's facts into their values", async () => {
    const source = [
      "import { Callout, Steps } from '../../components/index.ts';",
      '',
      '<Callout type="tip" title="Short">',
      '- one <code>{API_FACTS.tokenPrefix}</code>',
      '</Callout>',
      '',
      '<Steps>',
      '1. first {API_FACTS.tokenEnvVar}',
      '</Steps>',
      '',
      '{/* a note for authors */}',
      '',
      '| a | b |',
      '| - | - |',
      '| `x` | y |',
    ].join('\n');
    expect(await pageMarkdown(source, meta, 'x.mdx', sources)).toBe(
      '# T\n\n> D\n\n> **Short**\n>\n> - one `u-`\n\n1. first REQUESTROCKET_USER_TOKEN\n\n| a   | b |\n| --- | - |\n| `x` | y |\n',
    );
  });

  test("writes an operation's reference around the tabs it holds, and a resource's fields, as the reference's Markdown", async () => {
    const onTargets = { ...sources, pageUrl: '/core-api/targets/' };
    const source = '<ResourceFields schema="Target" />\n\n<Operation id="getTarget">\n  <CodeTabs example="complete" />\n</Operation>\n';
    const markdown = await pageMarkdown(source, meta, 'targets.mdx', onTargets);
    const fields = markdown.indexOf(resourceFieldsMarkdown('Target', { page: '/core-api/targets/' }));
    const parts = operationMarkdownParts('getTarget', { page: '/core-api/targets/' });
    const head = markdown.indexOf(parts.head);
    const tabs = markdown.indexOf('JavaScript, `hello.mjs`');
    const answers = markdown.indexOf(parts.answers);
    expect([fields, head, tabs, answers].every((at) => at >= 0)).toBe(true);
    expect(fields < head && head < tabs && tabs < answers).toBe(true);
  });

  test('refuses an operation of another tag than the page, naming the page', async () => {
    await expect(
      pageMarkdown('<Operation id="getTarget" />\n', meta, 'clients.mdx', { ...sources, pageUrl: '/core-api/clients/' }),
    ).rejects.toThrow(/<Operation> on the page \/core-api\/clients\/ has invalid props/);
  });

  test('shows an example as one block per language, each file byte for byte after its label', async () => {
    const markdown = await pageMarkdown('<CodeTabs example="complete" />\n', meta, 'x.mdx', sources);
    for (const [label, file] of [
      ['JavaScript', 'hello.mjs'],
      ['Python', 'hello.py'],
      ['Go', 'hello.go'],
      ['Java', 'Hello.java'],
      ['curl', 'hello.sh'],
    ])
      expect(markdown).toContain(`${label}, \`${file}\` (Not run):\n\n\`\`\``);
    const code = await readFile(path.join(fixtures, 'complete', 'hello.go'), 'utf8');
    expect(markdown).toContain(`\`\`\`go\n${code}\`\`\`\n`);
  });

  test.each([
    ['an unknown component', 'text\n\n<Tabs items={1} />\n', '<Tabs items={1} /> is not a component the twin knows (it knows CodeTabs, '],
    ['a name that is no fact', '{NOPE}\n', '{NOPE} is not a string fact of the API description (expected {API_FACTS.<name>})'],
    ['an unknown fact', '{API_FACTS.nope}\n', '{API_FACTS.nope} is not a string fact of the API description (expected {API_FACTS.<name>})'],
    ['an expression', '{1 + 1}\n', '{1 + 1} is not an expression the twin can read'],
    ['an unknown element in text', 'a <kbd>K</kbd> b\n', '<kbd> is not an element the twin knows inside text'],
    [
      'a bad prop',
      '<ResponseExample status={500} />\n',
      '<ResponseExample> has invalid props:\n  - prop "status": expected one of 200, 401, 403',
    ],
  ])('names the page and what it cannot turn into Markdown: %s', async (_name, source, problem) => {
    await expect(pageMarkdown(source, meta, 'docs/x.mdx', sources)).rejects.toThrow(
      `docs/x.mdx: cannot make the Markdown twin: ${problem}`,
    );
  });

  test('refuses a manifest whose title and description hold markup, naming the file and the fields', async () => {
    const twin = pageMarkdown('## Section\n\n<CodeTabs example="hostile-title" />\n', meta, 'x.mdx', refused);
    await expect(twin).rejects.toThrow(/x\.mdx: cannot make the Markdown twin: .*hostile-title\/example\.json: invalid example manifest/);
    await expect(twin).rejects.toThrow(/field "title": expected plain text, without markup/);
    await expect(twin).rejects.toThrow(/field "description": expected plain text, without markup/);
  });

  test("shows a manifest's title and description as text, whatever Markdown characters they hold", async () => {
    const markdown = await pageMarkdown('## Section\n\n<CodeTabs example="odd-title" />\n', meta, 'x.mdx', sources);
    const nodes = parsedNodes(markdown);
    expect(markupNodes(nodes)).toEqual([]);
    expect(disguisedLinks(nodes)).toEqual([]);
    expect(nodes.filter((node) => node.type === 'heading').map((node) => `${node.depth} ${textOf(node)}`)).toEqual(['1 T', '2 Section']);
    expect(nodes.filter((node) => node.type === 'list' || node.type === 'table' || node.type === 'emphasis')).toEqual([]);
    const title = nodes.find((node) => node.type === 'strong');
    expect(textOf(title!)).toBe(odd.title);
    const paragraph = nodes.find((node) => node.type === 'paragraph' && node.children?.[0] === title);
    expect(textOf(paragraph!)).toBe(`${odd.title}: ${odd.description}`);
  });
});

describe('llmsText', () => {
  test('links each entry, and shows titles and descriptions as text however much markup they hold', () => {
    const text = llmsText('Site', 'Summary <b>x</b>', [
      { heading: 'Examples', links: [{ url: '/core-api/authentication.md', title: hostile.title, description: hostile.description }] },
      { heading: 'Empty', links: [] },
    ]);
    const nodes = parsedNodes(text);
    expect(markupNodes(nodes)).toEqual([]);
    expect(nodes.filter((node) => node.type === 'heading').map(textOf)).toEqual(['Site', 'Examples']);
    const links = disguisedLinks(nodes);
    expect(links.map((link) => [link.url, textOf(link)])).toEqual([['/core-api/authentication.md', oneLine(hostile.title)]]);
    const item = nodes.find((node) => node.type === 'listItem')!;
    expect(textOf(item)).toBe(`${oneLine(hostile.title)}: ${oneLine(hostile.description)}`);
    expect(textOf(nodes.find((node) => node.type === 'blockquote')!)).toBe('Summary <b>x</b>');
  });
});

describe('pageExampleIds', () => {
  test('lists the examples of every <CodeTabs> and <CodeFile>, nested ones too, once each in order', () => {
    const source = [
      '<CodeFile example="list-clients" file="request.http" />',
      '',
      '<div class="columns">',
      '<CodeTabs example="verify-token" />',
      '</div>',
      '',
      '<CodeTabs example="list-clients" />',
      '',
      '<ResponseExample status={200} />',
    ].join('\n');
    expect(pageExampleIds(source)).toEqual(['list-clients', 'verify-token']);
  });
});
