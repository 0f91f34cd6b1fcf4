// Which examples a page shows, read from its MDX syntax tree (every <CodeTabs example="…"> and
// <CodeFile example="…">), and in which operation's section (<Operation id="…">) each one sits, for
// /llms.txt and the status page: the pages say which examples they show, and nothing else keeps a
// list of them. The build also reads which files they show, to highlight them ahead of the pages
// (see the code-highlight integration).
import { mdxToMdast } from 'satteri';

/** The components that show an example, by the name a page uses them by. */
const EXAMPLE_COMPONENTS = new Set(['CodeTabs', 'CodeFile']);

/** A node of the MDX tree, as much of it as this needs. */
interface MdxNode {
  type: string;
  name?: string | null;
  attributes?: { type: string; name?: string; value?: unknown }[];
  children?: MdxNode[];
}

/** The string value of a JSX element's attribute `name`, or undefined. */
function attributeOf(node: MdxNode, name: string): string | undefined {
  const found = node.attributes?.find((attribute) => attribute.type === 'mdxJsxAttribute' && attribute.name === name);
  return typeof found?.value === 'string' ? found.value : undefined;
}

/** One example a page shows, and the operation whose section holds it there (none outside every <Operation>). */
export interface PageExample {
  example: string;
  operation?: string;
}

/** The examples the page whose MDX is `source` shows, in the order they first appear, each with its operation's section. */
export function pageExamples(source: string): PageExample[] {
  const found: PageExample[] = [];
  const visit = (node: MdxNode, operation: string | undefined): void => {
    const isElement = node.type === 'mdxJsxFlowElement';
    const example = isElement && EXAMPLE_COMPONENTS.has(node.name ?? '') ? attributeOf(node, 'example') : undefined;
    if (example !== undefined && !found.some((entry) => entry.example === example))
      found.push(operation === undefined ? { example } : { example, operation });
    const inside = isElement && node.name === 'Operation' ? (attributeOf(node, 'id') ?? operation) : operation;
    node.children?.forEach((child) => visit(child, inside));
  };
  visit(mdxToMdast(source, { position: false }) as MdxNode, undefined);
  return found;
}

/** One file or example a page shows: `<CodeTabs example>` (file undefined: every language) or `<CodeFile example file>`. */
export interface ShownCode {
  component: 'CodeTabs' | 'CodeFile';
  example: string;
  file?: string;
}

/** Every <CodeTabs> and <CodeFile> of the page whose MDX is `source` with a string `example`, in page order. */
export function pageShownCode(source: string): ShownCode[] {
  const shown: ShownCode[] = [];
  const visit = (node: MdxNode): void => {
    if (node.type === 'mdxJsxFlowElement' && EXAMPLE_COMPONENTS.has(node.name ?? '')) {
      const example = attributeOf(node, 'example');
      const component = node.name as ShownCode['component'];
      const file = component === 'CodeFile' ? attributeOf(node, 'file') : undefined;
      if (example !== undefined) shown.push({ component, example, ...(file !== undefined ? { file } : {}) });
    }
    node.children?.forEach(visit);
  };
  visit(mdxToMdast(source, { position: false }) as MdxNode);
  return shown;
}

/** The ids of the examples the page whose MDX is `source` shows, in the order they first appear. */
export function pageExampleIds(source: string): string[] {
  return pageExamples(source).map((entry) => entry.example);
}
