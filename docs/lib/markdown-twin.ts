// The Markdown twin of a guide, for tools and assistants: made from the same sources as the page
// (the MDX text, the snippet files, the API description and the harness report), with every code
// example inline in full, each labelled with its language, file and tested status.
import { API_FACTS, type HarnessReport } from '../../scripts/site-surface.ts';
import { loadCodeFile } from '../components/code-file.ts';
import { loadTabs } from '../components/code-tabs.ts';
import { fileResults } from './evidence.ts';
import { DOCUMENTED_STATUSES, responseView, type DocumentedStatus } from '../components/responses.ts';

/** Where a twin's code and results come from. */
export interface TwinSources {
  snippetsRoot: string;
  projectRoot: string;
  report: HarnessReport | undefined;
}

/** A guide's front matter, as the page shows it. */
export interface GuideMeta {
  title: string;
  description: string;
}

/** A guide the twin cannot be made from; the message names the file and what is wrong. */
export class MarkdownTwinError extends Error {
  constructor(file: string, problem: string) {
    super(`${file}: cannot make the Markdown twin: ${problem}`);
    this.name = 'MarkdownTwinError';
  }
}

/** A fenced code block holding `code` exactly, its fence longer than any run of backticks inside. */
export function fence(code: string, info: string): string {
  const longest = Math.max(0, ...[...code.matchAll(/`+/g)].map((match) => match[0].length));
  const marks = '`'.repeat(Math.max(3, longest + 1));
  return `${marks}${info}\n${code}${code.endsWith('\n') ? '' : '\n'}${marks}`;
}

/** The attributes of a component tag (`example="x"`, `status={401}`). */
function attributes(text: string): Record<string, string> {
  const found: Record<string, string> = {};
  for (const match of text.matchAll(/(\w+)=(?:"([^"]*)"|\{([^}]*)\})/g)) found[match[1]!] = match[2] ?? match[3]!;
  return found;
}

/** One example's files as Markdown: a heading line per language with its tested status, then the file. */
async function codeTabs(example: string, sources: TwinSources): Promise<string> {
  const { example: loaded, tabs } = await loadTabs(sources.snippetsRoot, example);
  const { title, description } = loaded.manifest;
  const parts = [`**${title}**${description ? `: ${description}` : ''}`];
  for (const tab of tabs) {
    const { status } = fileResults(
      sources.report,
      loaded,
      { language: tab.language, path: tab.path, name: tab.fileName },
      sources.snippetsRoot,
      sources.projectRoot,
    );
    parts.push(`${tab.label}, \`${tab.fileName}\` (${status.label}):`, fence(tab.code, tab.grammar));
  }
  return parts.join('\n\n');
}

/** One component of the page as Markdown; throws for a component the twin does not know. */
async function component(name: string, props: Record<string, string>, file: string, sources: TwinSources): Promise<string> {
  if (name === 'CodeTabs' && props.example) return codeTabs(props.example, sources);
  if (name === 'CodeFile' && props.example && props.file) {
    const { code, grammar } = await loadCodeFile(sources.snippetsRoot, props.example, props.file);
    return `\`${props.file}\`:\n\n${fence(code, grammar)}`;
  }
  if (name === 'ResponseExample' && DOCUMENTED_STATUSES.includes(Number(props.status) as DocumentedStatus)) {
    const response = responseView(Number(props.status) as DocumentedStatus);
    return `\`${response.status} ${response.reason}\`, \`application/json\`:\n\n${fence(response.body, 'json')}`;
  }
  throw new MarkdownTwinError(
    file,
    `<${name}${Object.entries(props)
      .map(([key, value]) => ` ${key}="${value}"`)
      .join('')} /> is not a component the twin knows, or lacks a prop`,
  );
}

/** The value of a `{API_FACTS.name}` expression: a string fact of the API description. */
function expression(name: string, file: string): string {
  const [scope, key = '', ...rest] = name.split('.');
  const facts: Readonly<Record<string, unknown>> = API_FACTS;
  const value = scope === 'API_FACTS' && rest.length === 0 && Object.hasOwn(facts, key) ? facts[key] : undefined;
  if (typeof value !== 'string')
    throw new MarkdownTwinError(file, `{${name}} is not a string fact of the API description (expected {API_FACTS.<name>})`);
  return value;
}

/** Replaces every match of `pattern` in `text` with `replace`'s (asynchronous) result. */
async function replaceAsync(text: string, pattern: RegExp, replace: (match: RegExpMatchArray) => Promise<string>): Promise<string> {
  const matches = [...text.matchAll(pattern)];
  const replacements = await Promise.all(matches.map(replace));
  let result = '';
  let last = 0;
  matches.forEach((match, index) => {
    result += text.slice(last, match.index) + replacements[index];
    last = match.index! + match[0].length;
  });
  return result + text.slice(last);
}

/** The Markdown twin of the guide whose MDX text is `source` (from `file`, named in errors). */
export async function guideMarkdown(source: string, meta: GuideMeta, file: string, sources: TwinSources): Promise<string> {
  let body = source.replace(/^---\r?\n[\s\S]*?\r?\n---\r?\n/, '');
  // MDX's own lines: imports and exports are the page's code, not its text.
  body = body.replace(/^(?:import|export) .*\r?\n/gm, '');
  body = body.replace(/<code>\{(\w+(?:\.\w+)*)\}<\/code>/g, (_match, name: string) => `\`${expression(name, file)}\``);
  body = body.replace(/(?<!=)\{([A-Za-z_]\w*(?:\.\w+)*)\}/g, (_match, name: string) => expression(name, file));
  body = body.replace(/^<\/?div[^>]*>\r?\n/gm, '');
  body = body.replace(/<Steps>\r?\n([\s\S]*?)<\/Steps>/g, '$1');
  body = body.replace(/<Callout([^>]*)>\r?\n([\s\S]*?)<\/Callout>/g, (_match, attrs: string, inner: string) => {
    const { type = 'note', title } = attributes(attrs);
    const heading = title ?? type[0]!.toUpperCase() + type.slice(1);
    return `${[`**${heading}**`, '', ...inner.replace(/\s+$/, '').split('\n')].map((line) => (line ? `> ${line}` : '>')).join('\n')}\n`;
  });
  const leftover = /<([A-Z]\w*)(?![^>]*\/>)[\s>]/.exec(body);
  if (leftover) throw new MarkdownTwinError(file, `<${leftover[1]}> is not a component the twin knows`);
  // Tidy the text's blank lines before the code goes in: code is inserted byte for byte.
  body = body
    .replace(/^\s+/, '')
    .replace(/\n{3,}/g, '\n\n')
    .replace(/\s*$/, '\n');
  body = await replaceAsync(body, /<([A-Z]\w*)((?:\s+\w+=(?:"[^"]*"|\{[^}]*\}))*)\s*\/>/g, (match) =>
    component(match[1]!, attributes(match[2]!), file, sources),
  );
  return `# ${meta.title}\n\n> ${meta.description}\n\n${body}`;
}
