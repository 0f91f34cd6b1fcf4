// The Markdown twin of a page, for tools and assistants: made from the same sources as the page
// (the MDX, the snippet files, the API description and the harness report), with every code example
// inline in full, each labelled with its language, file and tested status. The MDX is parsed by
// the parser Astro builds the page with (satteri) into a syntax tree; the twin is that tree with
// each component replaced by its Markdown (see twin-components.ts), written out by one serializer.
import type { PhrasingContent, RootContent } from 'mdast';
import { mdxToMdast } from 'satteri';
import { API_FACTS } from '../../scripts/site-surface.ts';
import { lineText, markdownOf, paragraph } from './markdown-text.ts';
import { MarkdownTwinError, TWIN_COMPONENTS, type TwinSources } from './twin-components.ts';

export { MarkdownTwinError, type TwinSources } from './twin-components.ts';

/** A page's front matter, as the page shows it. */
export interface PageMeta {
  title: string;
  description: string;
}

/** A node of the MDX tree, whatever its kind (the parser's types leave MDX's own nodes out of mdast's unions). */
interface MdxNode {
  type: string;
  name?: string | null;
  value?: unknown;
  attributes?: { type: string; name?: string; value?: unknown }[];
  children?: MdxNode[];
}

/** What converting one page needs: where its code comes from, and its file for error messages. */
interface Context {
  file: string;
  sources: TwinSources;
}

/** The value of a `{API_FACTS.name}` expression: a string fact of the API description. */
function fact(name: string, file: string): string {
  const [scope, key = '', ...rest] = name.split('.');
  const facts: Readonly<Record<string, unknown>> = API_FACTS;
  const value = scope === 'API_FACTS' && rest.length === 0 && Object.hasOwn(facts, key) ? facts[key] : undefined;
  if (typeof value !== 'string')
    throw new MarkdownTwinError(file, `{${name}} is not a string fact of the API description (expected {API_FACTS.<name>})`);
  return value;
}

/** What an expression stands for: a fact's text, nothing for a comment; anything else is refused. */
function expressionText(code: string, file: string): string | undefined {
  const trimmed = code.trim();
  if (/^\/\*[\s\S]*\*\/$/.test(trimmed)) return undefined;
  if (/^[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)*$/.test(trimmed)) return fact(trimmed, file);
  throw new MarkdownTwinError(file, `{${trimmed}} is not an expression the twin can read (a fact: {API_FACTS.<name>})`);
}

/** An attribute value written as an expression (`status={401}`): a number, a boolean or a fact of the API description. */
function expressionValue(code: string, file: string): unknown {
  const trimmed = code.trim();
  if (/^-?\d+(?:\.\d+)?$/.test(trimmed)) return Number(trimmed);
  if (trimmed === 'true' || trimmed === 'false') return trimmed === 'true';
  return expressionText(trimmed, file);
}

/** A JSX element's attributes as props; a spread (`{...props}`) is refused. */
function props(node: MdxNode, file: string): Record<string, unknown> {
  const found: Record<string, unknown> = {};
  for (const attribute of node.attributes ?? []) {
    if (attribute.type !== 'mdxJsxAttribute' || !attribute.name)
      throw new MarkdownTwinError(file, `<${node.name}> spreads props, which the twin cannot read`);
    const { value } = attribute;
    if (value === null || value === undefined) found[attribute.name] = true;
    else if (typeof value === 'string') found[attribute.name] = value;
    else found[attribute.name] = expressionValue(String((value as { value: unknown }).value), file);
  }
  return found;
}

/** `<Name a="x" b={1} />`, as the page wrote it, for messages. */
function describeTag(node: MdxNode): string {
  const attributes = (node.attributes ?? []).map((attribute) => {
    const { value } = attribute;
    if (attribute.type !== 'mdxJsxAttribute') return ' {...}';
    if (value === null || value === undefined) return ` ${attribute.name}`;
    return typeof value === 'string'
      ? ` ${attribute.name}="${value}"`
      : ` ${attribute.name}={${String((value as { value: unknown }).value)}}`;
  });
  return `<${node.name ?? ''}${attributes.join('')} />`;
}

