// What the site tests check on a built page, derived from the page itself: the examples it shows
// (every <CodeTabs> and <CodeFile> leaves a data-example attribute), their manifests and files, and
// the Markdown twin beside it. The site's own build and a copy of the project that followed
// CONTRIBUTING.md run the same checks, so a page that gains an example is checked, not broken.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { expect } from 'vitest';
import { LANGUAGES } from '../../scripts/languages.ts';
import { loadExample, type Example } from '../../scripts/manifest/examples.ts';
import { copiedText } from '../../docs/components/internal/code-block.ts';
import { decodeHtml, innerHtml, startTags, textOf } from './html.ts';

/** An example shown on a page as tabs, with its manifest and files as they are under the snippets folder. */
export type ShownExample = Example;

/** The copy text (kept verbatim, or rebuilt from the shown lines as the copy button does), the highlighted text and the title of the code block inside `inner`. */
export function codeIn(inner: string): { raw: string; shown: string; title: string; verbatim: boolean } {
  const block = startTags(inner).find((tag) => tag.attributes.class === 'code-block');
  const template = /<template data-raw[^>]*>([\s\S]*?)<\/template>/.exec(inner)?.[1];
  const shownHtml = /<pre class="code"[^>]*>([\s\S]*?)<\/pre>/.exec(inner)?.[1];
  const title = /<span class="code-title"[^>]*>([\s\S]*?)<\/span>/.exec(inner)?.[1];
  if (!block || shownHtml === undefined || title === undefined) throw new Error(`no code block in ${inner.slice(0, 200)}`);
  const shown = textOf(shownHtml);
  const plan = {
    eol: block.attributes['data-eol'] === 'crlf' ? '\r\n' : '\n',
    finalNewline: 'data-final-newline' in block.attributes,
  } as const;
  const raw = template === undefined ? copiedText(shown, plan) : decodeHtml(template);
  return { raw, shown, title: textOf(title), verbatim: template !== undefined };
}

/** Every code block of a page, each with its own start tag. */
export function codeBlocks(html: string): string[] {
  return startTags(html)
    .filter((tag) => tag.name === 'div' && tag.attributes.class === 'code-block')
    .map((tag) => html.slice(tag.start, tag.end) + innerHtml(html, tag));
}

/** The ids of the examples a page shows as tabs (<CodeTabs>), in order, once each. */
export function tabbedExampleIds(html: string): string[] {
  const ids = startTags(html)
    .filter((tag) => tag.name === 'figure' && tag.attributes.class === 'example')
    .map((tag) => tag.attributes['data-example']!);
  return [...new Set(ids)];
}

/** The files a page shows on their own (<CodeFile>): example and file name. */
export function shownFiles(html: string): { example: string; file: string }[] {
  return startTags(html)
    .filter((tag) => tag.attributes.class?.split(' ').includes('code-file'))
    .map((tag) => ({ example: tag.attributes['data-example']!, file: tag.attributes['data-file']! }));
}

/** The documented responses a page shows (<ResponseExample>), by status, in order. */
export function shownResponses(html: string): number[] {
  return startTags(html)
    .filter((tag) => tag.attributes.class?.split(' ').includes('response'))
    .map((tag) => Number(tag.attributes['data-status']));
}

/** The examples a page shows as tabs, each loaded from `snippetsRoot`. */
export function tabbedExamples(html: string, snippetsRoot: string): Promise<ShownExample[]> {
  return Promise.all(tabbedExampleIds(html).map((id) => loadExample(path.join(snippetsRoot, id))));
}

/** The inner HTML of the tab panel of `example` in `language`. */
export function panelOf(html: string, example: string, language: string): string {
  const panel = startTags(html).find((tag) => tag.attributes.id === `example-${example}-panel-${language}`);
  expect(panel?.attributes.role, `the ${language} panel of ${example}`).toBe('tabpanel');
  return innerHtml(html, panel!);
}

/** The file of `example` in `language`, with its exact text. */
export async function fileOf(example: ShownExample, language: string): Promise<{ name: string; code: string }> {
  const file = example.files.find((candidate) => candidate.language === language);
  if (!file) throw new Error(`${example.id} has no ${language} file`);
  return { name: file.name, code: await readFile(file.path, 'utf8') };
}

/** Every file of `example` is on the page under its tab, byte for byte, highlighted, as copy text, under its file name. */
export async function expectTabsShowFiles(html: string, example: ShownExample): Promise<void> {
  for (const language of LANGUAGES) {
    const { name, code } = await fileOf(example, language.id);
    const { raw, shown, title } = codeIn(panelOf(html, example.id, language.id));
    expect(raw, `${example.id} in ${language.label}`).toBe(code);
    expect(shown).toBe(code.replace(/\n$/, ''));
    expect(title).toBe(name);
  }
}

