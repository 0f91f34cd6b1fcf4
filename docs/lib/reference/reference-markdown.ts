// The reference sections as Markdown, for the page's Markdown twin: the same views as <Operation>
// and <ResourceFields> render (so the same facts, checks and errors), written as GitHub-flavoured
// Markdown: tables for parameters and fields, ```json blocks for examples, and a marked note for
// every assumption. The twin's maker calls referenceMarkdown() for these tags.
import { checkedOperation, checkedResource } from '../../components/reference-props.ts';
import { columnsOf, type BodyFields, type FieldColumn, type FieldRow, type TableAudience } from './field-rows.ts';
import { escapeHtml } from './inline-markup.ts';
import { referenceSource, type ReferenceSource } from './reference-source.ts';
import { capitalised, requestBodyLead, resourceTitle, shapeCondition, shapesIntro } from './reference-words.ts';
import { code } from './schema-words.ts';

/** Where the Markdown goes: its page (a URL path, checked as the page is), and what the tag holds. */
export interface ReferenceMarkdownOptions {
  /** The page's URL path (`/core-api/targets/`): on a tag's page, only that tag's operations. */
  page: string;
  /** The heading level of the section, as the tag's `level` prop gives it (default 2). */
  level?: 2 | 3;
  /** The Markdown of what the tag holds (the tested code tabs), placed before the answers. */
  inner?: string;
  /** The description to read (default: the site's, as the page reads it). */
  source?: ReferenceSource;
}

/** A table cell's text on one line, its pipes escaped (GitHub reads `\|` as a pipe, in code too). */
function cell(text: string): string {
  return text.replace(/\r?\n/g, ' ').replace(/\|/g, '\\|');
}

/** The text of one cell of `row`, for `column`. */
function cellText(row: FieldRow, column: FieldColumn): string {
  const assumed = row.assumed.map((reason) => `**Assumed:** ${reason}`);
  const texts: Record<FieldColumn, string> = {
    name: code(row.name),
    in: row.in ?? '',
    type: row.flags.length > 0 ? `${row.type} (${row.flags.join(', ')})` : row.type,
    required: row.required ? 'yes' : 'no',
    default: row.defaultValue ?? '',
    constraints: row.constraints.join('; '),
    description: [row.description ?? '', ...assumed].filter(Boolean).join(' '),
  };
  return cell(texts[column]);
}

/** A heading with the anchor the page gives its section, so the twin's links (`#schema-Target`) lead there too. */
function anchored(anchor: string, heading: string): string {
  return `<a id="${escapeHtml(anchor)}"></a>\n\n${heading}`;
}

/** A GitHub-flavoured Markdown table of `rows`: a column for each fact, those no row has left out. */
export function fieldTableMarkdown(rows: readonly FieldRow[], audience: TableAudience): string {
  const columns = columnsOf(rows, audience);
  const line = (cells: readonly string[]) => `| ${cells.join(' | ')} |`;
  return [
    line(columns.map((column) => column.label)),
    line(columns.map(() => '---')),
    ...rows.map((row) => line(columns.map((column) => cellText(row, column.key)))),
  ].join('\n');
}

/** Each assumption as a quoted note. */
function assumedNotes(reasons: readonly string[]): string[] {
  return reasons.map((reason) => `> **Assumed:** ${reason}`);
}