/** A link's target as the twin needs it: a link relative to the page is made absolute (the twin is not beside the page's folder), others kept. */
function linkTarget(url: string, context: Context): string {
  const { pageUrl } = context.sources;
  if (!pageUrl || /^(?:[a-z][a-z0-9+.-]*:|\/|#)/i.test(url)) return url;
  const resolved = new URL(url, `https://site.invalid${pageUrl}`);
  return `${resolved.pathname}${resolved.search}${resolved.hash}`;
}

/** The inline content of `node` (a text-level element), as Markdown inline nodes. */
function inline(node: MdxNode, context: Context): PhrasingContent[] {
  if (node.type === 'mdxTextExpression') {
    const text = expressionText(String(node.value), context.file);
    return text === undefined ? [] : [{ type: 'text', value: text }];
  }
  if (node.type === 'mdxJsxTextElement') {
    if (node.name !== 'code') throw new MarkdownTwinError(context.file, `<${node.name}> is not an element the twin knows inside text`);
    const text = (node.children ?? []).flatMap((child) => inline(child, context)).map((child) => ('value' in child ? child.value : ''));
    return [{ type: 'inlineCode', value: text.join('') }];
  }
  const converted = withChildren(node, (children) => children.flatMap((child) => inline(child, context))) as PhrasingContent;
  if (converted.type === 'link') converted.url = linkTarget(converted.url, context);
  return [converted];
}

/** A copy of `node` whose children are `convert`'s result (a node without children is returned as it is). */
function withChildren<Child>(node: MdxNode, convert: (children: MdxNode[]) => Child[]): unknown {
  return node.children ? { ...node, children: convert(node.children) } : node;
}

/** The block-level content of `node` as Markdown nodes (none for front matter and imports). */
async function block(node: MdxNode, context: Context): Promise<RootContent[]> {
  switch (node.type) {
    case 'yaml':
    case 'toml':
    case 'mdxjsEsm':
      return [];
    case 'mdxFlowExpression': {
      const text = expressionText(String(node.value), context.file);
      return text === undefined ? [] : [paragraph(lineText(text))];
    }
    case 'mdxJsxFlowElement': {
      const component = TWIN_COMPONENTS[node.name ?? ''];
      if (!component)
        throw new MarkdownTwinError(
          context.file,
          `${describeTag(node)} is not a component the twin knows (it knows ${Object.keys(TWIN_COMPONENTS).join(', ')})`,
        );
      const children = await blocks(node.children ?? [], context);
      try {
        return await component(props(node, context.file), children, context.sources);
      } catch (error) {
        if (error instanceof MarkdownTwinError) throw error;
        throw new MarkdownTwinError(context.file, (error as Error).message);
      }
    }
    case 'paragraph':
    case 'heading':
    case 'tableCell':
      return [withChildren(node, (children) => children.flatMap((child) => inline(child, context))) as RootContent];
    default:
      if (!node.children) return [node as RootContent];
      return [{ ...node, children: await blocks(node.children, context) } as RootContent];
  }
}

/** The Markdown nodes of a list of MDX nodes, in order. */
async function blocks(nodes: readonly MdxNode[], context: Context): Promise<RootContent[]> {
  return (await Promise.all(nodes.map((node) => block(node, context)))).flat();
}

/** The page's MDX as a tree; a syntax error names the file. */
function parse(source: string, file: string): MdxNode {
  try {
    return mdxToMdast(source, { position: false }) as MdxNode;
  } catch (error) {
    throw new MarkdownTwinError(file, `the MDX does not parse: ${(error as Error).message}`);
  }
}

/** The Markdown twin of the page whose MDX text is `source` (from `file`, named in errors). */
export async function pageMarkdown(source: string, meta: PageMeta, file: string, sources: TwinSources): Promise<string> {
  const body = await blocks(parse(source, file).children ?? [], { file, sources });
  return markdownOf([
    { type: 'heading', depth: 1, children: [lineText(meta.title)] },
    { type: 'blockquote', children: [paragraph(lineText(meta.description))] },
    ...body,
  ]);
}