/** `example`'s tabs are WAI-ARIA tabs in the order JavaScript, Python, Go, Java, curl, titled from its manifest. */
export function expectAccessibleTabs(html: string, example: ShownExample): void {
  const tags = startTags(html);
  const group = `example-${example.id}`;
  const figure = tags.find((tag) => tag.name === 'figure' && tag.attributes['data-example'] === example.id)!;
  const caption = tags.find((tag) => tag.attributes.id === figure.attributes['aria-labelledby']);
  expect(textOf(innerHtml(html, caption!)).trim()).toBe(example.manifest.title);
  const tabList = tags.find((tag) => tag.attributes.role === 'tablist' && innerHtml(html, tag).includes(`id="${group}-tab-`));
  expect(tabList?.attributes['aria-label']).toBe(`${example.manifest.title}: language`);
  const tabs = startTags(innerHtml(html, tabList!)).filter((tag) => tag.attributes.role === 'tab');
  expect(tabs.map((tab) => tab.attributes['data-lang'])).toEqual(LANGUAGES.map((language) => language.id));
  tabs.forEach((tab, index) => {
    const language = LANGUAGES[index]!;
    expect(tab.name).toBe('button');
    expect(tab.attributes.type).toBe('button');
    expect(tab.attributes.id).toBe(`${group}-tab-${language.id}`);
    expect(tab.attributes['aria-controls']).toBe(`${group}-panel-${language.id}`);
    expect(tab.attributes['aria-selected']).toBe(index === 0 ? 'true' : 'false');
    expect(tab.attributes.tabindex).toBe(index === 0 ? '0' : '-1');
    const tag = tags.find((candidate) => candidate.start > tabList!.start && candidate.attributes.id === tab.attributes.id)!;
    expect(textOf(innerHtml(html, tag)).trim()).toBe(language.label);
    const panel = tags.find((candidate) => candidate.attributes.id === `${group}-panel-${language.id}`);
    expect(panel?.attributes['aria-labelledby']).toBe(tab.attributes.id);
    // Readers without JavaScript see every panel, each labelled with its language.
    expect(panelOf(html, example.id, language.id)).toMatch(new RegExp(`<span class="nojs-label"[^>]*>${language.label}</span>`));
  });
}

/** The tested status a panel's summary says ("Tested: 9 of 9 scenarios passed"). */
export function statusLabel(panelHtml: string): string {
  return textOf(
    innerHtml(
      panelHtml,
      startTags(panelHtml).find((tag) => tag.name === 'summary')!,
    ),
  ).trim();
}

/** The twin holds every file of `example` byte for byte, after a line naming its language, file and the status the page shows. */
export async function expectTwinHoldsFiles(twin: string, html: string, example: ShownExample): Promise<void> {
  for (const language of LANGUAGES) {
    const { name, code } = await fileOf(example, language.id);
    const heading = `${language.label}, \`${name}\` (${statusLabel(panelOf(html, example.id, language.id))}):\n\n`;
    const start = twin.indexOf(heading);
    expect(start, heading).toBeGreaterThan(-1);
    const fenceLine = /^(`{3,})(\w+)\n/.exec(twin.slice(start + heading.length))!;
    expect(fenceLine[2]).toBe(language.grammar);
    const body = twin.slice(start + heading.length + fenceLine[0].length);
    expect(body.slice(0, body.indexOf(`\n${fenceLine[1]}\n`) + 1)).toBe(code);
  }
}

/**
 * The twin's fenced blocks are the page's code blocks (the files of its tabs, the files it shows on
 * their own, the description's request and response examples), byte for byte, one for one: nothing
 * shown is missing from the twin and the twin holds nothing the page does not show. A twin block
 * always ends its last line; a page's block keeps the file's own ending, so both are compared with one.
 */
export function expectTwinBlocksAreShownSources(twin: string, html: string): void {
  const ended = (text: string) => (text.endsWith('\n') ? text : `${text}\n`);
  const inTwin = [...twin.matchAll(/^(`{3,})(\w+)\n([\s\S]*?\n)\1$/gm)].map((match) => match[3]!).sort();
  const onPage = codeBlocks(html)
    .map((block) => ended(codeIn(block).raw))
    .sort();
  expect(inTwin).toEqual(onPage);
}
