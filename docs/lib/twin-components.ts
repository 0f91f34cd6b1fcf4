// What each MDX component of a page becomes in its Markdown twin, as Markdown syntax tree nodes:
// an example's files as fenced code blocks labelled with their language, file and tested status, a
// response from the API description, an operation's or a resource's reference (the same Markdown
// the reference components' model gives), a callout as a quotation, steps as their list. Props are checked
// with the schemas the components themselves use, so the twin accepts exactly what the page does.
import type { BlockContent, DefinitionContent, RootContent, TableCell as MdastTableCell } from 'mdast';
import type { HarnessReport } from '../../scripts/site-surface.ts';
import { ApiTablePropsSchema, apiTable, type TableCell } from '../components/api-table.ts';
import { CALLOUT_TITLES, CalloutPropsSchema } from '../components/callout.ts';
import { CodeFilePropsSchema, loadCodeFile } from '../components/code-file.ts';
import { CodeTabsPropsSchema, loadTabs } from '../components/code-tabs.ts';
import { ResponseExamplePropsSchema, responseView } from '../components/responses.ts';
import { operationMarkdownParts, resourceFieldsMarkdown } from './reference/reference-markdown.ts';
import { fileResults } from './evidence.ts';
import { codeBlock, lineText, paragraph } from './markdown-text.ts';
import { parseProps } from './props.ts';

/** Where a twin's code and results come from, and where its page is. */
export interface TwinSources {
  snippetsRoot: string;
  projectRoot: string;
  report: HarnessReport | undefined;
  /** The page's own URL path, base included: relative links are resolved against it, since the twin lives elsewhere. */
  pageUrl?: string;
}

/** A page the twin cannot be made from; the message names the file and what is wrong. */
export class MarkdownTwinError extends Error {
  constructor(file: string, problem: string) {
    super(`${file}: cannot make the Markdown twin: ${problem}`);
    this.name = 'MarkdownTwinError';
  }
}

/** One component's Markdown: from its props (as written) and its children (already Markdown). */
type TwinComponent = (props: Record<string, unknown>, children: RootContent[], sources: TwinSources) => Promise<RootContent[]>;

/** An example's files: its title and description, then per language a label line and the file. */
const codeTabs: TwinComponent = async (props, _children, sources) => {
  const { example: id } = parseProps('CodeTabs', CodeTabsPropsSchema, props);
  const { example, tabs } = await loadTabs(sources.snippetsRoot, id);
  const { title, description } = example.manifest;
  const nodes: RootContent[] = [
    description
      ? paragraph({ type: 'strong', children: [lineText(title)] }, { type: 'text', value: ': ' }, lineText(description))
      : paragraph({ type: 'strong', children: [lineText(title)] }),
  ];
  for (const tab of tabs) {
    const file = { language: tab.language, path: tab.path, name: tab.fileName };
    const { status } = fileResults(sources.report, example, file, sources.snippetsRoot, sources.projectRoot);
    nodes.push(
      paragraph(lineText(`${tab.label}, `), { type: 'inlineCode', value: tab.fileName }, lineText(` (${status.label}):`)),
      codeBlock(tab.code, tab.grammar),
    );
  }
  return nodes;
};

/** One more file of an example, named, then its text. */
const codeFile: TwinComponent = async (props, _children, sources) => {
  const { example, file } = parseProps('CodeFile', CodeFilePropsSchema, props);
  const { code, grammar } = await loadCodeFile(sources.snippetsRoot, example, file);
  return [paragraph({ type: 'inlineCode', value: file }, { type: 'text', value: ':' }), codeBlock(code, grammar)];
};

/** A documented response: its status line and media type, then its body. */
const responseExample: TwinComponent = async (props) => {
  const response = responseView(parseProps('ResponseExample', ResponseExamplePropsSchema, props).status);
  return [
    paragraph(
      { type: 'inlineCode', value: `${response.status} ${response.reason}` },
      { type: 'text', value: ', ' },
      { type: 'inlineCode', value: 'application/json' },
      { type: 'text', value: ':' },
    ),
    codeBlock(response.body, 'json'),
  ];
};

/** A callout as a quotation that opens with its title in bold. */
const callout: TwinComponent = async (props, children) => {
  const { type, title } = parseProps('Callout', CalloutPropsSchema, props);
  const heading = paragraph({ type: 'strong', children: [lineText(title ?? CALLOUT_TITLES[type])] });
  return [{ type: 'blockquote', children: [heading, ...(children as (BlockContent | DefinitionContent)[])] }];
};

/** A table of the API's conventions as a Markdown table. */
const apiTableComponent: TwinComponent = async (props) => {
  const table = apiTable(parseProps('ApiTable', ApiTablePropsSchema, props).of);
  const cell = (content: TableCell): MdastTableCell => ({
    type: 'tableCell',
    children: [content.code ? { type: 'inlineCode', value: content.text } : lineText(content.text)],
  });
  const row = (cells: TableCell[]) => ({ type: 'tableRow' as const, children: cells.map(cell) });
  return [
    {
      type: 'table',
      align: table.columns.map(() => null),
      children: [row(table.columns.map((text) => ({ text }))), ...table.rows.map(row)],
    },
  ];
};

/** Markdown text that is already written as Markdown (the reference's tables and examples), kept as it is. */
const written = (value: string): RootContent => ({ type: 'html', value });

/** The page a twin speaks for, for the reference's check that an operation belongs on it. */
const pageOf = (sources: TwinSources): string => sources.pageUrl ?? '';

/** An operation's reference: its heading, endpoint, parameters and body, then what it holds (its tabs), then its answers. */
const operation: TwinComponent = async (props, children, sources) => {
  const { id, level } = props as { id?: unknown; level?: unknown };
  const parts = operationMarkdownParts(String(id), { page: pageOf(sources), ...(level !== undefined && { level: level as 2 | 3 }) });
  return [written(parts.head), ...children, written(parts.answers)];
};

/** A resource's fields as a Markdown table, under its heading. */
const resourceFields: TwinComponent = async (props, _children, sources) => {
  const { schema, level } = props as { schema?: unknown; level?: unknown };
  return [
    written(resourceFieldsMarkdown(String(schema), { page: pageOf(sources), ...(level !== undefined && { level: level as 2 | 3 }) })),
  ];
};

/** A container whose content stands for itself in Markdown (<Steps>' list, a layout <div>). */
const content: TwinComponent = async (_props, children) => children;

/** The components a page may use, by the name it uses them by. */
export const TWIN_COMPONENTS: Readonly<Record<string, TwinComponent>> = Object.freeze({
  CodeTabs: codeTabs,
  CodeFile: codeFile,
  ResponseExample: responseExample,
  ApiTable: apiTableComponent,
  Operation: operation,
  ResourceFields: resourceFields,
  Callout: callout,
  Steps: content,
  div: content,
});