/** A fenced block holding `text` exactly, its fence longer than any run of backticks inside. */
function fenced(text: string, info: string): string {
  const longest = Math.max(0, ...[...text.matchAll(/`+/g)].map((match) => match[0].length));
  const marks = '`'.repeat(Math.max(3, longest + 1));
  return `${marks}${info}\n${text}\n${marks}`;
}

/** A body's blocks: description, assumptions, then a table per shape with what holds for it. */
function bodyBlocks(body: BodyFields, audience: TableAudience): string[] {
  const several = body.shapes.length > 1;
  const blocks = [...(body.description === undefined ? [] : [body.description]), ...assumedNotes(body.assumed)];
  if (several) blocks.push(shapesIntro(body));
  body.shapes.forEach((shape, index) => {
    if (several) {
      const title = `**${capitalised(shapeCondition(body, index))}**`;
      blocks.push(shape.description === undefined ? title : `${title}: ${shape.description}`, ...assumedNotes(shape.assumed));
    }
    if (shape.rows.length > 0) blocks.push(fieldTableMarkdown(shape.rows, audience));
    if (shape.notes.length > 0) blocks.push(shape.notes.join(' '));
  });
  return blocks;
}

/** An operation's section as Markdown in two parts, for a twin that puts the tag's children between them. */
export interface OperationMarkdownParts {
  /** The heading, endpoint, description, parameters and request body. */
  head: string;
  /** The answers, from their heading on. */
  answers: string;
}

/** The two parts of operation `operationId`'s section, as <Operation id={operationId}> shows it on `options.page`. */
export function operationMarkdownParts(operationId: string, options: Omit<ReferenceMarkdownOptions, 'inner'>): OperationMarkdownParts {
  const source = options.source ?? referenceSource();
  const { view, level } = checkedOperation(source, { id: operationId, ...(options.level && { level: options.level }) }, options.page);
  const heading = (depth: number, text: string) => `${'#'.repeat(Math.min(depth, 6))} ${text}`;
  const head = [
    anchored(view.anchor, heading(level, view.summary)),
    `${code(`${view.method} ${view.path}`)} (operationId ${code(view.operationId)})`,
    view.description,
    ...assumedNotes(view.assumed),
  ];
  if (view.parameters.length > 0) head.push(heading(level + 1, 'Parameters'), fieldTableMarkdown(view.parameters, 'parameters'));
  if (view.requestBody) {
    const body = view.requestBody;
    head.push(heading(level + 1, 'Request body'), requestBodyLead(body.required, body.mediaType), ...bodyBlocks(body, 'request'));
    for (const example of body.examples)
      head.push(
        `Example request body, ${code(example.name)}${example.summary ? `: ${example.summary}` : ''}`,
        fenced(example.json, 'json'),
      );
  }
  const answers = [heading(level + 1, 'Responses')];
  for (const response of view.responses) {
    answers.push(heading(level + 2, `${response.status} ${response.reason}`), response.description, ...assumedNotes(response.assumed));
    if (response.body) {
      answers.push(...bodyBlocks(response.body, 'response'));
      for (const example of response.body.examples)
        answers.push(`Example, ${code(example.name)}${example.summary ? `: ${example.summary}` : ''}`, fenced(example.json, 'json'));
    }
  }
  return { head: head.join('\n\n'), answers: answers.join('\n\n') };
}

/** The Markdown of operation `operationId`'s section, as <Operation id={operationId}> shows it on `options.page`. */
export function operationMarkdown(operationId: string, options: ReferenceMarkdownOptions): string {
  const { head, answers } = operationMarkdownParts(operationId, options);
  const inner = options.inner?.trim();
  return `${[head, ...(inner ? [inner] : []), answers].join('\n\n')}\n`;
}

/** The Markdown of resource `schema`'s fields, as <ResourceFields schema={schema}> shows them on `options.page`. */
export function resourceFieldsMarkdown(schema: string, options: Omit<ReferenceMarkdownOptions, 'inner'>): string {
  const source = options.source ?? referenceSource();
  const { view, level } = checkedResource(source, { schema, ...(options.level && { level: options.level }) }, options.page);
  const blocks = [
    anchored(view.anchor, `${'#'.repeat(level)} ${resourceTitle(view.name)}`),
    ...(view.description === undefined ? [] : [view.description]),
    ...assumedNotes(view.assumed),
    fieldTableMarkdown(view.shape.rows, 'response'),
    ...(view.shape.notes.length > 0 ? [view.shape.notes.join(' ')] : []),
  ];
  return `${blocks.join('\n\n')}\n`;
}

/** The MDX tags this module writes as Markdown. */
export const REFERENCE_TAGS = ['Operation', 'ResourceFields'] as const;

/**
 * The Markdown of a reference tag with the props the MDX gives it (`{ id: 'createTarget' }`), or
 * undefined for a tag that is not one of REFERENCE_TAGS. Bad props throw as the page's build does.
 */
export function referenceMarkdown(
  tag: string,
  props: Readonly<Record<string, unknown>>,
  options: Omit<ReferenceMarkdownOptions, 'level'>,
): string | undefined {
  const source = options.source ?? referenceSource();
  if (tag === 'Operation') {
    const { view, level } = checkedOperation(source, props, options.page);
    return operationMarkdown(view.operationId, { ...options, source, level });
  }
  if (tag === 'ResourceFields') {
    const { view, level } = checkedResource(source, props, options.page);
    return resourceFieldsMarkdown(view.name, { page: options.page, source, level });
  }
  return undefined;
}
