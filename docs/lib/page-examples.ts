// Which examples a page shows, read from its MDX syntax tree (every <CodeTabs example="…"> and
// <CodeFile example="…">), for /llms.txt and the status page: the pages say which examples they
// show, and nothing else keeps a list of them. The build also reads which files they show, to
// highlight them ahead of the pages (see the code-highlight integration).
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

/** One file or example a page shows: `<CodeTabs example>` (file undefined: every language) or `<CodeFile example file>`. */
export interface ShownCode {
  component: 'CodeTabs' | 'CodeFile';
  example: string;
  file?: string;
}

/** The string value of attribute `name` of an MDX element, if it is written as a string. */
function stringAttribute(node: MdxNode, name: string): string | undefined {
  const attribute = node.attributes?.find((candidate) => candidate.type === 'mdxJsxAttribute' && candidate.name === name);
  return typeof attribute?.value === 'string' ? attribute.value : undefined;
}

/** Every <CodeTabs> and <CodeFile> of the page whose MDX is `source` with a string `example`, in page order. */
export function pageShownCode(source: string): ShownCode[] {
  const shown: ShownCode[] = [];
  const visit = (node: MdxNode): void => {
    if (node.type === 'mdxJsxFlowElement' && EXAMPLE_COMPONENTS.has(node.name ?? '')) {
      const example = stringAttribute(node, 'example');
      const component = node.name as ShownCode['component'];
      const file = component === 'CodeFile' ? stringAttribute(node, 'file') : undefined;
      if (example !== undefined) shown.push({ component, example, ...(file !== undefined ? { file } : {}) });
    }
    node.children?.forEach(visit);
  };
  visit(mdxToMdast(source, { position: false }) as MdxNode);
  return shown;
}

/** The ids of the examples the page whose MDX is `source` shows, in the order they first appear. */
export function pageExampleIds(source: string): string[] {
  return [...new Set(pageShownCode(source).map((shown) => shown.example))];
}
